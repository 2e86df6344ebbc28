import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createVideoService, createVideoWebhookService, type VideoService } from '../src/modules/scheduling';
import { call, type TestApp } from './harness';
import { decodeJwt, type FakeLiveKit, LIVEKIT_KEY, webhookAuth } from './livekit.fixtures';
import { type BuiltOrg } from './tenancy.fixtures';
import { auditCount, eventRows, meta, principalOf, sessionOf, useLiveKitPractice, webhook } from './livekit.practice';

let t: TestApp;
let fake: FakeLiveKit;
let video: VideoService;
let a: BuiltOrg;
let b: BuiltOrg;
useLiveKitPractice((practice) => ({ t, fake, video, a, b } = practice));

describe('LiveKit configuration', () => {
  it('takes all three LIVEKIT_* variables or none, and names what is missing', () => {
    expect(loadConfig({}).livekit).toBeUndefined();
    expect(loadConfig({ LIVEKIT_URL: 'wss://video.example.com', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' }).livekit).toEqual({
      url: 'wss://video.example.com',
      apiKey: 'k',
      apiSecret: 's',
    });
    expect(() => loadConfig({ LIVEKIT_URL: 'wss://video.example.com' })).toThrow(/missing LIVEKIT_API_KEY, LIVEKIT_API_SECRET/);
    expect(() => loadConfig({ LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' })).toThrow(/missing LIVEKIT_URL/);
    expect(() => loadConfig({ LIVEKIT_URL: 'video.example.com', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' })).toThrow(/LIVEKIT_URL/);
  });
});

describe('without LiveKit configured', () => {
  it('answers 409 SESSION.VIDEO_NOT_CONFIGURED to recording, join and webhook, after the access checks', async () => {
    const s = await sessionOf(a);
    const { db, crypto, jobs, relay } = t.runtime;
    const builtIn = createVideoService({ db, crypto, jobs, relay, video: null, logger: pino({ level: 'silent' }) });
    const specialist = await principalOf(s.specialist);
    await expect(builtIn.startRecording(specialist, s.id, meta)).rejects.toMatchObject({ code: 'SESSION.VIDEO_NOT_CONFIGURED', status: 409 });
    await expect(builtIn.access(specialist, s.id, meta)).rejects.toMatchObject({ code: 'SESSION.VIDEO_NOT_CONFIGURED', status: 409 });
    await expect(builtIn.startRecording(await principalOf(b.specialist), s.id, meta)).rejects.toMatchObject({ status: 404 });
    const receive = createVideoWebhookService({ db, video: null });
    await expect(receive('{}', 'x', meta)).rejects.toMatchObject({ code: 'SESSION.VIDEO_NOT_CONFIGURED' });
  });
});

describe('LiveKit rooms and join tokens (fake LiveKit at its HTTP boundary)', () => {
  it('lets the web app reach the LiveKit server over HTTP too (its client asks why a connection failed)', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/health' });
    const connect = /connect-src ([^;]+)/.exec(String(page.headers['content-security-policy']))?.[1];
    expect(connect?.split(' ')).toEqual(["'self'", 'ws:', 'wss:', fake.url.replace('ws://', 'http://')]);
  });

  it('creates the session’s room and gives each participant a short token for that room only, with session id and role', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    const before = fake.calls('CreateRoom').length;
    const specialist = await video.access(await principalOf(s.specialist), id, meta);
    const client = await video.access(await principalOf(s.client), id, meta);

    const room = `tend_${a.orgId}_${id}`;
    expect(specialist).toMatchObject({ provider: 'livekit', url: fake.url, room });
    const created = fake.calls('CreateRoom').slice(before);
    expect(created.map((c) => c.body.name)).toEqual([room, room]);
    for (const [join, user, role] of [
      [specialist, s.specialist, 'specialist'],
      [client, s.client, 'client'],
    ] as const) {
      const claims = decodeJwt(join.token);
      expect(claims.iss).toBe(LIVEKIT_KEY);
      expect(claims.sub).toBe(user.userId);
      expect(JSON.parse(String(claims.metadata))).toEqual({ session_id: id, role });
      expect(claims.video).toEqual({ room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false });
      expect(Number(claims.exp) - Number(claims.nbf)).toBeLessThanOrEqual(600);
    }
    expect(await auditCount(a.orgId, 'session.video_join')).toBeGreaterThanOrEqual(2);
  });

  it('refuses a client not yet admitted, and another org’s specialist gets 404', async () => {
    const w = await sessionOf(a, false);
    const waiting = w.id;
    await expect(video.access(await principalOf(w.client), waiting, meta)).rejects.toMatchObject({ code: 'SESSION.NOT_OPEN' });
    await expect(video.access(await principalOf(b.specialist), waiting, meta)).rejects.toMatchObject({
      code: 'SCHEDULING.APPOINTMENT_NOT_FOUND',
      status: 404,
    });
  });
});

describe('LiveKit webhooks (signed like fake LiveKit signs them)', () => {
  const joined = (id: string, identity: string, eventId: string) =>
    JSON.stringify({
      event: 'participant_joined',
      room: { sid: 'RM_1', name: `tend_${a.orgId}_${id}` },
      participant: { sid: 'PA_1', identity },
      id: eventId,
      createdAt: String(Math.floor(Date.now() / 1000)),
    });

  it('records a signed participant_joined on the session once, however often LiveKit retries it, and audits it', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    const body = joined(id, s.client.userId, 'EV_joined_1');
    const first = await webhook(body, webhookAuth(body));
    expect(first.statusCode, first.body).toBe(200);
    expect((await webhook(body, webhookAuth(body))).statusCode).toBe(200);
    expect(await eventRows(id)).toEqual([{ kind: 'participant_joined', participant_user_id: s.client.userId, provider_event_id: 'EV_joined_1' }]);
    const audit = await t.owner.query("select details from audit.audit_log where action = 'session.video_event' and resource_id = $1", [id]);
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ kind: 'participant_joined', participant_user_id: s.client.userId }) }]);
  });

  it('refuses forged, unsigned, altered and stale webhooks with 401, a signed unreadable one with 400; nothing is written', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    const body = joined(id, s.client.userId, 'EV_forged');
    const auditBefore = await auditCount(a.orgId, 'session.video_event');
    const cases: [string, string | undefined, number, string][] = [
      [body, webhookAuth(body, { secret: 'not-the-livekit-secret-0123456789abcdef' }), 401, 'SESSION.WEBHOOK_UNVERIFIED'],
      [body, undefined, 401, 'SESSION.WEBHOOK_UNVERIFIED'],
      [body, 'not-a-jwt', 401, 'SESSION.WEBHOOK_UNVERIFIED'],
      [body, webhookAuth(joined(id, s.client.userId, 'EV_other')), 401, 'SESSION.WEBHOOK_UNVERIFIED'],
      [body, webhookAuth(body, { expiresIn: -600 }), 401, 'SESSION.WEBHOOK_UNVERIFIED'],
      [body, webhookAuth(body, { issuer: 'APIsomeoneelse' }), 401, 'SESSION.WEBHOOK_UNVERIFIED'],
      ['{"event": "participant_joined", ', webhookAuth('{"event": "participant_joined", '), 400, 'SESSION.WEBHOOK_MALFORMED'],
      ['{"event": 42}', webhookAuth('{"event": 42}'), 400, 'SESSION.WEBHOOK_MALFORMED'],
    ];
    for (const [payload, authorization, status, code] of cases) {
      const res = await webhook(payload, authorization);
      expect(res.statusCode, `${code} ${res.body}`).toBe(status);
      expect(res.json()).toMatchObject({ success: false, error: { code, request_id: expect.any(String) } });
    }
    const empty = await call(t.app, { method: 'POST', url: '/api/v1/webhooks/livekit' });
    expect(empty.json().error.code).toBe('SESSION.WEBHOOK_UNVERIFIED');
    const huge = JSON.stringify({ event: 'room_started', id: 'EV_huge', padding: 'x'.repeat(300 * 1024) });
    const tooBig = await webhook(huge, webhookAuth(huge));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ success: false, error: { code: 'REQUEST.BODY_TOO_LARGE' } });
    expect(await eventRows(id)).toEqual([]);
    expect(await auditCount(a.orgId, 'session.video_event')).toBe(auditBefore);
  });

  it('ignores a signed event whose room names an org and another org’s session, and rooms that are not Tend’s', async () => {
    const other = await sessionOf(b);
    const theirs = other.id;
    const crossed = JSON.stringify({
      event: 'participant_joined',
      room: { name: `tend_${a.orgId}_${theirs}` },
      participant: { identity: other.client.userId },
      id: 'EV_crossed',
    });
    const foreign = JSON.stringify({ event: 'room_started', room: { name: 'someone-elses-room' }, id: 'EV_foreign' });
    expect((await webhook(crossed, webhookAuth(crossed))).statusCode).toBe(200);
    expect((await webhook(foreign, webhookAuth(foreign))).statusCode).toBe(200);
    expect(await eventRows(theirs)).toEqual([]);
  });
});
