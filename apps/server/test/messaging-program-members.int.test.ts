import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgRole } from '@tend/contracts';
import type { DbContext } from '../src/platform/db/database';
import type { Realtime } from '../src/platform/realtime/realtime';
import { openCase } from './cases.fixtures';
import { addMember, call, createTestApp, type Session, type TestApp } from './harness';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let realtime: Realtime;
let url: string;
let org: BuiltOrg;
let other: BuiltOrg;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ url, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Program members practice');
  other = await buildOrg(t, 'Other practice');
  caseId = await openCase(t, org.specialist, org.client.userId, { jurisdiction: 'UA' });
});
afterAll(async () => {
  await realtime.close();
  await t.close();
});

const startProgram = async (by: Session, participantIds: string[]) => {
  const res = await call(t.app, {
    method: 'POST',
    url: '/api/v1/conversations',
    token: by.token,
    payload: { kind: 'program', title: 'Anxiety group — autumn', participant_ids: participantIds },
  });
  expect(res.statusCode).toBe(201);
  return res.json().data.id as string;
};
const remove = (by: Session, conversationId: string, userId: string) =>
  call(t.app, { method: 'DELETE', url: `/api/v1/conversations/${conversationId}/participants/${userId}`, token: by.token });
const leave = (by: Session, conversationId: string) => call(t.app, { method: 'POST', url: `/api/v1/conversations/${conversationId}/leave`, token: by.token });
const send = (by: Session, conversationId: string, body: string) =>
  call(t.app, { method: 'POST', url: `/api/v1/conversations/${conversationId}/messages`, token: by.token, payload: { body } });
const list = async (by: Session) => (await call(t.app, { method: 'GET', url: '/api/v1/conversations', token: by.token })).json().data as { id: string }[];
const get = (by: Session, conversationId: string) => call(t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}`, token: by.token });
const errorOf = (res: { statusCode: number; json(): { error: { code: string } } }) => [res.statusCode, res.json().error.code];

const caseChatId = async (): Promise<string> =>
  (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: org.specialist.token })).json().data.id;
const directChatWithSupervisor = async (): Promise<string> =>
  (
    await call(t.app, {
      method: 'POST',
      url: '/api/v1/conversations',
      token: org.specialist.token,
      payload: { kind: 'direct', with_user_id: org.supervisor.userId },
    })
  ).json().data.id;

describe('removing someone from a program chat', () => {
  it('takes a client out: they lose the chat, its history and its live events, cannot write; the rest carry on and the removal is audited', async () => {
    const id = await startProgram(org.specialist, [org.client.userId, org.supervisor.userId]);
    expect((await send(org.client, id, 'Hello everyone')).statusCode).toBe(201);
    expect((await get(org.client, id)).json().data.created_by).toBe(org.specialist.userId);

    const clientSocket = await connectSocket(url, org.client.token);
    const supervisorSocket = await connectSocket(url, org.supervisor.token);
    const told = nextEvent(clientSocket, 'conversation.removed');
    const othersTold = nextEvent(supervisorSocket, 'conversation.people');
    const heard: unknown[] = [];
    clientSocket.on('message', (m: unknown) => heard.push(m));

    const res = await remove(org.specialist, id, org.client.userId);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({ removed: org.client.userId });
    expect(await told).toEqual({ conversation_id: id, user_id: org.client.userId });
    expect(await othersTold).toEqual({ conversation_id: id, user_id: org.client.userId });
    const audit = await t.owner.query(
      "select actor_user_id, subject_user_id from audit.audit_log where action = 'messaging.participant_remove' and resource_id = $1",
      [id],
    );
    expect(audit.rows).toEqual([{ actor_user_id: org.specialist.userId, subject_user_id: org.client.userId }]);

    expect((await list(org.client)).some((c) => c.id === id)).toBe(false);
    expect(errorOf(await get(org.client, id))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/conversations/${id}/messages`, token: org.client.token })).statusCode).toBe(404);
    expect(errorOf(await send(org.client, id, 'Am I still here?'))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    expect((await call(t.app, { method: 'POST', url: `/api/v1/conversations/${id}/read`, token: org.client.token })).statusCode).toBe(404);

    // The others go on; what the client wrote before stays in the chat's record.
    const arrived = nextEvent(supervisorSocket, 'message');
    expect((await send(org.specialist, id, 'Next meeting on Thursday')).statusCode).toBe(201);
    expect(await arrived).toMatchObject({ body: 'Next meeting on Thursday' });
    const people = (await get(org.specialist, id)).json().data.participants.map((x: { id: string }) => x.id);
    expect(people.sort()).toEqual([org.specialist.userId, org.supervisor.userId].sort());
    const history = (await call(t.app, { method: 'GET', url: `/api/v1/conversations/${id}/messages`, token: org.supervisor.token })).json().data;
    expect(history.map((m: { body: string }) => m.body)).toEqual(['Next meeting on Thursday', 'Hello everyone']);
    // Typing in it is not relayed from someone who left either.
    clientSocket.emit('chat.typing', { conversation_id: id });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);

    // Brought back, they see it again.
    const again = await call(t.app, {
      method: 'POST',
      url: `/api/v1/conversations/${id}/participants`,
      token: org.specialist.token,
      payload: { user_ids: [org.client.userId] },
    });
    expect(again.json().data).toEqual({ added: [org.client.userId] });
    expect((await list(org.client)).some((c) => c.id === id)).toBe(true);
    clientSocket.close();
    supervisorSocket.close();
  });

  it('is for the creator only, never removes the creator, and answers each mistake with its own error', async () => {
    const id = await startProgram(org.specialist, [org.client.userId, org.supervisor.userId]);
    expect(errorOf(await remove(org.supervisor, id, org.client.userId))).toEqual([403, 'MESSAGING.NOT_ALLOWED']);
    expect(errorOf(await remove(org.client, id, org.supervisor.userId))).toEqual([403, 'MESSAGING.NOT_ALLOWED']);
    // Removal is the creator's; someone going of their own accord leaves instead (POST …/leave, below).
    expect(errorOf(await remove(org.client, id, org.client.userId))).toEqual([403, 'MESSAGING.NOT_ALLOWED']);
    expect(errorOf(await remove(org.specialist, id, org.specialist.userId))).toEqual([409, 'MESSAGING.CREATOR_STAYS']);
    const outsider = await addMember(t, org.admin, 'specialist');
    expect(errorOf(await remove(org.specialist, id, outsider.userId))).toEqual([404, 'MESSAGING.NOT_A_PARTICIPANT']);
    expect(errorOf(await remove(org.specialist, id, '0190d8f1-0000-7000-8000-000000000000'))).toEqual([404, 'MESSAGING.NOT_A_PARTICIPANT']);
    // An admin who is not in the chat does not see it at all.
    expect(errorOf(await remove(org.admin, id, org.client.userId))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    for (const bad of [`/api/v1/conversations/not-a-uuid/participants/${org.client.userId}`, `/api/v1/conversations/${id}/participants/42`]) {
      const res = await call(t.app, { method: 'DELETE', url: bad, token: org.specialist.token });
      expect(errorOf(res)).toEqual([400, 'REQUEST.VALIDATION']);
    }
    expect((await call(t.app, { method: 'DELETE', url: `/api/v1/conversations/${id}/participants/${org.client.userId}` })).statusCode).toBe(401);
    // Nobody above was taken out.
    expect((await get(org.specialist, id)).json().data.participants).toHaveLength(3);
  });

  it('refuses case and direct chats: their people follow the case and the pair', async () => {
    const caseChat = await caseChatId();
    expect(errorOf(await remove(org.specialist, caseChat, org.client.userId))).toEqual([409, 'MESSAGING.NOT_PROGRAM']);
    const direct = await directChatWithSupervisor();
    expect(errorOf(await remove(org.specialist, direct, org.supervisor.userId))).toEqual([409, 'MESSAGING.NOT_PROGRAM']);
    expect((await list(org.client)).some((c) => c.id === caseChat)).toBe(true);
  });

  it("answers 404 to another org's members, whoever they name", async () => {
    const id = await startProgram(org.specialist, [org.client.userId]);
    for (const intruder of [other.admin, other.specialist, other.client]) {
      expect(errorOf(await remove(intruder, id, org.client.userId))).toEqual([404, 'MESSAGING.NOT_FOUND']);
      expect(errorOf(await remove(intruder, id, intruder.userId))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    }
    // Their own program chat cannot reach into this org's people either.
    const theirs = await startProgram(other.specialist, [other.supervisor.userId]);
    expect(errorOf(await remove(other.specialist, theirs, org.client.userId))).toEqual([404, 'MESSAGING.NOT_A_PARTICIPANT']);
    expect((await list(org.client)).some((c) => c.id === id)).toBe(true);
  });

  it('the database itself lets only the creator delete a membership, and never their own', async () => {
    const id = await startProgram(org.specialist, [org.client.userId, org.supervisor.userId]);
    // As tend_app under RLS, inside a transaction that is then rolled back so each probe starts from the same rows.
    const asApp = async (userId: string, role: OrgRole, target: string) => {
      let deleted: number | null = null;
      const context: DbContext = { userId, orgId: org.orgId, role, platformAdmin: false, system: false };
      await t.runtime.db
        .inContext(context, async (tx) => {
          deleted = (await tx.$client.query('delete from messaging.participants where conversation_id = $1 and user_id = $2', [id, target])).rowCount;
          throw new Error('roll back');
        })
        .catch(() => undefined);
      return deleted;
    };
    expect(await asApp(org.supervisor.userId, 'supervisor', org.client.userId)).toBe(0);
    expect(await asApp(org.specialist.userId, 'specialist', org.specialist.userId)).toBe(0);
    expect(await asApp(org.specialist.userId, 'specialist', org.client.userId)).toBe(1);
  });
});

describe('leaving a program chat oneself', () => {
  it('lets a client go: the chat, its history and its live events are gone for them; the others see the people change; audited', async () => {
    const id = await startProgram(org.specialist, [org.client.userId, org.supervisor.userId]);
    expect((await send(org.client, id, 'Thank you all, this is my last week')).statusCode).toBe(201);

    const clientSocket = await connectSocket(url, org.client.token);
    const specialistSocket = await connectSocket(url, org.specialist.token);
    const supervisorSocket = await connectSocket(url, org.supervisor.token);
    const toldMe = nextEvent(clientSocket, 'conversation.left');
    const toldRunner = nextEvent(specialistSocket, 'conversation.people');
    const toldOther = nextEvent(supervisorSocket, 'conversation.people');
    const heard: unknown[] = [];
    clientSocket.on('message', (m: unknown) => heard.push(m));
    clientSocket.on('conversation.removed', (m: unknown) => heard.push(m));

    const res = await leave(org.client, id);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({ left: id });
    const event = { conversation_id: id, user_id: org.client.userId };
    expect(await toldMe).toEqual(event);
    expect(await toldRunner).toEqual(event);
    expect(await toldOther).toEqual(event);
    const audit = await t.owner.query(
      "select actor_user_id, subject_user_id, purpose from audit.audit_log where action = 'messaging.participant_leave' and resource_id = $1",
      [id],
    );
    expect(audit.rows).toEqual([{ actor_user_id: org.client.userId, subject_user_id: org.client.userId, purpose: 'treatment' }]);

    expect((await list(org.client)).some((c) => c.id === id)).toBe(false);
    expect(errorOf(await get(org.client, id))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    const history = await call(t.app, { method: 'GET', url: `/api/v1/conversations/${id}/messages`, token: org.client.token });
    expect(errorOf(history)).toEqual([404, 'MESSAGING.NOT_FOUND']);
    expect(errorOf(await send(org.client, id, 'Still here?'))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    // Leaving twice: the chat is no longer theirs to see.
    expect(errorOf(await leave(org.client, id))).toEqual([404, 'MESSAGING.NOT_FOUND']);

    const arrived = nextEvent(supervisorSocket, 'message');
    expect((await send(org.specialist, id, 'Good luck, and thank you')).statusCode).toBe(201);
    expect(await arrived).toMatchObject({ body: 'Good luck, and thank you' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);
    const people = (await get(org.specialist, id)).json().data.participants.map((x: { id: string }) => x.id);
    expect(people.sort()).toEqual([org.specialist.userId, org.supervisor.userId].sort());
    const kept = (await call(t.app, { method: 'GET', url: `/api/v1/conversations/${id}/messages`, token: org.supervisor.token })).json().data;
    expect(kept.map((m: { body: string }) => m.body)).toEqual(['Good luck, and thank you', 'Thank you all, this is my last week']);
    clientSocket.close();
    specialistSocket.close();
    supervisorSocket.close();
  });

  it('lets a colleague leave too, but not whoever runs the chat', async () => {
    const id = await startProgram(org.specialist, [org.client.userId, org.supervisor.userId]);
    expect(errorOf(await leave(org.specialist, id))).toEqual([409, 'MESSAGING.CREATOR_STAYS']);
    expect((await leave(org.supervisor, id)).statusCode).toBe(200);
    const people = (await get(org.specialist, id)).json().data.participants.map((x: { id: string }) => x.id);
    expect(people.sort()).toEqual([org.specialist.userId, org.client.userId].sort());
  });

  it('refuses case and direct chats, and answers 404 to anyone not in the chat', async () => {
    const caseChat = await caseChatId();
    expect(errorOf(await leave(org.client, caseChat))).toEqual([409, 'MESSAGING.NOT_PROGRAM']);
    expect(errorOf(await leave(org.specialist, caseChat))).toEqual([409, 'MESSAGING.NOT_PROGRAM']);
    const direct = await directChatWithSupervisor();
    expect(errorOf(await leave(org.supervisor, direct))).toEqual([409, 'MESSAGING.NOT_PROGRAM']);
    expect((await list(org.client)).some((c) => c.id === caseChat)).toBe(true);

    const id = await startProgram(org.specialist, [org.client.userId]);
    expect(errorOf(await leave(org.admin, id))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    for (const intruder of [other.admin, other.specialist, other.client]) expect(errorOf(await leave(intruder, id))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    expect(errorOf(await leave(org.client, '0190d8f1-0000-7000-8000-000000000000'))).toEqual([404, 'MESSAGING.NOT_FOUND']);
    expect(errorOf(await call(t.app, { method: 'POST', url: '/api/v1/conversations/not-a-uuid/leave', token: org.client.token }))).toEqual([
      400,
      'REQUEST.VALIDATION',
    ]);
    expect((await call(t.app, { method: 'POST', url: `/api/v1/conversations/${id}/leave` })).statusCode).toBe(401);
    expect((await get(org.specialist, id)).json().data.participants).toHaveLength(2);
  });

  it('the database lets someone delete only their own membership of a program chat they did not start', async () => {
    const id = await startProgram(org.specialist, [org.client.userId, org.supervisor.userId]);
    const caseChat = await caseChatId();
    const asApp = async (userId: string, role: OrgRole, conversationId: string, target: string) => {
      let deleted: number | null = null;
      const context: DbContext = { userId, orgId: org.orgId, role, platformAdmin: false, system: false };
      await t.runtime.db
        .inContext(context, async (tx) => {
          deleted = (await tx.$client.query('delete from messaging.participants where conversation_id = $1 and user_id = $2', [conversationId, target]))
            .rowCount;
          throw new Error('roll back');
        })
        .catch(() => undefined);
      return deleted;
    };
    expect(await asApp(org.client.userId, 'client', id, org.client.userId)).toBe(1);
    expect(await asApp(org.client.userId, 'client', id, org.supervisor.userId)).toBe(0);
    expect(await asApp(org.specialist.userId, 'specialist', id, org.specialist.userId)).toBe(0);
    expect(await asApp(org.client.userId, 'client', caseChat, org.client.userId)).toBe(0);
  });
});
