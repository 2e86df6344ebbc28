import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Plans practice');
  caseId = await openCase(t, org.specialist, org.client.userId);
});
afterAll(() => t.close());

const problems = [
  {
    id: 'p1',
    title: 'Depressed mood',
    description: 'Formulation: loss of role after redundancy',
    goals: [
      {
        id: 'g1',
        title: 'Feel able to enjoy things again',
        target_date: '2027-02-01',
        objectives: [{ id: 'o1', text: 'Do three pleasant activities a week', measure: 'Activity log: 3/week for 4 weeks' }],
        interventions: [{ id: 'i1', text: 'Behavioural activation', frequency: 'weekly' }],
      },
    ],
  },
];
const plan = (method: 'GET' | 'PUT' | 'POST', token: string, suffix = '', payload?: unknown) =>
  call(t.app, { method, url: `/api/v1/cases/${caseId}/treatment-plan${suffix}`, token, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

describe('treatment plans', () => {
  it('saves versions, refuses a stale save, records progress, and shows the client only goals and progress', async () => {
    expect((await plan('GET', org.specialist.token)).json().error.code).toBe('PLAN.NOT_FOUND');
    const v1 = await plan('PUT', org.specialist.token, '', { base_version: 0, problems, review_date: '2027-01-15' });
    expect(v1.statusCode).toBe(200);
    expect(v1.json().data).toMatchObject({ version: 1, review_date: '2027-01-15', problems: [{ goals: [{ status: 'not_started' }] }] });

    const edited = structuredClone(problems);
    (edited[0]!.goals[0] as { status?: string }).status = 'in_progress';
    const v2 = await plan('PUT', org.specialist.token, '', { base_version: 1, problems: edited });
    expect(v2.json().data.version).toBe(2);
    const stale = await plan('PUT', org.specialist.token, '', { base_version: 1, problems });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'PLAN.VERSION_CONFLICT', details: { current_version: 2 } });

    const progress = await plan('POST', org.specialist.token, '/progress', {
      goal_id: 'g1',
      objective_id: 'o1',
      progress: 40,
      note: 'Two activities this week',
    });
    expect(progress.statusCode).toBe(201);
    expect((await plan('POST', org.specialist.token, '/progress', { goal_id: 'nope', progress: 10 })).json().error.code).toBe('PLAN.UNKNOWN_GOAL');
    expect((await plan('POST', org.specialist.token, '/progress', { goal_id: 'g1', progress: 101 })).statusCode).toBe(400);

    const versions = await plan('GET', org.supervisor.token, '/versions');
    expect(versions.json().data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = await plan('GET', org.supervisor.token, '/versions/1');
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toMatchObject({ version: 1, review_date: '2027-01-15', problems: [{ goals: [{ status: 'not_started' }] }] });
    expect((await plan('GET', org.specialist.token, '/versions/9')).json().error.code).toBe('PLAN.NOT_FOUND');
    expect((await plan('GET', org.client.token, '/versions/1')).statusCode).toBe(403);

    const mine = await plan('GET', org.client.token);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().data).toEqual({
      case_id: caseId,
      version: 2,
      goals: [
        {
          id: 'g1',
          title: 'Feel able to enjoy things again',
          target_date: '2027-02-01',
          status: 'in_progress',
          progress: null,
          objectives: [
            { id: 'o1', text: 'Do three pleasant activities a week', measure: 'Activity log: 3/week for 4 weeks', status: 'not_started', progress: 40 },
          ],
        },
      ],
      updated_at: expect.any(String),
    });
    expect(mine.body).not.toContain('Formulation');
    expect((await plan('PUT', org.client.token, '', { base_version: 2, problems })).statusCode).toBe(403);
    expect((await plan('GET', org.client.token, '/versions')).statusCode).toBe(403);
    expect((await plan('GET', org.admin.token)).statusCode).toBe(403);
  });

  it('puts every save and progress update on the case timeline, without the goal wording', async () => {
    const events = (await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/history`, token: org.specialist.token })).json().data as {
      kind: string;
      actor: { id: string } | null;
      data: Record<string, string | null>;
    }[];
    const planEvents = events.filter((e) => e.kind.startsWith('plan_'));
    expect(planEvents.map((e) => [e.kind, e.data])).toEqual([
      ['plan_progress', { goal_id: 'g1', objective_id: 'o1', progress: '40' }],
      ['plan_saved', { version: '2', goals: '1' }],
      ['plan_saved', { version: '1', goals: '1' }],
    ]);
    expect(planEvents.every((e) => e.actor?.id === org.specialist.userId)).toBe(true);
    expect(JSON.stringify(planEvents)).not.toContain('enjoy');
  });

  it('rejects a malformed plan and stores nothing', async () => {
    const other = await openCase(t, org.specialist, org.client.userId);
    const bad = [
      { base_version: 0, problems: [] },
      { base_version: 0, problems: [{ id: 'p1', title: 'x', goals: [] }] },
      { base_version: 0, problems: [{ id: 'p1', title: 'x', goals: [{ id: 'p1', title: 'dup id' }] }] },
      { base_version: 0, problems: [{ id: 'bad id!', title: 'x', goals: [{ id: 'g', title: 'y' }] }] },
      { base_version: -1, problems },
      { problems },
    ];
    for (const payload of bad) {
      const res = await call(t.app, { method: 'PUT', url: `/api/v1/cases/${other}/treatment-plan`, token: org.specialist.token, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.owner.query('select count(*) from clinical.treatment_plans where case_id = $1', [other])).rows[0].count).toBe('0');
    await plan('PUT', org.specialist.token, '', { base_version: 2, problems });
    await expect(t.owner.query('update clinical.treatment_plans set version = 99 where case_id = $1', [caseId])).rejects.toThrow(/append-only/);
  });

  it("is invisible to another org's members and to raw SQL in their context", async () => {
    const b = await buildOrg(t, 'Other');
    const stored = async () => [
      (await t.owner.query('select p::text as row from clinical.treatment_plans p where case_id = $1 order by version', [caseId])).rows,
      (await t.owner.query('select p::text as row from clinical.plan_progress p where case_id = $1 order by id', [caseId])).rows,
    ];
    const before = await stored();
    expect(before[0], 'precondition: the plan has versions').not.toEqual([]);
    const unexpected: string[] = [];
    for (const [who, member] of [
      ["B's org admin", b.admin],
      ["B's specialist", b.specialist],
      ["B's supervisor", b.supervisor],
      ["B's client", b.client],
    ] as const) {
      for (const [does, method, suffix, payload] of [
        ['read the plan', 'GET', '', undefined],
        ['save a version', 'PUT', '', { base_version: 3, problems }],
        ['list the versions', 'GET', '/versions', undefined],
        ['read a version', 'GET', '/versions/1', undefined],
        ['record progress', 'POST', '/progress', { goal_id: 'g1', progress: 1 }],
      ] as const) {
        const res = await plan(method, member.token, suffix, payload);
        if (res.statusCode !== 404 || res.json().success !== false) unexpected.push(`${who} tried to ${does}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(await stored()).toEqual(before);
    const ctx = { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin' as const, platformAdmin: false, system: false };
    const seen = await t.runtime.db.inContext(ctx, async (tx) => [
      (await tx.$client.query('select id from clinical.treatment_plans where org_id = $1', [org.orgId])).rowCount,
      (await tx.$client.query('select id from clinical.plan_progress where org_id = $1', [org.orgId])).rowCount,
    ]);
    expect(seen).toEqual([0, 0]);
  });
});
