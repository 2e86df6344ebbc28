// Kept caseload pages (ADR 0030): a page is served again only while nothing it shows has changed, only to
// the reader it was built for, and every list is audited either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/platform/db/database';
import { openCase } from './cases.fixtures';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { counter, writeBehindTheVersion } from './read-versions.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
beforeAll(async () => {
  t = await createTestApp({ caseloadCachePages: 100 });
  org = await buildOrg(t, 'Kept caseloads');
});
afterAll(() => t.close());

type Line = { id: string; title: string; risk_level: string; my_access: string; client: { id: string; name: string } };
const caseload = async (who: Session, query = '') => {
  const res = await call(t.app, { method: 'GET', url: `/api/v1/cases?per_page=100${query}`, token: who.token });
  expect(res.statusCode).toBe(200);
  return res.json() as { data: Line[]; meta: { total: number } };
};
const lineOf = async (who: Session, caseId: string, query = '') => (await caseload(who, query)).data.find((l) => l.id === caseId);

const writeBehind = (sql: string, values: unknown[], on: TestApp = t) => writeBehindTheVersion(on, sql, values);

describe('kept caseload pages', () => {
  it('serves a kept page while the version holds, and a page built anew once the case changes through the app', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    expect(await lineOf(lead, caseId)).toMatchObject({ risk_level: 'low', title: 'Low mood after job loss' });

    await writeBehind(`update case_mgmt.cases set risk_level = 'high' where id = $1`, [caseId]);
    expect(await lineOf(lead, caseId)).toMatchObject({ risk_level: 'low' }); // kept: nothing moved the version

    const patched = await call(t.app, { method: 'PATCH', url: `/api/v1/cases/${caseId}`, token: lead.token, payload: { title: 'Sleep and mood' } });
    expect(patched.statusCode).toBe(200);
    expect(await lineOf(lead, caseId)).toMatchObject({ risk_level: 'high', title: 'Sleep and mood' });

    const risk = await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/risk`, token: lead.token, payload: { level: 'crisis' } });
    expect(risk.statusCode).toBe(200);
    expect(await lineOf(lead, caseId)).toMatchObject({ risk_level: 'crisis' });
  });

  it('a grant shows the case at once and its revocation hides it at once', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const co = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    expect(await lineOf(co, caseId)).toBeUndefined();

    await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/access`, token: lead.token, payload: { user_id: co.userId, role: 'co_specialist' } });
    expect(await lineOf(co, caseId)).toMatchObject({ my_access: 'co_specialist' });

    const revoked = await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${caseId}/access/${co.userId}`, token: lead.token });
    expect(revoked.statusCode).toBeLessThan(300);
    expect(await lineOf(co, caseId)).toBeUndefined();
  });

  it("a client's new name and the destruction of their key show on the next page", async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const client = await addMember(t, org.admin, 'client', 'Old Name');
    const caseId = await openCase(t, lead, client.userId);
    expect((await lineOf(lead, caseId))?.client.name).toBe('Old Name');

    const renamed = await call(t.app, { method: 'PATCH', url: '/api/v1/me', token: client.token, payload: { name: 'New Name' } });
    expect(renamed.statusCode).toBe(200);
    expect((await lineOf(lead, caseId))?.client.name).toBe('New Name');

    await t.runtime.db.inContext(systemContext, (tx) => t.runtime.crypto.destroyUserKey(tx, client.userId));
    expect((await lineOf(lead, caseId))?.client.name).toBe('[erased]');
  });

  it('last-session filters move with the clock, so their pages are always built anew', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    expect(await lineOf(lead, caseId, '&last_session=never')).toBeDefined();
    await writeBehind(`update case_mgmt.cases set last_session_at = now() - interval '2 days' where id = $1`, [caseId]);
    expect(await lineOf(lead, caseId, '&last_session=never')).toBeUndefined();
    expect(await lineOf(lead, caseId, '&last_session=past_week')).toBeDefined();
  });

  it("a page is only ever served to its own reader: another member, another role, another org's member get their own", async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    expect(await lineOf(lead, caseId)).toBeDefined();

    const other = await addMember(t, org.admin, 'specialist');
    expect(await lineOf(other, caseId)).toBeUndefined();
    expect(await lineOf(org.admin, caseId)).toMatchObject({ my_access: 'org_admin' });
    expect(await lineOf(org.client, caseId)).toMatchObject({ my_access: 'client' });

    const elsewhere = await buildOrg(t, 'Another practice');
    for (const who of [elsewhere.admin, elsewhere.specialist, elsewhere.supervisor, elsewhere.client]) {
      expect((await caseload(who)).data.map((l) => l.id)).not.toContain(caseId);
    }
  });

  it('audits every list, kept or built', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    await openCase(t, lead, org.client.userId);
    for (let i = 0; i < 3; i++) await caseload(lead);
    const rows = await t.owner.query(`select count(*)::int as n from audit.audit_log where actor_user_id = $1 and action = 'case.list'`, [lead.userId]);
    expect(rows.rows[0].n).toBe(3);
  });

  it('every write to what a caseload shows moves the read version; sign-ins and other orgs do not', async () => {
    const other = await buildOrg(t, 'Unrelated practice');
    const versionOf = (orgId: string) => counter(t, `org:${orgId}`);
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    const writes: [string, string, unknown[]][] = [
      ['case', `update case_mgmt.cases set jurisdiction = 'UA' where id = $1`, [caseId]],
      ['grant', `update case_mgmt.case_access set revoked_at = revoked_at where case_id = $1`, [caseId]],
      ['membership', `update identity.memberships set role = role where user_id = $1 and org_id = $2`, [lead.userId, org.orgId]],
    ];
    for (const [what, sql, values] of writes) {
      const [before, beforeOther] = [await versionOf(org.orgId), await versionOf(other.orgId)];
      const changed = await t.owner.query(sql, values);
      if (changed.rowCount === 0) continue; // no grant rows on this case: nothing was written
      expect(await versionOf(org.orgId), what).not.toBe(before);
      expect(await versionOf(other.orgId), what).toBe(beforeOther);
    }

    const beforeLogin = await versionOf(org.orgId);
    const login = await call(t.app, { method: 'POST', url: '/api/v1/auth/login', payload: { email: lead.email, password: lead.password } });
    expect(login.statusCode).toBe(200);
    expect(await versionOf(org.orgId)).toBe(beforeLogin);

    // One transaction writing many cases moves the counter once.
    const many = await t.owner.query(`select version from app.read_versions where scope = $1`, [`org:${org.orgId}`]);
    await t.owner.query(`update case_mgmt.cases set jurisdiction = jurisdiction where org_id = $1`, [org.orgId]);
    const after = await t.owner.query(`select version from app.read_versions where scope = $1`, [`org:${org.orgId}`]);
    expect(Number(after.rows[0].version)).toBe(Number(many.rows[0].version) + 1);
  });

  it('the counters are closed to the app roles: no privilege on the table, and the function answers only for an org the caller belongs to', async () => {
    const granted = await t.owner.query(
      `select r.role, p.privilege from unnest(array['tend_app','tend_server']) as r(role)
         cross join unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE']) as p(privilege)
        where has_table_privilege(r.role, 'app.read_versions', p.privilege)`,
    );
    expect(granted.rows).toEqual([]);
    const lead = await addMember(t, org.admin, 'specialist');
    const elsewhere = await buildOrg(t, 'Counters elsewhere');
    const asLead = { userId: lead.userId, orgId: null, role: null, platformAdmin: false, system: false };
    const versionFor = (orgId: string) =>
      t.runtime.db.inContext(asLead, async (tx) => (await tx.$client.query<{ v: string | null }>('select app.read_version($1) as v', [orgId])).rows[0]?.v);
    expect(await versionFor(org.orgId)).toMatch(/^\d+\.\d+$/);
    expect(await versionFor(elsewhere.orgId)).toBeNull();
  });
});

describe('with no pages kept (CASELOAD_CACHE_PAGES=0)', () => {
  let bare: TestApp;
  let practice: BuiltOrg;
  beforeAll(async () => {
    bare = await createTestApp({ caseloadCachePages: 0 });
    practice = await buildOrg(bare, 'No kept pages');
  });
  afterAll(() => bare.close());

  it('builds every page', async () => {
    const caseId = await openCase(bare, practice.specialist, practice.client.userId);
    const line = async () =>
      ((await call(bare.app, { method: 'GET', url: '/api/v1/cases', token: practice.specialist.token })).json().data as Line[]).find((l) => l.id === caseId);
    expect(await line()).toMatchObject({ risk_level: 'low' });
    await writeBehind(`update case_mgmt.cases set risk_level = 'high' where id = $1`, [caseId], bare);
    expect(await line()).toMatchObject({ risk_level: 'high' });
  });
});
