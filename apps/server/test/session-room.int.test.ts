import pino from 'pino';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Realtime } from '../src/platform/realtime/realtime';
import { startRuntime } from '../src/platform/runtime';
import { addMember, call, createTestApp, type TestApp, testConfig } from './harness';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { sessionStartingNow } from './session-room.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';
import { testSettings } from './settings';

const redisUrl = testSettings.redisUrl;
const iceServers = [{ urls: 'turn:turn.example.test:3478', username: 'tend', credential: 'secret' }];

let t: TestApp;
let realtime: Realtime;
let url: string;
let org: BuiltOrg;
let other: BuiltOrg;
beforeAll(async () => {
  t = await createTestApp({ iceServers });
  ({ url, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Live room');
  other = await buildOrg(t, 'Elsewhere');
});
afterAll(async () => {
  await realtime.close();
  await t.close();
});

type Ack = { ok: boolean; error?: { code: string } };
const ask = (socket: Socket, event: string, payload: unknown) => socket.timeout(3000).emitWithAck(event, payload) as Promise<Ack>;
const get = (path: string, token: string) => call(t.app, { method: 'GET', url: path, token });
const post = (sessionId: string, action: string, token: string, payload?: Record<string, unknown>) =>
  call(t.app, { method: 'POST', url: `/api/v1/sessions/${sessionId}/${action}`, token, ...(payload ? { payload } : {}) });
/** Resolves to every `event` the socket receives until the check ends: proves nothing leaked. */
function collect(socket: Socket, event: string): unknown[] {
  const seen: unknown[] = [];
  socket.on(event, (payload: unknown) => seen.push(payload));
  return seen;
}

describe('the session room over HTTP', () => {
  it("shows each of the two people their role and the other's name; ICE servers come from config", async () => {
    const { sessionId, caseId } = await sessionStartingNow(t, org);
    const mine = await get(`/api/v1/sessions/${sessionId}`, org.specialist.token);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().data).toMatchObject({
      session_id: sessionId,
      role: 'specialist',
      status: 'scheduled',
      admitted: false,
      case_id: caseId,
      other: { id: org.client.userId },
    });
    expect(mine.json().data.other.name).not.toBe('');
    expect((await get(`/api/v1/sessions/${sessionId}`, org.client.token)).json().data).toMatchObject({ role: 'client', other: { id: org.specialist.userId } });
    for (const token of [org.specialist.token, org.client.token]) {
      expect((await get(`/api/v1/sessions/${sessionId}/video`, token)).json().data).toEqual({ provider: 'builtin', ice_servers: iceServers });
    }
    const audit = await t.owner.query(`select count(*)::int as n from audit.audit_log where action = 'session.room_view' and resource_id = $1`, [sessionId]);
    expect(audit.rows[0].n).toBe(2);
  });

  it("refuses a third person of the practice (403), another practice's people (404) and a malformed id (400)", async () => {
    const org = await buildOrg(t, 'Third person');
    const { sessionId } = await sessionStartingNow(t, org);
    for (const path of [`/api/v1/sessions/${sessionId}`, `/api/v1/sessions/${sessionId}/video`]) {
      expect((await get(path, org.supervisor.token)).json().error.code).toBe('SESSION.NOT_ALLOWED');
      for (const stranger of [other.specialist, other.client, other.admin]) expect((await get(path, stranger.token)).statusCode).toBe(404);
    }
    expect((await get('/api/v1/sessions/not-a-session/video', org.specialist.token)).statusCode).toBe(400);
    // The client's side cannot admit, and nobody else's client joins.
    expect((await post(sessionId, 'join', other.client.token, { location: 'UA' })).statusCode).toBe(404);
    expect((await post(sessionId, 'join', org.client.token, { location: 'UA' })).statusCode).toBe(200);
    expect((await post(sessionId, 'admit', org.client.token)).json().error.code).toBe('SESSION.NOT_ALLOWED');
  });

  it('defaults to no ICE server at all (no public STUN) and refuses an ICE_SERVERS that is not a JSON array of servers', () => {
    expect(loadConfig({}).iceServers).toEqual([]);
    expect(loadConfig({ ICE_SERVERS: '[{"urls":["stun:10.0.0.1:3478"]}]' }).iceServers).toEqual([{ urls: ['stun:10.0.0.1:3478'] }]);
    expect(() => loadConfig({ ICE_SERVERS: 'stun:x' })).toThrow(/ICE_SERVERS/);
    expect(() => loadConfig({ ICE_SERVERS: '[{"url":"stun:x"}]' })).toThrow(/ICE_SERVERS/);
  });
});

describe('signalling and in-session tools over Socket.IO', () => {
  it('relays only between the two people, only while the session is in progress with the client admitted', async () => {
    const org = await buildOrg(t, 'Signalling');
    const { sessionId } = await sessionStartingNow(t, org);
    const specialist = await connectSocket(url, org.specialist.token);
    const client = await connectSocket(url, org.client.token);
    const supervisor = await connectSocket(url, org.supervisor.token);
    const outsider = await connectSocket(url, other.specialist.token);
    const toSpecialist = collect(specialist, 'session.signal');
    const toClient = collect(client, 'session.signal');
    const offer = { session_id: sessionId, description: { type: 'offer', sdp: 'v=0' } };

    // Before admission: the client waits, and nothing goes through.
    expect((await ask(client, 'session.signal', offer)).error?.code).toBe('SESSION.NOT_OPEN');
    await post(sessionId, 'join', org.client.token, { location: 'UA', device_check: { camera: 'ok', microphone: 'ok', connection: 'ok' } });
    expect((await ask(client, 'session.signal', offer)).error?.code).toBe('SESSION.NOT_OPEN');
    expect((await ask(specialist, 'session.signal', offer)).error?.code).toBe('SESSION.NOT_OPEN');
    expect((await post(sessionId, 'admit', org.specialist.token)).statusCode).toBe(200);

    // Admitted: the offer reaches the client, the answer and candidates come back.
    const gotOffer = nextEvent(client, 'session.signal');
    expect(await ask(specialist, 'session.signal', offer)).toEqual({ ok: true });
    expect(await gotOffer).toEqual({ ...offer, from: org.specialist.userId });
    const candidate = {
      session_id: sessionId,
      candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 },
    };
    const gotCandidate = nextEvent(specialist, 'session.signal');
    expect(await ask(client, 'session.signal', candidate)).toEqual({ ok: true });
    expect(await gotCandidate).toEqual({ ...candidate, from: org.client.userId });

    // A third person of the practice, another practice's specialist and malformed messages: an error, nothing relayed.
    expect((await ask(supervisor, 'session.signal', offer)).error?.code).toBe('SESSION.NOT_ALLOWED');
    expect((await ask(outsider, 'session.signal', offer)).error?.code).toBe('SCHEDULING.APPOINTMENT_NOT_FOUND');
    for (const bad of [null, 'hello', { session_id: 'nope', description: { type: 'offer' } }, { session_id: sessionId }, { ...offer, extra: 1 }])
      expect((await ask(client, 'session.signal', bad)).error?.code).toBe('REQUEST.VALIDATION');
    await new Promise((r) => setTimeout(r, 200));
    expect(toSpecialist).toHaveLength(1);
    expect(toClient).toHaveLength(1);

    // Ended: the room closes.
    expect((await post(sessionId, 'end', org.specialist.token)).statusCode).toBe(200);
    expect((await ask(client, 'session.signal', candidate)).error?.code).toBe('SESSION.NOT_OPEN');
    for (const s of [specialist, client, supervisor, outsider]) s.close();
  });

  it('the specialist starts the breathing guide on the client’s screen; either moves the shared scale; a client cannot start an exercise', async () => {
    const org = await buildOrg(t, 'Tools');
    const { sessionId } = await sessionStartingNow(t, org);
    await post(sessionId, 'join', org.client.token, { location: 'UA' });
    const specialist = await connectSocket(url, org.specialist.token);
    const client = await connectSocket(url, org.client.token);
    const stranger = await connectSocket(url, (await addMember(t, org.admin, 'client')).token);
    const breathing = { session_id: sessionId, tool: 'breathing', action: 'start' };
    expect((await ask(specialist, 'session.tool', breathing)).error?.code).toBe('SESSION.NOT_OPEN');
    await post(sessionId, 'admit', org.specialist.token);

    const started = nextEvent(client, 'session.tool');
    expect(await ask(specialist, 'session.tool', breathing)).toEqual({ ok: true });
    expect(await started).toEqual({ ...breathing, from: org.specialist.userId });
    expect((await ask(client, 'session.tool', { ...breathing, action: 'stop' })).error?.code).toBe('SESSION.NOT_ALLOWED');

    const moved = nextEvent(specialist, 'session.tool');
    expect(await ask(client, 'session.tool', { session_id: sessionId, tool: 'scale', value: 7 })).toEqual({ ok: true });
    expect(await moved).toEqual({ session_id: sessionId, tool: 'scale', value: 7, from: org.client.userId });
    const movedBack = nextEvent(client, 'session.tool');
    expect(await ask(specialist, 'session.tool', { session_id: sessionId, tool: 'scale', value: 3 })).toEqual({ ok: true });
    expect(await movedBack).toMatchObject({ value: 3, from: org.specialist.userId });

    // Moves in quick succession reach the other person in the order they were made.
    const seen = collect(specialist, 'session.tool');
    const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5];
    await Promise.all(values.map((value) => ask(client, 'session.tool', { session_id: sessionId, tool: 'scale', value })));
    await expect.poll(() => seen.length).toBe(values.length);
    expect(seen.map((e) => (e as { value: number }).value)).toEqual(values);

    for (const bad of [
      { session_id: sessionId, tool: 'scale', value: 11 },
      { session_id: sessionId, tool: 'scale', value: 2.5 },
      { session_id: sessionId, tool: 'hypnosis' },
    ])
      expect((await ask(specialist, 'session.tool', bad)).error?.code).toBe('REQUEST.VALIDATION');
    expect((await ask(stranger, 'session.tool', { session_id: sessionId, tool: 'scale', value: 1 })).ok).toBe(false);
    for (const s of [specialist, client, stranger]) s.close();
  });
});

describe.runIf(redisUrl)('two instances with the Redis adapter', () => {
  it('relays a signal from a socket on one instance to the other person connected to the other', async () => {
    const first = await createTestApp({ redisUrl });
    const logger = pino({ level: 'silent' });
    const runtime = await startRuntime(testConfig(first.databaseUrl, { redisUrl }), logger);
    const secondApp = await buildApp(testConfig(first.databaseUrl, { redisUrl }), runtime, logger);
    const a = await listenWithSockets(first, redisUrl);
    const b = await listenWithSockets({ app: secondApp, runtime }, redisUrl);
    try {
      const practice = await buildOrg(first, 'Two instances');
      const { sessionId } = await sessionStartingNow(first, practice);
      const joined = await call(first.app, {
        method: 'POST',
        url: `/api/v1/sessions/${sessionId}/join`,
        token: practice.client.token,
        payload: { location: 'UA' },
      });
      expect(joined.statusCode, joined.body).toBe(200);
      await call(first.app, { method: 'POST', url: `/api/v1/sessions/${sessionId}/admit`, token: practice.specialist.token });
      const specialistOnA = await connectSocket(a.url, practice.specialist.token);
      const clientOnB = await connectSocket(b.url, practice.client.token);
      await new Promise((r) => setTimeout(r, 300)); // let the adapter subscribe
      const received = nextEvent(clientOnB, 'session.signal');
      const admitted = await call(first.app, { method: 'GET', url: `/api/v1/sessions/${sessionId}`, token: practice.specialist.token });
      expect(admitted.json().data, admitted.body).toMatchObject({ status: 'in_progress', admitted: true });
      expect(await ask(specialistOnA, 'session.signal', { session_id: sessionId, description: { type: 'offer', sdp: 'v=0' } })).toEqual({ ok: true });
      expect(await received).toMatchObject({ session_id: sessionId, from: practice.specialist.userId });
      const scale = nextEvent(specialistOnA, 'session.tool');
      expect(await ask(clientOnB, 'session.tool', { session_id: sessionId, tool: 'scale', value: 5 })).toEqual({ ok: true });
      expect(await scale).toMatchObject({ value: 5 });
      specialistOnA.close();
      clientOnB.close();
    } finally {
      await b.realtime.close();
      await a.realtime.close();
      await secondApp.close();
      await runtime.stop();
      await first.close();
    }
  });
});
