import crypto from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbContext, systemContext } from '../src/platform/db/database';
import { addMember, call, createOrg, register, type Session, type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Method = NonNullable<InjectOptions['method']>;
/** The ids of the org under attack, plus the attacker's own org id for mixed-id attempts. */
type TargetIds = { orgId: string; memberUserId: string; invitationId: string; ownOrgId: string };
type OrgRoute = { does: string; method: Method; url: (ids: TargetIds) => string; payload?: Record<string, unknown> };

/**
 * Every route that takes an org id or an org-scoped id. Adding a route here puts it under both
 * the cross-org (404) and the in-org role (403) checks below.
 */
const ORG_ROUTES: OrgRoute[] = [
  { does: 'read the org', method: 'GET', url: (a) => `/api/v1/orgs/${a.orgId}` },
  { does: 'rename the org', method: 'PATCH', url: (a) => `/api/v1/orgs/${a.orgId}`, payload: { name: 'Hijacked practice', require_specialist_mfa: true } },
  { does: 'list the members', method: 'GET', url: (a) => `/api/v1/orgs/${a.orgId}/members` },
  { does: "change a member's role", method: 'PATCH', url: (a) => `/api/v1/orgs/${a.orgId}/members/${a.memberUserId}`, payload: { role: 'org_admin' } },
  { does: 'remove a member', method: 'DELETE', url: (a) => `/api/v1/orgs/${a.orgId}/members/${a.memberUserId}` },
  { does: 'list the invitations', method: 'GET', url: (a) => `/api/v1/orgs/${a.orgId}/invitations` },
  {
    does: 'send an invitation',
    method: 'POST',
    url: (a) => `/api/v1/orgs/${a.orgId}/invitations`,
    payload: { email: 'attacker@evil.test', role: 'org_admin' },
  },
  { does: 'revoke an invitation', method: 'DELETE', url: (a) => `/api/v1/orgs/${a.orgId}/invitations/${a.invitationId}` },
  { does: 'read the audit log', method: 'GET', url: (a) => `/api/v1/orgs/${a.orgId}/audit` },
];

/** The attacker's own org id with the victim org's member / invitation ids (only an admin gets that far). */
const MIXED_ID_ROUTES: OrgRoute[] = [
  {
    does: "change the role of another org's member through its own org",
    method: 'PATCH',
    url: (a) => `/api/v1/orgs/${a.ownOrgId}/members/${a.memberUserId}`,
    payload: { role: 'client' },
  },
  { does: "remove another org's member through its own org", method: 'DELETE', url: (a) => `/api/v1/orgs/${a.ownOrgId}/members/${a.memberUserId}` },
  { does: "revoke another org's invitation through its own org", method: 'DELETE', url: (a) => `/api/v1/orgs/${a.ownOrgId}/invitations/${a.invitationId}` },
];

/** Routes a plain member may use in their own org; every other ORG_ROUTES entry is org-admin only. */
const OPEN_TO: Record<string, readonly string[]> = {
  'read the org': ['client', 'specialist', 'supervisor'],
  'list the members': ['supervisor'],
};

describe('tenancy: another organization is invisible through the API', () => {
  it("answers 404 to a member of org B (admin or client) on every route that names org A's data, and changes nothing in A", async () => {
    const a = await buildOrg('Practice A');
    const b = await buildOrg('Practice B');
    const before = await snapshotOrg(a.orgId);

    const unexpected: string[] = [];
    const attempt = async (caller: string, session: Session, route: OrgRoute, ids: TargetIds) => {
      const res = await call(t.app, { method: route.method, url: route.url(ids), token: session.token, ...(route.payload ? { payload: route.payload } : {}) });
      if (res.statusCode !== 404)
        unexpected.push(`${caller} tried to ${route.does}: ${route.method} ${route.url(ids)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.json().success !== false) unexpected.push(`${caller} tried to ${route.does}: 404 without the error envelope`);
    };
    for (const [caller, session] of [
      ["B's org admin", b.admin],
      ["B's client", b.client],
      ["B's specialist", b.specialist],
    ] as const) {
      for (const route of ORG_ROUTES) await attempt(caller, session, route, targetIds(a, b));
    }
    for (const route of MIXED_ID_ROUTES) await attempt("B's org admin", b.admin, route, targetIds(a, b));

    expect(unexpected).toEqual([]);
    expect(await snapshotOrg(a.orgId)).toEqual(before);
  });

  it('lets the owning org admin reach the same routes, so the 404s above are about tenancy, not bad ids', async () => {
    const a = await buildOrg('Practice A');
    for (const url of [`/api/v1/orgs/${a.orgId}`, `/api/v1/orgs/${a.orgId}/members`, `/api/v1/orgs/${a.orgId}/invitations`, `/api/v1/orgs/${a.orgId}/audit`]) {
      const res = await call(t.app, { method: 'GET', url, token: a.admin.token });
      expect(res.statusCode, url).toBe(200);
    }
    const invitations = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${a.orgId}/invitations`, token: a.admin.token });
    expect(invitations.json().data.map((i: { id: string }) => i.id)).toContain(a.invitationId);
    const members = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${a.orgId}/members`, token: a.admin.token });
    expect(members.json().data.map((m: { user_id: string }) => m.user_id)).toContain(a.specialist.userId);
  });

  it('refuses to switch a user of org B into org A (404) and keeps their active org', async () => {
    const a = await buildOrg('Practice A');
    const b = await buildOrg('Practice B');
    for (const session of [b.admin, b.client]) {
      const res = await call(t.app, { method: 'POST', url: '/api/v1/me/active-org', token: session.token, payload: { org_id: a.orgId } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ORG.NOT_FOUND');
      const me = await call(t.app, { method: 'GET', url: '/api/v1/me', token: session.token });
      expect(me.json().data.active_org_id).toBe(b.orgId);
    }
    const defaults = await t.owner.query<{ default_org_id: string | null }>('select default_org_id from identity.users where id = any($1::uuid[])', [
      [b.admin.userId, b.client.userId],
    ]);
    expect(defaults.rows.map((r) => r.default_org_id)).not.toContain(a.orgId);
    const sessions = await t.owner.query<{ org_id: string | null }>('select distinct org_id from identity.auth_sessions where user_id = any($1::uuid[])', [
      [b.admin.userId, b.client.userId],
    ]);
    expect(sessions.rows.map((r) => r.org_id)).not.toContain(a.orgId);
  });

  it('answers 404 when a user of org B tries to sign out a device of a user in org A, and that device stays signed in', async () => {
    const a = await buildOrg('Practice A');
    const b = await buildOrg('Practice B');
    const sessions = await call(t.app, { method: 'GET', url: '/api/v1/me/sessions', token: a.specialist.token });
    const victimSessionId = sessions.json().data[0].id as string;
    expect(victimSessionId).toEqual(expect.any(String));

    for (const session of [b.admin, b.client]) {
      const res = await call(t.app, { method: 'DELETE', url: `/api/v1/me/sessions/${victimSessionId}`, token: session.token });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('SESSION.NOT_FOUND');
    }
    const live = await t.owner.query('select 1 from identity.auth_sessions where family_id = $1 and revoked_at is null', [victimSessionId]);
    expect(live.rowCount).toBeGreaterThan(0);
    const after = await call(t.app, { method: 'GET', url: '/api/v1/me/sessions', token: a.specialist.token });
    expect(after.json().data.map((s: { id: string }) => s.id)).toContain(victimSessionId);
  });
});

describe('roles inside one organization', () => {
  it('answers 403 to a client, a specialist and a supervisor on admin-only org routes (members, invitations, audit, settings) and changes nothing', async () => {
    const a = await buildOrg('Practice A');
    const before = await snapshotOrg(a.orgId);
    const ids = { orgId: a.orgId, memberUserId: a.client.userId, invitationId: a.invitationId, ownOrgId: a.orgId };

    const unexpected: string[] = [];
    for (const [role, session] of [
      ['client', a.client],
      ['specialist', a.specialist],
      ['supervisor', a.supervisor],
    ] as const) {
      for (const route of ORG_ROUTES) {
        const allowed = OPEN_TO[route.does]?.includes(role) ?? false;
        const res = await call(t.app, {
          method: route.method,
          url: route.url(ids),
          token: session.token,
          ...(route.payload ? { payload: route.payload } : {}),
        });
        const wanted = allowed ? 200 : 403;
        if (res.statusCode !== wanted)
          unexpected.push(`${role} tried to ${route.does}: ${route.method} ${route.url(ids)} → ${res.statusCode} (wanted ${wanted}) ${res.body.slice(0, 200)}`);
        else if (!allowed && res.json().error.code !== 'AUTH.FORBIDDEN')
          unexpected.push(`${role} tried to ${route.does}: 403 with code ${res.json().error.code}`);
      }
    }
    expect(unexpected).toEqual([]);
    const after = await snapshotOrg(a.orgId);
    expect({ ...after, audit: null }).toEqual({ ...before, audit: null });
    // The only new audit row is the supervisor's allowed member list; refused attempts leave none.
    const added = await t.owner.query<{ action: string; actor_user_id: string }>(
      'select action, actor_user_id from audit.audit_log where org_id = $1 and not (id = any($2::uuid[]))',
      [a.orgId, before.audit],
    );
    expect(added.rows).toEqual([{ action: 'org.members_list', actor_user_id: a.supervisor.userId }]);
  });

  it('takes effect at once: a removed member gets 404 and a demoted admin 403, although their access tokens still carry the old role', async () => {
    const a = await buildOrg('Practice A');
    const second = await addMember(t, a.admin, 'org_admin');
    expect((await call(t.app, { method: 'GET', url: `/api/v1/orgs/${a.orgId}/members`, token: a.supervisor.token })).statusCode).toBe(200);

    const removal = await call(t.app, { method: 'DELETE', url: `/api/v1/orgs/${a.orgId}/members/${a.supervisor.userId}`, token: a.admin.token });
    expect(removal.statusCode).toBe(200);
    for (const url of [`/api/v1/orgs/${a.orgId}`, `/api/v1/orgs/${a.orgId}/members`]) {
      expect((await call(t.app, { method: 'GET', url, token: a.supervisor.token })).statusCode, url).toBe(404);
    }

    const demotion = await call(t.app, {
      method: 'PATCH',
      url: `/api/v1/orgs/${a.orgId}/members/${second.userId}`,
      token: a.admin.token,
      payload: { role: 'client' },
    });
    expect(demotion.statusCode).toBe(200);
    const invite = await call(t.app, {
      method: 'POST',
      url: `/api/v1/orgs/${a.orgId}/invitations`,
      token: second.token,
      payload: { email: 'late@example.test', role: 'org_admin' },
    });
    expect(invite.statusCode).toBe(403);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/orgs/${a.orgId}/audit`, token: second.token })).statusCode).toBe(403);
  });

  it('answers 403 on every /api/v1/admin route to anyone who is not a platform admin, including org admins', async () => {
    const a = await buildOrg('Practice A');
    const loner = await register(t.app);
    const adminRoutes = await platformAdminRoutes();
    expect(adminRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/admin/orgs',
        'GET /api/v1/admin/audit',
        'POST /api/v1/admin/audit/verify',
        'GET /api/v1/admin/mail',
        'GET /api/v1/admin/mail/{id}',
      ]),
    );

    const unexpected: string[] = [];
    for (const [who, session] of [
      ['an org admin', a.admin],
      ['a client', a.client],
      ['a specialist', a.specialist],
      ['a user with no org', loner],
    ] as const) {
      for (const route of adminRoutes) {
        const url = route.path.replaceAll(/\{[^}]+\}/g, () => crypto.randomUUID());
        const res = await call(t.app, { method: route.method, url, token: session.token });
        if (res.statusCode !== 403 || res.json().error.code !== 'AUTH.FORBIDDEN')
          unexpected.push(`${who}: ${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});

describe('tenancy in the database: tend_app sees no row of another org', () => {
  it('returns zero rows of org A to raw SQL run as tend_app for a member of org B, in every tenant table', async () => {
    const a = await buildOrg('Practice A');
    const b = await buildOrg('Practice B');
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
    const a = await buildOrg('Practice A');
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
    const b = await buildOrg('Practice B');
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
    const b = await buildOrg('Practice B');
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

  it('has row level security enabled and forced on every table of identity, audit, crypto and notify; audit.chain_heads is closed to the app roles', async () => {
    const tables = await t.owner.query<{ name: string; rls: boolean; forced: boolean }>(
      `select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('identity', 'audit', 'crypto', 'notify') and c.relkind in ('r', 'p')
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
      ]),
    );

    const exempt = new Set(['audit.chain_heads']);
    const unprotected = tables.rows.filter((r) => !exempt.has(r.name) && !(r.rls && r.forced)).map((r) => `${r.name} (rls ${r.rls}, forced ${r.forced})`);
    expect(unprotected).toEqual([]);

    const privileges = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
    const granted = await t.owner.query<{ role: string; privilege: string }>(
      `select r.role, p.privilege from unnest($1::text[]) as r(role) cross join unnest($2::text[]) as p(privilege)
        where has_table_privilege(r.role, 'audit.chain_heads', p.privilege)`,
      [['tend_app', 'tend_server'], privileges],
    );
    expect(granted.rows).toEqual([]);
    await expect(
      t.runtime.db.inContext(adminContext(await buildOrg('Practice C')), (tx) => tx.$client.query('select * from audit.chain_heads')),
    ).rejects.toThrow(/permission denied/);
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
    const a = await buildOrg('Practice A');
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

type BuiltOrg = {
  orgId: string;
  admin: Session & { orgId: string };
  specialist: Session;
  supervisor: Session;
  client: Session;
  /** A pending invitation of this org. */
  invitationId: string;
};

/** An org with an admin, a specialist, a supervisor, a client and one pending invitation. */
async function buildOrg(name: string): Promise<BuiltOrg> {
  const admin = await createOrg(t.app, `${name} ${crypto.randomBytes(3).toString('hex')}`);
  const specialist = await addMember(t, admin, 'specialist');
  const supervisor = await addMember(t, admin, 'supervisor');
  const client = await addMember(t, admin, 'client');
  const invite = await call(t.app, {
    method: 'POST',
    url: `/api/v1/orgs/${admin.orgId}/invitations`,
    token: admin.token,
    payload: { email: `pending-${crypto.randomBytes(5).toString('hex')}@example.test`, role: 'specialist' },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  return { orgId: admin.orgId, admin, specialist, supervisor, client, invitationId: invite.json().data.id };
}

function targetIds(victim: BuiltOrg, attacker: BuiltOrg): TargetIds {
  return { orgId: victim.orgId, memberUserId: victim.specialist.userId, invitationId: victim.invitationId, ownOrgId: attacker.orgId };
}

function adminContext(org: BuiltOrg): DbContext {
  return { userId: org.admin.userId, orgId: org.orgId, role: 'org_admin', platformAdmin: false, system: false };
}

/** Everything of an org a cross-tenant request could change, read as the owner (no RLS). */
async function snapshotOrg(orgId: string) {
  const q = async (sql: string) => (await t.owner.query(sql, [orgId])).rows;
  return {
    org: await q('select to_jsonb(o) as row from identity.orgs o where id = $1'),
    memberships: await q('select to_jsonb(m) as row from identity.memberships m where org_id = $1 order by id'),
    invitations: await q('select to_jsonb(i) as row from identity.invitations i where org_id = $1 order by id'),
    audit: (await q('select id from audit.audit_log where org_id = $1 order by id')).map((r) => r.id as string),
    mail: await q('select count(*)::int as n from notify.mail_outbox where org_id = $1'),
  };
}

/** The platform-admin routes, from the OpenAPI document, so a new one is covered without editing this file. */
async function platformAdminRoutes(): Promise<{ method: Method; path: string }[]> {
  const res = await call(t.app, { method: 'GET', url: '/api/openapi.json' });
  const document = res.json() as OpenAPIV3_1.Document;
  const routes: { method: Method; path: string }[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/api/v1/admin')) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      if (item?.[method]) routes.push({ method: method.toUpperCase() as Method, path });
    }
  }
  return routes;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
