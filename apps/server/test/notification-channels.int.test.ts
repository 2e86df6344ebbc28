import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker, createNotificationsService, type NewNotification } from '../src/modules/notifications';
import { systemContext } from '../src/platform/db/database';
import type { Realtime } from '../src/platform/realtime/realtime';
import { call, type TestApp, createTestApp } from './harness';
import { connectSocket, listenWithSockets } from './realtime.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

/**
 * Twilio and the browsers' push services cannot run here: both are faked at their HTTP boundary by
 * one local server that records every request and answers what the test asks for.
 */
type Seen = { path: string; headers: http.IncomingHttpHeaders; body: Buffer };
let fake: http.Server;
let fakeUrl: string;
let seen: Seen[] = [];
let answers: number[] = [];
let t: TestApp;
let org: BuiltOrg;
let other: BuiltOrg;
let realtime: Realtime;
let socketUrl: string;

beforeAll(async () => {
  fake = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = answers.shift() ?? 201;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  // No job workers in this file: the test drives each delivery itself, like a worker would.
  t = await createTestApp({
    role: 'api',
    pushAllowLoopback: true,
    twilio: { accountSid: 'AC123', authToken: 'secret', from: '+15550001111', apiUrl: fakeUrl },
  });
  ({ url: socketUrl, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Channels practice');
  other = await buildOrg(t, 'Other practice');
});
afterAll(async () => {
  await realtime.close();
  await t.close();
  await new Promise((resolve) => fake.close(resolve));
});
beforeEach(() => {
  seen = [];
  answers = [];
});

const worker = () =>
  createDeliveryWorker({
    db: t.runtime.db,
    crypto: t.runtime.crypto,
    jobs: t.runtime.jobs,
    mailer: t.runtime.mailer,
    sms: t.runtime.sms,
    push: t.runtime.push,
    publicUrl: 'http://tend.test',
    logger: pino({ level: 'silent' }),
  });

async function notify(n: Partial<NewNotification> & { userId: string }): Promise<Record<string, string>> {
  const service = createNotificationsService({ db: t.runtime.db, relay: t.runtime.relay, jobs: t.runtime.jobs });
  const inboxId = await t.runtime.db.inContext(systemContext, async (tx) => {
    await service.notify(tx, { orgId: org.orgId, kind: 'care.form', title: { uk: 'Нова форма', en: 'A new form' }, link: '/forms', ...n });
    const { rows } = await tx.$client.query<{ id: string }>('select id from notifications.inbox where user_id = $1 order by created_at desc, id desc limit 1', [
      n.userId,
    ]);
    return rows[0]!.id;
  });
  const { rows } = await t.owner.query<{ id: string; channel: string }>('select id, channel from notifications.deliveries where inbox_id = $1', [inboxId]);
  return Object.fromEntries(rows.map((r) => [r.channel, r.id]));
}

const deliveryRow = async (id: string) =>
  (await t.owner.query('select status, attempts, detail, not_before from notifications.deliveries where id = $1', [id])).rows[0];

/** A subscription as a browser makes it: a P-256 public key and a 16-byte auth secret. */
function browserSubscription(path = `/push/${crypto.randomUUID()}`) {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  return { endpoint: `${fakeUrl}${path}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: crypto.randomBytes(16).toString('base64url') } };
}

describe('notification preferences', () => {
  it('start from the defaults, keep crisis email locked on, and take quiet hours in the person’s zone', async () => {
    const before = await call(t.app, { method: 'GET', url: '/api/v1/notifications/preferences', token: org.client.token });
    expect(before.statusCode).toBe(200);
    const find = (body: { channels: { category: string; channel: string }[] }, category: string, channel: string) =>
      body.channels.find((c) => c.category === category && c.channel === channel);
    expect(find(before.json().data, 'crisis', 'email')).toEqual({ category: 'crisis', channel: 'email', enabled: true, locked: true });
    expect(find(before.json().data, 'sessions', 'email')).toMatchObject({ enabled: false, locked: false });
    expect(before.json().data.quiet_hours).toBeNull();

    const put = await call(t.app, {
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      token: org.client.token,
      payload: {
        channels: [{ category: 'messages', channel: 'email', enabled: false }],
        quiet_hours: { starts_at: '22:00', ends_at: '07:00', timezone: 'Europe/Kyiv' },
      },
    });
    expect(put.statusCode).toBe(200);
    expect(find(put.json().data, 'messages', 'email')).toMatchObject({ enabled: false });
    expect(put.json().data.quiet_hours).toEqual({ starts_at: '22:00', ends_at: '07:00', timezone: 'Europe/Kyiv' });

    // Someone else — in this org or another — sees their own defaults, never these choices.
    for (const stranger of [org.specialist, other.client]) {
      const theirs = await call(t.app, { method: 'GET', url: '/api/v1/notifications/preferences', token: stranger.token });
      expect(theirs.json().data.quiet_hours).toBeNull();
      expect(find(theirs.json().data, 'messages', 'email')).toMatchObject({ enabled: true });
    }
    const audit = await t.owner.query("select 1 from audit.audit_log where action = 'notifications.preferences.update' and actor_user_id = $1", [
      org.client.userId,
    ]);
    expect(audit.rowCount).toBe(1);
  });

  it('refuses bad input with a clear 400 and changes nothing', async () => {
    const bad = [
      { channels: [{ category: 'crisis', channel: 'email', enabled: false }] },
      { channels: [{ category: 'gossip', channel: 'email', enabled: false }] },
      { channels: [{ category: 'care', channel: 'pigeon', enabled: false }] },
      { quiet_hours: { starts_at: '25:00', ends_at: '07:00', timezone: 'Europe/Kyiv' } },
      { quiet_hours: { starts_at: '22:00', ends_at: '07:00', timezone: 'Mars/Olympus_Mons' } },
      { quiet_hours: { starts_at: '22:00', ends_at: '22:00', timezone: 'Europe/Kyiv' } },
    ];
    const before = (await call(t.app, { method: 'GET', url: '/api/v1/notifications/preferences', token: org.client.token })).json().data;
    for (const payload of bad) {
      const response = await call(t.app, { method: 'PUT', url: '/api/v1/notifications/preferences', token: org.client.token, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toMatch(/^(REQUEST\.VALIDATION|NOTIFICATION\.CHANNEL_LOCKED)$/);
    }
    expect((await call(t.app, { method: 'GET', url: '/api/v1/notifications/preferences', token: org.client.token })).json().data).toEqual(before);
  });
});

describe('push subscriptions', () => {
  it('refuses bogus endpoints and keys, accepts a browser’s subscription once per device, and only its owner removes it', async () => {
    const good = browserSubscription();
    const bogus = [
      { ...good, endpoint: 'not a url' },
      { ...good, endpoint: 'http://push.example.com/abc' },
      { ...good, endpoint: 'https://127.0.0.1/abc' },
      { ...good, endpoint: 'https://user:pw@push.example.com/abc' },
      { ...good, endpoint: 'javascript:alert(1)' },
      { ...good, keys: { ...good.keys, p256dh: 'short' } },
      { ...good, keys: { ...good.keys, auth: '!!!not-base64!!!' } },
      { endpoint: good.endpoint },
    ];
    for (const payload of bogus) {
      const response = await call(t.app, { method: 'POST', url: '/api/v1/notifications/push/subscriptions', token: org.specialist.token, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.owner.query('select 1 from notifications.push_subscriptions where user_id = $1', [org.specialist.userId])).rowCount).toBe(0);

    const first = await call(t.app, { method: 'POST', url: '/api/v1/notifications/push/subscriptions', token: org.specialist.token, payload: good });
    expect(first.statusCode).toBe(201);
    const again = await call(t.app, { method: 'POST', url: '/api/v1/notifications/push/subscriptions', token: org.specialist.token, payload: good });
    expect(again.json().data.id).toBe(first.json().data.id);
    const stored = await t.owner.query<{ subscription_ciphertext: Buffer }>(
      'select subscription_ciphertext from notifications.push_subscriptions where user_id = $1',
      [org.specialist.userId],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.subscription_ciphertext.toString('latin1')).not.toContain(good.endpoint.slice(7));

    const id = first.json().data.id;
    const stranger = await call(t.app, { method: 'DELETE', url: `/api/v1/notifications/push/subscriptions/${id}`, token: other.specialist.token });
    expect(stranger.statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/notifications/push/key', token: org.specialist.token })).json().data.public_key).toMatch(
      /^[A-Za-z0-9_-]{80,}$/,
    );
    const removed = await call(t.app, { method: 'DELETE', url: `/api/v1/notifications/push/subscriptions/${id}`, token: org.specialist.token });
    expect(removed.statusCode).toBe(200);
  });
});

describe('deliveries', () => {
  it('queues every channel in the notifying transaction, sends each exactly once, and logs it for the recipient only', async () => {
    const person = org.supervisor;
    await call(t.app, { method: 'PATCH', url: '/api/v1/me', token: person.token, payload: { phone: '+380 44 123 45 67' } });
    const subscription = browserSubscription('/push/supervisor');
    await call(t.app, { method: 'POST', url: '/api/v1/notifications/push/subscriptions', token: person.token, payload: subscription });
    const ids = await notify({
      userId: person.userId,
      kind: 'crisis.alert',
      title: { uk: 'SOS: клієнт просить допомоги', en: 'SOS: a client needs help now' },
      link: '/crisis/alerts/x',
      urgent: true,
    });
    expect(Object.keys(ids).sort()).toEqual(['email', 'push', 'sms']);
    const jobs = await t.owner.query("select data->>'id' as id from pgboss.job where name = 'notify.channel' and data->>'id' = any($1::text[])", [
      Object.values(ids),
    ]);
    expect(jobs.rowCount).toBe(3);

    const w = worker();
    expect(await w.deliver(ids.sms!)).toBe('sent');
    expect(await w.deliver(ids.push!)).toBe('sent');
    expect(await w.deliver(ids.email!)).toBe('sent');
    // A duplicated or retried job finds the row done and sends nothing.
    await Promise.all([w.deliver(ids.sms!), w.deliver(ids.push!), w.deliver(ids.email!)]);

    const twilio = seen.filter((s) => s.path === '/2010-04-01/Accounts/AC123/Messages.json');
    expect(twilio).toHaveLength(1);
    const form = new URLSearchParams(twilio[0]!.body.toString());
    expect(form.get('To')).toBe('+380 44 123 45 67');
    expect(form.get('From')).toBe('+15550001111');
    expect(form.get('Body')).toContain('http://tend.test/crisis/alerts/x');
    expect(twilio[0]!.headers.authorization).toBe(`Basic ${Buffer.from('AC123:secret').toString('base64')}`);

    const pushed = seen.filter((s) => s.path === '/push/supervisor');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.headers['content-encoding']).toBe('aes128gcm');
    expect(pushed[0]!.headers.authorization).toMatch(/^vapid t=.+, k=.+/);
    expect(pushed[0]!.headers.urgency).toBe('high');
    expect(pushed[0]!.body.toString('latin1')).not.toContain('SOS'); // encrypted for the browser only

    const mail = await t.owner.query("select subject from notify.mail_outbox where template = 'notification.crisis.alert'");
    expect(mail.rows.map((r) => r.subject)).toEqual(['SOS: клієнт просить допомоги']); // in the person's language

    const log = await call(t.app, { method: 'GET', url: '/api/v1/notifications/deliveries', token: person.token });
    expect(log.json().data.filter((d: { status: string }) => d.status === 'sent')).toHaveLength(3);
    expect(log.json().meta.total).toBeGreaterThanOrEqual(3);
    const stranger = await call(t.app, { method: 'GET', url: '/api/v1/notifications/deliveries', token: other.supervisor.token });
    expect(stranger.json().data).toEqual([]);
  });

  it('retries a failing push service with the queue’s backoff, forgets a device that has gone, and gives up after the last attempt', async () => {
    const person = org.admin;
    const device = browserSubscription('/push/flaky');
    const created = await call(t.app, { method: 'POST', url: '/api/v1/notifications/push/subscriptions', token: person.token, payload: device });
    const w = worker();

    answers = [503];
    const first = await notify({ userId: person.userId, channels: ['push'] });
    await expect(w.deliver(first.push!)).rejects.toThrow(/503/);
    expect(await deliveryRow(first.push!)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await w.deliver(first.push!)).toBe('sent');
    expect(await deliveryRow(first.push!)).toMatchObject({ status: 'sent', attempts: 2 });

    answers = Array(6).fill(500);
    const doomed = await notify({ userId: person.userId, channels: ['push'] });
    for (let attempt = 1; attempt < 6; attempt++) await expect(w.deliver(doomed.push!)).rejects.toThrow(/500/);
    expect(await w.deliver(doomed.push!)).toBe('failed');
    expect(await deliveryRow(doomed.push!)).toMatchObject({ status: 'failed', attempts: 6 });

    answers = [410];
    const gone = await notify({ userId: person.userId, channels: ['push'] });
    expect(await w.deliver(gone.push!)).toBe('skipped');
    expect((await t.owner.query('select 1 from notifications.push_subscriptions where id = $1', [created.json().data.id])).rowCount).toBe(0);
  });

  it('skips a channel the person turned off, holds non-crisis mail through quiet hours, and lets crisis through', async () => {
    const person = org.client;
    const kyivNow = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    const [h, m] = kyivNow.split(':').map(Number) as [number, number];
    const clock = (minutes: number) =>
      `${String(Math.floor((((minutes % 1440) + 1440) % 1440) / 60)).padStart(2, '0')}:${String((((minutes % 1440) + 1440) % 1440) % 60).padStart(2, '0')}`;
    await call(t.app, {
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      token: person.token,
      payload: {
        channels: [{ category: 'care', channel: 'sms', enabled: false }],
        quiet_hours: { starts_at: clock(h * 60 + m - 60), ends_at: clock(h * 60 + m + 60), timezone: 'Europe/Kyiv' },
      },
    });
    const w = worker();
    const care = await notify({ userId: person.userId, channels: ['email', 'sms'] });
    expect(await w.deliver(care.sms!)).toBe('skipped');
    expect((await deliveryRow(care.sms!)).detail).toBe('turned off by the recipient');
    expect(await w.deliver(care.email!)).toBe('deferred');
    const held = await deliveryRow(care.email!);
    expect(held.status).toBe('queued');
    expect(new Date(held.not_before).getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    const later = await t.owner.query(
      "select start_after from pgboss.job where name = 'notify.channel' and data->>'id' = $1 order by start_after desc limit 1",
      [care.email],
    );
    expect(new Date(later.rows[0].start_after).getTime()).toBe(new Date(held.not_before).getTime());
    // Run at the end of the window, the held mail goes.
    expect(await w.deliver(care.email!, new Date(new Date(held.not_before).getTime() + 1000))).toBe('sent');

    const crisis = await notify({ userId: person.userId, kind: 'crisis.alert', channels: ['email'] });
    expect(await w.deliver(crisis.email!)).toBe('sent');
  });

  it('keeps SMS in the log when no provider is configured, and refuses a number the provider rejects without retrying', async () => {
    const person = org.specialist;
    await call(t.app, { method: 'PATCH', url: '/api/v1/me', token: person.token, payload: { phone: '+1 555 010 9999' } });
    answers = [400];
    const rejected = await notify({ userId: person.userId, kind: 'crisis.alert', channels: ['sms'] });
    expect(await worker().deliver(rejected.sms!)).toBe('failed');
    expect((await deliveryRow(rejected.sms!)).detail).toMatch(/Twilio answered 400/);

    const captured = await notify({ userId: person.userId, kind: 'crisis.alert', channels: ['sms'] });
    const withoutProvider = createDeliveryWorker({
      db: t.runtime.db,
      crypto: t.runtime.crypto,
      jobs: t.runtime.jobs,
      mailer: t.runtime.mailer,
      sms: null,
      push: t.runtime.push,
      publicUrl: 'http://tend.test',
      logger: pino({ level: 'silent' }),
    });
    expect(await withoutProvider.deliver(captured.sms!)).toBe('captured');
  });
});

describe('tenancy of the channel tables', () => {
  it('shows raw SQL as tend_app in another org none of these rows', async () => {
    const context = { userId: other.admin.userId, orgId: other.orgId, role: 'org_admin' as const, platformAdmin: false, system: false };
    for (const table of ['notifications.preferences', 'notifications.quiet_hours', 'notifications.push_subscriptions', 'notifications.deliveries']) {
      const owned = await t.owner.query(`select 1 from ${table} where user_id = any($1::uuid[])`, [
        [org.client.userId, org.supervisor.userId, org.admin.userId, org.specialist.userId],
      ]);
      expect(owned.rowCount, table).toBeGreaterThan(0);
      const seen = await t.runtime.db.inContext(context, (tx) => tx.$client.query(`select 1 from ${table} where user_id <> $1`, [other.admin.userId]));
      expect(seen.rowCount, table).toBe(0);
    }
    const keys = await t.runtime.db.inContext(context, (tx) => tx.$client.query('select 1 from notify.vapid_keys'));
    expect(keys.rowCount).toBe(0);
  });
});

describe('the live event', () => {
  it('goes out only once the notifying transaction commits, and never for one that rolls back', async () => {
    const socket = await connectSocket(socketUrl, org.specialist.token);
    const heard: { title: { en: string } }[] = [];
    socket.on('notification', (n: { title: { en: string } }) => heard.push(n));
    const service = createNotificationsService({ db: t.runtime.db, relay: t.runtime.relay, jobs: t.runtime.jobs });
    const notification = (en: string): NewNotification => ({ userId: org.specialist.userId, orgId: org.orgId, kind: 'care.test', title: { uk: en, en } });

    const rolledBack = t.runtime.db.inContext(systemContext, async (tx) => {
      await service.notify(tx, notification('Never happened'));
      throw new Error('the change that would have notified failed');
    });
    await expect(rolledBack).rejects.toThrow(/failed/);
    await t.runtime.db.inContext(systemContext, async (tx) => {
      await service.notify(tx, notification('Happened'));
      expect(heard).toEqual([]); // not before the commit
    });
    await expect.poll(() => heard.map((n) => n.title.en)).toEqual(['Happened']);
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.map((n) => n.title.en)).toEqual(['Happened']);
    const stored = await t.owner.query("select 1 from notifications.inbox where user_id = $1 and kind = 'care.test'", [org.specialist.userId]);
    expect(stored.rowCount).toBe(1);
    socket.close();
  });
});
