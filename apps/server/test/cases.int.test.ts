import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { moveCase, openCase } from './cases.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Cases practice');
});
afterAll(() => t.close());

describe('cases', () => {
  it('a specialist opens a case for a client; title and insurance are encrypted at rest and the read is audited', async () => {
    const insurance = { payer: 'Acme Health', member_id: 'ZX-99-SECRET' };
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/cases',
      token: org.specialist.token,
      payload: { client_user_id: org.client.userId, title: 'Panic attacks since spring', jurisdiction: 'us-ny', insurance },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json().data;
    expect(created).toMatchObject({
      status: 'draft',
      risk_level: 'low',
      jurisdiction: 'US-NY',
      title: 'Panic attacks since spring',
      insurance,
      my_access: 'primary',
    });
    expect(created.specialist).toEqual({ id: org.specialist.userId, name: 'A specialist' });
    expect(created.client).toEqual({ id: org.client.userId, name: 'A client' });

    const dump = await t.owner.query(`select t::text as row from case_mgmt.cases t union all select e::text from case_mgmt.case_events e`);
    const text = dump.rows.map((r) => r.row).join('\n');
    expect(text).not.toContain('Panic attacks');
    expect(text).not.toContain('ZX-99-SECRET');

    // A list line is the case's summary: the same facts, and no insurance (minimum necessary, ADR 0029).
    const listed = (await call(t.app, { method: 'GET', url: '/api/v1/cases?per_page=100', token: org.specialist.token })).json().data;
    const line = listed.find((c: { id: string }) => c.id === created.id);
    expect(Object.keys(line).sort()).toEqual(
      ['auto_pause_at', 'client', 'id', 'jurisdiction', 'last_session_at', 'my_access', 'risk_level', 'specialist', 'status', 'title', 'updated_at'].sort(),
    );
    const { insurance: _insurance, org_id: _org, opened_at: _opened, closed_at: _closed, created_at: _created, ...summary } = created;
    expect(line).toEqual(summary);

    const read = await call(t.app, { method: 'GET', url: `/api/v1/cases/${created.id}`, token: org.client.token });
    expect(read.statusCode).toBe(200);
    expect(read.json().data).toMatchObject({ my_access: 'client', specialist: { name: 'A specialist' } });
    const audit = await t.owner.query(`select action, subject_user_id, purpose from audit.audit_log where resource_id = $1 order by at, id`, [created.id]);
    expect(audit.rows).toEqual([
      { action: 'case.create', subject_user_id: org.client.userId, purpose: 'treatment' },
      { action: 'case.read', subject_user_id: org.client.userId, purpose: 'treatment' },
    ]);
  });

  it("shows insurance to the care team and not to the client: the client's own case carries insurance null", async () => {
    const insurance = { payer: 'Northwind Mutual', member_id: 'NW-4471-PRIVATE', group_number: 'G-12' };
    const id = await openCase(t, org.specialist, org.client.userId, { insurance });
    const readBy = async (token: string) => {
      const res = await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token });
      expect(res.statusCode).toBe(200);
      return res;
    };

    for (const member of [org.specialist, org.supervisor, org.admin]) {
      expect((await readBy(member.token)).json().data.insurance).toEqual(insurance);
    }
    const client = await readBy(org.client.token);
    expect(client.json().data).toMatchObject({ id, my_access: 'client', insurance: null });
    expect(client.body).not.toContain('NW-4471');
    expect(client.body).not.toContain('Northwind');
  });

  it('walks the status machine and answers 409 CASE.INVALID_TRANSITION to an illegal move, changing nothing', async () => {
    const id = await openCase(t, org.specialist, org.client.userId);
    expect((await moveCase(t, org.specialist, id, 'paused')).statusCode).toBe(409);
    const activated = await moveCase(t, org.specialist, id, 'active');
    expect(activated.statusCode).toBe(200);
    expect(activated.json().data.opened_at).not.toBeNull();
    expect((await moveCase(t, org.specialist, id, 'paused', 'Client travelling')).json().data.status).toBe('paused');
    expect((await moveCase(t, org.specialist, id, 'active')).statusCode).toBe(200);
    const closed = await moveCase(t, org.specialist, id, 'closed', 'Goals met');
    expect(closed.json().data).toMatchObject({ status: 'closed' });
    expect(closed.json().data.closed_at).not.toBeNull();

    const reopen = await moveCase(t, org.specialist, id, 'active');
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json()).toMatchObject({ success: false, error: { code: 'CASE.INVALID_TRANSITION', details: { from: 'closed', to: 'active' } } });
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: org.specialist.token })).json().data.status).toBe('closed');

    expect((await moveCase(t, org.specialist, id, 'archived')).json().data.status).toBe('archived');
    expect((await moveCase(t, org.specialist, id, 'closed')).statusCode).toBe(409);
    const edit = await call(t.app, { method: 'PATCH', url: `/api/v1/cases/${id}`, token: org.specialist.token, payload: { title: 'Changed' } });
    expect(edit.statusCode).toBe(409);

    const history = await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}/history?kind=status_changed`, token: org.specialist.token });
    expect(history.json().data.map((e: { data: { to: string } }) => e.data.to)).toEqual(['archived', 'closed', 'active', 'paused', 'active']);
    expect(history.json().data[3].note).toBe('Client travelling');
  });

  it('keeps a risk-level history with notes; the client can read the case but not its history or change it', async () => {
    const id = await openCase(t, org.specialist, org.client.userId);
    await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${id}/risk`,
      token: org.specialist.token,
      payload: { level: 'high', note: 'Disclosed passive ideation' },
    });
    await call(t.app, { method: 'POST', url: `/api/v1/cases/${id}/risk`, token: org.supervisor.token, payload: { level: 'moderate' } });
    const risk = await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}/history?kind=risk_changed`, token: org.specialist.token });
    expect(risk.json().data.map((e: { data: Record<string, string>; note: string | null }) => [e.data.from, e.data.to, e.note])).toEqual([
      ['high', 'moderate', null],
      ['low', 'high', 'Disclosed passive ideation'],
    ]);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/cases/${id}/history`, undefined],
      ['POST', `/api/v1/cases/${id}/risk`, { level: 'low' }],
      ['PATCH', `/api/v1/cases/${id}`, { title: 'Mine now' }],
      ['POST', `/api/v1/cases/${id}/status`, { to: 'active' }],
    ] as const) {
      const res = await call(t.app, { method, url, token: org.client.token, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: org.specialist.token })).json().data.risk_level).toBe('moderate');
  });

  it('lists by role: the specialist their caseload, the admin the practice, the client their own; filters and paging work', async () => {
    const other = await addMember(t, org.admin, 'specialist');
    const client2 = await addMember(t, org.admin, 'client');
    const mine = await openCase(t, other, client2.userId, { risk_level: 'crisis' });
    await openCase(t, org.admin, client2.userId, { specialist_user_id: other.userId });

    const specialistList = await call(t.app, { method: 'GET', url: '/api/v1/cases?per_page=1&sort=risk', token: other.token });
    expect(specialistList.json().meta).toMatchObject({ page: 1, per_page: 1, total: 2 });
    expect(specialistList.json().data[0].id).toBe(mine);
    const crisis = await call(t.app, { method: 'GET', url: '/api/v1/cases?risk=crisis', token: org.admin.token });
    expect(crisis.json().data.map((c: { id: string }) => c.id)).toEqual([mine]);
    const clientList = await call(t.app, { method: 'GET', url: '/api/v1/cases', token: client2.token });
    expect(clientList.json().data.every((c: { client: { id: string } }) => c.client.id === client2.userId)).toBe(true);
    expect(clientList.json().meta.total).toBe(2);
    const firstSpecialist = await call(t.app, { method: 'GET', url: '/api/v1/cases', token: org.specialist.token });
    expect(firstSpecialist.json().data.some((c: { id: string }) => c.id === mine)).toBe(false);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${mine}`, token: org.specialist.token })).statusCode).toBe(404);
  });

  it("a caseload page carries names, the reader's own access per line and the count; past the last page it is empty with the count", async () => {
    const lead = await addMember(t, org.admin, 'specialist', 'Lead Person');
    const co = await addMember(t, org.admin, 'specialist');
    const client = await addMember(t, org.admin, 'client', 'Client Person');
    const shared = await openCase(t, lead, client.userId, { risk_level: 'high' });
    await openCase(t, lead, client.userId);
    await call(t.app, { method: 'POST', url: `/api/v1/cases/${shared}/access`, token: lead.token, payload: { user_id: co.userId, role: 'co_specialist' } });

    const asCo = (await call(t.app, { method: 'GET', url: '/api/v1/cases', token: co.token })).json();
    expect(asCo.meta.total).toBe(1);
    expect(asCo.data).toEqual([
      expect.objectContaining({
        id: shared,
        my_access: 'co_specialist',
        client: { id: client.userId, name: 'Client Person' },
        specialist: { id: lead.userId, name: 'Lead Person' },
      }),
    ]);
    const asAdmin = (await call(t.app, { method: 'GET', url: `/api/v1/cases?specialist_id=${lead.userId}&risk=high`, token: org.admin.token })).json();
    expect(asAdmin.data.map((c: { id: string; my_access: string }) => [c.id, c.my_access])).toEqual([[shared, 'org_admin']]);
    expect(asAdmin.meta.total).toBe(1);
    const past = (await call(t.app, { method: 'GET', url: `/api/v1/cases?specialist_id=${lead.userId}&page=3&per_page=1`, token: org.admin.token })).json();
    expect(past).toMatchObject({ data: [], meta: { page: 3, per_page: 1, total: 2 } });
  });

  it('filters the caseload by when the client was last seen; an unknown choice is a 400', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const client = await addMember(t, org.admin, 'client');
    const [week, month, dormant, never] = [
      await openCase(t, lead, client.userId),
      await openCase(t, lead, client.userId),
      await openCase(t, lead, client.userId),
      await openCase(t, lead, client.userId),
    ];
    await t.owner.query(`update case_mgmt.cases set last_session_at = now() - interval '2 days' where id = $1`, [week]);
    await t.owner.query(`update case_mgmt.cases set last_session_at = now() - interval '20 days' where id = $1`, [month]);
    await t.owner.query(`update case_mgmt.cases set last_session_at = now() - interval '45 days' where id = $1`, [dormant]);
    const seen = async (filter: string) => {
      const res = await call(t.app, { method: 'GET', url: `/api/v1/cases?last_session=${filter}`, token: lead.token });
      return {
        ids: res
          .json()
          .data.map((c: { id: string }) => c.id)
          .sort(),
        total: res.json().meta.total,
      };
    };
    expect(await seen('past_week')).toEqual({ ids: [week], total: 1 });
    expect(await seen('past_month')).toEqual({ ids: [week, month].sort(), total: 2 });
    expect(await seen('over_a_month')).toEqual({ ids: [dormant], total: 1 });
    expect(await seen('never')).toEqual({ ids: [never], total: 1 });
    const wrong = await call(t.app, { method: 'GET', url: '/api/v1/cases?last_session=yesterday', token: lead.token });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('REQUEST.VALIDATION');
  });

  it('transfers to another specialist with a reason, keeping history; the previous lead loses access', async () => {
    const next = await addMember(t, org.admin, 'specialist');
    const id = await openCase(t, org.specialist, org.client.userId);
    const bad = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${id}/transfer`,
      token: org.specialist.token,
      payload: { to_specialist_id: org.client.userId, reason: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CASE.NOT_A_SPECIALIST');
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${id}/transfer`,
      token: org.specialist.token,
      payload: { to_specialist_id: next.userId, reason: 'Needs a trauma specialist' },
    });
    expect(res.statusCode).toBe(200);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: org.specialist.token })).statusCode).toBe(404);
    const read = await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: next.token });
    expect(read.json().data).toMatchObject({ my_access: 'primary', specialist: { id: next.userId } });
    const history = await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}/history?kind=transferred`, token: next.token });
    expect(history.json().data[0]).toMatchObject({ data: { from: org.specialist.userId, to: next.userId }, note: 'Needs a trauma specialist' });
    const again = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${id}/transfer`,
      token: next.token,
      payload: { to_specialist_id: next.userId, reason: 'again' },
    });
    expect(again.json().error.code).toBe('CASE.SAME_SPECIALIST');
  });

  it('grants and revokes co-specialist access; the grant opens the case to them and nothing else', async () => {
    const co = await addMember(t, org.admin, 'co_specialist');
    const id = await openCase(t, org.specialist, org.client.userId);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: co.token })).statusCode).toBe(404);
    const grant = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${id}/access`,
      token: org.specialist.token,
      payload: { user_id: co.userId, role: 'co_specialist' },
    });
    expect(grant.statusCode).toBe(201);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/cases/${id}/access`,
          token: org.specialist.token,
          payload: { user_id: co.userId, role: 'co_specialist' },
        })
      ).statusCode,
    ).toBe(409);
    const asCo = await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: co.token });
    expect(asCo.json().data.my_access).toBe('co_specialist');
    expect((await call(t.app, { method: 'POST', url: `/api/v1/cases/${id}/status`, token: co.token, payload: { to: 'active' } })).statusCode).toBe(403);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/cases/${id}/access`,
          token: co.token,
          payload: { user_id: org.supervisor.userId, role: 'supervisor' },
        })
      ).statusCode,
    ).toBe(403);
    const team = await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}/access`, token: org.specialist.token });
    expect(team.json().data).toEqual([expect.objectContaining({ user: { id: co.userId, name: 'A co_specialist' }, role: 'co_specialist' })]);
    expect((await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${id}/access/${co.userId}`, token: org.specialist.token })).statusCode).toBe(200);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: co.token })).statusCode).toBe(404);
    expect((await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${id}/access/${co.userId}`, token: org.specialist.token })).statusCode).toBe(404);
  });

  it("shows a client who is on their case's care team, by name; never another client's team, never a revoked grant", async () => {
    const client = await addMember(t, org.admin, 'client', 'Team Client');
    const other = await addMember(t, org.admin, 'client', 'Other Client');
    const co = await addMember(t, org.admin, 'specialist', 'Dr Co');
    const id = await openCase(t, org.specialist, client.userId);
    const teamAs = (who: Session) => call(t.app, { method: 'GET', url: `/api/v1/cases/${id}/access`, token: who.token });
    expect((await teamAs(client)).json().data).toEqual([]);

    const grant = (userId: string, role: string) =>
      call(t.app, { method: 'POST', url: `/api/v1/cases/${id}/access`, token: org.specialist.token, payload: { user_id: userId, role } });
    expect((await grant(co.userId, 'co_specialist')).statusCode).toBe(201);
    expect((await grant(org.supervisor.userId, 'supervisor')).statusCode).toBe(201);
    const seen = (await teamAs(client)).json().data as { user: { id: string; name: string }; role: string }[];
    expect(seen.map((g) => [g.user.name, g.role]).sort()).toEqual([
      ['A supervisor', 'supervisor'],
      ['Dr Co', 'co_specialist'],
    ]);
    const audited = await t.owner.query(`select count(*)::int as n from audit.audit_log where actor_user_id = $1 and action = 'case.team_read'`, [
      client.userId,
    ]);
    expect(audited.rows[0].n).toBe(2);

    // Another client of the practice sees neither the case nor its team, nor the grant rows underneath.
    expect((await teamAs(other)).statusCode).toBe(404);
    const asOther = { userId: other.userId, orgId: org.orgId, role: 'client', platformAdmin: false, system: false };
    const rows = await t.runtime.db.inContext(
      asOther,
      async (tx) => (await tx.$client.query('select id from case_mgmt.case_access where case_id = $1', [id])).rows,
    );
    expect(rows).toEqual([]);

    expect((await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${id}/access/${co.userId}`, token: org.specialist.token })).statusCode).toBe(200);
    expect(((await teamAs(client)).json().data as { user: { id: string } }[]).map((g) => g.user.id)).toEqual([org.supervisor.userId]);
  });

  it('pauses an active case 30 days after its last completed session (the job), and not before', async () => {
    const fresh = await openCase(t, org.specialist, org.client.userId);
    const dormant = await openCase(t, org.specialist, org.client.userId);
    for (const id of [fresh, dormant]) await moveCase(t, org.specialist, id, 'active');
    await t.owner.query(`update case_mgmt.cases set last_session_at = now() - interval '29 days' where id = $1`, [fresh]);
    await t.owner.query(`update case_mgmt.cases set last_session_at = now() - interval '31 days' where id = $1`, [dormant]);
    const before = (await call(t.app, { method: 'GET', url: `/api/v1/cases/${fresh}`, token: org.specialist.token })).json().data;
    expect(new Date(before.auto_pause_at).getTime() - new Date(before.last_session_at).getTime()).toBe(30 * 86_400_000);
    // The caseload line says the same, from the timestamps it reads as text.
    const lines = (await call(t.app, { method: 'GET', url: '/api/v1/cases?status=active&per_page=100', token: org.specialist.token })).json().data;
    expect(lines.find((c: { id: string }) => c.id === fresh)).toMatchObject({ last_session_at: before.last_session_at, auto_pause_at: before.auto_pause_at });

    const { createCareTeamService } = await import('../src/modules/cases/care-team.service');
    const { createCasesService } = await import('../src/modules/cases/cases.service');
    const deps = { db: t.runtime.db, crypto: t.runtime.crypto };
    const paused = await createCareTeamService(deps, createCasesService(deps)).autoPause();
    expect(paused).toBeGreaterThanOrEqual(1);
    const status = async (id: string) => (await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: org.specialist.token })).json().data.status;
    expect(await status(fresh)).toBe('active');
    expect(await status(dormant)).toBe('paused');
    const history = await call(t.app, { method: 'GET', url: `/api/v1/cases/${dormant}/history?kind=status_changed`, token: org.specialist.token });
    expect(history.json().data[0]).toMatchObject({ actor: null, data: { to: 'paused', by: 'auto_pause' } });
  });

  it('answers bad input with a 4xx in the envelope and stores nothing', async () => {
    const count = async () => Number((await t.owner.query('select count(*) from case_mgmt.cases')).rows[0].count);
    const before = await count();
    const attempts: [string, unknown, number, string][] = [
      ['missing client', { title: 'x', jurisdiction: 'UA' }, 400, 'REQUEST.VALIDATION'],
      ['bad uuid', { client_user_id: 'nope', title: 'x', jurisdiction: 'UA' }, 400, 'REQUEST.VALIDATION'],
      ['bad jurisdiction', { client_user_id: org.client.userId, title: 'x', jurisdiction: 'Ukraine' }, 400, 'REQUEST.VALIDATION'],
      ['unknown risk', { client_user_id: org.client.userId, title: 'x', jurisdiction: 'UA', risk_level: 'extreme' }, 400, 'REQUEST.VALIDATION'],
      ['title too long', { client_user_id: org.client.userId, title: 'x'.repeat(301), jurisdiction: 'UA' }, 400, 'REQUEST.VALIDATION'],
      ['unknown field', { client_user_id: org.client.userId, title: 'x', jurisdiction: 'UA', status: 'active' }, 400, 'REQUEST.VALIDATION'],
      ['client is staff', { client_user_id: org.supervisor.userId, title: 'x', jurisdiction: 'UA' }, 400, 'CASE.NOT_A_CLIENT'],
      [
        'someone else as lead',
        { client_user_id: org.client.userId, title: 'x', jurisdiction: 'UA', specialist_user_id: org.admin.userId },
        403,
        'AUTH.FORBIDDEN',
      ],
    ];
    for (const [what, payload, status, code] of attempts) {
      const res = await call(t.app, { method: 'POST', url: '/api/v1/cases', token: org.specialist.token, payload: payload as Record<string, unknown> });
      expect(res.statusCode, what).toBe(status);
      expect(res.json().error.code, what).toBe(code);
    }
    const byClient = await call(t.app, {
      method: 'POST',
      url: '/api/v1/cases',
      token: org.client.token,
      payload: { client_user_id: org.client.userId, title: 'x', jurisdiction: 'UA' },
    });
    expect(byClient.statusCode).toBe(403);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/cases/not-a-uuid', token: org.specialist.token })).statusCode).toBe(400);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/cases?status=open', token: org.specialist.token })).statusCode).toBe(400);
    expect(await count()).toBe(before);

    const html = "<script>alert(1)</script> '; drop table case_mgmt.cases; --";
    const id = await openCase(t, org.specialist, org.client.userId, { title: html });
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${id}`, token: org.specialist.token })).json().data.title).toBe(html);
  });
});
