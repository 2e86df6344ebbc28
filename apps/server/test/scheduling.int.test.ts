import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let typeId: string;
beforeAll(async () => {
  t = await createTestApp({ dbPoolSize: 20 });
  org = await buildOrg(t, 'Scheduling practice');
  const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const set = await call(t.app, {
    method: 'PUT',
    url: '/api/v1/scheduling/availability',
    token: org.specialist.token,
    payload: { timezone: 'Europe/Kyiv', rules: hours, buffer_after_minutes: 10, min_notice_minutes: 120, horizon_days: 30, step_minutes: 60 },
  });
  expect(set.statusCode).toBe(200);
  const type = await call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/session-types',
    token: org.specialist.token,
    payload: { name: 'Individual session', duration_minutes: 50, price_minor: 120000, currency: 'UAH', modality: 'video' },
  });
  typeId = type.json().data.id;
});
afterAll(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const slots = (token: string, extra = '') =>
  call(t.app, {
    method: 'GET',
    url: `/api/v1/scheduling/slots?specialist_id=${org.specialist.userId}&session_type_id=${typeId}&from=${day(2)}T00:00:00Z&to=${day(4)}T00:00:00Z${extra}`,
    token,
  });
const book = (token: string, startsAt: string, extra: Record<string, unknown> = {}) =>
  call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/book',
    token,
    payload: { specialist_id: org.specialist.userId, session_type_id: typeId, starts_at: startsAt, ...extra },
  });

describe('scheduling', () => {
  it('shows free slots in the viewer’s zone, and 100 simultaneous bookings of one slot give exactly one booking', async () => {
    const res = await slots(org.client.token, '&timezone=America/New_York');
    expect(res.statusCode).toBe(200);
    const list = res.json().data as { start: string; local_start: string; timezone: string }[];
    expect(list.length).toBe(16); // 8 hourly slots a day for two days
    expect(list[0]?.timezone).toBe('America/New_York');
    expect(list[0]?.local_start).toMatch(/T0[12]:00-0[45]:00$/); // 09:00 Kyiv is 02:00 (or 01:00) in New York
    const target = list[3]!.start;

    const results = await Promise.all(Array.from({ length: 100 }, () => book(org.client.token, target)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && r.json().error.code === 'SCHEDULING.SLOT_TAKEN')).toHaveLength(99);
    expect((await t.owner.query(`select count(*) from scheduling.appointments where starts_at = $1 and status = 'scheduled'`, [target])).rows[0].count).toBe(
      '1',
    );

    const after = (await slots(org.client.token)).json().data.map((s: { start: string }) => s.start);
    expect(after).not.toContain(target);
    expect(after).toHaveLength(15);
  });

  it('refuses times in the past, outside hours, inside the notice, beyond the horizon and bad queries, storing nothing', async () => {
    const before = (await t.owner.query('select count(*) from scheduling.appointments')).rows[0].count;
    const attempts: [string, number, string][] = [
      [new Date(Date.now() - 3_600_000).toISOString(), 400, 'SCHEDULING.IN_PAST'],
      [new Date(Date.now() + 30 * 60_000).toISOString(), 400, 'SCHEDULING.TOO_SOON'],
      [`${day(45)}T07:00:00Z`, 400, 'SCHEDULING.BEYOND_HORIZON'],
      [`${day(3)}T01:00:00Z`, 409, 'SCHEDULING.NOT_AVAILABLE'],
      [`${day(3)}T07:17:00Z`, 409, 'SCHEDULING.NOT_AVAILABLE'],
      ['tomorrow at nine', 400, 'REQUEST.VALIDATION'],
    ];
    for (const [startsAt, status, code] of attempts) {
      const res = await book(org.client.token, startsAt);
      expect(res.statusCode, startsAt).toBe(status);
      expect(res.json().error.code, startsAt).toBe(code);
    }
    expect((await slots(org.client.token, '&timezone=Mars/Base')).statusCode).toBe(400);
    const backwards = await call(t.app, {
      method: 'GET',
      url: `/api/v1/scheduling/slots?specialist_id=${org.specialist.userId}&session_type_id=${typeId}&from=${day(4)}T00:00:00Z&to=${day(2)}T00:00:00Z`,
      token: org.client.token,
    });
    expect(backwards.statusCode).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'PUT',
          url: '/api/v1/scheduling/availability',
          token: org.specialist.token,
          payload: { timezone: 'Europe/Atlantis', rules: [] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'PUT',
          url: '/api/v1/scheduling/availability',
          token: org.specialist.token,
          payload: { timezone: 'Europe/Kyiv', rules: [{ weekday: 1, start: '17:00', end: '09:00' }] },
        })
      ).statusCode,
    ).toBe(400);
    expect((await t.owner.query('select count(*) from scheduling.appointments')).rows[0].count).toBe(before);
  });

  it('flags a late cancellation and frees the slot', async () => {
    const free = (await slots(org.client.token)).json().data as { start: string }[];
    const booked = await book(org.client.token, free[0]!.start);
    expect(booked.statusCode).toBe(201);
    const cancelled = await call(t.app, {
      method: 'POST',
      url: `/api/v1/scheduling/appointments/${booked.json().data.id}/cancel`,
      token: org.client.token,
      payload: {},
    });
    expect(cancelled.json().data).toMatchObject({ status: 'cancelled', late_cancellation: false });
    expect(
      (
        await call(t.app, { method: 'POST', url: `/api/v1/scheduling/appointments/${booked.json().data.id}/cancel`, token: org.client.token, payload: {} })
      ).json().error.code,
    ).toBe('SCHEDULING.NOT_CANCELLABLE');
    expect((await book(org.client.token, free[0]!.start)).statusCode).toBe(201);
  });

  it("keeps another org's specialists, appointments and busy times out of reach", async () => {
    const b = await buildOrg(t, 'Other practice');
    const fromB = await book(b.client.token, `${day(3)}T08:00:00Z`);
    expect(fromB.statusCode).toBe(404);
    expect((await slots(b.client.token)).statusCode).toBe(404);
    expect(
      (await call(t.app, { method: 'GET', url: `/api/v1/scheduling/availability?specialist_id=${org.specialist.userId}`, token: b.admin.token })).statusCode,
    ).toBe(404);
    const mine = await call(t.app, {
      method: 'GET',
      url: `/api/v1/scheduling/appointments?from=${day(0)}T00:00:00Z&to=${day(10)}T00:00:00Z`,
      token: b.admin.token,
    });
    expect(mine.json().data).toEqual([]);
    const ctx = { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin' as const, platformAdmin: false, system: false };
    const seen = await t.runtime.db.inContext(ctx, async (tx) => [
      (await tx.$client.query('select id from scheduling.appointments where org_id = $1', [org.orgId])).rowCount,
      (await tx.$client.query("select * from scheduling.busy_ranges($1, now(), now() + interval '30 days')", [org.specialist.userId])).rowCount,
      (await tx.$client.query('select user_id from scheduling.specialist_settings where org_id = $1', [org.orgId])).rowCount,
    ]);
    expect(seen).toEqual([0, 0, 0]);
    // Inside the practice, a client sees only their own appointments.
    const other = await call(t.app, {
      method: 'GET',
      url: `/api/v1/scheduling/appointments?from=${day(0)}T00:00:00Z&to=${day(10)}T00:00:00Z`,
      token: org.supervisor.token,
    });
    expect(other.json().data.length).toBeGreaterThan(0);
  });
});
