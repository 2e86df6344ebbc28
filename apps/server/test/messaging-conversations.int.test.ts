import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Realtime } from '../src/platform/realtime/realtime';
import { moveCase, openCase } from './cases.fixtures';
import { addMember, call, createTestApp, type Session, type TestApp } from './harness';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { inbox } from './scheduling.fixtures';
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
  org = await buildOrg(t, 'Conversations practice');
  other = await buildOrg(t, 'Other practice');
  caseId = await openCase(t, org.specialist, org.client.userId, { jurisdiction: 'UA' });
});
afterAll(async () => {
  await realtime.close();
  await t.close();
});

const start = (by: Session, payload: Record<string, unknown>) => call(t.app, { method: 'POST', url: '/api/v1/conversations', token: by.token, payload });
const send = (by: Session, conversationId: string, body: string) =>
  call(t.app, { method: 'POST', url: `/api/v1/conversations/${conversationId}/messages`, token: by.token, payload: { body } });
const list = async (by: Session) => (await call(t.app, { method: 'GET', url: '/api/v1/conversations', token: by.token })).json().data;
const audited = async (action: string, resourceId: string) =>
  (await t.owner.query('select subject_user_id from audit.audit_log where action = $1 and resource_id = $2', [action, resourceId])).rows.map(
    (r: { subject_user_id: string }) => r.subject_user_id,
  );

describe('direct chats between colleagues', () => {
  it('gives the same pair the same conversation from either side, delivers live and counts unread messages', async () => {
    const first = await start(org.specialist, { kind: 'direct', with_user_id: org.supervisor.userId });
    expect(first.statusCode).toBe(201);
    expect(first.json().data).toMatchObject({ kind: 'direct', created: true });
    const id = first.json().data.id;
    expect((await start(org.specialist, { kind: 'direct', with_user_id: org.supervisor.userId })).json().data).toMatchObject({ id, created: false });
    expect((await start(org.supervisor, { kind: 'direct', with_user_id: org.specialist.userId })).json().data).toMatchObject({ id, created: false });
    const raced = await Promise.all([org.admin, org.admin, org.admin].map((a) => start(a, { kind: 'direct', with_user_id: org.specialist.userId })));
    expect(new Set(raced.map((r) => r.json().data.id)).size).toBe(1);
    expect(await audited('messaging.participant_add', id)).toEqual(expect.arrayContaining([org.specialist.userId, org.supervisor.userId]));

    const supervisor = await connectSocket(url, org.supervisor.token);
    const arrived = nextEvent(supervisor, 'message');
    expect((await send(org.specialist, id, 'Can you look at the Kovalenko case with me? <b>today</b>')).statusCode).toBe(201);
    expect(await arrived).toMatchObject({ conversation_id: id, body: 'Can you look at the Kovalenko case with me? <b>today</b>' });
    await send(org.specialist, id, 'Thanks');
    const seen = (await list(org.supervisor)).find((c: { id: string }) => c.id === id);
    expect(seen).toMatchObject({ kind: 'direct', title: null, unread: 2, participants: [{ id: org.specialist.userId, name: 'A specialist' }] });
    await call(t.app, { method: 'POST', url: `/api/v1/conversations/${id}/read`, token: org.supervisor.token });
    expect((await list(org.supervisor)).find((c: { id: string }) => c.id === id).unread).toBe(0);
    expect((await list(org.specialist)).find((c: { id: string }) => c.id === id).unread).toBe(0);
    supervisor.close();
  });

  it('is for staff only: a client cannot start one (not even with their own specialist), and nobody starts one with a client', async () => {
    const outsider = await addMember(t, org.admin, 'specialist');
    for (const target of [org.specialist.userId, outsider.userId]) {
      const res = await start(org.client, { kind: 'direct', with_user_id: target });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('MESSAGING.NOT_ALLOWED');
    }
    expect((await start(org.client, { kind: 'program', title: 'Mine', participant_ids: [org.specialist.userId] })).statusCode).toBe(403);
    expect((await start(org.specialist, { kind: 'direct', with_user_id: org.client.userId })).json().error.code).toBe('MESSAGING.PERSON_NOT_FOUND');
    expect((await start(org.specialist, { kind: 'direct', with_user_id: org.specialist.userId })).statusCode).toBe(400);
    expect((await start(org.specialist, { kind: 'direct', with_user_id: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await start(org.specialist, { kind: 'group', with_user_id: org.supervisor.userId })).statusCode).toBe(400);
  });

  it("answers 404 to another org's members: no direct chat with a colleague there, nothing of this org's chats readable", async () => {
    const res = await start(other.specialist, { kind: 'direct', with_user_id: org.specialist.userId });
    expect(res.statusCode).toBe(404);
    const mine = (await start(org.specialist, { kind: 'direct', with_user_id: org.admin.userId })).json().data.id;
    for (const intruder of [other.admin, other.specialist, other.client]) {
      expect((await call(t.app, { method: 'GET', url: `/api/v1/conversations/${mine}`, token: intruder.token })).statusCode).toBe(404);
      expect((await send(intruder, mine, 'hi')).statusCode).toBe(404);
      expect(
        (
          await call(t.app, {
            method: 'POST',
            url: `/api/v1/conversations/${mine}/participants`,
            token: intruder.token,
            payload: { user_ids: [intruder.userId] },
          })
        ).statusCode,
      ).toBe(404);
      expect((await list(intruder)).some((c: { id: string }) => c.id === mine)).toBe(false);
    }
  });
});

describe('program chats', () => {
  it('a specialist runs one with clients of their cases and colleagues; a client sees only programs they are in and adds no one', async () => {
    const otherClient = await addMember(t, org.admin, 'client');
    const stranger = await addMember(t, org.admin, 'client');
    await openCase(t, org.specialist, otherClient.userId);
    const created = await start(org.specialist, {
      kind: 'program',
      title: 'Sleep group — spring',
      participant_ids: [org.client.userId, org.supervisor.userId],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id;
    expect(await audited('messaging.participant_add', id)).toEqual(expect.arrayContaining([org.client.userId, org.supervisor.userId]));

    const clientView = (await list(org.client)).find((c: { id: string }) => c.id === id);
    expect(clientView).toMatchObject({ kind: 'program', title: 'Sleep group — spring' });
    expect((await list(otherClient)).some((c: { id: string }) => c.id === id)).toBe(false);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/conversations/${id}/messages`, token: otherClient.token })).statusCode).toBe(404);

    // A client with no case of the creator's is not someone they can bring in; nothing is added.
    const refused = await call(t.app, {
      method: 'POST',
      url: `/api/v1/conversations/${id}/participants`,
      token: org.specialist.token,
      payload: { user_ids: [otherClient.userId, stranger.userId] },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.details).toEqual({ user_ids: [stranger.userId] });
    expect((await list(otherClient)).some((c: { id: string }) => c.id === id)).toBe(false);
    const added = await call(t.app, {
      method: 'POST',
      url: `/api/v1/conversations/${id}/participants`,
      token: org.specialist.token,
      payload: { user_ids: [otherClient.userId] },
    });
    expect(added.json().data).toEqual({ added: [otherClient.userId] });
    expect(await audited('messaging.participant_add', id)).toContain(otherClient.userId);
    expect((await list(otherClient)).some((c: { id: string }) => c.id === id)).toBe(true);

    const byClient = await call(t.app, {
      method: 'POST',
      url: `/api/v1/conversations/${id}/participants`,
      token: org.client.token,
      payload: { user_ids: [stranger.userId] },
    });
    expect(byClient.statusCode).toBe(403);
    const bySupervisor = await call(t.app, {
      method: 'POST',
      url: `/api/v1/conversations/${id}/participants`,
      token: org.supervisor.token,
      payload: { user_ids: [org.admin.userId] },
    });
    expect(bySupervisor.statusCode).toBe(403);
    expect((await send(org.client, id, '<img src=x onerror=alert(1)> hello all')).json().data.body).toBe('<img src=x onerror=alert(1)> hello all');
    const detail = await call(t.app, { method: 'GET', url: `/api/v1/conversations/${id}`, token: org.client.token });
    expect(detail.json().data).toMatchObject({ kind: 'program', title: 'Sleep group — spring' });
    expect(detail.json().data.participants).toHaveLength(4);
  });

  it('refuses bad program input with field errors', async () => {
    const bad = [
      { kind: 'program', title: '   ', participant_ids: [org.client.userId] },
      { kind: 'program', title: 'x'.repeat(121), participant_ids: [org.client.userId] },
      { kind: 'program', title: 'Group', participant_ids: [] },
      { kind: 'program', title: 'Group', participant_ids: [org.client.userId, org.client.userId] },
      { kind: 'program', title: 'Group', participant_ids: Array.from({ length: 51 }, () => crypto.randomUUID()) },
      { kind: 'program', title: 'Group', participant_ids: [org.client.userId], extra: true },
    ];
    for (const payload of bad) {
      const res = await start(org.specialist, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('REQUEST.VALIDATION');
    }
    expect((await start(org.specialist, { kind: 'program', title: 'Group', participant_ids: [other.client.userId] })).statusCode).toBe(404);
  });

  it("flags a client's risky words in a program on their case with its specialist, and with no care team left, alerts the crisis contacts", async () => {
    const client = await addMember(t, org.admin, 'client');
    const ownCase = await openCase(t, org.specialist, client.userId);
    const id = (await start(org.specialist, { kind: 'program', title: 'Anxiety circle', participant_ids: [client.userId] })).json().data.id;
    const res = await send(client, id, 'I have the pills here and I am going to take them all tonight');
    expect(res.statusCode).toBe(201);
    expect(res.json().data.support).toMatchObject({ jurisdiction: 'UA' });
    const flags = (await call(t.app, { method: 'GET', url: '/api/v1/risk-flags', token: org.specialist.token })).json().data;
    expect(flags.find((f: { source_id: string }) => f.source_id === res.json().data.id)).toMatchObject({ level: 'crisis', case_id: ownCase });

    // The case is closed: no one is on the client's care team, so the practice's crisis contacts hear it.
    expect((await moveCase(t, org.specialist, ownCase, 'closed', 'Finished')).statusCode).toBe(200);
    const again = await send(client, id, 'I have the pills here and I am going to take them all tonight');
    await expect
      .poll(async () => (await inbox(t, org.admin.token)).some((n) => n.kind === 'risk.flag' && n.data.message_id === again.json().data.id), { timeout: 3000 })
      .toBe(true);
    expect((await inbox(t, org.supervisor.token)).some((n) => n.kind === 'risk.flag' && n.data.message_id === again.json().data.id)).toBe(true);
  });
});

it('keeps the case chat as it was: the existing case conversation is listed with its kind', async () => {
  const id = (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: org.client.token })).json().data.id;
  expect((await list(org.client)).find((c: { id: string }) => c.id === id)).toMatchObject({ kind: 'case', case_id: caseId });
});
