import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { call, createTestApp, register, type TestApp } from './harness';

type Received = { to: string[]; raw: string };

let t: TestApp;
let smtp: SMTPServer;
const inbox: Received[] = [];

beforeAll(async () => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, role: 'all' });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('email through SMTP (real smtp-server)', () => {
  it('delivers the password reset email with its link, and records it as sent', async () => {
    const session = await register(t.app);
    expect((await call(t.app, { method: 'POST', url: '/api/v1/auth/password/forgot', payload: { email: session.email } })).statusCode).toBe(202);
    const mail = await waitFor(() => inbox.find((m) => m.to.includes(session.email)));
    expect(decodeBody(mail.raw)).toMatch(/http:\/\/tend\.test\/reset-password\?token=/);
    const deadline = Date.now() + 10_000;
    let sent = false;
    while (!sent && Date.now() < deadline) {
      sent = (await t.owner.query("select 1 from notify.mail_outbox where template = 'password_reset' and status = 'sent'")).rowCount === 1;
      if (!sent) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent).toBe(true);
  });
});

/** The text body of a single-part message, with its transfer encoding undone. */
function decodeBody(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
