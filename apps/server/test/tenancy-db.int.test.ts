import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbContext, systemContext } from '../src/platform/db/database';
import { call, register, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('tenancy in the database: tend_app sees no row of another org', () => {
  it('returns zero rows of org A to raw SQL run as tend_app for a member of org B, in every tenant table', async () => {
    const a = await buildOrg(t, 'Practice A');
    const b = await buildOrg(t, 'Practice B');
    // Rows for the tables that only get them through less common flows.
    await call(t.app, { method: 'POST', url: '/api/v1/auth/password/forgot', payload: { email: a.specialist.email } });
    await call(t.app, { method: 'POST', url: '/api/v1/auth/login', payload: { email: a.client.email, password: 'not the password at all' } });

    const aUsers = [a.admin.userId, a.specialist.userId, a.supervisor.userId, a.client.userId];
    const probes: { table: string; sql: string; args: unknown[] }[] = [
      { table: 'identity.orgs', sql: 'select id from identity.orgs where id = $1', args: [a.orgId] },
      { table: 'identity.memberships', sql: 'select id from identity.memberships where org_id = $1', args: [a.orgId] },
      { table: 'identity.invitations', sql: 'select id from identity.invitations where org_id = $1', args: [a.orgId] },
      { table: 'audit.audit_log', sql: 'select id from audit.audit_log where org_id = $1', args: [a.orgId] },
      { table: 'notify.mail_outbox', sql: 'select id from notify.mail_outbox where org_id = $1', args: [a.orgId] },
      { table: 'identity.users', sql: 'select id from identity.users where id = any($1::uuid[])', args: [aUsers] },
      { table: 'identity.auth_sessions', sql: 'select id from identity.auth_sessions where user_id = any($1::uuid[])', args: [aUsers] },
      { table: 'identity.password_resets', sql: 'select id from identity.password_resets where user_id = any($1::uuid[])', args: [aUsers] },
      { table: 'identity.login_attempts', sql: 'select key from identity.login_attempts', args: [] },
    ];

    const contexts: [string, DbContext][] = [
      ["B's org admin", { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin', platformAdmin: false, system: false }],
      ["B's client", { userId: b.client.userId, orgId: b.orgId, role: 'client', platformAdmin: false, system: false }],
      ['a user acting in no org', { userId: b.client.userId, orgId: null, role: null, platformAdmin: false, system: false }],
    ];
    const leaks: string[] = [];
    for (const probe of probes) {
      const seenByOwner = await t.owner.query(probe.sql, probe.args);
      expect(seenByOwner.rowCount, `precondition: org A has rows in ${probe.table}`).toBeGreaterThan(0);
      for (const [who, context] of contexts) {
        const seen = await t.runtime.db.inContext(context, (tx) => tx.$client.query(probe.sql, probe.args));
        if (seen.rowCount !== 0) leaks.push(`${who} read ${seen.rowCount} row(s) of org A from ${probe.table}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("lets org A's own admin read A's rows as tend_app, so the zero rows above come from the policies and not from a broken query", async () => {
    const a = await buildOrg(t, 'Practice A');
    const context: DbContext = { userId: a.admin.userId, orgId: a.orgId, role: 'org_admin', platformAdmin: false, system: false };
    const counts = await t.runtime.db.inContext(context, async (tx) => ({
      orgs: (await tx.$client.query('select id from identity.orgs where id = $1', [a.orgId])).rowCount,
      memberships: (await tx.$client.query('select id from identity.memberships where org_id = $1', [a.orgId])).rowCount,
      invitations: (await tx.$client.query('select id from identity.invitations where org_id = $1', [a.orgId])).rowCount,
      audit: (await tx.$client.query('select id from audit.audit_log where org_id = $1', [a.orgId])).rowCount,
      users: (await tx.$client.query('select id from identity.users where id = any($1::uuid[])', [[a.specialist.userId, a.client.userId]])).rowCount,
    }));
    expect(counts).toEqual({ orgs: 1, memberships: 4, invitations: 4, audit: expect.any(Number), users: 2 });
    expect(counts.audit).toBeGreaterThan(0);
  });

  it('keeps the request connection from escaping tend_app: RESET ROLE lands on tend_server, which can read nothing', async () => {
    const b = await buildOrg(t, 'Practice B');
    const context = adminContext(b);
    const who = await t.runtime.db.inContext(
      context,
      async (tx) => (await tx.$client.query<{ session_user: string; current_user: string }>('select session_user, current_user')).rows[0],
    );
    expect(who).toEqual({ session_user: 'tend_server', current_user: 'tend_app' });

    await expect(
      t.runtime.db.inContext(context, async (tx) => {
        await tx.$client.query('reset role');
        const now = await tx.$client.query<{ current_user: string }>('select current_user');
        if (now.rows[0]?.current_user !== 'tend_server') throw new Error(`reset role landed on ${now.rows[0]?.current_user}`);
        return tx.$client.query('select id from identity.users');
      }),
    ).rejects.toThrow(/permission denied/);

    await expect(
      t.runtime.db.inContext(context, async (tx) => {
        await tx.$client.query('set role none');
        return tx.$client.query('select id from audit.audit_log');
      }),
    ).rejects.toThrow(/permission denied/);
  });

  it('refuses SET ROLE / SET SESSION AUTHORIZATION to the owner and turning row security off', async () => {
    const b = await buildOrg(t, 'Practice B');
    const context = adminContext(b);
    const owner = (await t.owner.query<{ current_user: string }>('select current_user')).rows[0]?.current_user as string;
    expect(owner).toBeTruthy();

    const attempts: [string, string][] = [
      [`set role ${quoteIdent(owner)}`, 'permission denied'],
      [`set local role ${quoteIdent(owner)}`, 'permission denied'],
      [`select set_config('role', '${owner}', true)`, 'permission denied'],
      [`set session authorization ${quoteIdent(owner)}`, 'permission denied'],
    ];
    for (const [statement, error] of attempts) {
      await expect(
        t.runtime.db.inContext(context, (tx) => tx.$client.query(statement)),
        statement,
      ).rejects.toThrow(error);
    }
    await expect(
      t.runtime.db.inContext(context, async (tx) => {
        await tx.$client.query('set local row_security = off');
        return tx.$client.query('select id from identity.orgs');
      }),
    ).rejects.toThrow(/row-level security/);

    const roles = await t.owner.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; rolinherit: boolean; rolcanlogin: boolean }>(
      "select rolname, rolsuper, rolbypassrls, rolinherit, rolcanlogin from pg_roles where rolname in ('tend_app', 'tend_server') order by rolname",
    );
    expect(roles.rows).toEqual([
      { rolname: 'tend_app', rolsuper: false, rolbypassrls: false, rolinherit: true, rolcanlogin: false },
      { rolname: 'tend_server', rolsuper: false, rolbypassrls: false, rolinherit: false, rolcanlogin: true },
    ]);
  });

  it("has row level security enabled and forced on every table of Tend's schemas; audit.chain_heads and app.read_versions are closed to the app roles", async () => {
    const tables = await t.owner.query<{ name: string; rls: boolean; forced: boolean }>(
      `select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'public', 'drizzle', 'pgboss') and c.relkind in ('r', 'p')
        order by 1`,
    );
    const names = tables.rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'identity.users',
        'identity.orgs',
        'identity.memberships',
        'identity.invitations',
        'identity.auth_sessions',
        'audit.audit_log',
        'audit.chain_heads',
        'crypto.data_keys',
        'notify.mail_outbox',
        'case_mgmt.cases',
        'case_mgmt.case_access',
        'case_mgmt.case_events',
        'clinical.notes',
        'clinical.note_versions',
        'clinical.note_templates',
        'clinical.psychotherapy_notes',
        'clinical.treatment_plans',
        'clinical.plan_progress',
        'clinical.forms',
        'clinical.form_assignments',
        'privacy.erasure_requests',
        'privacy.legal_holds',
        'crisis.safety_plans',
        'crisis.alerts',
        'crisis.escalation_log',
        'scheduling.appointments',
        'scheduling.specialist_settings',
        'scheduling.session_types',
        'scheduling.availability_rules',
        'scheduling.availability_overrides',
        'notifications.inbox',
        'consent.templates',
        'consent.records',
        'selfcare.mood_entries',
        'messaging.conversations',
        'messaging.participants',
        'messaging.messages',
        'crisis.risk_flags',
        'scheduling.licences',
        'scheduling.session_presence',
        'scheduling.reminders_sent',
        'scheduling.series',
        'scheduling.waitlist_entries',
        'scheduling.waitlist_offers',
        'scheduling.session_video_events',
        'scheduling.session_recordings',
        'files.case_files',
        'files.message_attachments',
        'messaging.response_settings',
        'messaging.case_response',
        'notifications.preferences',
        'notifications.quiet_hours',
        'notifications.push_subscriptions',
        'notifications.deliveries',
        'notify.vapid_keys',
        'selfcare.homework',
        'scheduling.session_feedback',
        'app.read_versions',
      ]),
    );

    // Closed tables: no privilege for the app roles at all; only security-definer functions touch them.
    const closed = ['audit.chain_heads', 'app.read_versions'];
    const exempt = new Set(closed);
    const unprotected = tables.rows.filter((r) => !exempt.has(r.name) && !(r.rls && r.forced)).map((r) => `${r.name} (rls ${r.rls}, forced ${r.forced})`);
    expect(unprotected).toEqual([]);

    const privileges = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
    const granted = await t.owner.query<{ role: string; privilege: string }>(
      `select r.role, p.privilege from unnest($1::text[]) as r(role) cross join unnest($2::text[]) as p(privilege)
         cross join unnest($3::text[]) as c(name) where has_table_privilege(r.role, c.name, p.privilege)`,
      [['tend_app', 'tend_server'], privileges, closed],
    );
    expect(granted.rows).toEqual([]);
    const practiceC = adminContext(await buildOrg(t, 'Practice C'));
    for (const table of closed) {
      await expect(t.runtime.db.inContext(practiceC, (tx) => tx.$client.query(`select * from ${table}`))).rejects.toThrow(/permission denied/);
    }
  });
});

describe('a user can change their own row, but not their privileges, erasure or identity', () => {
  // Regression: users_update lets a user update their own row, so before identity.guard_user_update
  // one injectable query in a request could make its caller a platform admin.
  it('refuses a plain user context setting platform_admin, email or erased_at on its own row, and allows name and locale', async () => {
    const user = await register(t.app);
    const context: DbContext = { userId: user.userId, orgId: null, role: null, platformAdmin: false, system: false };
    const before = await userRow(user.userId);

    const refused = [
      'update identity.users set platform_admin = true where id = $1',
      "update identity.users set email_ciphertext = '\\x00'::bytea where id = $1",
      "update identity.users set email_blind_index = '\\x00'::bytea where id = $1",
      'update identity.users set erased_at = now() where id = $1',
      "update identity.users set created_at = now() - interval '1 year' where id = $1",
    ];
    for (const statement of refused) {
      const attempt = t.runtime.db.inContext(context, (tx) => tx.$client.query(statement, [user.userId]));
      await expect(attempt, statement).rejects.toMatchObject({ code: '42501' });
      await expect(attempt, statement).rejects.toThrow(/system context/);
    }
    expect(await userRow(user.userId)).toEqual(before);

    const allowed = await t.runtime.db.inContext(context, (tx) =>
      tx.$client.query("update identity.users set name_ciphertext = '\\x01'::bytea, locale = 'en' where id = $1", [user.userId]),
    );
    expect(allowed.rowCount).toBe(1);
    expect(await userRow(user.userId)).toEqual({ ...before, name_ciphertext: Buffer.from([1]), locale: 'en' });
  });

  it('refuses an org admin, or a token claiming platform admin, making anyone a platform admin', async () => {
    const a = await buildOrg(t, 'Practice A');
    const contexts: [string, DbContext, string][] = [
      ['org admin, own row', adminContext(a), a.admin.userId],
      ['platform-admin claim, own row', { userId: a.client.userId, orgId: null, role: null, platformAdmin: true, system: false }, a.client.userId],
    ];
    for (const [who, context, target] of contexts) {
      await expect(
        t.runtime.db.inContext(context, (tx) => tx.$client.query('update identity.users set platform_admin = true where id = $1', [target])),
        who,
      ).rejects.toMatchObject({ code: '42501' });
    }
    // Another member's row is not theirs to update at all: the policy hides it, so nothing changes.
    const other = await t.runtime.db.inContext(adminContext(a), (tx) =>
      tx.$client.query('update identity.users set platform_admin = true where id = $1', [a.specialist.userId]),
    );
    expect(other.rowCount).toBe(0);
    const flags = await t.owner.query<{ platform_admin: boolean }>('select platform_admin from identity.users where id = any($1::uuid[])', [
      [a.admin.userId, a.client.userId, a.specialist.userId],
    ]);
    expect(flags.rows.map((r) => r.platform_admin)).toEqual([false, false, false]);
  });

  it('lets the system context grant and revoke platform admin', async () => {
    const user = await register(t.app);
    const set = (value: boolean) =>
      t.runtime.db.inContext(systemContext, (tx) => tx.$client.query('update identity.users set platform_admin = $2 where id = $1', [user.userId, value]));
    expect((await set(true)).rowCount).toBe(1);
    expect((await userRow(user.userId)).platform_admin).toBe(true);
    expect((await set(false)).rowCount).toBe(1);
    expect((await userRow(user.userId)).platform_admin).toBe(false);
  });
});

/** The guarded and the freely editable columns of a user, read as the owner. */
async function userRow(id: string) {
  const row = (
    await t.owner.query<{
      platform_admin: boolean;
      erased_at: Date | null;
      email_blind_index: Buffer;
      email_ciphertext: Buffer;
      created_at: Date;
      name_ciphertext: Buffer;
      locale: string;
    }>('select platform_admin, erased_at, email_blind_index, email_ciphertext, created_at, name_ciphertext, locale from identity.users where id = $1', [id])
  ).rows[0];
  if (!row) throw new Error(`user ${id} missing`);
  return row;
}

function adminContext(org: BuiltOrg): DbContext {
  return { userId: org.admin.userId, orgId: org.orgId, role: 'org_admin', platformAdmin: false, system: false };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
