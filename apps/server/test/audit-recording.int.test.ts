import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf } from './audit.fixtures';
import { addMember, call, createOrg, freshIp, register, type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit rows are written with the access they record', () => {
  it('records a successful sign-in in the same transaction that starts the session', async () => {
    const user = await register(t.app);
    const ip = freshIp();
    const res = await call(t.app, { method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email: user.email, password: user.password } });
    expect(res.statusCode).toBe(200);

    const [row, ...more] = await auditRowsOf(t, res.headers['x-request-id']);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'auth.login',
      outcome: 'success',
      actor_user_id: user.userId,
      subject_user_id: user.userId,
      purpose: 'authentication',
      ip,
    });
    const session = await t.owner.query<{ xmin: string }>('select xmin::text from identity.auth_sessions where user_id = $1 and host(ip) = $2', [
      user.userId,
      ip,
    ]);
    expect(session.rows.map((r) => r.xmin)).toEqual([row?.xmin]);
  });

  it('records a wrong password and an unknown email as failed sign-ins, in the transaction that counts the failure', async () => {
    const user = await register(t.app);
    const cases = [
      { email: user.email, reason: 'wrong_password', subject: user.userId },
      { email: `nobody-${crypto.randomBytes(4).toString('hex')}@example.test`, reason: 'unknown_email', subject: null },
    ];
    for (const attempt of cases) {
      const ip = freshIp();
      const res = await call(t.app, {
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { email: attempt.email, password: 'definitely wrong' },
      });
      expect(res.statusCode).toBe(401);

      const [row, ...more] = await auditRowsOf(t, res.headers['x-request-id']);
      expect(more).toEqual([]);
      expect(row).toMatchObject({
        action: 'auth.login',
        outcome: 'failure',
        actor_user_id: null,
        subject_user_id: attempt.subject,
        ip,
        details: { reason: attempt.reason },
      });
      const counter = await t.owner.query<{ xmin: string; failures: number }>('select xmin::text, failures from identity.login_attempts where key = $1', [
        `ip:${ip}`,
      ]);
      expect(counter.rows).toEqual([{ xmin: row?.xmin, failures: 1 }]);
    }
  });

  it('records reading and updating your own profile', async () => {
    const user = await register(t.app);
    const read = await call(t.app, { method: 'GET', url: '/api/v1/me', token: user.token });
    expect(await auditRowsOf(t, read.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'user.profile_read',
        outcome: 'success',
        actor_user_id: user.userId,
        subject_user_id: user.userId,
        resource_type: 'user',
        resource_id: user.userId,
      }),
    ]);

    const update = await call(t.app, { method: 'PATCH', url: '/api/v1/me', token: user.token, payload: { name: 'Renamed Person', phone: '+380 50 000 0000' } });
    expect(update.statusCode).toBe(200);
    const [row, ...more] = await auditRowsOf(t, update.headers['x-request-id']);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'user.profile_update',
      actor_user_id: user.userId,
      subject_user_id: user.userId,
      details: { fields: expect.arrayContaining(['name', 'phone']) },
    });
    expect(await xminOf('identity.users', user.userId)).toBe(row?.xmin);
  });

  it('records sending and revoking an invitation in the org chain, with the change', async () => {
    const admin = await createOrg(t.app, 'Audited Practice');
    const invite = await call(t.app, {
      method: 'POST',
      url: `/api/v1/orgs/${admin.orgId}/invitations`,
      token: admin.token,
      payload: { email: `invitee-${crypto.randomBytes(4).toString('hex')}@example.test`, role: 'specialist' },
    });
    expect(invite.statusCode).toBe(201);
    const invitationId = invite.json().data.id as string;
    const [created] = await auditRowsOf(t, invite.headers['x-request-id']);
    expect(created).toMatchObject({
      action: 'invitation.create',
      org_id: admin.orgId,
      actor_user_id: admin.userId,
      resource_type: 'invitation',
      resource_id: invitationId,
      details: { role: 'specialist' },
    });
    expect(await xminOf('identity.invitations', invitationId)).toBe(created?.xmin);

    const revoke = await call(t.app, { method: 'DELETE', url: `/api/v1/orgs/${admin.orgId}/invitations/${invitationId}`, token: admin.token });
    expect(revoke.statusCode).toBe(200);
    const [revoked] = await auditRowsOf(t, revoke.headers['x-request-id']);
    expect(revoked).toMatchObject({ action: 'invitation.revoke', org_id: admin.orgId, actor_user_id: admin.userId, resource_id: invitationId });
    expect(await xminOf('identity.invitations', invitationId)).toBe(revoked?.xmin);
  });

  it("records changing a member's role and removing them, naming the member", async () => {
    const admin = await createOrg(t.app, 'Audited Practice');
    const member = await addMember(t, admin, 'client');
    const membershipId = await membershipIdOf(admin.orgId, member.userId);

    const change = await call(t.app, {
      method: 'PATCH',
      url: `/api/v1/orgs/${admin.orgId}/members/${member.userId}`,
      token: admin.token,
      payload: { role: 'specialist' },
    });
    expect(change.statusCode).toBe(200);
    const [changed] = await auditRowsOf(t, change.headers['x-request-id']);
    expect(changed).toMatchObject({
      action: 'org.member_role_change',
      org_id: admin.orgId,
      actor_user_id: admin.userId,
      subject_user_id: member.userId,
      details: { from: 'client', to: 'specialist' },
    });
    expect(await xminOf('identity.memberships', membershipId)).toBe(changed?.xmin);

    const remove = await call(t.app, { method: 'DELETE', url: `/api/v1/orgs/${admin.orgId}/members/${member.userId}`, token: admin.token });
    expect(remove.statusCode).toBe(200);
    const [removed] = await auditRowsOf(t, remove.headers['x-request-id']);
    expect(removed).toMatchObject({
      action: 'org.member_remove',
      org_id: admin.orgId,
      actor_user_id: admin.userId,
      subject_user_id: member.userId,
      details: { role: 'specialist' },
    });
    expect(await xminOf('identity.memberships', membershipId)).toBe(removed?.xmin);
  });
});

/** The transaction id that last wrote a row; equal to an audit row's when both were written together. */
async function xminOf(table: 'identity.users' | 'identity.invitations' | 'identity.memberships', id: string): Promise<string | undefined> {
  return (await t.owner.query<{ xmin: string }>(`select xmin::text from ${table} where id = $1`, [id])).rows[0]?.xmin;
}

async function membershipIdOf(orgId: string, userId: string): Promise<string> {
  const row = (
    await t.owner.query<{ id: string }>('select id from identity.memberships where org_id = $1 and user_id = $2 and removed_at is null', [orgId, userId])
  ).rows[0];
  if (!row) throw new Error('membership missing');
  return row.id;
}
