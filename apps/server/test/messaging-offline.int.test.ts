import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineNotifier, type OfflineNotice } from '../src/modules/messaging';
import { createNotificationsService } from '../src/modules/notifications';
import type { Realtime } from '../src/platform/realtime/realtime';
import { call, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { connectSocket, listenWithSockets } from './realtime.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let realtime: Realtime;
let url: string;
let org: BuiltOrg;
let caseId: string;
let conversationId: string;
beforeAll(async () => {
  // No job workers: the test runs each queued notice itself, so it sees exactly what one run does.
  t = await createTestApp({ role: 'api' });
  ({ url, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Away practice');
  caseId = await openCase(t, org.specialist, org.client.userId);
  conversationId = (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: org.client.token })).json().data.id;
});
afterAll(async () => {
  await realtime.close();
  await t.close();
});

const notifier = () =>
  createOfflineNotifier({
    db: t.runtime.db,
    jobs: t.runtime.jobs,
    relay: t.runtime.relay,
    notifications: createNotificationsService({ db: t.runtime.db, relay: t.runtime.relay, jobs: t.runtime.jobs }),
  });

async function send(token: string, body: string): Promise<OfflineNotice> {
  const sent = await call(t.app, { method: 'POST', url: `/api/v1/conversations/${conversationId}/messages`, token, payload: { body } });
  expect(sent.statusCode).toBe(201);
  const { rows } = await t.owner.query<{ data: OfflineNotice }>(
    "select data from pgboss.job where name = 'messaging.offline-notice' and data->>'conversation_id' = $1 order by created_on desc limit 1",
    [conversationId],
  );
  return rows[0]!.data;
}

const newMessageNotices = async (userId: string) =>
  (
    await t.owner.query<{ link: string; read_at: Date | null }>("select link, read_at from notifications.inbox where user_id = $1 and kind = 'message.new'", [
      userId,
    ])
  ).rows;

describe('a participant who is away', () => {
  it('is told about new messages once per conversation until they read it; someone online is not', async () => {
    const specialistSocket = await connectSocket(url, org.specialist.token);
    const first = await send(org.client.token, 'Can we move Thursday?');
    expect(first).toMatchObject({ conversation_id: conversationId, case_id: caseId, recipients: expect.arrayContaining([org.specialist.userId]) });
    expect(first.recipients).not.toContain(org.client.userId);
    expect(await notifier().notice(first)).toBe(0); // the specialist has the app open
    expect(await newMessageNotices(org.specialist.userId)).toEqual([]);

    specialistSocket.close();
    await new Promise((r) => setTimeout(r, 200));
    const second = await send(org.client.token, 'Or Friday works too.');
    expect(await notifier().notice(second)).toBeGreaterThanOrEqual(1);
    expect(await newMessageNotices(org.specialist.userId)).toEqual([{ link: `/cases/${caseId}`, read_at: null }]);
    // A third message while the first notice is still unread adds nothing.
    expect(await notifier().notice(await send(org.client.token, 'Thanks!'))).toBe(0);

    await call(t.app, { method: 'POST', url: '/api/v1/notifications/read-all', token: org.specialist.token });
    await notifier().notice(await send(org.client.token, 'One more thing.'));
    expect(await newMessageNotices(org.specialist.userId)).toHaveLength(2);

    // The client is sent to their Messages page, not to a case page they cannot open.
    await notifier().notice(await send(org.specialist.token, 'Friday at 10 is fine.'));
    expect(await newMessageNotices(org.client.userId)).toEqual([{ link: '/messages', read_at: null }]);
    const inbox = await call(t.app, { method: 'GET', url: '/api/v1/notifications', token: org.client.token });
    expect(inbox.json().data[0]).toMatchObject({ kind: 'message.new', data: { conversation_id: conversationId, case_id: caseId } });
    // Nothing of the message itself leaves the conversation.
    expect(JSON.stringify(inbox.json().data)).not.toContain('Friday');
  });
});
