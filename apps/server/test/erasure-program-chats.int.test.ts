import { describe, expect, it } from 'vitest';
import { createErasureService } from '../src/modules/privacy';
import { openCase } from './cases.fixtures';
import { makePdf, multipart, type FilesPractice, type Upload, useFilesPractice } from './files.fixtures';
import { addMember, call, freshIp, type Session } from './harness';

let p: FilesPractice;
useFilesPractice('Program erasure practice', (practice) => {
  p = practice;
});

const erasure = () => createErasureService({ db: p.t.runtime.db, crypto: p.t.runtime.crypto, jobs: p.t.runtime.jobs });
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const attach = (by: Session, conversationId: string, upload: Upload) => {
  const { boundary, stream } = multipart(upload);
  return p.t.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/attachments`,
    remoteAddress: freshIp(),
    headers: { authorization: `Bearer ${by.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: stream,
  });
};
const send = async (by: Session, conversationId: string, body: string, attachmentIds: string[] = []) => {
  const res = await call(p.t.app, {
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/messages`,
    token: by.token,
    payload: { body, attachment_ids: attachmentIds },
  });
  expect(res.statusCode).toBe(201);
};
const history = async (by: Session, conversationId: string) =>
  (await call(p.t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}/messages`, token: by.token })).json().data as {
    sender: { id: string };
    body: string;
    attachments: unknown[];
  }[];
const count = async (sql: string, args: unknown[]) => Number((await p.t.owner.query(sql, args)).rows[0].n);
/** The sealed blobs of what a person attached, and how many of them are still in the store. */
const blobsOf = async (userId: string) =>
  (await p.t.owner.query('select storage_key from files.message_attachments where uploaded_by = $1', [userId])).rows.map((r) => r.storage_key as string);
const stored = async (keys: string[]) => (await Promise.all(keys.map((k) => p.t.runtime.storage.exists(k)))).filter(Boolean).length;

/** A client in a program chat with a colleague and another client: a message with a file, and an upload never sent. */
async function programWithClient() {
  const { org } = p;
  const client = await addMember(p.t, org.admin, 'client');
  const peer = await addMember(p.t, org.admin, 'client');
  await openCase(p.t, org.specialist, client.userId, { jurisdiction: 'DE' });
  await openCase(p.t, org.specialist, peer.userId, { jurisdiction: 'DE' });
  const started = await call(p.t.app, {
    method: 'POST',
    url: '/api/v1/conversations',
    token: org.specialist.token,
    payload: { kind: 'program', title: 'Sleep group', participant_ids: [client.userId, peer.userId, org.supervisor.userId] },
  });
  const id = started.json().data.id as string;
  await send(org.specialist, id, 'Welcome to the group');
  const file = (await attach(client, id, { filename: 'my sleep diary.pdf', content: makePdf(), contentType: 'application/pdf' })).json().data.id;
  await send(client, id, 'I am Olena, I wake up at 4 every night', [file]);
  await send(peer, id, 'Same here, Olena');
  expect((await attach(client, id, { filename: 'never sent.pdf', content: makePdf(), contentType: 'application/pdf' })).statusCode).toBe(201);
  return { id, client, peer };
}

async function approveErasure(client: Session, holds: Record<string, string>[] = []) {
  const asked = await call(p.t.app, { method: 'POST', url: '/api/v1/privacy/erasure-requests', token: client.token, payload: {} });
  const requestId = asked.json().data.id as string;
  const decided = await call(p.t.app, {
    method: 'POST',
    url: `/api/v1/privacy/erasure-requests/${requestId}/decision`,
    token: p.org.admin.token,
    payload: { decision: 'approve', note: 'Approved', holds },
  });
  expect(decided.statusCode).toBe(200);
  await erasure().execute(requestId);
  return requestId;
}

describe('erasure and the chats a client shares with others', () => {
  it("keeps the program chat and everyone else's messages, and deletes what the erased client wrote and attached", async () => {
    const { id, client, peer } = await programWithClient();
    const blobs = await blobsOf(client.userId);
    expect(await stored(blobs)).toBe(2);
    const requestId = await approveErasure(client);

    for (const reader of [peer, p.org.specialist, p.org.supervisor]) {
      expect(
        (await call(p.t.app, { method: 'GET', url: '/api/v1/conversations', token: reader.token })).json().data.map((c: { id: string }) => c.id),
      ).toContain(id);
      const left = await history(reader, id);
      expect(left.map((m) => m.body)).toEqual(['Same here, Olena', 'Welcome to the group']);
      expect(left.some((m) => m.sender.id === client.userId)).toBe(false);
    }
    const people = (await call(p.t.app, { method: 'GET', url: `/api/v1/conversations/${id}`, token: peer.token })).json().data.participants;
    expect(people.map((x: { id: string }) => x.id)).not.toContain(client.userId);
    expect(await count('select count(*) as n from messaging.messages where sender_user_id = $1', [client.userId])).toBe(0);
    expect(await count('select count(*) as n from files.message_attachments where uploaded_by = $1', [client.userId])).toBe(0);
    expect(await count('select count(*) as n from messaging.participants where user_id = $1', [client.userId])).toBe(0);
    const completed = await p.t.owner.query(`select details from audit.audit_log where action = 'privacy.erasure_completed' and resource_id = $1`, [requestId]);
    expect(completed.rows[0].details.counts).toMatchObject({ messages: 1, attachments: 2, chat_memberships: 1 });
    // Their blobs go too, sent or not, once the erasure has committed.
    await expect.poll(() => stored(blobs), { timeout: 10_000 }).toBe(0);

    // The others keep writing in it.
    await send(peer, id, 'Still here');
    expect((await history(p.org.specialist, id))[0]?.body).toBe('Still here');
  });

  it('with the clinical record on hold the client leaves the chat but their messages stay until the hold ends', async () => {
    const { id, client, peer } = await programWithClient();
    const blobs = await blobsOf(client.userId);
    await approveErasure(client, [{ category: 'clinical_record', basis: 'GDPR Art. 17(3)(b)', reason: 'Statutory retention', expires_on: futureDate(30) }]);
    expect(await count('select count(*) as n from messaging.participants where user_id = $1', [client.userId])).toBe(0);
    expect(await stored(blobs)).toBe(2);
    expect((await history(peer, id)).map((m) => m.body)).toEqual(['Same here, Olena', 'I am Olena, I wake up at 4 every night', 'Welcome to the group']);

    expect(await erasure().releaseExpiredHolds(futureDate(31))).toBeGreaterThanOrEqual(1);
    expect((await history(peer, id)).map((m) => m.body)).toEqual(['Same here, Olena', 'Welcome to the group']);
    expect(await count('select count(*) as n from files.message_attachments where uploaded_by = $1', [client.userId])).toBe(0);
    await expect.poll(() => stored(blobs), { timeout: 10_000 }).toBe(0);
  });
});
