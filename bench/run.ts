// `npm run bench`: latency and throughput of authenticated reads through the whole stack (auth,
// RLS transaction, decryption, audit write) against the same SQL issued directly with pg, booking
// throughput, chat delivery with 1,000 sockets, the local risk classifier and slot computation.
// `npm run bench -- <part> [<part>…]` runs some: classifier, booking, messaging, reads, cases.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { appRolePassword, appUrlFrom } from '../apps/server/src/platform/db/database';
import { caseScenarios } from './cases';
import { type BookingBench, benchBooking, printBooking } from './booking';
import { benchClassifier, printClassifier } from './classifier';
import { benchMessaging, type MessagingBench, printMessaging } from './messaging';
import { benchSlots, printSlots } from './slots';
import { type CpuSplit, cpuPerOperation } from './cpu';
import { type Figures, loop, paced, saturate } from './measure';
import { DEMO_PASSWORD, startBenchServer } from './server';
import { benchSettings } from './settings';
import { beginInOrg } from './statements';

const SECONDS = benchSettings.seconds;
const CONNECTIONS = 50;
const FIXED_RATE = 500;
const BOOKING_CONNECTIONS = benchSettings.bookingConnections;
/** `npm run bench -- booking cases` runs only those parts (and the two micro-benchmarks); no names run all. */
const PARTS = ['classifier', 'booking', 'messaging', 'reads', 'cases'] as const;
const named = PARTS.filter((part) => process.argv.includes(part));
const wanted = (part: (typeof PARTS)[number]) => named.length === 0 || named.includes(part);

type Scenario = {
  name: string;
  api: Figures & { cpu?: CpuSplit };
  apiAtFixedRate: Figures;
  apiAtHalfRate: Figures;
  sql: Figures & { cpu?: CpuSplit };
  ratio: number;
  /** null: measured for comparison only (the page a changed caseload builds, ADR 0030). */
  budget: { p95Ms: number; minRatio: number } | null;
  pass: boolean;
};

async function main() {
  const classifier = benchClassifier();
  printClassifier(classifier);
  const slots = benchSlots();
  printSlots(slots);
  if (named.length === 1 && named[0] === 'classifier') {
    await writeResults({ classifier, slots });
    return;
  }
  const server = await startBenchServer();
  serverPid = server.pid;
  const results: Scenario[] = [];
  let booking: BookingBench | undefined;
  let messaging: MessagingBench | undefined;
  const pool = new pg.Pool({ connectionString: appUrlFrom(server.ownerUrl, appRolePassword(server.ownerUrl)), max: CONNECTIONS });
  pool.on('error', () => undefined);
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.tend.local', password: DEMO_PASSWORD }),
    });
    const { data } = (await login.json()) as { data: { access_token: string; user: { id: string; active_org_id: string } } };
    const headers = { authorization: `Bearer ${data.access_token}` };
    const userId = data.user.id;
    const orgId = data.user.active_org_id;
    const context = (org: string | null, role: string | null) => [userId, org ?? '', role ?? ''];
    // The server sends BEGIN and the settings as one simple-protocol round trip; so does the ceiling.
    const begin = (args: string[]) =>
      `begin; select set_config('role','tend_app',true), set_config('app.user_id',$1,true), set_config('app.org_id',$2,true),
      set_config('app.role',$3,true), set_config('app.platform_admin','',true), set_config('app.system','',true)`
        .replace('$1', `'${args[0]}'`)
        .replace('$2', `'${args[1]}'`)
        .replace('$3', `'${args[2]}'`);
    const audit = `insert into audit.audit_log (id, org_id, actor_user_id, action, resource_type, resource_id, subject_user_id, purpose, request_id, ip)
      values ($1::uuid, $2::uuid, $3::uuid, $4, 'user', $3::text, $3::uuid, 'account', $1::text, '127.0.0.1')`;

    const inTransaction = async (statements: (client: pg.PoolClient) => Promise<void>) => {
      const client = await pool.connect();
      try {
        await statements(client);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };

    const signIn = async (email: string) => {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      const body = (await res.json()) as { data: { access_token: string; user: { id: string; active_org_id: string } } };
      return { token: body.data.access_token, userId: body.data.user.id, orgId: body.data.user.active_org_id };
    };
    /** BEGIN with the settings for (user, org, role) and, given an org, entering it as the user's membership. */
    const transaction = (ctx: [string, string, string], statements: (client: pg.PoolClient) => Promise<void>, enter?: { orgId: string; userId: string }) =>
      inTransaction(async (c) => {
        if (enter) await beginInOrg(c, begin(ctx), enter.orgId, enter.userId);
        else await c.query(begin(ctx));
        await statements(c);
      });
    if (wanted('booking')) {
      booking = await benchBooking({ url: server.url, login: signIn, transaction, connections: BOOKING_CONNECTIONS, seconds: SECONDS, serverPid: server.pid });
      printBooking(booking, BOOKING_CONNECTIONS);
    }
    if (wanted('messaging')) {
      messaging = await benchMessaging({ url: server.url, login: signIn });
      printMessaging(messaging);
    }
    if (wanted('reads'))
      results.push(
        await scenario('GET /api/v1/me (auth, RLS, decrypt, audit write)', `${server.url}/api/v1/me`, headers, { p95Ms: 20, minRatio: 0.3 }, () =>
          inTransaction(async (c) => {
            await c.query(begin(context(orgId, 'org_admin')));
            await c.query({ name: 'b_user', text: 'select * from identity.users where id = $1 and erased_at is null', values: [userId] });
            await c.query({
              name: 'b_memberships',
              text: 'select o.id, o.name, m.role from identity.memberships m join identity.orgs o on o.id = m.org_id where m.user_id = $1 and m.removed_at is null',
              values: [userId],
            });
            await c.query({ name: 'b_audit', text: audit, values: [crypto.randomUUID(), orgId, userId, 'user.profile_read'] });
          }),
        ),
      );
    if (wanted('reads'))
      results.push(
        await scenario(
          'GET /api/v1/orgs/:id/members (org-scoped list)',
          `${server.url}/api/v1/orgs/${orgId}/members`,
          headers,
          { p95Ms: 20, minRatio: 0.3 },
          () =>
            inTransaction(async (c) => {
              await beginInOrg(c, begin(context(null, null)), orgId, userId);
              await c.query({
                name: 'b_members',
                text: 'select * from identity.memberships m join identity.users u on u.id = m.user_id where m.org_id = $1 and m.removed_at is null',
                values: [orgId],
              });
              await c.query({ name: 'b_audit', text: audit, values: [crypto.randomUUID(), orgId, userId, 'org.members_list'] });
            }),
        ),
      );
    const analyze = async () => {
      const owner = new pg.Client({ connectionString: server.ownerUrl });
      await owner.connect();
      await owner.query('analyze').finally(() => owner.end());
    };
    if (wanted('cases')) results.push(...(await caseScenarios({ url: server.url, login: signIn, scenario, transaction, analyze })));
  } finally {
    await pool.end();
    await server.stop();
    print(results);
    await writeResults({ seconds: SECONDS, connections: CONNECTIONS, scenarios: results, booking, messaging, classifier, slots });
  }
}

async function writeResults(results: Record<string, unknown>) {
  await fs.writeFile(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2)}\n`);
}

/** Set once the bench server runs: the read scenarios split their CPU between it, its PostgreSQL and the load. */
let serverPid: number | undefined;

async function scenario(
  name: string,
  url: string,
  headers: Record<string, string>,
  budget: Scenario['budget'],
  sqlWork: () => Promise<void>,
): Promise<Scenario> {
  await saturate(url, headers, { connections: 10, seconds: 2 }); // warm up JIT, pools and caches
  const api = await cpuPerOperation(serverPid, () => saturate(url, headers, { connections: CONNECTIONS, seconds: SECONDS }));
  const apiAtFixedRate = await paced(url, headers, { connections: CONNECTIONS, seconds: SECONDS, rate: FIXED_RATE });
  const apiAtHalfRate = await paced(url, headers, { connections: CONNECTIONS, seconds: SECONDS, rate: FIXED_RATE / 2 });
  const sql = await cpuPerOperation(serverPid, () => loop(CONNECTIONS, SECONDS, sqlWork));
  const ratio = Math.round((api.rps / sql.rps) * 100) / 100;
  return {
    name,
    api,
    apiAtFixedRate,
    apiAtHalfRate,
    sql,
    ratio,
    budget,
    pass: budget === null || (apiAtFixedRate.p95 < budget.p95Ms && ratio >= budget.minRatio && api.errors === 0),
  };
}

function print(results: Scenario[]) {
  const cpu = (f: Figures & { cpu?: CpuSplit }) =>
    f.cpu ? `   CPU/request: server ${f.cpu.server} ms, PostgreSQL ${f.cpu.postgres} ms, load ${f.cpu.bench} ms` : '';
  const row = (label: string, f: Figures & { cpu?: CpuSplit }) =>
    `  ${label.padEnd(28)} ${String(Math.round(f.rps)).padStart(6)} req/s   p50 ${f.p50} ms   p95 ${f.p95} ms   p99 ${f.p99} ms   errors ${f.errors}${cpu(f)}`;
  for (const r of results) {
    process.stdout.write(`\n${r.name}\n`);
    process.stdout.write(`${row(`API, ${CONNECTIONS} connections`, r.api)}\n`);
    process.stdout.write(`${row(`API paced at ${FIXED_RATE} req/s`, r.apiAtFixedRate)}\n`);
    process.stdout.write(`${row(`API paced at ${FIXED_RATE / 2} req/s`, r.apiAtHalfRate)}\n`);
    process.stdout.write(`${row(`same SQL via pg, ${CONNECTIONS} loops`, r.sql)}\n`);
    const verdict = r.budget
      ? `(budget ≥ ${r.budget.minRatio}); p95 at ${FIXED_RATE} req/s ${r.apiAtFixedRate.p95} ms (budget < ${r.budget.p95Ms} ms): ${r.pass ? 'PASS' : 'MISS'}`
      : `; p95 at ${FIXED_RATE} req/s ${r.apiAtFixedRate.p95} ms (for comparison, no budget of its own)`;
    process.stdout.write(`  API/SQL throughput ratio ${r.ratio} ${verdict}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
