import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_CAP } from '../src/platform/db/page-total';
import { call, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

// Long lists count their rows only up to a cap (platform/db/page-total.ts): the total is exact below it and on the
// last page, and "more than" above it.
let t: TestApp;
let org: BuiltOrg;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Long lists');
});
afterAll(() => t.close());

/** Appends audit rows for the org as the database owner (the chain trigger still links them). */
async function appendAudit(orgId: string, rows: number) {
  await t.owner.query(
    `insert into audit.audit_log (id, org_id, action, resource_type, purpose)
     select gen_random_uuid(), $1, 'bench.filler', 'test', 'operations' from generate_series(1, $2)`,
    [orgId, rows],
  );
}

describe('page totals of long lists', () => {
  it("an org's audit log past the cap: the count stops there and says so; the last page still knows the exact total", async () => {
    const { orgId } = org.admin;
    const before = Number((await t.owner.query(`select count(*) from audit.audit_log where org_id = $1`, [orgId])).rows[0].count);
    await appendAudit(orgId, COUNT_CAP + 60 - before);
    const exact = COUNT_CAP + 60; // the org's rows now; each read below adds its own audit row after it counted

    const first = (await call(t.app, { method: 'GET', url: `/api/v1/orgs/${orgId}/audit?per_page=50`, token: org.admin.token })).json();
    expect(first.data).toHaveLength(50);
    expect(first.meta).toMatchObject({ page: 1, per_page: 50, total: COUNT_CAP, total_capped: true });

    const last = (await call(t.app, { method: 'GET', url: `/api/v1/orgs/${orgId}/audit?per_page=100&page=11`, token: org.admin.token })).json();
    expect(last.meta).toMatchObject({ page: 11, per_page: 100, total: exact + 1 });
    expect(last.meta.total_capped).toBeUndefined();
    expect(last.data).toHaveLength(exact + 1 - 1000);
  });

  it('a caseload past the cap: capped on a full page, exact for a filter that fits on one page', async () => {
    const newest = await openCase(t, org.specialist, org.client.userId, { risk_level: 'crisis' });
    // Older copies of the case's row (their titles would not open: only the newest is ever on the page asked for).
    await t.owner.query(
      `insert into case_mgmt.cases (id, org_id, client_user_id, specialist_user_id, status, risk_level, jurisdiction, title_ciphertext, created_by, created_at, updated_at)
       select gen_random_uuid(), org_id, client_user_id, specialist_user_id, status, 'low', jurisdiction, title_ciphertext, created_by,
              now() - interval '1 day', now() - interval '1 day'
       from case_mgmt.cases, generate_series(1, $2) where id = $1`,
      [newest, COUNT_CAP + 5],
    );
    const page = (await call(t.app, { method: 'GET', url: '/api/v1/cases?per_page=1', token: org.specialist.token })).json();
    expect(page.data.map((c: { id: string }) => c.id)).toEqual([newest]);
    expect(page.meta).toMatchObject({ total: COUNT_CAP, total_capped: true });

    const crisis = (await call(t.app, { method: 'GET', url: '/api/v1/cases?risk=crisis&per_page=1', token: org.specialist.token })).json();
    expect(crisis.meta).toMatchObject({ total: 1 });
    expect(crisis.meta.total_capped).toBeUndefined();
  });
});
