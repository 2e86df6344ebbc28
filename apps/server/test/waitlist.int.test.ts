import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitlistJob } from '../src/modules/scheduling';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { book, cancel, everyDay, freeStarts, inbox, openPractice, type Practice, reschedule } from './scheduling.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

// API role: no background workers, so the test runs each waitlist job itself with the clock it chooses.
let t: TestApp;
let p: Practice;
let other: BuiltOrg;
const HOUR = 3_600_000;
beforeAll(async () => {
  t = await createTestApp({ role: 'api' });
  p = await openPractice(t, await buildOrg(t, 'Waitlist practice'), {
    rules: everyDay('08:00', '20:00'),
    min_notice_minutes: 0,
    horizon_days: 30,
    step_minutes: 60,
  });
  other = await buildOrg(t, 'Other practice');
});
afterAll(() => t.close());

const service = async () => {
  const { createWaitlistService } = await import('../src/modules/scheduling');
  const { createSchedulingService } = await import('../src/modules/scheduling/scheduling.service');
  const { createNotificationsService } = await import('../src/modules/notifications/notifications.service');
  const reminders = { schedule: async () => 0 };
  return createWaitlistService({
    db: t.runtime.db,
    crypto: t.runtime.crypto,
    jobs: t.runtime.jobs,
    notifications: createNotificationsService({ db: t.runtime.db, relay: t.runtime.relay, jobs: t.runtime.jobs }),
    scheduling: createSchedulingService({ db: t.runtime.db, crypto: t.runtime.crypto, reminders }),
  });
};
const queued = async (kind: WaitlistJob['kind']) =>
  (
    await t.owner.query<{ data: WaitlistJob }>(`select data from pgboss.job where name = 'scheduling.waitlist' and data->>'kind' = $1 order by created_on`, [
      kind,
    ])
  ).rows.map((r) => r.data);
const join = (client: Session, extra: Record<string, unknown> = {}) =>
  call(t.app, { method: 'POST', url: '/api/v1/scheduling/waitlist', token: client.token, payload: { specialist_id: p.org.specialist.userId, ...extra } });
const accept = (client: Session, offerId: string) =>
  call(t.app, { method: 'POST', url: `/api/v1/scheduling/waitlist/offers/${offerId}/accept`, token: client.token, payload: {} });

const decline = (client: Session, offerId: string) =>
  call(t.app, { method: 'POST', url: `/api/v1/scheduling/waitlist/offers/${offerId}/decline`, token: client.token, payload: {} });

describe('waitlist', () => {
  it('offers a cancelled time to the next suitable client, passes it on when the offer expires, and books it on acceptance', async () => {
    const [picky, first, second] = [
      await addMember(t, p.org.admin, 'client'),
      await addMember(t, p.org.admin, 'client'),
      await addMember(t, p.org.admin, 'client'),
    ];
    const [start] = await freeStarts(t, p, Date.now() + 2 * 86_400_000, Date.now() + 3 * 86_400_000);
    const booked = await book(t, p, start as string);
    expect(booked.statusCode).toBe(201);
    const weekday = ((new Date(start as string).getUTCDay() + 2) % 7) + 1; // another day of the week
    const pickyEntry = await join(picky, { preferred_windows: [{ weekday, start: '08:00', end: '20:00' }] });
    expect(pickyEntry.statusCode).toBe(201);
    const joined = await join(first, { session_type_id: p.typeId });
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json().data).toMatchObject({ status: 'waiting', client_id: first.userId, offer: null });
    expect((await join(second)).statusCode).toBe(201);

    expect((await cancel(t, p.org.client.token, booked.json().data.id)).statusCode).toBe(200);
    const [freed] = await queued('freed'); // enqueued in the cancellation's transaction
    expect(freed).toMatchObject({ specialist_id: p.org.specialist.userId, starts_at: start });
    const waitlist = await service();
    const now = Date.now();
    const offer = await waitlist.run(freed!, now);
    expect(offer).toMatchObject({ clientUserId: first.userId, status: 'open' });
    expect(offer!.expiresAt.getTime()).toBe(now + 2 * HOUR);
    expect((await inbox(t, first.token)).find((n) => n.kind === 'waitlist.offer')?.data).toMatchObject({ offer_id: offer!.id, starts_at: start });
    expect((await inbox(t, picky.token)).some((n) => n.kind === 'waitlist.offer')).toBe(false);
    const mine = await call(t.app, { method: 'GET', url: '/api/v1/scheduling/waitlist', token: first.token });
    expect(mine.json().data).toEqual([expect.objectContaining({ offer: expect.objectContaining({ id: offer!.id, status: 'open' }) })]);

    const [expiry] = await queued('expire');
    expect(expiry).toEqual({ kind: 'expire', offer_id: offer!.id });
    expect(await waitlist.run(expiry!, now + HOUR)).toBeNull(); // not yet due: nothing changes
    const next = await waitlist.run(expiry!, now + 2 * HOUR + 1000);
    expect(next).toMatchObject({ clientUserId: second.userId, status: 'open' });
    expect(await waitlist.run(expiry!, now + 3 * HOUR)).toBeNull(); // a retried job does not pass it on twice
    expect((await accept(first, offer!.id)).json().error.code).toBe('SCHEDULING.OFFER_CLOSED');

    const taken = await accept(second, next!.id);
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json().data).toMatchObject({ client_id: second.userId, starts_at: start, status: 'scheduled' });
    const entries = (await call(t.app, { method: 'GET', url: '/api/v1/scheduling/waitlist', token: p.org.specialist.token })).json().data;
    expect(entries.map((e: { client_id: string; status: string }) => [e.client_id, e.status])).toEqual([
      [picky.userId, 'waiting'],
      [first.userId, 'waiting'],
      [second.userId, 'booked'],
    ]);
    expect((await accept(second, next!.id)).json().error.code).toBe('SCHEDULING.OFFER_CLOSED');
    // Those still waiting leave, so the next tests start with an empty line.
    for (const [client, entry] of [
      [picky, pickyEntry],
      [first, joined],
    ] as const)
      expect(
        (await call(t.app, { method: 'POST', url: `/api/v1/scheduling/waitlist/${entry.json().data.id}/leave`, token: client.token, payload: {} })).statusCode,
      ).toBe(200);
  });

  it('offers a time freed by a reschedule; accepting a time someone booked meanwhile answers SLOT_TAKEN', async () => {
    const waitlist = await service();
    const client = await addMember(t, p.org.admin, 'client');
    const [a, b] = await freeStarts(t, p, Date.now() + 4 * 86_400_000, Date.now() + 5 * 86_400_000);
    const booked = (await book(t, p, a as string)).json().data;
    expect((await join(client)).statusCode).toBe(201);
    expect((await reschedule(t, p.org.client.token, booked.id, b as string)).statusCode).toBe(200);
    const freed = (await queued('freed')).find((j) => j.kind === 'freed' && j.starts_at === a);
    const offer = await waitlist.run(freed!);
    expect(offer).toMatchObject({ clientUserId: client.userId });
    expect((await book(t, p, a as string, p.org.supervisor.token)).statusCode).toBe(403);
    expect((await book(t, p, a as string)).statusCode).toBe(201);
    const res = await accept(client, offer!.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SCHEDULING.SLOT_TAKEN');
  });

  it("answers 404 to another org's members", async () => {
    const waitlist = await service();
    const client = await addMember(t, p.org.admin, 'client');
    const [start] = await freeStarts(t, p, Date.now() + 6 * 86_400_000, Date.now() + 7 * 86_400_000);
    const booked = (await book(t, p, start as string)).json().data;
    const entry = (await join(client)).json().data;
    await cancel(t, p.org.client.token, booked.id);
    const offer = await waitlist.run((await queued('freed')).find((j) => j.kind === 'freed' && j.starts_at === start)!);
    expect(offer).not.toBeNull();
    expect((await accept(other.client, offer!.id)).statusCode).toBe(404);
    expect(
      (await call(t.app, { method: 'POST', url: `/api/v1/scheduling/waitlist/${entry.id}/leave`, token: other.client.token, payload: {} })).statusCode,
    ).toBe(404);
    expect((await join(other.client)).statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/scheduling/waitlist', token: other.admin.token })).json().data).toEqual([]);
    const left = await call(t.app, { method: 'POST', url: `/api/v1/scheduling/waitlist/${entry.id}/leave`, token: client.token, payload: {} });
    expect(left.json().data.status).toBe('left');
  });

  it('names who waits for the specialist (the read audited) and whom the client waits for (not audited: her own)', async () => {
    const client = await addMember(t, p.org.admin, 'client');
    const joined = await join(client, { session_type_id: p.typeId });
    expect(joined.statusCode, joined.body).toBe(201);
    const mine = (await call(t.app, { method: 'GET', url: '/api/v1/scheduling/waitlist', token: client.token })).json().data;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: joined.json().data.id, session_type_name: 'Individual session', client_name: expect.any(String) });
    expect(mine[0].specialist_name).toEqual(expect.any(String));
    expect(mine[0].specialist_name).not.toBe('');
    const audits = async (userId: string) =>
      (await t.owner.query(`select count(*)::int as n from audit.audit_log where action = 'scheduling.waitlist_list' and actor_user_id = $1`, [userId])).rows[0]
        .n;
    expect(await audits(client.userId)).toBe(0);
    const line = (await call(t.app, { method: 'GET', url: '/api/v1/scheduling/waitlist', token: p.org.specialist.token })).json().data as {
      id: string;
      client_name: string | null;
    }[];
    const theirs = line.find((e) => e.id === joined.json().data.id);
    expect(theirs?.client_name).toEqual(mine[0].client_name);
    expect(await audits(p.org.specialist.userId)).toBeGreaterThanOrEqual(1);
    // Another practice's specialist sees none of it.
    expect((await call(t.app, { method: 'GET', url: '/api/v1/scheduling/waitlist', token: other.specialist.token })).json().data).toEqual([]);
    // Out of the line again, so the next test's freed time goes to its own client.
    const left = await call(t.app, { method: 'POST', url: `/api/v1/scheduling/waitlist/${joined.json().data.id}/leave`, token: client.token, payload: {} });
    expect(left.statusCode).toBe(200);
  });

  it('a client passes on an offered time: the next in line gets it at once, and the first keeps their place', async () => {
    const [first, second] = [await addMember(t, p.org.admin, 'client'), await addMember(t, p.org.admin, 'client')];
    const [start] = await freeStarts(t, p, Date.now() + 4 * 86_400_000, Date.now() + 5 * 86_400_000);
    const booked = await book(t, p, start as string);
    const [firstEntry, secondEntry] = [await join(first), await join(second)];
    const before = (await queued('freed')).length;
    await cancel(t, p.org.client.token, booked.json().data.id);
    const waitlist = await service();
    const offer = await waitlist.run((await queued('freed'))[before]!);
    expect(offer).toMatchObject({ clientUserId: first.userId, status: 'open' });

    // Only the client it was offered to may pass on it; a stranger and another practice get 404, a bad id 400.
    expect((await decline(second, offer!.id)).json().error.code).toBe('SCHEDULING.OFFER_NOT_FOUND');
    expect((await decline(other.client, offer!.id)).statusCode).toBe(404);
    expect((await decline(p.org.specialist, offer!.id)).statusCode).toBe(403);
    expect((await decline(first, 'not-a-uuid')).statusCode).toBe(400);

    const passed = await decline(first, offer!.id);
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().data).toMatchObject({ id: offer!.id, status: 'declined', starts_at: start });
    expect((await decline(first, offer!.id)).json().error.code).toBe('SCHEDULING.OFFER_CLOSED');
    expect((await accept(first, offer!.id)).json().error.code).toBe('SCHEDULING.OFFER_CLOSED');
    const audited = await t.owner.query(`select 1 from audit.audit_log where action = 'scheduling.waitlist_decline' and resource_id = $1`, [offer!.id]);
    expect(audited.rowCount).toBe(1);

    // The time went back out in the decline's transaction and reaches the next in line, not the first again.
    const again = (await queued('freed')).slice(before + 1);
    expect(again).toEqual([expect.objectContaining({ kind: 'freed', starts_at: start })]);
    const next = await waitlist.run(again[0]!);
    expect(next).toMatchObject({ clientUserId: second.userId, status: 'open' });
    const mine = (await call(t.app, { method: 'GET', url: '/api/v1/scheduling/waitlist', token: first.token })).json().data;
    expect(mine).toEqual([expect.objectContaining({ id: firstEntry.json().data.id, status: 'waiting', offer: null })]);
    for (const [client, entry] of [
      [first, firstEntry],
      [second, secondEntry],
    ] as const)
      await call(t.app, { method: 'POST', url: `/api/v1/scheduling/waitlist/${entry.json().data.id}/leave`, token: client.token, payload: {} });
  });

  it("goes with the client's appointments and series when the client is erased", async () => {
    const waitlist = await service();
    const client = await addMember(t, p.org.admin, 'client');
    const [start] = await freeStarts(t, p, Date.now() + 8 * 86_400_000, Date.now() + 9 * 86_400_000);
    const series = await call(t.app, {
      method: 'POST',
      url: '/api/v1/scheduling/series',
      token: client.token,
      payload: { specialist_id: p.org.specialist.userId, session_type_id: p.typeId, starts_at: start, rrule: 'FREQ=WEEKLY;COUNT=2' },
    });
    expect(series.statusCode, series.body).toBe(201);
    const [mine] = await freeStarts(t, p, Date.now() + 10 * 86_400_000, Date.now() + 11 * 86_400_000);
    const booked = (await book(t, p, mine as string)).json().data;
    expect((await join(client)).statusCode).toBe(201);
    await cancel(t, p.org.client.token, booked.id);
    expect(await waitlist.run((await queued('freed')).find((j) => j.kind === 'freed' && j.starts_at === mine)!)).toMatchObject({ clientUserId: client.userId });
    const { systemContext } = await import('../src/platform/db/database');
    const { eraseAppointmentsOf } = await import('../src/modules/scheduling');
    await t.runtime.db.inContext(systemContext, async (tx) => {
      await tx.$client.query(`select set_config('app.erasure', 'on', true)`);
      expect(await eraseAppointmentsOf(tx, p.org.orgId, client.userId)).toBe(2);
    });
    for (const table of ['appointments', 'series', 'waitlist_entries', 'waitlist_offers'])
      expect((await t.owner.query(`select count(*)::int as n from scheduling.${table} where client_user_id = $1`, [client.userId])).rows[0].n, table).toBe(0);
  });
});
