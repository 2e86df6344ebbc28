import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from './harness';
import { book, bookFirstFree, cancel, everyDay, freeStarts, inbox, openPractice, type Practice, reschedule } from './scheduling.fixtures';
import { buildOrg } from './tenancy.fixtures';

let t: TestApp;
let p: Practice;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
beforeAll(async () => {
  t = await createTestApp();
  p = await openPractice(t, await buildOrg(t, 'Reschedule practice'), {
    rules: everyDay('06:00', '22:00'),
    buffer_after_minutes: 10,
    min_notice_minutes: 60,
    horizon_days: 30,
    step_minutes: 60,
  });
});
afterAll(() => t.close());

const row = async (id: string) => (await t.owner.query('select starts_at, status, late_reschedule from scheduling.appointments where id = $1', [id])).rows[0];

describe('rescheduling', () => {
  it('moves an appointment to a free start, frees the old one, audits it and tells both people', async () => {
    const starts = await freeStarts(t, p, Date.now() + 3 * DAY, Date.now() + 4 * DAY);
    const first = starts.find((s) => starts.includes(new Date(Date.parse(s) + HOUR).toISOString())) as string;
    const a = (await book(t, p, first)).json().data as { id: string; starts_at: string };
    // One hour later overlaps the appointment's own buffered time: that is not a clash with itself.
    const target = new Date(Date.parse(a.starts_at) + HOUR).toISOString();
    const moved = await reschedule(t, p.org.client.token, a.id, target);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().data).toMatchObject({ id: a.id, starts_at: target, status: 'scheduled', late_reschedule: false, late_cancellation: false });
    const open = await freeStarts(t, p, Date.parse(a.starts_at) - DAY / 2, Date.parse(a.starts_at) + DAY / 2);
    expect(open).toContain(a.starts_at);
    expect(open).not.toContain(target);
    const audit = await t.owner.query(`select details from audit.audit_log where action = 'scheduling.reschedule' and resource_id = $1`, [a.id]);
    expect(audit.rows[0].details).toMatchObject({ from: a.starts_at, to: target, late: false });
    for (const token of [p.org.client.token, p.org.specialist.token])
      expect((await inbox(t, token)).find((n) => n.kind === 'session.rescheduled' && n.data.appointment_id === a.id)?.data).toMatchObject({
        from: a.starts_at,
        starts_at: target,
      });
  });

  it('refuses the times booking refuses, and a time someone else holds, changing nothing', async () => {
    const a = await bookFirstFree(t, p, 5);
    const other = await bookFirstFree(t, p, 6);
    const before = await row(a.id);
    const day = new Date(Date.parse(a.starts_at)).toISOString().slice(0, 10);
    const attempts: [string, number, string][] = [
      [new Date(Date.now() - HOUR).toISOString(), 400, 'SCHEDULING.IN_PAST'],
      [new Date(Date.now() + 30 * 60_000).toISOString(), 400, 'SCHEDULING.TOO_SOON'],
      [new Date(Date.now() + 40 * DAY).toISOString(), 400, 'SCHEDULING.BEYOND_HORIZON'],
      [`${day}T01:00:00Z`, 409, 'SCHEDULING.NOT_AVAILABLE'], // 03:00 or 04:00 in Kyiv
      [`${day}T09:17:00Z`, 409, 'SCHEDULING.NOT_AVAILABLE'], // off the hourly grid
      [other.starts_at, 409, 'SCHEDULING.SLOT_TAKEN'],
      ['next Tuesday', 400, 'REQUEST.VALIDATION'],
      [a.starts_at, 409, 'SCHEDULING.NOT_RESCHEDULABLE'],
    ];
    for (const [startsAt, status, code] of attempts) {
      const res = await reschedule(t, p.org.client.token, a.id, startsAt);
      expect(res.statusCode, startsAt).toBe(status);
      expect(res.json(), startsAt).toMatchObject({ success: false, error: { code } });
    }
    expect(await row(a.id)).toEqual(before);
    expect((await cancel(t, p.org.client.token, a.id)).statusCode).toBe(200);
    for (const token of [p.org.client.token, p.org.specialist.token])
      expect((await inbox(t, token)).some((n) => n.kind === 'session.cancelled' && n.data.appointment_id === a.id)).toBe(true);
    const gone = await reschedule(t, p.org.client.token, a.id, new Date(Date.parse(a.starts_at) + 2 * HOUR).toISOString());
    expect(gone.json().error.code).toBe('SCHEDULING.NOT_RESCHEDULABLE');
  });

  it('flags a move inside 24 hours of the start as a late reschedule', async () => {
    const soon = await freeStarts(t, p, Date.now() + 2 * HOUR, Date.now() + 20 * HOUR);
    const booked = await book(t, p, soon[0] as string);
    expect(booked.statusCode, booked.body).toBe(201);
    const later = await freeStarts(t, p, Date.now() + 3 * DAY, Date.now() + 4 * DAY);
    const moved = await reschedule(t, p.org.specialist.token, booked.json().data.id, later[0] as string);
    expect(moved.json().data).toMatchObject({ late_reschedule: true, starts_at: later[0] });
  });

  it('lets the exclusion constraint decide two moves racing for one start: one 200, one SLOT_TAKEN', async () => {
    const starts = await freeStarts(t, p, Date.now() + 10 * DAY, Date.now() + 11 * DAY);
    const [x, y, target] = [starts[0], starts[2], starts[4]] as [string, string, string];
    const ids = await Promise.all([x, y].map(async (s) => (await book(t, p, s)).json().data.id as string));
    const results = await Promise.all(ids.map((id) => reschedule(t, p.org.specialist.token, id, target)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('SCHEDULING.SLOT_TAKEN');
    const live = await t.owner.query(`select count(*)::int as n from scheduling.appointments where starts_at = $1 and status = 'scheduled'`, [target]);
    expect(live.rows[0].n).toBe(1);
    expect((await cancel(t, p.org.supervisor.token, ids[0]!)).statusCode).toBe(403);
  });

  it("answers 404 to another org's members and lets nobody else's client move it", async () => {
    const a = await bookFirstFree(t, p, 8);
    const b = await buildOrg(t, 'Elsewhere');
    const target = new Date(Date.parse(a.starts_at) + 2 * HOUR).toISOString();
    for (const token of [b.admin.token, b.specialist.token, b.client.token]) {
      const res = await reschedule(t, token, a.id, target);
      expect(res.statusCode).toBe(404);
      expect((await cancel(t, token, a.id)).statusCode).toBe(404);
    }
    expect((await row(a.id)).starts_at.toISOString()).toBe(a.starts_at);
  });
});
