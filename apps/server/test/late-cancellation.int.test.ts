import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp, createTestApp } from './harness';
import { book, cancel, everyDay, freeStarts, openPractice, type Practice, reschedule } from './scheduling.fixtures';
import { buildOrg } from './tenancy.fixtures';

let t: TestApp;
let p: Practice;
const HOUR = 3_600_000;
beforeAll(async () => {
  t = await createTestApp();
  p = await openPractice(t, await buildOrg(t, 'Late window practice'), {
    rules: everyDay('00:00', '24:00'),
    min_notice_minutes: 60,
    horizon_days: 30,
    step_minutes: 60,
  });
});
afterAll(() => t.close());

const setWindow = (token: string, orgId: string, hours: unknown) =>
  call(t.app, { method: 'PATCH', url: `/api/v1/orgs/${orgId}`, token, payload: { late_cancellation_hours: hours } });

/** Books the first free start between `fromHours` and `toHours` from now. */
async function bookAhead(fromHours: number, toHours: number) {
  const [start] = await freeStarts(t, p, Date.now() + fromHours * HOUR, Date.now() + toHours * HOUR);
  const res = await book(t, p, start as string);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { id: string; starts_at: string };
}

describe("the practice's late-cancellation window", () => {
  it('is 24 hours for a new practice and readable by its clients', async () => {
    const org = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${p.org.orgId}`, token: p.org.client.token });
    expect(org.statusCode, org.body).toBe(200);
    expect(org.json().data.late_cancellation_hours).toBe(24);
  });

  it('with a 48-hour window flags a cancellation 30 hours ahead, and the change is audited', async () => {
    const set = await setWindow(p.org.admin.token, p.org.orgId, 48);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().data.late_cancellation_hours).toBe(48);
    const audit = await t.owner.query(`select details from audit.audit_log where action = 'org.update' and resource_id = $1 order by seq desc limit 1`, [
      p.org.orgId,
    ]);
    expect(audit.rows[0].details).toMatchObject({ fields: ['late_cancellation_hours'], late_cancellation_hours: 48 });
    const a = await bookAhead(29, 32);
    const cancelled = await cancel(t, p.org.client.token, a.id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().data).toMatchObject({ status: 'cancelled', late_cancellation: true });
    // Moving 30 hours ahead is late under the same window.
    const b = await bookAhead(29, 32);
    const [later] = await freeStarts(t, p, Date.now() + 5 * 24 * HOUR, Date.now() + 6 * 24 * HOUR);
    const moved = await reschedule(t, p.org.client.token, b.id, later as string);
    expect(moved.json().data).toMatchObject({ late_reschedule: true });
  });

  it('with a 0-hour window never flags, even two hours before the start', async () => {
    expect((await setWindow(p.org.admin.token, p.org.orgId, 0)).statusCode).toBe(200);
    const a = await bookAhead(2, 4);
    const [later] = await freeStarts(t, p, Date.now() + 5 * HOUR, Date.now() + 8 * HOUR);
    const moved = await reschedule(t, p.org.specialist.token, a.id, later as string);
    expect(moved.json().data).toMatchObject({ late_reschedule: false });
    const cancelled = await cancel(t, p.org.specialist.token, a.id);
    expect(cancelled.json().data).toMatchObject({ status: 'cancelled', late_cancellation: false });
  });

  it('refuses hours outside 0–168 or not whole, changing nothing', async () => {
    expect((await setWindow(p.org.admin.token, p.org.orgId, 12)).statusCode).toBe(200);
    for (const bad of [-1, 169, 1.5, '24', null, 1e9]) {
      const res = await setWindow(p.org.admin.token, p.org.orgId, bad);
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json()).toMatchObject({ success: false, error: { code: 'REQUEST.VALIDATION' } });
    }
    const org = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${p.org.orgId}`, token: p.org.admin.token });
    expect(org.json().data.late_cancellation_hours).toBe(12);
  });

  it("is the admin's to change: a specialist or client gets 403, another practice's admin 404", async () => {
    for (const token of [p.org.specialist.token, p.org.client.token, p.org.supervisor.token]) {
      const res = await setWindow(token, p.org.orgId, 1);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH.FORBIDDEN');
    }
    const other = await buildOrg(t, 'Other practice');
    const res = await setWindow(other.admin.token, p.org.orgId, 1);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ORG.NOT_FOUND');
    const org = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${p.org.orgId}`, token: p.org.admin.token });
    expect(org.json().data.late_cancellation_hours).toBe(12);
  });
});
