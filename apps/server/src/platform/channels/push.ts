import webpush from 'web-push';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };
export type PushSubscriptionKeys = { endpoint: string; p256dh: string; auth: string };
export type PushPayload = { title: string; body?: string; link: string | null; urgent: boolean; tag: string };

/** What the push service said: delivered, or the subscription no longer exists (forget it). */
export type PushOutcome = 'sent' | 'gone';

export type PushSender = {
  readonly publicKey: string;
  send(subscription: PushSubscriptionKeys, payload: PushPayload): Promise<PushOutcome>;
};

/**
 * Web Push (RFC 8030/8291/8292): `web-push` encrypts the payload and signs the VAPID header, and
 * we POST the result ourselves with a timeout, so a slow push service cannot hold a worker.
 */
export function createPushSender(keys: VapidKeys, timeoutMs = 10_000): PushSender {
  return {
    publicKey: keys.publicKey,
    async send(subscription, payload) {
      const request = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        JSON.stringify(payload),
        { vapidDetails: keys, TTL: payload.urgent ? 3600 : 24 * 3600, urgency: payload.urgent ? 'high' : 'normal' },
      );
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: request.body ? new Uint8Array(request.body) : null,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return 'sent';
      if (response.status === 404 || response.status === 410) return 'gone';
      throw new Error(`push service answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    },
  };
}

export const generateVapidKeys = (): { publicKey: string; privateKey: string } => webpush.generateVAPIDKeys();
