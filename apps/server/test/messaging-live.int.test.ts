import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Realtime } from '../src/platform/realtime/realtime';
import { addMember, call, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let realtime: Realtime;
let url: string;
let org: BuiltOrg;
let conversationId: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await createTestApp();
  ({ url, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Typing practice');
  const caseId = await openCase(t, org.specialist, org.client.userId);
  conversationId = (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: org.client.token })).json().data.id;
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await realtime.close();
  await t.close();
});

const connect = async (token: string) => {
  const socket = await connectSocket(url, token);
  sockets.push(socket);
  return socket;
};
/** Every `chat.typing` a socket hears, in order. */
const heard = (socket: Socket) => {
  const events: Record<string, unknown>[] = [];
  socket.on('chat.typing', (event: Record<string, unknown>) => events.push(event));
  return events;
};
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('typing indicators', () => {
  it('relays "is typing" to the other participants only, with the name, and throttles a burst', async () => {
    const specialist = await connect(org.specialist.token);
    const client = await connect(org.client.token);
    const specialistHeard = heard(specialist);
    const clientHeard = heard(client);
    const arrived = nextEvent(specialist, 'chat.typing');
    for (let i = 0; i < 5; i++) client.emit('chat.typing', { conversation_id: conversationId });
    expect(await arrived).toEqual({ conversation_id: conversationId, user_id: org.client.userId, name: expect.any(String) });
    await settle();
    expect(specialistHeard).toHaveLength(1);
    expect(clientHeard).toHaveLength(0);

    const back = nextEvent(client, 'chat.typing');
    specialist.emit('chat.typing', { conversation_id: conversationId });
    expect(await back).toMatchObject({ conversation_id: conversationId, user_id: org.specialist.userId });
    // Nothing about typing is stored.
    expect((await t.owner.query('select count(*)::int as n from messaging.messages where conversation_id = $1', [conversationId])).rows[0].n).toBe(0);
  });

  it('relays nothing from or to someone who is not in the conversation, in the practice or in another one', async () => {
    const outsider = await addMember(t, org.admin, 'specialist');
    const other = await buildOrg(t, 'Elsewhere');
    const specialist = await connect(org.specialist.token);
    const outsiderSocket = await connect(outsider.token);
    const otherSocket = await connect(other.client.token);
    const adminSocket = await connect(org.admin.token);
    const specialistHeard = heard(specialist);
    const outsiderHeard = heard(outsiderSocket);
    const otherHeard = heard(otherSocket);
    const adminHeard = heard(adminSocket);

    outsiderSocket.emit('chat.typing', { conversation_id: conversationId });
    otherSocket.emit('chat.typing', { conversation_id: conversationId });
    adminSocket.emit('chat.typing', { conversation_id: conversationId });
    otherSocket.emit('chat.typing', { conversation_id: 'not-a-uuid' });
    otherSocket.emit('chat.typing', null);
    await settle();
    expect(specialistHeard).toEqual([]);

    // A real participant typing reaches the specialist, and none of the others.
    await new Promise((r) => setTimeout(r, 2000)); // past the throttle of the first test
    const client = await connect(org.client.token);
    const arrived = nextEvent(specialist, 'chat.typing');
    client.emit('chat.typing', { conversation_id: conversationId });
    expect(await arrived).toMatchObject({ user_id: org.client.userId });
    await settle();
    expect(outsiderHeard).toEqual([]);
    expect(otherHeard).toEqual([]);
    expect(adminHeard).toEqual([]);
  });
});

describe('a conversation and its readers', () => {
  it('lists the participants with how far each has read, to participants only', async () => {
    const before = await call(t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}`, token: org.specialist.token });
    expect(before.statusCode).toBe(200);
    const people = before.json().data.participants as { id: string; name: string; last_read_at: string | null }[];
    expect(people.map((x) => x.id).sort()).toEqual([org.client.userId, org.specialist.userId].sort());
    expect(people.find((x) => x.id === org.client.userId)?.last_read_at).toBeNull();
    await call(t.app, { method: 'POST', url: `/api/v1/conversations/${conversationId}/read`, token: org.client.token });
    const after = await call(t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}`, token: org.specialist.token });
    expect(after.json().data.participants.find((x: { id: string }) => x.id === org.client.userId).last_read_at).toEqual(expect.any(String));
    const outsider = await addMember(t, org.admin, 'specialist');
    expect((await call(t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}`, token: outsider.token })).statusCode).toBe(404);
    // Names of the client and their care team are read under audit, like the messages themselves.
    const reads = await t.owner.query(
      "select 1 from audit.audit_log where action = 'messaging.participants.read' and resource_id = $1 and actor_user_id = $2",
      [conversationId, org.specialist.userId],
    );
    expect(reads.rowCount).toBe(2);
  });
});
