// The LiveKit test files' shared practice: the app against a fake LiveKit, and helpers to make sessions,
// call the recording and webhook routes and read what was stored.
import pino from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { createVideoService, type VideoService } from '../src/modules/scheduling';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { type FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET, startFakeLiveKit } from './livekit.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

export type LiveKitPractice = { t: TestApp; fake: FakeLiveKit; video: VideoService; a: BuiltOrg; b: BuiltOrg };
let t: TestApp;

/**
 * For a test file: the real app pointed at a fake LiveKit (its HTTP boundary), the video service and two
 * orgs; `ready` receives them. The helpers below act on this file's app.
 */
export function useLiveKitPractice(ready: (practice: LiveKitPractice) => void): void {
  let fake: FakeLiveKit | undefined;
  beforeAll(async () => {
    fake = await startFakeLiveKit();
    t = await createTestApp({ livekit: { url: fake.url, apiKey: LIVEKIT_KEY, apiSecret: LIVEKIT_SECRET } });
    const { db, crypto, jobs, relay } = t.runtime;
    const video = createVideoService({ db, crypto, jobs, relay, video: t.runtime.video, logger: pino({ level: 'silent' }) });
    ready({ t, fake, video, a: await buildOrg(t, 'LiveKit A'), b: await buildOrg(t, 'LiveKit B') });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });
}

export const meta = { requestId: 'test-request-0001', ip: '127.0.0.1', userAgent: null };
/** The principal the app derives from the person's own access token. */
export const principalOf = (s: Session) => t.runtime.tokens.verifyAccess(s.token);

/** A zone where the next two hours do not cross midnight, so today's availability has a slot starting soon. */
function daytimeZone(): string {
  const hour = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  return ['Europe/Kyiv', 'America/New_York', 'Asia/Tokyo'].find((zone) => hour(zone) >= 1 && hour(zone) <= 20) as string;
}

export type Live = { id: string; specialist: Session; client: Session };
/** A video session starting now with its own specialist and client in the org; admitted unless told otherwise. */
export async function sessionOf(org: BuiltOrg, admit = true): Promise<Live> {
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

export const recording = (method: 'GET' | 'POST' | 'DELETE', id: string, token: string) =>
  call(t.app, { method, url: `/api/v1/sessions/${id}/recording`, token });
export const webhook = (body: string, authorization?: string) =>
  call(t.app, {
    method: 'POST',
    url: '/api/v1/webhooks/livekit',
    headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
    payload: body,
  });
export const eventRows = async (id: string) =>
  (
    await t.owner.query(
      'select kind, participant_user_id, provider_event_id from scheduling.session_video_events where appointment_id = $1 order by received_at',
      [id],
    )
  ).rows;
export const auditCount = async (orgId: string, action: string) =>
  Number((await t.owner.query('select count(*) from audit.audit_log where org_id = $1 and action = $2', [orgId, action])).rows[0].count);

async function templateId(s: Session): Promise<string> {
  const res = await call(t.app, { method: 'GET', url: '/api/v1/consent/templates?jurisdiction=UA&kind=recording', token: s.token });
  return res.json().data[0].id;
}
export async function consentToRecording(s: Session, sessionId?: string): Promise<string> {
  const res = await call(t.app, {
    method: 'POST',
    url: '/api/v1/consent',
    token: s.token,
    payload: { template_id: await templateId(s), signature_name: 'Olena Client', language: 'en', ...(sessionId ? { session_id: sessionId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id;
}

export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
