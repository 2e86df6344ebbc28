import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErasureService } from '../src/modules/privacy';
import { call, freshIp, login, type Session, type TestApp, createTestApp } from './harness';
import { moveCase, openCase } from './cases.fixtures';
import { makePdf, multipart, tempDataDir, uploadFile } from './files.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
// Files land in a store of this test file's own, so what erasure leaves on disk can be looked at.
const dataDir = tempDataDir();
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  org = await buildOrg(t, 'Erasure practice');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const erasure = () => createErasureService({ db: t.runtime.db, crypto: t.runtime.crypto, jobs: t.runtime.jobs });
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function clientWithRecord(b: BuiltOrg) {
  const caseId = await openCase(t, b.specialist, b.client.userId, { jurisdiction: 'DE' });
  await moveCase(t, b.specialist, caseId, 'active');
  await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${caseId}/notes`,
    token: b.specialist.token,
    payload: { template_id: 'dap', content: { data: 'record text' } },
  });
  const form = await call(t.app, {
    method: 'POST',
    url: '/api/v1/forms',
    token: b.specialist.token,
    payload: { title: 'Follow-up', fields: [{ key: 'a', label: 'A', type: 'text' }] },
  });
  await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/forms`, token: b.specialist.token, payload: { form_id: form.json().data.id } });
  // Chat, crisis history, a safety plan and the client's own mood log belong to the record too.
  const chat = (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: b.client.token })).json().data.id;
  const made = [
    await call(t.app, { method: 'POST', url: `/api/v1/conversations/${chat}/messages`, token: b.client.token, payload: { body: 'I want to kill myself' } }),
    await call(t.app, { method: 'POST', url: '/api/v1/crisis/sos', token: b.client.token, payload: { jurisdiction: 'DE' } }),
    await call(t.app, {
      method: 'PUT',
      url: '/api/v1/crisis/safety-plan',
      token: b.client.token,
      payload: { base_version: 0, plan: { worth_living_for: 'My garden' } },
    }),
    await call(t.app, { method: 'POST', url: '/api/v1/selfcare/mood', token: b.client.token, payload: { score: 2 } }),
  ];
  expect(made.map((r) => r.statusCode)).toEqual([201, 201, 200, 201]);
  return caseId;
}

/** A file on the case and one sent in its chat; returns the storage keys of their sealed blobs. */
async function filesOnRecord(b: BuiltOrg, caseId: string): Promise<string[]> {
  const onCase = await uploadFile(t, b.specialist, caseId, { filename: 'referral.pdf', content: makePdf() });
  expect(onCase.statusCode).toBe(201);
  const chat = (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: b.client.token })).json().data.id;
  const inChat = (await attachTo(b.client, chat)).json().data.id;
  const sent = await call(t.app, {
    method: 'POST',
    url: `/api/v1/conversations/${chat}/messages`,
    token: b.client.token,
    payload: { body: 'My diary', attachment_ids: [inChat] },
  });
  expect(sent.statusCode).toBe(201);
  const keys = await t.owner.query(
    `select storage_key from files.case_files where id = $1 union all select storage_key from files.message_attachments where id = $2`,
    [onCase.json().data.id, inChat],
  );
  return keys.rows.map((r) => r.storage_key as string);
}

function attachTo(by: Session, conversationId: string) {
  const { boundary, stream } = multipart({ filename: 'diary.pdf', content: makePdf(), contentType: 'application/pdf' });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/attachments`,
    remoteAddress: freshIp(),
    headers: { authorization: `Bearer ${by.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: stream,
  });
}

const blobsLeft = async (keys: string[]) => (await Promise.all(keys.map((k) => t.runtime.storage.exists(k)))).filter(Boolean).length;
const purgeJobsFor = async (key: string) =>
  (await t.owner.query(`select retry_limit, state from pgboss.job where name = 'files.purge-blobs' and data->'storage_keys' ? $1`, [key])).rows;

/** The org's client asks to be erased and its admin approves, with no hold. */
async function approve(b: BuiltOrg): Promise<string> {
  const id = (await call(t.app, { method: 'POST', url: '/api/v1/privacy/erasure-requests', token: b.client.token, payload: {} })).json().data.id;
  const decided = await call(t.app, {
    method: 'POST',
    url: `/api/v1/privacy/erasure-requests/${id}/decision`,
    token: b.admin.token,
    payload: { decision: 'approve', note: 'Approved', holds: [] },
  });
  expect(decided.statusCode).toBe(200);
  return id;
}

describe('erasure', () => {
  it('the client asks, the admin approves with a hold on the clinical record; the job erases forms and the account, keeps the record until the hold ends', async () => {
    const caseId = await clientWithRecord(org);
    const blobs = await filesOnRecord(org, caseId);
    expect(await blobsLeft(blobs)).toBe(2);
    const asked = await call(t.app, { method: 'POST', url: '/api/v1/privacy/erasure-requests', token: org.client.token, payload: { reason: 'Moving on' } });
    expect(asked.statusCode).toBe(201);
    const id = asked.json().data.id;
    expect((await call(t.app, { method: 'POST', url: '/api/v1/privacy/erasure-requests', token: org.client.token, payload: {} })).json().error.code).toBe(
      'PRIVACY.REQUEST_OPEN',
    );

    const listed = await call(t.app, { method: 'GET', url: '/api/v1/privacy/erasure-requests', token: org.admin.token });
    expect(listed.json().data[0]).toMatchObject({
      id,
      status: 'requested',
      reason: 'Moving on',
      suggested_holds: [{ category: 'clinical_record', jurisdiction: 'DE', verified: true }],
    });
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/privacy/erasure-requests/${id}/decision`,
          token: org.specialist.token,
          payload: { decision: 'reject', note: 'nope' },
        })
      ).statusCode,
    ).toBe(403);
    const past = await call(t.app, {
      method: 'POST',
      url: `/api/v1/privacy/erasure-requests/${id}/decision`,
      token: org.admin.token,
      payload: {
        decision: 'approve',
        note: 'Approved',
        holds: [{ category: 'clinical_record', basis: 'GDPR Art. 17(3)(b)', reason: 'Statutory retention', expires_on: '2020-01-01' }],
      },
    });
    expect(past.json().error.code).toBe('PRIVACY.HOLD_INVALID');

    const approved = await call(t.app, {
      method: 'POST',
      url: `/api/v1/privacy/erasure-requests/${id}/decision`,
      token: org.admin.token,
      payload: {
        decision: 'approve',
        note: 'Approved; the record is kept as the law requires',
        holds: [{ category: 'clinical_record', basis: 'GDPR Art. 17(3)(b)', reason: 'Statutory retention', expires_on: futureDate(30) }],
      },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().data).toMatchObject({ status: 'approved', holds: [{ category: 'clinical_record' }] });
    const job = await t.owner.query(`select data from pgboss.job where name = 'privacy.erase' and data->>'request_id' = $1`, [id]);
    expect(job.rowCount).toBe(1);

    await erasure().execute(id);
    await erasure().execute(id); // a retried job changes nothing
    const done = await call(t.app, { method: 'GET', url: '/api/v1/privacy/erasure-requests', token: org.admin.token });
    expect(done.json().data.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'completed', client: { name: '[erased]' } });
    // Forms gone, the held record stays, readable to the care team; the account is gone for good.
    expect((await t.owner.query('select count(*) from clinical.form_assignments where client_user_id = $1', [org.client.userId])).rows[0].count).toBe('0');
    expect((await t.owner.query('select count(*) from case_mgmt.cases where client_user_id = $1', [org.client.userId])).rows[0].count).toBe('1');
    const kept = await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}`, token: org.specialist.token });
    expect(kept.json().data.client.name).toBe('[unavailable]');
    await expect(login(t.app, org.client.email, org.client.password)).rejects.toThrow(/401/);
    expect((await t.owner.query('select count(*) from selfcare.mood_entries where owner_user_id = $1', [org.client.userId])).rows[0].count).toBe('0');
    expect((await t.owner.query('select count(*) from crisis.safety_plans where client_user_id = $1', [org.client.userId])).rows[0].count).toBe('1'); // held with the record
    const key = await t.owner.query(`select wrapped, destroyed_at from crypto.data_keys where owner_user_id = $1`, [org.client.userId]);
    expect(key.rows.every((r) => r.wrapped === null && r.destroyed_at !== null)).toBe(true);
    // The held record's files keep their rows and their blobs: nothing was queued to delete them.
    expect((await t.owner.query('select count(*) from files.case_files where case_id = $1', [caseId])).rows[0].count).toBe('1');
    expect(await blobsLeft(blobs)).toBe(2);
    for (const blob of blobs) expect(await purgeJobsFor(blob)).toEqual([]);

    // When the hold ends, the daily job erases the record too.
    expect(await erasure().releaseExpiredHolds(futureDate(29))).toBe(0);
    expect(await erasure().releaseExpiredHolds(futureDate(31))).toBe(1);
    expect((await t.owner.query('select count(*) from case_mgmt.cases where client_user_id = $1', [org.client.userId])).rows[0].count).toBe('0');
    expect((await t.owner.query('select count(*) from clinical.notes where case_id = $1', [caseId])).rows[0].count).toBe('0');
    // The files' rows went with the record, their blobs after it committed (the worker runs the queued purge).
    expect((await t.owner.query('select count(*) from files.case_files where case_id = $1', [caseId])).rows[0].count).toBe('0');
    for (const blob of blobs) expect(await purgeJobsFor(blob)).toEqual([expect.objectContaining({ retry_limit: 10 })]);
    await expect.poll(() => blobsLeft(blobs), { timeout: 10_000 }).toBe(0);
    for (const table of [
      'messaging.messages m join messaging.conversations c on c.id = m.conversation_id where c.case_id',
      'crisis.alerts where client_user_id',
      'crisis.safety_plans where client_user_id',
      'crisis.risk_flags where client_user_id',
    ]) {
      const id = table.startsWith('messaging') ? caseId : org.client.userId;
      expect((await t.owner.query(`select count(*) from ${table} = $1`, [id])).rows[0].count, table).toBe('0');
    }
    const audit = await t.owner.query(`select action from audit.audit_log where subject_user_id = $1 and action like 'privacy.%' order by at, seq`, [
      org.client.userId,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['privacy.erasure_request', 'privacy.erasure_approve', 'privacy.erasure_completed', 'privacy.hold_released']),
    );
  });

  it('a store that cannot delete a blob leaves the erasure committed and audited, and its purge is retried', async () => {
    const b = await buildOrg(t, 'Stubborn store');
    const caseId = await clientWithRecord(b);
    const [stuck, other] = await filesOnRecord(b, caseId);
    // A directory where the blob was: the local store's delete really fails on it.
    const stuckPath = path.join(dataDir, 'files', ...(stuck as string).split('/'));
    fs.rmSync(stuckPath);
    fs.mkdirSync(path.join(stuckPath, 'in-the-way'), { recursive: true });

    const id = await approve(b);
    await erasure().execute(id);
    expect((await t.owner.query('select status from privacy.erasure_requests where id = $1', [id])).rows[0].status).toBe('completed');
    expect(
      (await t.owner.query(`select count(*) from audit.audit_log where action = 'privacy.erasure_completed' and resource_id = $1`, [id])).rows[0].count,
    ).toBe('1');
    expect((await t.owner.query('select count(*) from files.case_files where case_id = $1', [caseId])).rows[0].count).toBe('0');
    await expect.poll(async () => (await purgeJobsFor(stuck as string))[0]?.state, { timeout: 10_000 }).toBe('retry');
    expect(await t.runtime.storage.exists(other as string)).toBe(false);
  });

  it('outside the erasure job nothing can delete clinical history, not even the owner', async () => {
    const b = await buildOrg(t, 'Still append-only');
    const caseId = await clientWithRecord(b);
    await expect(t.owner.query('delete from case_mgmt.case_events where case_id = $1', [caseId])).rejects.toThrow(/append-only/);
    await expect(t.owner.query('delete from clinical.form_assignments where case_id = $1', [caseId])).rejects.toThrow(/append-only/);
  });

  it('keeps requests within the org and rejects bad decisions', async () => {
    const b = await buildOrg(t, 'Other');
    const c = await buildOrg(t, 'Third');
    const id = (await call(t.app, { method: 'POST', url: '/api/v1/privacy/erasure-requests', token: b.client.token, payload: {} })).json().data.id;
    expect((await call(t.app, { method: 'GET', url: '/api/v1/privacy/erasure-requests', token: c.admin.token })).body).not.toContain(id);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/privacy/erasure-requests/${id}/decision`,
          token: c.admin.token,
          payload: { decision: 'reject', note: 'not yours' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(t.app, { method: 'POST', url: '/api/v1/privacy/erasure-requests', token: b.specialist.token, payload: {} })).statusCode).toBe(403);
    const bad = [
      { decision: 'maybe', note: 'x y z' },
      { decision: 'reject', note: 'no', holds: [] },
      { decision: 'reject', note: 'with holds', holds: [{ category: 'profile', basis: 'law', reason: 'why', expires_on: futureDate(3) }] },
      { decision: 'approve', note: 'forms only', holds: [{ category: 'forms', basis: 'law', reason: 'why', expires_on: futureDate(3) }] },
    ];
    for (const payload of bad) {
      const res = await call(t.app, { method: 'POST', url: `/api/v1/privacy/erasure-requests/${id}/decision`, token: b.admin.token, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const rejected = await call(t.app, {
      method: 'POST',
      url: `/api/v1/privacy/erasure-requests/${id}/decision`,
      token: b.admin.token,
      payload: { decision: 'reject', note: 'Under a court order' },
    });
    expect(rejected.json().data.status).toBe('rejected');
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/privacy/erasure-requests/${id}/decision`,
          token: b.admin.token,
          payload: { decision: 'approve', note: 'changed mind' },
        })
      ).json().error.code,
    ).toBe('PRIVACY.ALREADY_DECIDED');
    const mine = await call(t.app, { method: 'GET', url: '/api/v1/privacy/erasure-requests', token: b.client.token });
    expect(mine.json().data[0]).toMatchObject({ status: 'rejected', decision_note: 'Under a court order', suggested_holds: [] });
  });
});
