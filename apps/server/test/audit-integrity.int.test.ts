import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChains, verifyAuditChainsIn } from '../src/platform/audit';
import { type DbContext, systemContext } from '../src/platform/db/database';
import { AUDIT_COLUMNS, type AuditRow, auditRowsOf } from './audit.fixtures';
import { addMember, call, createOrg, login, register, type Session, type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the app role, even in the system context', async () => {
    const admin = await createOrg(t.app, 'Append Only Practice');
    const target = await newestAuditRow(admin.orgId);
    const contexts: [string, DbContext][] = [
      ['system', systemContext],
      ['org admin', { userId: admin.userId, orgId: admin.orgId, role: 'org_admin', platformAdmin: false, system: false }],
      ['platform admin', { userId: admin.userId, orgId: null, role: null, platformAdmin: true, system: false }],
    ];
    for (const [who, context] of contexts) {
      for (const statement of changeStatements(target.id)) {
        await expect(
          t.runtime.db.inContext(context, (tx) => tx.$client.query(statement)),
          `${who}: ${statement}`,
        ).rejects.toThrow(/permission denied/);
      }
    }
    expect(await newestAuditRow(admin.orgId)).toEqual(target);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even from the database owner (superuser), through the trigger', async () => {
    const admin = await createOrg(t.app, 'Append Only Practice');
    const target = await newestAuditRow(admin.orgId);
    for (const statement of changeStatements(target.id)) {
      await expect(t.owner.query(statement), statement).rejects.toThrow(/append-only/);
    }
    const head = (await t.owner.query<{ chain: string }>(`select chain from audit.chain_heads where chain like $1 || '/%' limit 1`, [admin.orgId])).rows[0];
    expect(head).toBeDefined();
    for (const statement of [`delete from audit.chain_heads where chain = '${head?.chain}'`, 'truncate audit.chain_heads']) {
      await expect(t.owner.query(statement), statement).rejects.toThrow(/append-only/);
    }
    expect(await newestAuditRow(admin.orgId)).toEqual(target);
    expect((await verifyAuditChains(t.owner)).ok).toBe(true);
  });
});

describe('the hash chain makes tampering visible', () => {
  it('verifies an untouched log, and names a row whose content was changed', async () => {
    const chain = await orgChain();
    const intact = await verifyAuditChains(t.owner);
    expect(intact).toMatchObject({ ok: true, first_bad: null });
    expect(intact.rows).toBeGreaterThanOrEqual(chain.rows.length);

    const victim = chain.rows[1] as AuditRow;
    const result = await inRolledBackOwnerTransaction(async (client) => {
      await withoutAppendOnly(client, () => client.query(`update audit.audit_log set action = 'tampered' where id = $1`, [victim.id]));
      return verifyAuditChainsIn(client);
    });
    expect(result.ok).toBe(false);
    expect(result.first_bad).toMatchObject({ id: victim.id, org_id: chain.orgId, seq: 2, reason: expect.stringMatching(/altered/) });
  });

  it('notices a row deleted from the middle of a chain', async () => {
    const chain = await orgChain();
    const [, deleted, next] = chain.rows as [AuditRow, AuditRow, AuditRow];
    const result = await inRolledBackOwnerTransaction(async (client) => {
      await withoutAppendOnly(client, () => client.query('delete from audit.audit_log where id = $1', [deleted.id]));
      return verifyAuditChainsIn(client);
    });
    expect(result.ok).toBe(false);
    expect(result.first_bad).toMatchObject({ id: next.id, org_id: chain.orgId, seq: 3, reason: expect.stringMatching(/missing/) });
  });

  it('notices the newest row cut from the end of a chain, through audit.chain_heads', async () => {
    const chain = await orgChain();
    const last = chain.rows.at(-1) as AuditRow;
    const newLast = chain.rows.at(-2) as AuditRow;
    const result = await inRolledBackOwnerTransaction(async (client) => {
      await withoutAppendOnly(client, () => client.query('delete from audit.audit_log where id = $1', [last.id]));
      return verifyAuditChainsIn(client);
    });
    expect(result.ok).toBe(false);
    expect(result.first_bad).toMatchObject({ id: newLast.id, org_id: chain.orgId, seq: Number(newLast.seq), reason: expect.stringMatching(/removed/) });
    expect((await verifyAuditChains(t.owner)).ok).toBe(true);
  });

  it('is not fooled by rows committing while it walks: every verify during a burst of sign-ins reports an intact log', { timeout: 120_000 }, async () => {
    // Regression: the walk used to read chain_heads and the rows in separate snapshots, so a sign-in
    // committing in between looked like a removed or altered row.
    const users = await Promise.all(Array.from({ length: 5 }, () => register(t.app)));
    const logins = Array.from({ length: 30 }, (_, i) => {
      const user = users[i % users.length] as Session;
      return call(t.app, { method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    });
    const verifies = Array.from({ length: 20 }, () => verifyAuditChains(t.owner));
    const [loginResults, verifyResults] = await Promise.all([Promise.all(logins), Promise.all(verifies)]);

    expect(loginResults.map((r) => r.statusCode)).toEqual(loginResults.map(() => 200));
    expect(verifyResults.filter((r) => !r.ok)).toEqual([]);
    expect(await verifyAuditChains(t.owner)).toMatchObject({ ok: true, first_bad: null });
  });

  it('`tend audit verify` exits 0 on an intact log, and non-zero naming the row after tampering', { timeout: 180_000 }, async () => {
    const chain = await orgChain();
    const victim = chain.rows[1] as AuditRow;

    const clean = await runCli(['audit', 'verify']);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);

    await tamperCommitted(victim.id, 'tampered');
    try {
      const tampered = await runCli(['audit', 'verify']);
      expect(tampered.code).not.toBe(0);
      expect(tampered.stdout + tampered.stderr).toContain(victim.id);
    } finally {
      await tamperCommitted(victim.id, victim.action);
    }
    expect((await verifyAuditChains(t.owner)).ok).toBe(true);
  });
});

describe('reading and verifying the audit log through the API', () => {
  it("shows an org admin their org's audit rows, newest first, with the total", async () => {
    const admin = await createOrg(t.app, 'Readable Practice');
    const member = await addMember(t, admin, 'specialist');
    await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}/members`, token: admin.token });
    const owned = await t.owner.query<{ n: number }>('select count(*)::int as n from audit.audit_log where org_id = $1', [admin.orgId]);

    const res = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}/audit?per_page=100`, token: admin.token });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.meta).toMatchObject({ page: 1, per_page: 100, total: owned.rows[0]?.n });
    const entries = body.data as { seq: number; at: string; org_id: string; action: string; actor_user_id: string | null; actor_name: string | null }[];
    expect(entries).toHaveLength(owned.rows[0]?.n as number);
    expect(entries.every((e) => e.org_id === admin.orgId)).toBe(true);
    expect(entries.map((e) => Date.parse(e.at))).toEqual([...entries.map((e) => Date.parse(e.at))].sort((a, b) => b - a));
    expect(entries[0]).toMatchObject({ action: 'org.members_list', actor_user_id: admin.userId, actor_name: 'Test Person' });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['org.create', 'invitation.create', 'invitation.accept']));
    expect(entries.some((e) => e.actor_user_id === member.userId)).toBe(true);

    const paged = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}/audit?per_page=2&page=2`, token: admin.token });
    expect(paged.json().data.map((e: { seq: number }) => e.seq)).toHaveLength(2);
    expect(paged.json().meta).toMatchObject({ page: 2, per_page: 2, total: (owned.rows[0]?.n as number) + 1 });
  });

  it('lets a platform admin verify every chain through POST /api/v1/admin/audit/verify, and records that check', async () => {
    const admin = await platformAdmin();
    const res = await call(t.app, { method: 'POST', url: '/api/v1/admin/audit/verify', token: admin.token });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ ok: true, first_bad: null, chains: expect.any(Number), rows: expect.any(Number) });
    expect(res.json().data.rows).toBeGreaterThan(0);
    expect(await auditRowsOf(t, res.headers['x-request-id'])).toEqual([
      expect.objectContaining({ action: 'audit.verify', org_id: null, actor_user_id: admin.userId, outcome: 'success' }),
    ]);
  });

  it('tells the platform admin which row was tampered with', async () => {
    const admin = await platformAdmin();
    const chain = await orgChain();
    const victim = chain.rows[2] as AuditRow;
    await tamperCommitted(victim.id, 'tampered');
    try {
      const res = await call(t.app, { method: 'POST', url: '/api/v1/admin/audit/verify', token: admin.token });
      expect(res.statusCode).toBe(200);
      expect(res.json().data).toMatchObject({ ok: false, first_bad: { id: victim.id, org_id: chain.orgId, seq: 3 } });
      expect(await auditRowsOf(t, res.headers['x-request-id'])).toEqual([expect.objectContaining({ action: 'audit.verify', outcome: 'failure' })]);
    } finally {
      await tamperCommitted(victim.id, victim.action);
    }
    expect((await verifyAuditChains(t.owner)).ok).toBe(true);
  });
});

async function newestAuditRow(orgId: string): Promise<AuditRow> {
  const row = (await t.owner.query<AuditRow>(`select ${AUDIT_COLUMNS} from audit.audit_log where org_id = $1 order by at desc, id desc limit 1`, [orgId]))
    .rows[0];
  if (!row) throw new Error(`org ${orgId} has no audit rows`);
  return row;
}

function changeStatements(id: string): string[] {
  return [`update audit.audit_log set action = 'tampered' where id = '${id}'`, `delete from audit.audit_log where id = '${id}'`, 'truncate audit.audit_log'];
}

/**
 * A fresh org's longest chain (one lane of it: the trigger picks the lane from the connection),
 * oldest first, with at least five rows.
 */
async function orgChain(): Promise<{ orgId: string; lane: number; rows: AuditRow[] }> {
  const admin = await createOrg(t.app, 'Chained Practice');
  for (let attempt = 0; attempt < 50; attempt++) {
    const rows = (await t.owner.query<AuditRow>(`select ${AUDIT_COLUMNS} from audit.audit_log where org_id = $1 order by lane, seq`, [admin.orgId])).rows;
    const lanes = new Map<number, AuditRow[]>();
    for (const row of rows) lanes.set(row.lane, [...(lanes.get(row.lane) ?? []), row]);
    const longest = [...lanes.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    if (longest.length >= 5) return { orgId: admin.orgId, lane: longest[0]?.lane as number, rows: longest };
    await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}/members`, token: admin.token });
  }
  throw new Error('could not grow a chain of five rows in one lane');
}

/** Runs `work` on a separate owner connection inside a transaction that is always rolled back. */
async function inRolledBackOwnerTransaction<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    return await work(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

/** What an attacker holding the owner role can do: switch the append-only trigger off around a change. */
async function withoutAppendOnly(client: pg.Client | pg.PoolClient, change: () => Promise<unknown>): Promise<void> {
  await client.query('alter table audit.audit_log disable trigger audit_log_append_only');
  await change();
  await client.query('alter table audit.audit_log enable trigger audit_log_append_only');
}

/** Sets a row's action as the owner and commits (for checks that run outside this connection). */
async function tamperCommitted(id: string, action: string): Promise<void> {
  const client = await t.owner.connect();
  try {
    await client.query('begin');
    await withoutAppendOnly(client, () => client.query('update audit.audit_log set action = $2 where id = $1', [id, action]));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function platformAdmin(): Promise<Session> {
  const user = await register(t.app);
  // Only the system context may grant it (identity.guard_user_update refuses it elsewhere, even to the owner).
  await t.runtime.db.inContext(systemContext, (tx) => tx.$client.query('update identity.users set platform_admin = true where id = $1', [user.userId]));
  return login(t.app, user.email, user.password);
}

/** Runs the `tend` CLI against this file's database, as an operator would. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'apps/server/src/cli/tend.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: t.databaseUrl, TEND_MASTER_KEY: inject('masterKey'), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
