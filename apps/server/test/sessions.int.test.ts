import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Realtime } from '../src/platform/realtime/realtime';
import { addMember, call, type TestApp, createTestApp } from './harness';
import { moveCase, openCase } from './cases.fixtures';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { zoneAroundNoon } from './session-room.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let realtime: Realtime;
let url: string;
let org: BuiltOrg;
let caseId: string;
let sessionId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ url, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Session practice');
  caseId = await openCase(t, org.specialist, org.client.userId);
  await moveCase(t, org.specialist, caseId, 'active');
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await call(t.app, {
    method: 'PUT',
    url: '/api/v1/scheduling/availability',
    token: org.specialist.token,
    payload: { timezone: zoneAroundNoon(), rules: allDay, min_notice_minutes: 0, step_minutes: 15, buffer_after_minutes: 0 },
  });
  await call(t.app, {
    method: 'PUT',
    url: '/api/v1/scheduling/licences',
    token: org.specialist.token,
    payload: { licences: [{ jurisdiction: 'UA', licence_number: 'PSY-001' }] },
  });
  const type = (
    await call(t.app, {
      method: 'POST',
      url: '/api/v1/scheduling/session-types',
      token: org.specialist.token,
      payload: { name: 'Video session', duration_minutes: 50, currency: 'UAH', modality: 'video' },
    })
  ).json().data.id;
  const now = new Date();
  const slots = await call(t.app, {
    method: 'GET',
    url: `/api/v1/scheduling/slots?specialist_id=${org.specialist.userId}&session_type_id=${type}&from=${now.toISOString()}&to=${new Date(now.getTime() + 2 * 3_600_000).toISOString()}`,
    token: org.client.token,
  });
  if (!slots.json().data?.length) throw new Error(`no slot: ${slots.body}`);
  const first = slots.json().data[0].start;
  const booked = await call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/book',
    token: org.client.token,
    payload: { specialist_id: org.specialist.userId, session_type_id: type, starts_at: first, case_id: caseId },
  });
  expect(booked.statusCode).toBe(201);
  sessionId = booked.json().data.id;
});
afterAll(async () => {
  await realtime.close();
  await t.close();
});

const connect = (token: string) => connectSocket(url, token);
const next = nextEvent;
const post = (path: string, token: string, payload?: Record<string, unknown>) =>
  call(t.app, { method: 'POST', url: `/api/v1/sessions/${sessionId}/${path}`, token, ...(payload ? { payload } : {}) });

describe('a live session', () => {
  it('gives the specialist a brief: the last signed plan, the goals and open risk; not to the client', async () => {
    const note = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/notes`,
      token: org.specialist.token,
      payload: { template_id: 'dap', content: { data: 'd', assessment: 'a', plan: 'Try the sleep diary' } },
    });
    await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/notes/${note.json().data.id}/sign`, token: org.specialist.token });
    await call(t.app, {
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/treatment-plan`,
      token: org.specialist.token,
      payload: { base_version: 0, problems: [{ id: 'p', title: 'Sleep', goals: [{ id: 'g', title: 'Sleep 7 hours' }] }] },
    });
    const brief = await call(t.app, { method: 'GET', url: `/api/v1/sessions/${sessionId}/brief`, token: org.specialist.token });
    expect(brief.json().data).toMatchObject({
      case_id: caseId,
      last_plan: 'Try the sleep diary',
      goals: [{ title: 'Sleep 7 hours', status: 'not_started' }],
      open_alerts: 0,
      open_flags: [],
    });
    expect((await call(t.app, { method: 'GET', url: `/api/v1/sessions/${sessionId}/brief`, token: org.client.token })).statusCode).toBe(403);
  });

  it('waiting room with location and licence warning, admission, signalling between the two only, end that moves the case', async () => {
    const specialist = await connect(org.specialist.token);
    const client = await connect(org.client.token);
    const waiting = next(specialist, 'session.waiting');
    const joined = await post('join', org.client.token, { location: 'us-ny', device_check: { camera: true, microphone: true, connection: 'good' } });
    expect(joined.json().data, joined.body).toEqual({ session_id: sessionId, status: 'waiting' });
    expect(await waiting).toMatchObject({ session_id: sessionId, client_location: 'US-NY', licence_warning: true });
    const room = await call(t.app, { method: 'GET', url: `/api/v1/sessions/${sessionId}/waiting-room`, token: org.specialist.token });
    expect(room.json().data).toMatchObject({ waiting: true, client_location: 'US-NY', licence_warning: true, device_check: { camera: true } });
    // Whether the client agreed to sessions by video, from the one consent check: not yet, given, withdrawn.
    const telehealthConsent = async () =>
      (await call(t.app, { method: 'GET', url: `/api/v1/sessions/${sessionId}/waiting-room`, token: org.specialist.token })).json().data.telehealth_consent;
    expect(await telehealthConsent()).toBe('no_grant');
    const template = (await call(t.app, { method: 'GET', url: '/api/v1/consent/templates?jurisdiction=UA&kind=telehealth', token: org.client.token })).json()
      .data[0];
    const grant = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent',
      token: org.client.token,
      payload: { template_id: template.id, signature_name: 'Olena Client', language: 'uk' },
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(await telehealthConsent()).toBe('granted');
    await call(t.app, { method: 'POST', url: `/api/v1/consent/${grant.json().data.id}/revoke`, token: org.client.token, payload: {} });
    // Withdrawn at once; the call is still the specialist's to hold (nothing here refuses the admission below).
    expect(await telehealthConsent()).toBe('revoked');
    // Back home: the warning goes.
    await post('join', org.client.token, { location: 'UA' });
    expect(
      (await call(t.app, { method: 'GET', url: `/api/v1/sessions/${sessionId}/waiting-room`, token: org.specialist.token })).json().data.licence_warning,
    ).toBe(false);

    expect((await post('admit', org.client.token)).json().error.code).toBe('SESSION.NOT_ALLOWED');
    const admitted = next(client, 'session.admitted');
    expect((await post('admit', org.specialist.token)).json().data.status).toBe('in_progress');
    expect(await admitted).toEqual({ session_id: sessionId });
    expect((await post('admit', org.specialist.token)).json().error.code).toBe('SESSION.NOBODY_WAITING');

    // Signalling: the offer reaches the specialist; a stranger's message reaches nobody.
    const offer = next(specialist, 'session.signal');
    client.emit('session.signal', { session_id: sessionId, description: { type: 'offer', sdp: 'v=0' } });
    expect(await offer).toEqual({ session_id: sessionId, from: org.client.userId, description: { type: 'offer', sdp: 'v=0' } });
    const stranger = await connect((await addMember(t, org.admin, 'client')).token);
    let leaked = false;
    specialist.once('session.signal', () => (leaked = true));
    stranger.emit('session.signal', { session_id: sessionId, description: { type: 'offer' } });
    stranger.emit('session.signal', { session_id: 'not-a-session', data: {} });
    await new Promise((r) => setTimeout(r, 300));
    expect(leaked).toBe(false);

    const ended = next(client, 'session.ended');
    const end = await post('end', org.specialist.token);
    expect(end.json().data).toMatchObject({ status: 'completed', case_id: caseId });
    expect(Date.parse(end.json().data.next_week.starts_at) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    await ended;
    const theCase = (await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}`, token: org.specialist.token })).json().data;
    expect(theCase.last_session_at).not.toBeNull();
    expect(Date.parse(theCase.auto_pause_at) - Date.parse(theCase.last_session_at)).toBe(30 * 86_400_000);
    expect((await post('join', org.client.token, { location: 'UA' })).json().error.code).toBe('SESSION.NOT_OPEN');
    for (const s of [specialist, client, stranger]) s.close();
  });

  it("refuses other people's sessions and bad locations", async () => {
    const b = await buildOrg(t, 'Other');
    expect((await post('join', b.client.token, { location: 'UA' })).statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/sessions/${sessionId}/waiting-room`, token: b.specialist.token })).statusCode).toBe(404);
    expect((await post('admit', b.specialist.token)).statusCode).toBe(404);
    expect((await post('join', org.client.token, { location: 'Narnia' })).statusCode).toBe(400);
    const other = await addMember(t, org.admin, 'client');
    expect((await post('join', other.token, { location: 'UA' })).statusCode).toBe(404);
  });
});
