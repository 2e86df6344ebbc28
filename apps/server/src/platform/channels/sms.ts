/** A text message to one phone number; the body is a fixed phrase and a link, never health information. */
export type SmsMessage = { to: string; body: string };

export type SmsSender = {
  readonly provider: 'twilio';
  send(message: SmsMessage): Promise<void>;
};

export type TwilioSettings = { accountSid: string; authToken: string; from: string; apiUrl: string };

/** A provider error worth retrying (network, 429, 5xx) versus one that will never succeed (bad number). */
export class SmsRejected extends Error {}

/** Twilio's Messages API over plain HTTPS: one form-encoded POST per message. */
export function createTwilioSender(settings: TwilioSettings, timeoutMs = 10_000): SmsSender {
  const url = `${settings.apiUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    provider: 'twilio',
    async send({ to, body }) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ To: to, From: settings.from, Body: body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return;
      const detail = `Twilio answered ${response.status}: ${(await response.text()).slice(0, 200)}`;
      if (response.status === 429 || response.status >= 500) throw new Error(detail);
      throw new SmsRejected(detail);
    },
  };
}
