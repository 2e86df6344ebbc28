import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp, createTestApp } from './harness';
import { type BookedAppointment, book, cancel, everyDay, openPractice, type Practice, reschedule } from './scheduling.fixtures';
import { buildOrg } from './tenancy.fixtures';

let t: TestApp;
let kyiv: Practice;
let newYork: Practice;
const hours = { rules: everyDay('08:00', '20:00'), buffer_after_minutes: 10, min_notice_minutes: 0, horizon_days: 365, step_minutes: 60 };
beforeAll(async () => {
  t = await createTestApp();
  kyiv = await openPractice(t, await buildOrg(t, 'Kyiv practice'), hours);
  newYork = await openPractice(t, await buildOrg(t, 'New York practice'), { ...hours, timezone: 'America/New_York' });
});
afterAll(() => t.close());

const bookSeries = (p: Practice, startsAt: string, rrule: string, token = p.org.client.token, extra: Record<string, unknown> = {}) =>
  call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/series',
    token,
    payload: { specialist_id: p.org.specialist.userId, session_type_id: p.typeId, starts_at: startsAt, rrule, ...extra },
  });
const startsOf = (list: BookedAppointment[]) => list.map((a) => a.starts_at);
const statuses = async (seriesId: string) =>
  (await t.owner.query('select status from scheduling.appointments where series_id = $1 order by starts_at', [seriesId])).rows.map((r) => r.status);

describe('recurring series', () => {
  it('books every other week at 10:00 Kyiv time across the 28 Mar 2027 clock change', async () => {
    const res = await bookSeries(kyiv, '2027-03-17T08:00:00Z', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4');
    expect(res.statusCode, res.body).toBe(201);
    const series = res.json().data;
    expect(series).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4', timezone: 'Europe/Kyiv' });
    // 10:00 EET (UTC+2), then 10:00 EEST (UTC+3) after the change.
    expect(startsOf(series.appointments)).toEqual([
      '2027-03-17T08:00:00.000Z',
      '2027-03-31T07:00:00.000Z',
      '2027-04-14T07:00:00.000Z',
      '2027-04-28T07:00:00.000Z',
    ]);
    expect(series.appointments.every((a: BookedAppointment) => a.series_id === series.id)).toBe(true);
    const stored = await t.owner.query('select rrule, timezone from scheduling.series where id = $1', [series.id]);
    expect(stored.rows[0]).toEqual({ rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4', timezone: 'Europe/Kyiv' });
  });

  it('books weekly at 10:00 New York time until a date across the 14 Mar 2027 change', async () => {
    const res = await bookSeries(newYork, '2027-03-04T15:00:00Z', 'FREQ=WEEKLY;UNTIL=20270320T000000Z');
    expect(res.statusCode, res.body).toBe(201);
    expect(startsOf(res.json().data.appointments)).toEqual(['2027-03-04T15:00:00.000Z', '2027-03-11T15:00:00.000Z', '2027-03-18T14:00:00.000Z']);
  });

  it('books nothing when one occurrence collides, naming the dates', async () => {
    const single = await book(t, kyiv, '2027-05-19T09:00:00Z');
    expect(single.statusCode, single.body).toBe(201);
    const before = (await t.owner.query('select count(*)::int as n from scheduling.appointments')).rows[0].n;
    const res = await bookSeries(kyiv, '2027-05-05T09:00:00Z', 'FREQ=WEEKLY;COUNT=6');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'SCHEDULING.SERIES_CONFLICT', details: { conflicting_dates: ['2027-05-19'] } });
    expect(res.json().error.message).toContain('2027-05-19');
    const late = await bookSeries(kyiv, '2027-05-05T17:00:00Z', 'FREQ=WEEKLY;COUNT=2'); // 20:00 Kyiv: after hours
    expect(late.json().error.code).toBe('SCHEDULING.NOT_AVAILABLE');
    expect((await t.owner.query('select count(*)::int as n from scheduling.appointments')).rows[0].n).toBe(before);
    expect((await t.owner.query(`select count(*)::int as n from scheduling.series where first_starts_at = '2027-05-05T09:00:00Z'`)).rows[0].n).toBe(0);
  });

  it('refuses malformed, unsupported and oversized rules with 400', async () => {
    const cases: [string, string][] = [
      ['FREQ=WEEKLY;COUNT=', 'SCHEDULING.INVALID_RECURRENCE'],
      ['FREQ=DAILY;COUNT=5', 'SCHEDULING.INVALID_RECURRENCE'],
      ['FREQ=WEEKLY;COUNT=53', 'SCHEDULING.INVALID_RECURRENCE'],
      ['FREQ=WEEKLY', 'SCHEDULING.INVALID_RECURRENCE'],
      ['FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4', 'SCHEDULING.INVALID_RECURRENCE'],
      ['FREQ=WEEKLY;UNTIL=20290101', 'SCHEDULING.INVALID_RECURRENCE'], // more than 52 occurrences
      ['', 'REQUEST.VALIDATION'],
    ];
    for (const [rrule, code] of cases) {
      const res = await bookSeries(kyiv, '2027-06-02T09:00:00Z', rrule);
      expect(res.statusCode, rrule).toBe(400);
      expect(res.json().error.code, rrule).toBe(code);
    }
    expect((await bookSeries(kyiv, '2020-06-02T09:00:00Z', 'FREQ=WEEKLY;COUNT=2')).json().error.code).toBe('SCHEDULING.IN_PAST');
  });

  it('moves or cancels one occurrence without touching the others, and cancels the rest from an occurrence', async () => {
    const res = await bookSeries(kyiv, '2027-07-07T09:00:00Z', 'FREQ=WEEKLY;COUNT=5');
    const [first, second, third] = res.json().data.appointments as BookedAppointment[];
    const moved = await reschedule(t, kyiv.org.client.token, second!.id, '2027-07-15T10:00:00Z');
    expect(moved.json().data).toMatchObject({ starts_at: '2027-07-15T10:00:00.000Z', series_id: res.json().data.id, status: 'scheduled' });
    expect((await cancel(t, kyiv.org.client.token, first!.id)).json().data.status).toBe('cancelled');
    expect(await statuses(res.json().data.id)).toEqual(['cancelled', 'scheduled', 'scheduled', 'scheduled', 'scheduled']);
    const rest = await cancel(t, kyiv.org.specialist.token, third!.id, { scope: 'following', reason: 'Moving abroad' });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(await statuses(res.json().data.id)).toEqual(['cancelled', 'scheduled', 'cancelled', 'cancelled', 'cancelled']);
    const starts = (await t.owner.query('select starts_at from scheduling.appointments where series_id = $1 order by starts_at', [res.json().data.id])).rows;
    expect(starts.map((r) => r.starts_at.toISOString())).toContain('2027-07-15T10:00:00.000Z');
  });

  it("answers 404 to another org's members", async () => {
    for (const token of [newYork.org.client.token, newYork.org.admin.token]) {
      const res = await bookSeries(kyiv, '2027-08-04T09:00:00Z', 'FREQ=WEEKLY;COUNT=2', token, { client_user_id: newYork.org.client.userId });
      expect(res.statusCode).toBe(404);
    }
    const res = await bookSeries(kyiv, '2027-08-04T09:00:00Z', 'FREQ=WEEKLY;COUNT=2');
    const occurrence = res.json().data.appointments[0].id;
    expect((await cancel(t, newYork.org.admin.token, occurrence, { scope: 'following' })).statusCode).toBe(404);
  });
});
