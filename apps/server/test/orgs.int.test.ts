import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createOrg, createTestApp, latestLinkToken, login, register, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('organizations and memberships', () => {
  it('makes the creator an org admin who lands in the new org', async () => {
    const admin = await createOrg(t.app, 'Kyiv Counselling');
    const me = (await call(t.app, { method: 'GET', url: '/api/v1/me', token: admin.token })).json().data;
    expect(me).toMatchObject({ active_org_id: admin.orgId, active_role: 'org_admin', memberships: [{ org_name: 'Kyiv Counselling', role: 'org_admin' }] });
    const org = (await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}`, token: admin.token })).json().data;
    expect(org).toMatchObject({ name: 'Kyiv Counselling', timezone: 'Europe/Kyiv', currency: 'UAH', locale: 'uk' });
  });

  it('rejects an org with a made-up time zone', async () => {
    const user = await register(t.app);
    const res = await call(t.app, { method: 'POST', url: '/api/v1/orgs', token: user.token, payload: { name: 'Nowhere', timezone: 'Mars/Olympus' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('timezone');
  });

  it('invites a specialist by email; the link creates their account in the org', async () => {
    const admin = await createOrg(t.app);
    const email = 'invited.specialist@example.test';
    const invite = await call(t.app, {
      method: 'POST',
      url: `/api/v1/orgs/${admin.orgId}/invitations`,
      token: admin.token,
      payload: { email, role: 'specialist' },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().data).toMatchObject({ email, role: 'specialist', status: 'pending' });
    const duplicate = await call(t.app, {
      method: 'POST',
      url: `/api/v1/orgs/${admin.orgId}/invitations`,
      token: admin.token,
      payload: { email, role: 'client' },
    });
    expect(duplicate.statusCode).toBe(409);

    const token = await latestLinkToken(t, email, '/invitations/accept');
    const preview = await call(t.app, { method: 'GET', url: `/api/v1/invitations/preview?token=${token}` });
    expect(preview.json().data).toMatchObject({ role: 'specialist', email });
    const missing = await call(t.app, { method: 'POST', url: '/api/v1/invitations/accept', payload: { token } });
    expect(missing.statusCode).toBe(400);
    const accepted = await call(t.app, {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Dr Invited', password: 'a fine passphrase' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().data.user).toMatchObject({ active_org_id: admin.orgId, active_role: 'specialist' });
    const reuse = await call(t.app, { method: 'POST', url: '/api/v1/invitations/accept', payload: { token, name: 'Again', password: 'a fine passphrase' } });
    expect(reuse.statusCode).toBe(404);

    const list = (await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}/invitations`, token: admin.token })).json().data;
    expect(list[0]).toMatchObject({ email, status: 'accepted' });
    const members = (await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}/members`, token: admin.token })).json().data;
    expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).toContain(`${email}:specialist`);
  });

  it('lets a signed-in user accept only an invitation sent to their own email', async () => {
    const admin = await createOrg(t.app);
    const existing = await register(t.app);
    const stranger = await register(t.app);
    await call(t.app, {
      method: 'POST',
      url: `/api/v1/orgs/${admin.orgId}/invitations`,
      token: admin.token,
      payload: { email: existing.email, role: 'client' },
    });
    const token = await latestLinkToken(t, existing.email, '/invitations/accept');
    const wrong = await call(t.app, { method: 'POST', url: '/api/v1/invitations/accept', token: stranger.token, payload: { token } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('INVITATION.EMAIL_MISMATCH');
    const right = await call(t.app, { method: 'POST', url: '/api/v1/invitations/accept', token: existing.token, payload: { token } });
    expect(right.statusCode).toBe(200);
    expect(right.json().data.user.memberships).toHaveLength(1);
  });

  it('refuses a revoked invitation', async () => {
    const admin = await createOrg(t.app);
    const invite = (
      await call(t.app, {
        method: 'POST',
        url: `/api/v1/orgs/${admin.orgId}/invitations`,
        token: admin.token,
        payload: { email: 'revoked@example.test', role: 'client' },
      })
    ).json().data;
    const token = await latestLinkToken(t, 'revoked@example.test', '/invitations/accept');
    expect((await call(t.app, { method: 'DELETE', url: `/api/v1/orgs/${admin.orgId}/invitations/${invite.id}`, token: admin.token })).statusCode).toBe(200);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/invitations/preview?token=${token}` })).statusCode).toBe(404);
  });

  it('changes roles and removes members, but never the last admin', async () => {
    const admin = await createOrg(t.app);
    const specialist = await addMember(t, admin, 'specialist');
    const url = (userId: string) => `/api/v1/orgs/${admin.orgId}/members/${userId}`;
    expect((await call(t.app, { method: 'PATCH', url: url(specialist.userId), token: admin.token, payload: { role: 'supervisor' } })).statusCode).toBe(200);
    expect((await call(t.app, { method: 'PATCH', url: url(specialist.userId), token: admin.token, payload: { role: 'wizard' } })).statusCode).toBe(400);
    const demote = await call(t.app, { method: 'PATCH', url: url(admin.userId), token: admin.token, payload: { role: 'specialist' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('ORG.LAST_ADMIN');
    expect((await call(t.app, { method: 'DELETE', url: url(admin.userId), token: admin.token })).statusCode).toBe(409);
    expect((await call(t.app, { method: 'DELETE', url: url(specialist.userId), token: admin.token })).statusCode).toBe(200);
    const again = await login(t.app, specialist.email, specialist.password);
    expect(again.orgId).toBeNull();
  });

  it('switches the active org for a member of two orgs', async () => {
    const first = await createOrg(t.app, 'First');
    const second = await createOrg(t.app, 'Second');
    const person = await addMember(t, first, 'specialist');
    await call(t.app, {
      method: 'POST',
      url: `/api/v1/orgs/${second.orgId}/invitations`,
      token: second.token,
      payload: { email: person.email, role: 'client' },
    });
    const token = await latestLinkToken(t, person.email, '/invitations/accept');
    await call(t.app, { method: 'POST', url: '/api/v1/invitations/accept', token: person.token, payload: { token } });
    const switchTo = (orgId: string, token: string) => call(t.app, { method: 'POST', url: '/api/v1/me/active-org', token, payload: { org_id: orgId } });
    const stay = await switchTo(first.orgId, person.token);
    expect(stay.statusCode).toBe(200);
    expect(stay.json().data.user).toMatchObject({ active_org_id: first.orgId, active_role: 'specialist' });
    // Over to the other practice and back, each time with the token the last switch gave.
    const over = await switchTo(second.orgId, stay.json().data.access_token);
    expect(over.statusCode, over.body).toBe(200);
    expect(over.json().data.user).toMatchObject({ active_org_id: second.orgId, active_role: 'client' });
    const back = await switchTo(first.orgId, over.json().data.access_token);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().data.user).toMatchObject({ active_org_id: first.orgId, active_role: 'specialist' });
    // A practice they do not belong to stays out of reach.
    const stranger = await createOrg(t.app, 'Third');
    const refused = await switchTo(stranger.orgId, back.json().data.access_token);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('ORG.NOT_FOUND');
  });
});
