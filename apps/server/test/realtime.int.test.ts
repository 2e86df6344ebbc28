import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { startRealtime, type Realtime } from '../src/platform/realtime/realtime';
import { startRuntime } from '../src/platform/runtime';
import { createTestApp, register, type TestApp, testConfig } from './harness';
import { testSettings } from './settings';

const redisUrl = testSettings.redisUrl;

async function listen(t: Pick<TestApp, 'app' | 'runtime'>, redis: string | undefined): Promise<{ url: string; realtime: Realtime }> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const realtime = startRealtime(t.app.server, { tokens: t.runtime.tokens, redisUrl: redis, logger: pino({ level: 'silent' }) });
  t.runtime.relay.attach(realtime);
  return { url: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, realtime };
}

const connect = (url: string, token?: string) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });

const next = (socket: Socket, event: string) => new Promise<unknown>((resolve) => socket.once(event, resolve));

describe('Socket.IO on the API port', () => {
  let t: TestApp;
  let server: { url: string; realtime: Realtime };
  beforeAll(async () => {
    t = await createTestApp();
    server = await listen(t, undefined);
  });
  afterAll(async () => {
    await server.realtime.close();
    await t.close();
  });

  it('refuses a socket without a valid token', async () => {
    await expect(connect(server.url)).rejects.toThrow(/AUTH.UNAUTHENTICATED/);
    await expect(connect(server.url, 'forged.token.value')).rejects.toThrow(/AUTH.UNAUTHENTICATED/);
  });

  it("delivers an event to the user's room and not to another user", async () => {
    const alice = await register(t.app);
    const bob = await register(t.app);
    const aliceSocket = await connect(server.url, alice.token);
    const bobSocket = await connect(server.url, bob.token);
    let bobGot = false;
    bobSocket.on('notification', () => (bobGot = true));
    const received = next(aliceSocket, 'notification');
    server.realtime.emitToUser(alice.userId, 'notification', { kind: 'test', title: 'Hello' });
    expect(await received).toEqual({ kind: 'test', title: 'Hello' });
    await new Promise((r) => setTimeout(r, 200));
    expect(bobGot).toBe(false);
    aliceSocket.close();
    bobSocket.close();
  });
});

describe.runIf(redisUrl)('two instances with the Redis adapter', () => {
  it('delivers an event emitted on one instance to a socket connected to the other', async () => {
    const first = await createTestApp({ redisUrl });
    const logger = pino({ level: 'silent' });
    const config = testConfig(first.databaseUrl, { redisUrl });
    const runtime = await startRuntime(config, logger);
    const secondApp = await buildApp(config, runtime, logger);
    const a = await listen(first, redisUrl);
    const b = await listen({ app: secondApp, runtime }, redisUrl);
    try {
      const user = await register(first.app);
      const socket = await connect(b.url, user.token);
      await new Promise((r) => setTimeout(r, 300)); // let the adapter subscribe
      const received = next(socket, 'notification');
      a.realtime.emitToUser(user.userId, 'notification', { kind: 'cross-instance' });
      expect(await received).toEqual({ kind: 'cross-instance' });
      socket.close();
    } finally {
      await b.realtime.close();
      await a.realtime.close();
      await secondApp.close();
      await runtime.stop();
      await first.close();
    }
  });

  it('delivers a chat message sent through one instance to the other participant connected to the other, stored first', async () => {
    const { openCase } = await import('./cases.fixtures');
    const { buildOrg } = await import('./tenancy.fixtures');
    const first = await createTestApp({ redisUrl });
    const logger = pino({ level: 'silent' });
    const config = testConfig(first.databaseUrl, { redisUrl });
    const runtime = await startRuntime(config, logger);
    const secondApp = await buildApp(config, runtime, logger);
    const a = await listen(first, redisUrl);
    const b = await listen({ app: secondApp, runtime }, redisUrl);
    try {
      const org = await buildOrg(first, 'Two instances');
      const caseId = await openCase(first, org.specialist, org.client.userId);
      const chat = (
        await first.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, headers: { authorization: `Bearer ${org.client.token}` } })
      ).json().data.id;
      const specialistOnB = await connect(b.url, org.specialist.token);
      await new Promise((r) => setTimeout(r, 300)); // let the adapter subscribe
      const received = next(specialistOnB, 'message');
      const sent = await first.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${chat}/messages`,
        headers: { authorization: `Bearer ${org.client.token}` },
        payload: { body: 'Hello from instance A' },
      });
      expect(sent.statusCode).toBe(201);
      expect(await received).toMatchObject({ id: sent.json().data.id, body: 'Hello from instance A' });
      specialistOnB.close();
    } finally {
      await b.realtime.close();
      await a.realtime.close();
      await secondApp.close();
      await runtime.stop();
      await first.close();
    }
  });

  it('takes someone out of a program chat, or lets them leave it, through one instance: their socket on the other hears of it, then nothing more', async () => {
    const { openCase } = await import('./cases.fixtures');
    const { buildOrg } = await import('./tenancy.fixtures');
    const first = await createTestApp({ redisUrl });
    const logger = pino({ level: 'silent' });
    const config = testConfig(first.databaseUrl, { redisUrl });
    const runtime = await startRuntime(config, logger);
    const secondApp = await buildApp(config, runtime, logger);
    const a = await listen(first, redisUrl);
    const b = await listen({ app: secondApp, runtime }, redisUrl);
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    try {
      const org = await buildOrg(first, 'Two instances, one program');
      await openCase(first, org.specialist, org.client.userId);
      const program = (
        await first.app.inject({
          method: 'POST',
          url: '/api/v1/conversations',
          headers: as(org.specialist.token),
          payload: { kind: 'program', title: 'Across instances', participant_ids: [org.client.userId, org.supervisor.userId] },
        })
      ).json().data.id;
      const clientOnB = await connect(b.url, org.client.token);
      const supervisorOnB = await connect(b.url, org.supervisor.token);
      await new Promise((r) => setTimeout(r, 300)); // let the adapter subscribe
      const heard: unknown[] = [];
      clientOnB.on('message', (m: unknown) => heard.push(m));
      const told = next(clientOnB, 'conversation.removed');
      const removed = await first.app.inject({
        method: 'DELETE',
        url: `/api/v1/conversations/${program}/participants/${org.client.userId}`,
        headers: as(org.specialist.token),
      });
      expect(removed.statusCode).toBe(200);
      expect(await told).toEqual({ conversation_id: program, user_id: org.client.userId });
      const arrived = next(supervisorOnB, 'message');
      const sent = await first.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${program}/messages`,
        headers: as(org.specialist.token),
        payload: { body: 'After the change' },
      });
      expect(sent.statusCode).toBe(201);
      expect(await arrived).toMatchObject({ body: 'After the change' });
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([]);

      // Leaving of one's own accord through instance A: the same on B.
      const left = next(supervisorOnB, 'conversation.left');
      const gone = await first.app.inject({ method: 'POST', url: `/api/v1/conversations/${program}/leave`, headers: as(org.supervisor.token) });
      expect(gone.statusCode).toBe(200);
      expect(await left).toEqual({ conversation_id: program, user_id: org.supervisor.userId });
      const supervisorHeard: unknown[] = [];
      supervisorOnB.on('message', (m: unknown) => supervisorHeard.push(m));
      const later = await first.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${program}/messages`,
        headers: as(org.specialist.token),
        payload: { body: 'After the supervisor left' },
      });
      expect(later.statusCode).toBe(201);
      await new Promise((r) => setTimeout(r, 200));
      expect(supervisorHeard).toEqual([]);
      clientOnB.close();
      supervisorOnB.close();
    } finally {
      await b.realtime.close();
      await a.realtime.close();
      await secondApp.close();
      await runtime.stop();
      await first.close();
    }
  });
});
