import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbContext } from '../src/platform/db/database';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let a: BuiltOrg;
let b: BuiltOrg;
let aCase: string;
let aCo: Session;
let aNote: string;
let aPsyNote: string;
let aTemplate: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildOrg(t, 'Practice A');
  b = await buildOrg(t, 'Practice B');
  aCo = await addMember(t, a.admin, 'co_specialist');
  aCase = await openCase(t, a.specialist, a.client.userId, { insurance: { payer: 'Acme', member_id: 'A-1' } });
  await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${aCase}/access`,
    token: a.specialist.token,
    payload: { user_id: aCo.userId, role: 'co_specialist' },
  });
  await call(t.app, { method: 'POST', url: `/api/v1/cases/${aCase}/risk`, token: a.specialist.token, payload: { level: 'high', note: 'private note' } });
  const note = await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${aCase}/notes`,
    token: a.specialist.token,
    payload: { template_id: 'dap', content: { data: 'd', assessment: 'a', plan: 'p' } },
  });
  aNote = note.json().data.id;
  await call(t.app, { method: 'POST', url: `/api/v1/cases/${aCase}/notes/${aNote}/sign`, token: a.specialist.token });
  const psy = await call(t.app, { method: 'POST', url: `/api/v1/cases/${aCase}/psychotherapy-notes`, token: a.specialist.token, payload: { text: 'private' } });
  aPsyNote = psy.json().data.id;
  const template = await call(t.app, {
    method: 'POST',
    url: '/api/v1/note-templates',
    token: a.admin.token,
    payload: { name_en: 'A only', name_uk: 'Лише A', sections: [{ key: 'x', label_en: 'X', label_uk: 'X', type: 'text' }] },
  });
  aTemplate = template.json().data.id;
});
afterAll(() => t.close());

type Method = NonNullable<InjectOptions['method']>;
/** Every route that names a case. */
const CASE_ROUTES: { does: string; method: Method; url: (id: string) => string; payload?: (b: BuiltOrg) => Record<string, unknown> }[] = [
  { does: 'read the case', method: 'GET', url: (id) => `/api/v1/cases/${id}` },
  { does: 'edit the case', method: 'PATCH', url: (id) => `/api/v1/cases/${id}`, payload: () => ({ title: 'Hijacked' }) },
  { does: 'change its status', method: 'POST', url: (id) => `/api/v1/cases/${id}/status`, payload: () => ({ to: 'active' }) },
  { does: 'change its risk', method: 'POST', url: (id) => `/api/v1/cases/${id}/risk`, payload: () => ({ level: 'low' }) },
  { does: 'read its history', method: 'GET', url: (id) => `/api/v1/cases/${id}/history` },
  {
    does: 'transfer it',
    method: 'POST',
    url: (id) => `/api/v1/cases/${id}/transfer`,
    payload: (o) => ({ to_specialist_id: o.specialist.userId, reason: 'mine' }),
  },
  { does: 'read its team', method: 'GET', url: (id) => `/api/v1/cases/${id}/access` },
  {
    does: 'grant access',
    method: 'POST',
    url: (id) => `/api/v1/cases/${id}/access`,
    payload: (o) => ({ user_id: o.specialist.userId, role: 'co_specialist' }),
  },
  { does: 'revoke access', method: 'DELETE', url: (id) => `/api/v1/cases/${id}/access/${aCo.userId}` },
  { does: 'read its overview', method: 'GET', url: (id) => `/api/v1/cases/${id}/overview` },
  { does: 'list its notes', method: 'GET', url: (id) => `/api/v1/cases/${id}/notes` },
  { does: 'start a note', method: 'POST', url: (id) => `/api/v1/cases/${id}/notes`, payload: () => ({ template_id: 'soap' }) },
  { does: 'read a note', method: 'GET', url: (id) => `/api/v1/cases/${id}/notes/${aNote}` },
  { does: 'edit a note', method: 'PATCH', url: (id) => `/api/v1/cases/${id}/notes/${aNote}`, payload: () => ({ content: { data: 'x' } }) },
  { does: 'sign a note', method: 'POST', url: (id) => `/api/v1/cases/${id}/notes/${aNote}/sign` },
  {
    does: 'amend a note',
    method: 'POST',
    url: (id) => `/api/v1/cases/${id}/notes/${aNote}/amend`,
    payload: () => ({ content: { data: 'x' }, reason: 'because' }),
  },
  { does: 'co-sign a note', method: 'POST', url: (id) => `/api/v1/cases/${id}/notes/${aNote}/cosign` },
  { does: 'list psychotherapy notes', method: 'GET', url: (id) => `/api/v1/cases/${id}/psychotherapy-notes` },
  { does: 'write a psychotherapy note', method: 'POST', url: (id) => `/api/v1/cases/${id}/psychotherapy-notes`, payload: () => ({ text: 'x' }) },
  { does: 'read a psychotherapy note', method: 'GET', url: (id) => `/api/v1/cases/${id}/psychotherapy-notes/${aPsyNote}` },
  { does: 'edit a psychotherapy note', method: 'PATCH', url: (id) => `/api/v1/cases/${id}/psychotherapy-notes/${aPsyNote}`, payload: () => ({ text: 'x' }) },
];

describe('cases and clinical notes: another organization is invisible', () => {
  it("answers 404 to every member of org B on every route that names org A's case, and changes nothing", async () => {
    const before = (await t.owner.query('select c::text as row from case_mgmt.cases c where id = $1', [aCase])).rows;
    const unexpected: string[] = [];
    for (const [who, session] of [
      ["B's org admin", b.admin],
      ["B's specialist", b.specialist],
      ["B's supervisor", b.supervisor],
      ["B's client", b.client],
    ] as const) {
      for (const route of CASE_ROUTES) {
        const res = await call(t.app, {
          method: route.method,
          url: route.url(aCase),
          token: session.token,
          ...(route.payload ? { payload: route.payload(b) } : {}),
        });
        if (res.statusCode !== 404 || res.json().success !== false)
          unexpected.push(`${who} tried to ${route.does}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      const list = await call(t.app, { method: 'GET', url: `/api/v1/cases?client_id=${a.client.userId}`, token: session.token });
      if (list.statusCode !== 200 || list.json().meta.total !== 0) unexpected.push(`${who} listed A's cases: ${list.statusCode} ${list.body.slice(0, 160)}`);
    }
    const templates = await call(t.app, { method: 'GET', url: '/api/v1/note-templates', token: b.admin.token });
    if (templates.body.includes(aTemplate)) unexpected.push("B's admin saw A's note template");
    const withATemplate = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${await openCase(t, b.specialist, b.client.userId)}/notes`,
      token: b.specialist.token,
      payload: { template_id: aTemplate },
    });
    if (withATemplate.statusCode !== 404) unexpected.push(`B's specialist used A's template: ${withATemplate.statusCode}`);
    // Opening a case in B for A's client must not work either.
    const cross = await call(t.app, {
      method: 'POST',
      url: '/api/v1/cases',
      token: b.specialist.token,
      payload: { client_user_id: a.client.userId, title: 'x', jurisdiction: 'UA' },
    });
    if (cross.statusCode !== 400) unexpected.push(`B's specialist opened a case for A's client: ${cross.statusCode}`);
    expect(unexpected).toEqual([]);
    expect((await t.owner.query('select c::text as row from case_mgmt.cases c where id = $1', [aCase])).rows).toEqual(before);
  });

  it("inside org A: a specialist who is not on the case and the org's EAP manager get 404/403; the supervisor and admin see it", async () => {
    const outsider = await addMember(t, a.admin, 'specialist');
    const eap = await addMember(t, a.admin, 'eap_manager');
    for (const route of CASE_ROUTES) {
      const res = await call(t.app, {
        method: route.method,
        url: route.url(aCase),
        token: outsider.token,
        ...(route.payload ? { payload: route.payload(a) } : {}),
      });
      expect(res.statusCode, `outsider: ${route.does}`).toBe(404);
    }
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}`, token: eap.token })).statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/cases', token: eap.token })).statusCode).toBe(403);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}`, token: a.supervisor.token })).json().data.my_access).toBe('supervisor');
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}`, token: a.admin.token })).json().data.my_access).toBe('org_admin');
  });

  it("returns zero rows of org A's cases, grants and history to raw SQL as tend_app in org B's context", async () => {
    const probes = [
      'select id from case_mgmt.cases where org_id = $1',
      'select id from case_mgmt.case_access where org_id = $1',
      'select id from case_mgmt.case_events where org_id = $1',
      'select id from clinical.notes where org_id = $1',
      'select id from clinical.note_versions where org_id = $1',
      'select id from clinical.note_templates where org_id = $1',
      'select id from clinical.psychotherapy_notes where org_id = $1',
    ];
    const contexts: [string, DbContext][] = [
      ["B's org admin", { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin', platformAdmin: false, system: false }],
      ["B's specialist", { userId: b.specialist.userId, orgId: b.orgId, role: 'specialist', platformAdmin: false, system: false }],
      ["A's client claiming B", { userId: a.client.userId, orgId: b.orgId, role: 'client', platformAdmin: false, system: false }],
    ];
    const leaks: string[] = [];
    for (const sql of probes) {
      expect((await t.owner.query(sql, [a.orgId])).rowCount, `precondition: ${sql}`).toBeGreaterThan(0);
      for (const [who, context] of contexts) {
        const seen = await t.runtime.db.inContext(context, (tx) => tx.$client.query(sql, [a.orgId]));
        if (seen.rowCount !== 0) leaks.push(`${who}: ${seen.rowCount} rows from ${sql}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('keeps case history append-only, even for the database owner', async () => {
    await expect(t.owner.query('update case_mgmt.case_events set kind = $1 where case_id = $2', ['created', aCase])).rejects.toThrow(/append-only/);
    await expect(t.owner.query('delete from case_mgmt.case_events where case_id = $1', [aCase])).rejects.toThrow(/append-only/);
    await expect(t.owner.query('truncate case_mgmt.case_events cascade')).rejects.toThrow(/append-only/);
  });
});
