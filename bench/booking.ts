// Issue 4's booking budget: booking throughput through the API (auth, RLS transaction, slot check, exclusion
// constraint, four reminder jobs, audit) against the same transaction issued directly with pg (≥ 0.5).
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { type CpuSplit, cpuPerOperation } from './cpu';
import { type Figures, httpPosts, loop } from './measure';

/** pg-boss's own multi-row insert, the statement the server's `jobs.sendMany` issues. */
const { insertJobs } = createRequire(import.meta.url)('pg-boss/src/plans.js') as { insertJobs(schema: string): string };

type Session = { token: string; userId: string; orgId: string };
type Measured = Figures & { cpu?: CpuSplit };
export type BookingBench = { name: string; api: Measured; sql: Measured; ratio: number; budget: { minRatio: number }; pass: boolean };
export type BookingBenchDeps = {
  url: string;
  login(email: string): Promise<Session>;
  transaction(
    context: [string, string, string],
    statements: (client: pg.PoolClient) => Promise<void>,
    enter?: { orgId: string; userId: string },
  ): Promise<void>;
  connections: number;
  seconds: number;
  /** The server's process id, to split the CPU per booking between it, PostgreSQL and the load generator. */
  serverPid?: number;
};

const STEP_MINUTES = 10;
const REMINDERS_BEFORE = [1440, 60, 15, 5];

async function api(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  return { status: res.status, body: (await res.json()) as { data: { id: string } } };
}

/** A specialist open around the clock in 10-minute sessions, a year ahead: every 10-minute start is bookable once. */
async function openAllHours(url: string, specialist: Session): Promise<string> {
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  const availability = {
    timezone: 'UTC',
    rules,
    buffer_before_minutes: 0,
    buffer_after_minutes: 0,
    min_notice_minutes: 0,
    horizon_days: 365,
    step_minutes: STEP_MINUTES,
  };
  const set = await api(url, specialist.token, 'PUT', '/api/v1/scheduling/availability', availability);
  if (set.status !== 200) throw new Error(`availability: ${set.status}`);
  const type = await api(url, specialist.token, 'POST', '/api/v1/scheduling/session-types', {
    name: 'Bench session',
    duration_minutes: STEP_MINUTES,
    currency: 'UAH',
    modality: 'video',
  });
  return type.body.data.id;
}

/** Distinct starts from two days ahead on, handed out in order so no two bookings want the same one. */
function starts() {
  const first = Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000;
  let next = 0;
  return () => new Date(first + next++ * STEP_MINUTES * 60_000);
}

export async function benchBooking(deps: BookingBenchDeps): Promise<BookingBench> {
  const [viaApi, viaSql, client1, client2] = await Promise.all(
    ['specialist1', 'specialist2', 'client1', 'client2'].map((name) => deps.login(`${name}@demo.tend.local`)),
  );
  const apiType = await openAllHours(deps.url, viaApi!);
  const sqlType = await openAllHours(deps.url, viaSql!);

  const nextApi = starts();
  const book = async () => {
    const res = await api(deps.url, client1!.token, 'POST', '/api/v1/scheduling/book', {
      specialist_id: viaApi!.userId,
      session_type_id: apiType,
      starts_at: nextApi().toISOString(),
    });
    if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.body)}`);
  };
  for (let i = 0; i < 20; i++) await book(); // warm up JIT, pools and caches
  // autocannon drives the API, as in the other scenarios: fetch's own cost per request was a third of
  // the server's, on the same two cores, and would be charged to the API's side of the ratio.
  const apiFigures = await cpuPerOperation(deps.serverPid, () =>
    httpPosts(`${deps.url}/api/v1/scheduling/book`, { authorization: `Bearer ${client1!.token}` }, deps, () => ({
      specialist_id: viaApi!.userId,
      session_type_id: apiType,
      starts_at: nextApi().toISOString(),
    })),
  );

  // The statements the server issues for one booking, on one connection, in one transaction.
  const nextSql = starts();
  const client = client2!;
  const bookDirect = () =>
    deps.transaction(
      [client.userId, '', ''],
      async (c) => {
        const start = nextSql();
        const end = new Date(start.getTime() + STEP_MINUTES * 60_000);
        const id = crypto.randomUUID();
        await c.query({
          name: 'k_settings_type',
          text: `select s.*, t.* from scheduling.specialist_settings s
                 left join scheduling.session_types t on t.id = $2 and t.specialist_user_id = s.user_id where s.user_id = $1`,
          values: [viaSql!.userId, sqlType],
        });
        await c.query({
          name: 'k_opening_hours',
          text: `select weekday, null::date as date, start_minute, end_minute from scheduling.availability_rules where specialist_user_id = $1
               union all
               select null, date, start_minute, end_minute from scheduling.availability_overrides where specialist_user_id = $2
               order by date nulls first, weekday, start_minute`,
          values: [viaSql!.userId, viaSql!.userId],
        });
        await c.query({
          name: 'k_insert',
          text: `insert into scheduling.appointments (id, org_id, specialist_user_id, client_user_id, session_type_id, starts_at, ends_at, blocked_from, blocked_until, booked_by)
               values ($1, $2, $3, $4, $5, $6, $7, $6, $7, $4) returning *`,
          values: [id, client.orgId, viaSql!.userId, client.userId, sqlType, start, end],
        });
        // The reminders go in as one multi-row insert, as the server sends them: pg-boss's own statement.
        await c.query({
          name: 'k_jobs',
          text: insertJobs('pgboss'),
          values: [
            JSON.stringify(
              REMINDERS_BEFORE.map((minutes) => ({
                name: 'scheduling.reminder',
                data: { appointment_id: id, starts_at: start.toISOString() },
                startAfter: new Date(start.getTime() - minutes * 60_000).toISOString(),
                singletonKey: `${id}:${minutes}`,
              })),
            ),
            null,
            null,
            null,
            null,
            null,
          ],
        });
        await c.query({
          name: 'k_audit',
          text: `insert into audit.audit_log (id, org_id, actor_user_id, action, resource_type, resource_id, subject_user_id, purpose, outcome, request_id, ip, details)
               values ($1::uuid, $2::uuid, $3::uuid, 'scheduling.book', 'appointment', $4, $3::uuid, 'operations', 'success', $1::text, '127.0.0.1', '{}')`,
          values: [crypto.randomUUID(), client.orgId, client.userId, id],
        });
      },
      { orgId: client.orgId, userId: client.userId },
    );
  for (let i = 0; i < 20; i++) await bookDirect();
  const sqlFigures = await cpuPerOperation(deps.serverPid, () => loop(deps.connections, deps.seconds, bookDirect));
  const ratio = Math.round((apiFigures.rps / sqlFigures.rps) * 100) / 100;
  return {
    name: 'POST /api/v1/scheduling/book (auth, RLS, slot check, exclusion constraint, 4 reminder jobs, audit)',
    api: apiFigures,
    sql: sqlFigures,
    ratio,
    budget: { minRatio: 0.5 },
    pass: ratio >= 0.5 && apiFigures.errors === 0 && sqlFigures.errors === 0,
  };
}

export function printBooking(r: BookingBench, connections: number) {
  const cpu = (f: Measured) => (f.cpu ? `   CPU/booking: server ${f.cpu.server} ms, PostgreSQL ${f.cpu.postgres} ms, load ${f.cpu.bench} ms` : '');
  const row = (label: string, f: Measured) =>
    `  ${label.padEnd(28)} ${String(Math.round(f.rps)).padStart(6)} bookings/s   p50 ${f.p50} ms   p95 ${f.p95} ms   p99 ${f.p99} ms   errors ${f.errors}${cpu(f)}`;
  process.stdout.write(`\n${r.name}\n${row(`API, ${connections} loops`, r.api)}\n${row(`same SQL via pg, ${connections} loops`, r.sql)}\n`);
  process.stdout.write(`  API/SQL throughput ratio ${r.ratio} (budget ≥ ${r.budget.minRatio}): ${r.pass ? 'PASS' : 'MISS'}\n`);
}
