// Issue 3's budgets: a case with its latest notes (audited, decrypted), and 50 cases of a 5,000-case caseload,
// each kept as a specialist comes back to it (ADR 0030, 0034); the caseload also built anew for comparison.
import crypto from 'node:crypto';
import type pg from 'pg';
import { caseloadPageStatement, caseWithNamesStatement } from '../apps/server/src/modules/cases';
import { apiData } from './api';
import { benchSettings } from './settings';

type Session = { token: string; userId: string; orgId: string };
type ScenarioFn<S> = (
  name: string,
  url: string,
  headers: Record<string, string>,
  budget: { p95Ms: number; minRatio: number } | null,
  sqlWork: () => Promise<void>,
) => Promise<S>;
export type CaseBenchDeps<S> = {
  url: string;
  login(email: string): Promise<Session>;
  scenario: ScenarioFn<S>;
  /** Refreshes planner statistics after seeding (as autovacuum would on a live database). */
  analyze(): Promise<void>;
  /** Runs statements after BEGIN + settings for (user, org, role), then commits. */
  transaction(
    context: [string, string, string],
    statements: (client: pg.PoolClient) => Promise<void>,
    enter?: { orgId: string; userId: string },
  ): Promise<void>;
};

const CASES = benchSettings.cases;

/** Opens CASES cases for the demo's first specialist through the API (20 at a time) and writes notes on one. */
async function seed(deps: CaseBenchDeps<unknown>, specialist: Session, admin: Session): Promise<string> {
  const members = await apiData<{ user_id: string; role: string }[]>(deps.url, admin.token, 'GET', `/api/v1/orgs/${admin.orgId}/members`);
  const clients = members.filter((m) => m.role === 'client').map((m) => m.user_id);
  let next = 0;
  let first = '';
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < CASES) {
        const n = next++;
        const created = await apiData<{ id: string }>(deps.url, specialist.token, 'POST', '/api/v1/cases', {
          client_user_id: clients[n % clients.length],
          title: `Case ${n}: presenting concern`,
          jurisdiction: 'UA',
        });
        if (n === 0) first = created.id;
      }
    }),
  );
  for (let i = 0; i < 3; i++) {
    const note = await apiData<{ id: string }>(deps.url, specialist.token, 'POST', `/api/v1/cases/${first}/notes`, {
      template_id: 'soap',
      content: {
        subjective: 'Sleeping better, still low mornings. '.repeat(8),
        objective: 'Calm, engaged. PHQ-9 11.',
        assessment: 'Improving.',
        plan: 'Continue behavioural activation.',
      },
    });
    await apiData(deps.url, specialist.token, 'POST', `/api/v1/cases/${first}/notes/${note.id}/sign`);
  }
  return first;
}

export async function caseScenarios<S>(deps: CaseBenchDeps<S>): Promise<S[]> {
  const admin = await deps.login('admin@demo.tend.local');
  const specialist = await deps.login('specialist1@demo.tend.local');
  const started = performance.now();
  const caseId = await seed(deps as CaseBenchDeps<unknown>, specialist, admin);
  await deps.analyze();
  process.stdout.write(`seeded ${CASES} cases through the API in ${Math.round((performance.now() - started) / 100) / 10} s\n`);
  const headers = { authorization: `Bearer ${specialist.token}` };
  const me = specialist.userId;
  const org = specialist.orgId;
  const audit = `insert into audit.audit_log (id, org_id, actor_user_id, action, resource_type, resource_id, subject_user_id, purpose, request_id, ip)
    values ($1::uuid, $2::uuid, $3::uuid, $4, 'case', $5, null, 'treatment', $1::text, '127.0.0.1')`;
  const enter = { orgId: org, userId: me };
  // The case page as the specialist opens it again before a session: kept while nothing on it changed (ADR 0034),
  // so the server enters the org reading the case's version and writes the audit row. With
  // CASE_OVERVIEW_CACHE_PAGES=0 (passed on to the server) every request builds it: the case, names and notes read
  // alongside entering, all decrypted, then the audit row.
  const keptPage = benchSettings.caseOverviewKept;
  const overview = await deps.scenario(
    `GET /api/v1/cases/:id/overview (case + 3 latest notes, decrypted, audited; ${keptPage ? 'kept page' : 'built every time'})`,
    `${deps.url}/api/v1/cases/${caseId}/overview`,
    headers,
    { p95Ms: 20, minRatio: 0.3 },
    () =>
      deps.transaction(
        [me, '', ''],
        async (c) => {
          if (keptPage) {
            await c.query({ name: 'bc_case_version', text: 'select app.read_version($1, $2) as v', values: [org, caseId] });
          } else {
            await c.query(caseWithNamesStatement(caseId, me));
            await c.query({ name: 'bc_notes', text: 'select * from clinical.notes where case_id = $1 order by created_at desc limit 3', values: [caseId] });
          }
          await c.query({ name: 'bc_audit', text: audit, values: [crypto.randomUUID(), org, me, 'case.overview_read', caseId] });
        },
        enter,
      ),
  );
  // A specialist's caseload as they come back to it: the page kept while nothing on it changed (ADR 0030). Its
  // ceiling is what the server then runs: enter the org, read the version (the server reads it in the same
  // statement as it enters), write the audit row.
  const list = await deps.scenario(
    `GET /api/v1/cases?per_page=50 (caseload of ${CASES}, kept page, audited)`,
    `${deps.url}/api/v1/cases?per_page=50`,
    headers,
    { p95Ms: 30, minRatio: 0.3 },
    () =>
      deps.transaction(
        [me, '', ''],
        async (c) => {
          await c.query({ name: 'bc_version', text: 'select app.read_version($1) as v', values: [org] });
          await c.query({ name: 'bc_audit', text: audit, values: [crypto.randomUUID(), org, me, 'case.list', null] });
        },
        enter,
      ),
  );
  // The page built anew, as after any change in the org: "never seen" is every seeded case, and a last-session
  // filter is never kept, so each request reads, counts, decrypts and writes all 50 lines.
  const built = await deps.scenario(
    `GET /api/v1/cases?per_page=50&last_session=never (caseload of ${CASES}, built every time, audited)`,
    `${deps.url}/api/v1/cases?per_page=50&last_session=never`,
    headers,
    null,
    () =>
      deps.transaction(
        [me, '', ''],
        async (c) => {
          await c.query({
            name: 'bc_list_never',
            ...caseloadPageStatement({ orgId: org, readerId: me, filters: { lastSession: 'never' }, sort: 'updated', limit: 50, offset: 0 }),
          });
          await c.query({ name: 'bc_audit', text: audit, values: [crypto.randomUUID(), org, me, 'case.list', null] });
        },
        enter,
      ),
  );
  return [overview, list, built];
}
