import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createVideoService, createVideoWebhookService, eraseAppointmentsOf, type VideoService } from '../src/modules/scheduling';
import { systemContext } from '../src/platform/db/database';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { decodeJwt, type FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET, startFakeLiveKit, webhookAuth } from './livekit.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let fake: FakeLiveKit;
let video: VideoService;
let a: BuiltOrg;
let b: BuiltOrg;
beforeAll(async () => {
  fake = await startFakeLiveKit();
  t = await createTestApp({ livekit: { url: fake.url, apiKey: LIVEKIT_KEY, apiSecret: LIVEKIT_SECRET } });
  const { db, crypto, jobs, relay } = t.runtime;
  video = createVideoService({ db, crypto, jobs, relay, video: t.runtime.video, logger: pino({ level: 'silent' }) });
  [a, b] = [await buildOrg(t, 'LiveKit A'), await buildOrg(t, 'LiveKit B')];
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const meta = { requestId: 'test-request-0001', ip: '127.0.0.1', userAgent: null };
/** The principal the app derives from the person's own access token. */
const principalOf = (s: Session) => t.runtime.tokens.verifyAccess(s.token);

/** A zone where the next two hours do not cross midnight, so today's availability has a slot starting soon. */
function daytimeZone(): string {
  const hour = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  return ['Europe/Kyiv', 'America/New_York', 'Asia/Tokyo'].find((zone) => hour(zone) >= 1 && hour(zone) <= 20) as string;
}

type Live = { id: string; specialist: Session; client: Session };
/** A video session starting now with its own specialist and client in the org; admitted unless told otherwise. */
async function sessionOf(org: BuiltOrg, admit = true): Promise<Live> {
  const specialist = await addMember(t, org.admin, 'specialist');
  const client = await addMember(t, org.admin, 'client');
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  const set = await call(t.app, {
    method: 'PUT',
    url: '/api/v1/scheduling/availability',
    token: specialist.token,
    payload: { timezone: daytimeZone(), rules: allDay, min_notice_minutes: 0, step_minutes: 5, buffer_after_minutes: 0 },
  });
  expect(set.statusCode, set.body).toBe(200);
  const type = (
    await call(t.app, {
      method: 'POST',
      url: '/api/v1/scheduling/session-types',
      token: specialist.token,
      payload: { name: 'Video session', duration_minutes: 50, currency: 'UAH', modality: 'video' },
    })
  ).json().data.id;
  const now = Date.now();
  const slots = await call(t.app, {
    method: 'GET',
    url: `/api/v1/scheduling/slots?specialist_id=${specialist.userId}&session_type_id=${type}&from=${new Date(now).toISOString()}&to=${new Date(now + 2 * 3_600_000).toISOString()}`,
    token: client.token,
  });
  const starts = slots.json().data as { start: string }[];
  expect(starts.length, slots.body).toBeGreaterThan(0);
  const booked = await call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/book',
    token: client.token,
    payload: { specialist_id: specialist.userId, session_type_id: type, starts_at: (starts[0] as { start: string }).start },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  const id = booked.json().data.id as string;
  if (admit) {
    const joined = await call(t.app, { method: 'POST', url: `/api/v1/sessions/${id}/join`, token: client.token, payload: { location: 'UA' } });
    expect(joined.statusCode, joined.body).toBe(200);
    const admitted = await call(t.app, { method: 'POST', url: `/api/v1/sessions/${id}/admit`, token: specialist.token });
    expect(admitted.statusCode, admitted.body).toBe(200);
  }
  return { id, specialist, client };
}

const recording = (method: 'GET' | 'POST' | 'DELETE', id: string, token: string) => call(t.app, { method, url: `/api/v1/sessions/${id}/recording`, token });
const webhook = (body: string, authorization?: string) =>
  call(t.app, {
    method: 'POST',
    url: '/api/v1/webhooks/livekit',
    headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
    payload: body,
  });
const eventRows = async (id: string) =>
  (
    await t.owner.query(
      'select kind, participant_user_id, provider_event_id from scheduling.session_video_events where appointment_id = $1 order by received_at',
      [id],
    )
  ).rows;
const auditCount = async (orgId: string, action: string) =>
  Number((await t.owner.query('select count(*) from audit.audit_log where org_id = $1 and action = $2', [orgId, action])).rows[0].count);

async function templateId(s: Session): Promise<string> {
  const res = await call(t.app, { method: 'GET', url: '/api/v1/consent/templates?jurisdiction=UA&kind=recording', token: s.token });
  return res.json().data[0].id;
}
async function consentToRecording(s: Session, sessionId?: string): Promise<string> {
  const res = await call(t.app, {
    method: 'POST',
    url: '/api/v1/consent',
    token: s.token,
    payload: { template_id: await templateId(s), signature_name: 'Olena Client', language: 'en', ...(sessionId ? { session_id: sessionId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

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

describe('recording with consent (fake LiveKit egress)', () => {
  it('refuses to record without the client’s consent for this session, naming them; nothing reaches LiveKit', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    await consentToRecording(s.client, '0190a5e4-1d2c-7b3a-8f00-0000000000aa'); // another session's consent does not count
    const before = fake.calls('StartRoomCompositeEgress').length;
    const res = await recording('POST', id, s.specialist.token);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'SESSION.RECORDING_CONSENT_MISSING',
      details: { missing: [{ user_id: s.client.userId, role: 'client', name: 'A client', reason: 'no_grant' }] },
    });
    expect(fake.calls('StartRoomCompositeEgress').length).toBe(before);
    expect((await recording('GET', id, s.specialist.token)).json().data).toBeNull();
    const denial = await t.owner.query("select details from audit.audit_log where action = 'consent.denied' and details->>'session_id' = $1", [id]);
    expect(denial.rows).toHaveLength(1);
  });

  it('starts egress with the consent, shows it to the client, and stops it when the client withdraws consent', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    const grant = await consentToRecording(s.client, id);
    const before = fake.calls('StartRoomCompositeEgress').length;
    const started = await recording('POST', id, s.specialist.token);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().data).toMatchObject({ session_id: id, status: 'active', started_by: s.specialist.userId, stop_reason: null });
    const egress = fake.calls('StartRoomCompositeEgress').slice(before);
    expect(egress).toHaveLength(1);
    expect(egress[0]?.body).toMatchObject({
      roomName: `tend_${a.orgId}_${id}`,
      fileOutputs: [{ fileType: 'MP4', filepath: `recordings/${a.orgId}/${id}/{time}.mp4` }],
    });
    expect(egress[0]?.claims.video).toMatchObject({ roomRecord: true });
    expect((await recording('GET', id, s.client.token)).json().data.status).toBe('active');
    expect((await recording('POST', id, s.specialist.token)).json().error.code).toBe('SESSION.RECORDING_ACTIVE');

    const revoked = await call(t.app, { method: 'POST', url: `/api/v1/consent/${grant}/revoke`, token: s.client.token, payload: {} });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await eventually(
      async () => (await recording('GET', id, s.client.token)).json().data,
      (r) => r.status !== 'active',
    );
    expect(after).toMatchObject({ status: 'stopped', stop_reason: 'consent_revoked' });
    const egressId = (await t.owner.query('select provider_recording_id from scheduling.session_recordings where appointment_id = $1', [id])).rows[0]
      .provider_recording_id;
    expect(egressId).toMatch(/^EG_fake/);
    expect(fake.calls('StopEgress').map((c) => c.body.egressId)).toContain(egressId);
  });

  it('lets the specialist stop a recording; a second stop is a clear 409; egress_ended from LiveKit keeps the file’s place', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    await consentToRecording(s.client);
    const started = await recording('POST', id, s.specialist.token);
    expect(started.statusCode, started.body).toBe(201);
    const stopped = await recording('DELETE', id, s.specialist.token);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().data).toMatchObject({ status: 'stopped', stop_reason: 'specialist' });
    expect((await recording('DELETE', id, s.specialist.token)).json().error.code).toBe('SESSION.NOT_RECORDING');

    const egressId = (await t.owner.query('select provider_recording_id from scheduling.session_recordings where appointment_id = $1', [id])).rows[0]
      .provider_recording_id;
    expect(fake.calls('StopEgress').map((c) => c.body.egressId)).toContain(egressId);
    const ended = JSON.stringify({
      event: 'egress_ended',
      id: `EV_${egressId}_ended`,
      egressInfo: {
        egressId,
        roomName: `tend_${a.orgId}_${id}`,
        status: 'EGRESS_COMPLETE',
        fileResults: [{ filename: 'x.mp4', location: 's3://bucket/x.mp4' }],
      },
    });
    expect((await webhook(ended, webhookAuth(ended))).statusCode).toBe(200);
    const row = (await t.owner.query('select status, location from scheduling.session_recordings where appointment_id = $1', [id])).rows[0];
    expect(row).toEqual({ status: 'stopped', location: 's3://bucket/x.mp4' });
    expect((await eventRows(id)).map((e) => e.kind)).toEqual(['egress_ended']);
  });

  it('stops a running recording and closes the room when the specialist ends the session', async () => {
    const s = await sessionOf(a);
    await consentToRecording(s.client, s.id);
    expect((await recording('POST', s.id, s.specialist.token)).statusCode).toBe(201);
    const ended = await call(t.app, { method: 'POST', url: `/api/v1/sessions/${s.id}/end`, token: s.specialist.token });
    expect(ended.statusCode, ended.body).toBe(200);
    const after = await eventually(
      async () => (await recording('GET', s.id, s.client.token)).json().data,
      (r) => r.status !== 'active',
    );
    expect(after).toMatchObject({ status: 'stopped', stop_reason: 'session_ended' });
    const room = `tend_${a.orgId}_${s.id}`;
    await eventually(
      async () => fake.calls('DeleteRoom').map((c) => c.body.room),
      (rooms) => rooms.includes(room),
    );
    expect(fake.calls('DeleteRoom').map((c) => c.body.room)).toContain(room);
  });

  it('erasing a client deletes their sessions’ video events and recording rows with the appointments', async () => {
    const s = await sessionOf(a);
    await consentToRecording(s.client, s.id);
    expect((await recording('POST', s.id, s.specialist.token)).statusCode).toBe(201);
    const body = JSON.stringify({
      event: 'participant_left',
      room: { name: `tend_${a.orgId}_${s.id}` },
      participant: { identity: s.client.userId },
      id: `EV_left_${s.id}`,
    });
    expect((await webhook(body, webhookAuth(body))).statusCode).toBe(200);
    const erased = await t.runtime.db.inContext({ ...systemContext, orgId: a.orgId }, async (tx) => {
      await tx.$client.query("select set_config('app.erasure', 'on', true)");
      return eraseAppointmentsOf(tx, a.orgId, s.client.userId);
    });
    expect(erased).toBe(1);
    for (const table of ['session_video_events', 'session_recordings']) {
      expect((await t.owner.query(`select 1 from scheduling.${table} where appointment_id = $1`, [s.id])).rowCount, table).toBe(0);
    }
  });

  it('answers 502 when LiveKit fails, leaving no running recording behind', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    await consentToRecording(s.client, id);
    fake.failNextRequest();
    const res = await recording('POST', id, s.specialist.token);
    expect(res.statusCode, res.body).toBe(502);
    expect(res.json().error.code).toBe('SESSION.VIDEO_PROVIDER_FAILED');
    expect((await recording('GET', id, s.specialist.token)).json().data.status).toBe('failed');
    expect((await recording('POST', id, s.specialist.token)).statusCode).toBe(201);
  });

  it('only the session’s specialist records; the client gets 403; another org’s specialist gets 404 on every recording route', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    expect((await recording('POST', id, s.client.token)).json().error.code).toBe('SESSION.NOT_ALLOWED');
    expect((await recording('DELETE', id, s.client.token)).statusCode).toBe(403);
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await recording(method, id, b.specialist.token);
      expect(res.statusCode, `${method} ${res.body}`).toBe(404);
      expect(res.json().error.code).toBe('SCHEDULING.APPOINTMENT_NOT_FOUND');
    }
    expect((await recording('POST', '0190a5e4-1d2c-7b3a-8f00-00000000zzzz', s.specialist.token)).statusCode).toBe(400);
  });
});
