import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from './cases.fixtures';
import { addMember, call, createTestApp, type Session, type TestApp } from './harness';
import { bookFirstFree, everyDay, openPractice } from './scheduling.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let messagingOnlyClient: Session;
let plainClient: Session;
const chat: Record<'session' | 'messagingOnly' | 'plain', { caseId: string; conversationId: string }> = {} as never;
const HOUR = 3_600_000;

/** A message written `hoursAgo` hours ago, inserted as the owner so the timestamps are exactly what the test says. */
async function wrote(by: Session, conversationId: string, hoursAgo: number) {
  await t.owner.query(
    `insert into messaging.messages (id, org_id, conversation_id, sender_user_id, body_ciphertext, created_at)
     values ($1, $2, $3, $4, '\\x00', now() - make_interval(secs => $5))`,
    [crypto.randomUUID(), org.orgId, conversationId, by.userId, hoursAgo * 3600],
  );
}
const get = (by: Session, url: string) => call(t.app, { method: 'GET', url, token: by.token });
const openChat = async (client: Session, caseId: string) =>
  (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: client.token })).json().data.id as string;

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Async practice');
  messagingOnlyClient = await addMember(t, org.admin, 'client');
  plainClient = await addMember(t, org.admin, 'client');
  // The first client books a messaging-modality session type with the specialist: asynchronous therapy.
  const practice = await openPractice(t, org, { rules: everyDay('09:00', '18:00') });
  const type = await call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/session-types',
    token: org.specialist.token,
    payload: { name: 'Written therapy week', duration_minutes: 30, price_minor: 50000, currency: 'UAH', modality: 'messaging' },
  });
  await bookFirstFree(t, { ...practice, typeId: type.json().data.id }, 2);
  for (const [key, client] of [
    ['session', org.client],
    ['messagingOnly', messagingOnlyClient],
    ['plain', plainClient],
  ] as const) {
    const caseId = await openCase(t, org.specialist, client.userId);
    chat[key] = { caseId, conversationId: await openChat(client, caseId) };
  }
  expect(
    (await call(t.app, { method: 'PUT', url: '/api/v1/messaging/response-target', token: org.admin.token, payload: { target_hours: 48 } })).statusCode,
  ).toBe(200);
  const marked = await call(t.app, {
    method: 'PUT',
    url: `/api/v1/cases/${chat.messagingOnly.caseId}/response-target`,
    token: org.specialist.token,
    payload: { messaging_only: true, target_hours: 4 },
  });
  expect(marked.json().data).toMatchObject({ messaging_only: true, target_hours: 4, effective_target_hours: 4 });

  // Session-based thread (48 h): the client wrote 50 h and 49 h ago, nobody answered — overdue by 2 h.
  await wrote(org.client, chat.session.conversationId, 50);
  await wrote(org.client, chat.session.conversationId, 49);
  // Messaging-only thread (4 h): answered in 2 h, then in 10 h, and now waiting for 1 h.
  const only = chat.messagingOnly.conversationId;
  await wrote(messagingOnlyClient, only, 30);
  await wrote(org.specialist, only, 28);
  await wrote(messagingOnlyClient, only, 20);
  await wrote(org.specialist, only, 10);
  await wrote(messagingOnlyClient, only, 1);
  // Not asynchronous therapy: never listed, never counted.
  await wrote(plainClient, chat.plain.conversationId, 100);
});
afterAll(() => t.close());

describe('asynchronous therapy response times', () => {
  it("lists a specialist's waiting threads, overdue first, with when each is due, and drops one once answered", async () => {
    const res = await get(org.specialist, '/api/v1/messaging/waiting');
    expect(res.statusCode).toBe(200);
    const items = res.json().data;
    expect(items.map((i: { case_id: string }) => i.case_id)).toEqual([chat.session.caseId, chat.messagingOnly.caseId]);
    const [overdue, soon] = items;
    expect(overdue).toMatchObject({ overdue: true, target_hours: 48, client: { id: org.client.userId } });
    expect(Date.parse(overdue.due_at) - Date.parse(overdue.waiting_since)).toBe(48 * HOUR);
    expect(Math.abs(Date.now() - Date.parse(overdue.waiting_since) - 50 * HOUR)).toBeLessThan(5 * 60_000);
    expect(soon).toMatchObject({ overdue: false, target_hours: 4, client: { id: messagingOnlyClient.userId } });
    expect(Math.abs(Date.parse(soon.due_at) - Date.now() - 3 * HOUR)).toBeLessThan(5 * 60_000);

    const reply = await call(t.app, {
      method: 'POST',
      url: `/api/v1/conversations/${chat.session.conversationId}/messages`,
      token: org.specialist.token,
      payload: { body: 'Sorry for the wait — here are my thoughts.' },
    });
    expect(reply.statusCode).toBe(201);
    const after = (await get(org.specialist, '/api/v1/messaging/waiting')).json().data;
    expect(after.map((i: { case_id: string }) => i.case_id)).toEqual([chat.messagingOnly.caseId]);
    // Someone with no case chats waits for nothing.
    expect((await get(org.supervisor, '/api/v1/messaging/waiting')).json().data).toEqual([]);
    expect((await get(org.client, '/api/v1/messaging/waiting')).statusCode).toBe(403);
  });

  it('gives the org admin median and p90 first-response times and the share answered within target, per specialist, from the timestamps', async () => {
    const from = new Date(Date.now() - 7 * 24 * HOUR).toISOString();
    const res = await get(org.admin, `/api/v1/messaging/response-times?from=${encodeURIComponent(from)}`);
    expect(res.statusCode).toBe(200);
    const figures = res.json().data;
    expect(figures.target_hours).toBe(48);
    // Episodes: session thread answered by the reply in the test above (~50 h, late); messaging-only
    // thread answered in 2 h (on time) and 10 h (late); one still waiting and not yet due.
    const [mine] = figures.specialists;
    expect(mine.specialist).toEqual({ id: org.specialist.userId, name: 'A specialist' });
    expect(mine).toMatchObject({ threads: 4, answered: 3 });
    expect(mine.median_first_response_seconds).toBeCloseTo(10 * 3600, -2);
    expect(mine.p90_first_response_seconds).toBeGreaterThan(10 * 3600);
    expect(mine.within_target_share).toBeCloseTo(1 / 3, 5);
    expect(figures.overall).toMatchObject({ threads: 4, answered: 3 });

    // A narrower period: only the episode that started 1 h ago, not yet answered or due.
    const recent = await get(org.admin, `/api/v1/messaging/response-times?from=${encodeURIComponent(new Date(Date.now() - 2 * HOUR).toISOString())}`);
    expect(recent.json().data.overall).toEqual({
      threads: 1,
      answered: 0,
      median_first_response_seconds: null,
      p90_first_response_seconds: null,
      within_target_share: null,
    });
    // The timestamps-only function answers nobody but an org admin.
    const asSpecialist = { userId: org.specialist.userId, orgId: org.orgId, role: 'specialist' as const, platformAdmin: false, system: false };
    const rows = await t.runtime.db.inContext(asSpecialist, (tx) => tx.$client.query('select * from messaging.message_times()'));
    expect(rows.rowCount).toBe(0);
  });

  it('is for the right people only, keeps other orgs out, and refuses bad input', async () => {
    expect((await get(org.specialist, '/api/v1/messaging/response-times')).statusCode).toBe(403);
    expect((await get(org.supervisor, '/api/v1/messaging/response-times')).statusCode).toBe(403);
    const other = await buildOrg(t, 'Other practice');
    expect((await get(other.admin, '/api/v1/messaging/response-times')).json().data.overall.threads).toBe(0);
    expect((await get(other.specialist, '/api/v1/messaging/waiting')).json().data).toEqual([]);
    for (const intruder of [other.admin, other.specialist]) {
      const res = await call(t.app, {
        method: 'PUT',
        url: `/api/v1/cases/${chat.plain.caseId}/response-target`,
        token: intruder.token,
        payload: { messaging_only: true, target_hours: null },
      });
      expect(res.statusCode).toBe(404);
    }
    expect((await get(other.admin, '/api/v1/messaging/response-target')).json().data.target_hours).toBe(24);
    expect(
      (await call(t.app, { method: 'PUT', url: '/api/v1/messaging/response-target', token: org.specialist.token, payload: { target_hours: 12 } })).statusCode,
    ).toBe(403);
    for (const payload of [{ target_hours: 0 }, { target_hours: 169 }, { target_hours: 2.5 }, { target_hours: '24' }, {}]) {
      expect((await call(t.app, { method: 'PUT', url: '/api/v1/messaging/response-target', token: org.admin.token, payload })).statusCode).toBe(400);
    }
    const badCase = await call(t.app, {
      method: 'PUT',
      url: `/api/v1/cases/${chat.plain.caseId}/response-target`,
      token: org.specialist.token,
      payload: { messaging_only: 'yes', target_hours: 4 },
    });
    expect(badCase.statusCode).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'PUT',
          url: `/api/v1/cases/${chat.plain.caseId}/response-target`,
          token: org.client.token,
          payload: { messaging_only: true, target_hours: null },
        })
      ).statusCode,
    ).toBe(403);
    const now = new Date().toISOString();
    for (const query of [`from=${now}&to=${now}`, 'from=yesterday', `from=2020-01-01T00:00:00Z&to=${now}`]) {
      expect((await get(org.admin, `/api/v1/messaging/response-times?${query}`)).statusCode).toBe(400);
    }
  });

  it("reads a case's settings back for its care team, and a case marked messaging-only joins the waiting list", async () => {
    const settings = async (caseId: string, by: Session = org.specialist) => get(by, `/api/v1/cases/${caseId}/response-target`);
    expect((await settings(chat.plain.caseId)).json().data).toEqual({
      case_id: chat.plain.caseId,
      messaging_only: false,
      target_hours: null,
      org_target_hours: 48,
      effective_target_hours: 48,
      booked_messaging_sessions: false,
    });
    expect((await settings(chat.session.caseId)).json().data).toMatchObject({ messaging_only: false, booked_messaging_sessions: true });
    expect((await settings(chat.messagingOnly.caseId, org.supervisor)).json().data).toMatchObject({
      messaging_only: true,
      target_hours: 4,
      effective_target_hours: 4,
    });
    const audited = await t.owner.query(
      "select subject_user_id from audit.audit_log where action = 'messaging.case_response_target.read' and resource_id = $1",
      [chat.plain.caseId],
    );
    expect(audited.rows[0]).toEqual({ subject_user_id: plainClient.userId });

    const waitingIds = async () => (await get(org.specialist, '/api/v1/messaging/waiting')).json().data.map((w: { case_id: string }) => w.case_id);
    expect(await waitingIds()).not.toContain(chat.plain.caseId);
    const put = (payload: Record<string, unknown>) =>
      call(t.app, { method: 'PUT', url: `/api/v1/cases/${chat.plain.caseId}/response-target`, token: org.specialist.token, payload });
    expect((await put({ messaging_only: true, target_hours: null })).json().data).toMatchObject({ messaging_only: true, effective_target_hours: 48 });
    expect(await waitingIds()).toContain(chat.plain.caseId);
    expect((await settings(chat.plain.caseId)).json().data).toMatchObject({ messaging_only: true, target_hours: null });
    expect((await put({ messaging_only: false, target_hours: null })).statusCode).toBe(200);
    expect(await waitingIds()).not.toContain(chat.plain.caseId);

    const other = await buildOrg(t, 'Yet another practice');
    for (const intruder of [other.admin, other.specialist, other.client]) expect((await settings(chat.plain.caseId, intruder)).statusCode).toBe(404);
    expect((await settings(chat.plain.caseId, plainClient)).statusCode).toBe(403);
    expect((await settings('not-a-uuid')).statusCode).toBe(400);
    expect((await settings('0190d8f1-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
