import { describe, expect, it } from 'vitest';
import { systemContext } from '../src/platform/db/database';
import { eraseConversationsOf } from '../src/modules/messaging';
import { addMember, call, freshIp, type Session } from './harness';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { makePdf, makePng, multipart, type FilesPractice, sha256, storedFiles, type Upload, useFilesPractice } from './files.fixtures';
import { buildOrg } from './tenancy.fixtures';

let p: FilesPractice;
let conversationId: string;
const dataDir = useFilesPractice('Attachments practice', async (practice) => {
  p = practice;
  conversationId = (await call(p.t.app, { method: 'POST', url: `/api/v1/cases/${p.caseId}/conversation`, token: p.org.client.token })).json().data.id;
});

const attach = (by: Session, upload: Upload, conversation = conversationId) => {
  const { boundary, stream } = multipart(upload);
  return p.t.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conversation}/attachments`,
    remoteAddress: freshIp(),
    headers: { authorization: `Bearer ${by.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: stream,
  });
};
const send = (by: Session, payload: Record<string, unknown>, conversation = conversationId) =>
  call(p.t.app, { method: 'POST', url: `/api/v1/conversations/${conversation}/messages`, token: by.token, payload });
const link = (by: Session, attachmentId: string, conversation = conversationId) =>
  call(p.t.app, { method: 'POST', url: `/api/v1/conversations/${conversation}/attachments/${attachmentId}/link`, token: by.token });
const download = (url: string) => p.t.app.inject({ method: 'GET', url });

describe('chat attachments', () => {
  it('sends files with a message: sealed at rest, shown with name and size, downloadable by each participant through a signed link, audited', async () => {
    const { url, realtime } = await listenWithSockets(p.t);
    const pdf = makePdf();
    const png = makePng(32);
    const first = await attach(p.org.client, { filename: 'sleep diary.pdf', contentType: 'application/pdf', content: pdf });
    expect(first.statusCode).toBe(201);
    expect(first.json().data).toMatchObject({ filename: 'sleep diary.pdf', size: pdf.length, mime_type: 'application/pdf' });
    const second = await attach(p.org.client, { filename: 'drawing.png', content: png });
    const ids = [first.json().data.id, second.json().data.id];

    // Before it is sent, nobody else can reach it.
    expect((await link(p.org.specialist, ids[0])).statusCode).toBe(404);

    const specialist = await connectSocket(url, p.org.specialist.token);
    const arrived = nextEvent(specialist, 'message');
    const sent = await send(p.org.client, { body: 'My diary for this week', attachment_ids: ids });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().data.attachments.map((a: { filename: string }) => a.filename)).toEqual(['sleep diary.pdf', 'drawing.png']);
    expect(((await arrived) as { attachments: unknown[] }).attachments).toHaveLength(2);
    specialist.close();
    await realtime.close();

    const history = await call(p.t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}/messages`, token: p.org.specialist.token });
    expect(history.json().data[0].attachments).toEqual([
      { id: ids[0], filename: 'sleep diary.pdf', size: pdf.length, mime_type: 'application/pdf' },
      { id: ids[1], filename: 'drawing.png', size: png.length, mime_type: 'image/png' },
    ]);
    for (const reader of [p.org.specialist, p.org.client]) {
      const res = await link(reader, ids[0]);
      expect(res.statusCode).toBe(201);
      const got = await download(res.json().data.url);
      expect(got.statusCode).toBe(200);
      expect(sha256(got.rawPayload)).toBe(sha256(pdf));
      expect(got.headers['content-disposition']).toContain('sleep%20diary.pdf');
    }
    // At rest: neither the bytes nor the name in clear.
    for (const file of storedFiles(dataDir)) expect((await import('node:fs')).readFileSync(file).includes(pdf.subarray(0, 40))).toBe(false);
    const row = (await p.t.owner.query('select a::text as row from files.message_attachments a where id = $1', [ids[0]])).rows[0].row;
    expect(row).not.toContain('sleep diary');
    const actions = (await p.t.owner.query('select action from audit.audit_log where resource_id = $1', [ids[0]])).rows.map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['attachment.upload', 'attachment.link_create', 'attachment.download']));

    // An attachment goes out once, with the message of the person who uploaded it.
    const again = await send(p.org.client, { body: 'resend', attachment_ids: [ids[0]] });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('MESSAGING.ATTACHMENT_NOT_FOUND');
  });

  it('keeps attachments from non-participants and other orgs (404), and a link stops working for someone who left the conversation', async () => {
    const file = (await attach(p.org.specialist, { filename: 'worksheet.pdf', content: makePdf() })).json().data;
    expect((await send(p.org.specialist, { body: '', attachment_ids: [file.id] })).statusCode).toBe(201);
    const outsider = await addMember(p.t, p.org.admin, 'specialist');
    expect((await link(outsider, file.id)).statusCode).toBe(404);
    expect((await attach(outsider, { filename: 'x.pdf', content: makePdf() })).statusCode).toBe(404);
    const other = await buildOrg(p.t, 'Other practice');
    for (const intruder of [other.admin, other.specialist, other.client]) {
      expect((await link(intruder, file.id)).statusCode).toBe(404);
      expect((await attach(intruder, { filename: 'x.pdf', content: makePdf() })).statusCode).toBe(404);
    }
    // Someone else's upload cannot be sent by me, even in my own conversation.
    const theirs = (await attach(p.org.specialist, { filename: 'notes.pdf', content: makePdf() })).json().data;
    expect((await send(p.org.client, { body: 'hi', attachment_ids: [theirs.id] })).statusCode).toBe(404);
    // A link is checked again when used: the holder must still be a participant in the org.
    const url = (await link(p.org.client, file.id)).json().data.url;
    await call(p.t.app, { method: 'DELETE', url: `/api/v1/orgs/${p.org.orgId}/members/${p.org.client.userId}`, token: p.org.admin.token });
    expect((await download(url)).statusCode).toBe(404);
  });

  it('refuses bad input: more than five files, duplicates, a wrong type, an empty file, a message with neither text nor files', async () => {
    const specialist = p.org.specialist;
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await attach(specialist, { filename: `f${i}.pdf`, content: makePdf() })).json().data.id);
    expect((await send(specialist, { body: 'six', attachment_ids: ids })).statusCode).toBe(400);
    expect((await send(specialist, { body: 'dup', attachment_ids: [ids[0], ids[0]] })).statusCode).toBe(400);
    expect((await send(specialist, { body: '  ', attachment_ids: [] })).statusCode).toBe(400);
    expect((await send(specialist, { body: 'bad', attachment_ids: ['nope'] })).statusCode).toBe(400);
    expect((await attach(specialist, { filename: 'run.exe', content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff') })).statusCode).toBe(
      415,
    );
    expect((await attach(specialist, { filename: 'empty.pdf', content: Buffer.alloc(0) })).statusCode).toBe(400);
    const noFile = await p.t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/attachments`,
      headers: { authorization: `Bearer ${specialist.token}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(noFile.statusCode).toBe(415);
    // Five is fine, and nothing was half-sent by the refusals above.
    expect((await send(specialist, { body: 'five', attachment_ids: ids.slice(0, 5) })).json().data.attachments).toHaveLength(5);
  });

  it("are erased with the conversation's data", async () => {
    const file = (await attach(p.org.specialist, { filename: 'erase-me.pdf', content: makePdf() })).json().data;
    await send(p.org.specialist, { body: 'for erasure', attachment_ids: [file.id] });
    const url = (await link(p.org.specialist, file.id)).json().data.url;
    await p.t.runtime.db.inContext(systemContext, async (tx) => {
      await tx.$client.query(`select set_config('app.erasure', 'on', true)`);
      await eraseConversationsOf(tx, [p.caseId]);
    });
    expect((await p.t.owner.query('select count(*)::int as n from files.message_attachments where conversation_id = $1', [conversationId])).rows[0].n).toBe(0);
    expect((await download(url)).statusCode).toBe(404);
  });
});
