import crypto from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, register, type Session, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

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
  { does: 'change the late-cancellation window', method: 'PATCH', url: (a) => `/api/v1/orgs/${a.orgId}`, payload: { late_cancellation_hours: 0 } },
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
  // Specialists pick a case's client and the colleague a case goes to (ADR 0007).
  'list the members': ['supervisor', 'specialist'],
};

describe('tenancy: another organization is invisible through the API', () => {
  it("answers 404 to a member of org B (admin or client) on every route that names org A's data, and changes nothing in A", async () => {
    const a = await buildOrg(t, 'Practice A');
    const b = await buildOrg(t, 'Practice B');
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
    const a = await buildOrg(t, 'Practice A');
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
    const a = await buildOrg(t, 'Practice A');
    const b = await buildOrg(t, 'Practice B');
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
    const a = await buildOrg(t, 'Practice A');
    const b = await buildOrg(t, 'Practice B');
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
    const a = await buildOrg(t, 'Practice A');
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
    // The only new audit rows are the allowed member lists (supervisor, specialist); refused attempts leave none.
    const added = await t.owner.query<{ action: string; actor_user_id: string }>(
      'select action, actor_user_id from audit.audit_log where org_id = $1 and not (id = any($2::uuid[]))',
      [a.orgId, before.audit],
    );
    expect(added.rows).toEqual(
      expect.arrayContaining([
        { action: 'org.members_list', actor_user_id: a.supervisor.userId },
        { action: 'org.members_list', actor_user_id: a.specialist.userId },
      ]),
    );
    expect(added.rows).toHaveLength(2);
  });

  it('takes effect at once: a removed member gets 404 and a demoted admin 403, although their access tokens still carry the old role', async () => {
    const a = await buildOrg(t, 'Practice A');
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
    const a = await buildOrg(t, 'Practice A');
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

function targetIds(victim: BuiltOrg, attacker: BuiltOrg): TargetIds {
  return { orgId: victim.orgId, memberUserId: victim.specialist.userId, invitationId: victim.invitationId, ownOrgId: attacker.orgId };
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
