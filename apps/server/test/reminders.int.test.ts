import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemindersService } from '../src/modules/scheduling';
import { call, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let typeId: string;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Reminder practice');
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
  await call(t.app, {
    method: 'PUT',
    url: '/api/v1/scheduling/availability',
    token: org.specialist.token,
    payload: { timezone: 'Europe/Kyiv', rules: allDay, min_notice_minutes: 0, step_minutes: 60 },
  });
  typeId = (
    await call(t.app, {
      method: 'POST',
      url: '/api/v1/scheduling/session-types',
      token: org.specialist.token,
      payload: { name: 'Individual session', duration_minutes: 50, currency: 'UAH', modality: 'video' },
    })
  ).json().data.id;
});
afterAll(() => t.close());

const reminders = async () => {
  const { createNotificationsService } = await import('../src/modules/notifications/notifications.service');
  return createRemindersService({
    db: t.runtime.db,
    crypto: t.runtime.crypto,
    jobs: t.runtime.jobs,
    mailer: t.runtime.mailer,
    notifications: createNotificationsService({ db: t.runtime.db, relay: t.runtime.relay, jobs: t.runtime.jobs }),
    publicUrl: 'http://tend.test',
  });
};
async function bookDaysAhead(days: number) {
  const from = new Date(Date.now() + days * 86_400_000);
  const slots = await call(t.app, {
    method: 'GET',
    url: `/api/v1/scheduling/slots?specialist_id=${org.specialist.userId}&session_type_id=${typeId}&from=${from.toISOString()}&to=${new Date(from.getTime() + 86_400_000).toISOString()}`,
    token: org.client.token,
  });
  const res = await call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/book',
    token: org.client.token,
    payload: { specialist_id: org.specialist.userId, session_type_id: typeId, starts_at: slots.json().data[0].start },
  });
  expect(res.statusCode).toBe(201);
  return res.json().data as { id: string; starts_at: string; ends_at: string };
}
const jobsOf = (id: string) =>
  t.owner.query<{ kind: string; start_after: Date; data: { appointment_id: string; starts_at: string; kind: 'email_24h' } }>(
    `select data->>'kind' as kind, start_after, data from pgboss.job where name = 'scheduling.reminder' and data->>'appointment_id' = $1 order by start_after`,
    [id],
  );

describe('reminders', () => {
  it('are queued in the booking transaction at −24 h, −1 h, −15 min and −5 min, each sent once, with an .ics that parses', async () => {
    const a = await bookDaysAhead(2);
    const jobs = await jobsOf(a.id);
    const start = Date.parse(a.starts_at);
    expect(jobs.rows.map((j) => [j.kind, (start - new Date(j.start_after).getTime()) / 60_000])).toEqual([
      ['email_24h', 1440],
      ['inapp_1h', 60],
      ['checkin_15m', 15],
      ['device_check_5m', 5],
    ]);
    const service = await reminders();
    const email = jobs.rows[0]!.data;
    expect(await service.send(email)).toBe('sent');
    expect(await service.send(email)).toBe('skipped'); // a retried job sends nothing twice
    const { systemContext } = await import('../src/platform/db/database');
    const mails = await t.runtime.db.inContext(systemContext, (tx) => t.runtime.mailer.list(tx, 20, 0));
    const mine = mails.items.filter((m) => m.to === org.client.email && m.calendar);
    expect(mine).toHaveLength(1);
    const vevent = new ICAL.Component(ICAL.parse(mine[0]!.calendar as string)).getFirstSubcomponent('vevent') as ICAL.Component;
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(a.starts_at).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(a.ends_at).toISOString());
    expect(event.uid).toBe(`${a.id}@tend`);

    expect(await service.send({ ...jobs.rows[1]!.data, kind: 'inapp_1h' })).toBe('sent');
    const inbox = await call(t.app, { method: 'GET', url: '/api/v1/notifications', token: org.client.token });
    expect(inbox.json().data[0]).toMatchObject({ kind: 'session.reminder', link: `/sessions/${a.id}` });
  });

  it('are not sent for a cancelled or moved session', async () => {
    const a = await bookDaysAhead(3);
    const jobs = (await jobsOf(a.id)).rows;
    const service = await reminders();
    expect(await service.send({ ...jobs[0]!.data, starts_at: new Date(Date.parse(a.starts_at) + 3_600_000).toISOString() })).toBe('skipped');
    await call(t.app, { method: 'POST', url: `/api/v1/scheduling/appointments/${a.id}/cancel`, token: org.client.token, payload: {} });
    expect(await service.send(jobs[1]!.data)).toBe('skipped');
  });

  it('move with a rescheduled session: the old ones skip, the new ones are queued in its transaction and each sent once', async () => {
    const a = await bookDaysAhead(6);
    const service = await reminders();
    const old = (await jobsOf(a.id)).rows;
    expect(await service.send(old[0]!.data)).toBe('sent'); // the −24 h email for the first time went out
    const next = new Date(Date.now() + 7 * 86_400_000);
    const open = await call(t.app, {
      method: 'GET',
      url: `/api/v1/scheduling/slots?specialist_id=${org.specialist.userId}&session_type_id=${typeId}&from=${next.toISOString()}&to=${new Date(next.getTime() + 86_400_000).toISOString()}`,
      token: org.client.token,
    });
    const target = open.json().data[0].start as string;
    const moved = await call(t.app, {
      method: 'POST',
      url: `/api/v1/scheduling/appointments/${a.id}/reschedule`,
      token: org.client.token,
      payload: { starts_at: target },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const jobs = (await jobsOf(a.id)).rows;
    const fresh = jobs.filter((j) => j.data.starts_at === target);
    expect(fresh.map((j) => [j.kind, (Date.parse(target) - new Date(j.start_after).getTime()) / 60_000])).toEqual([
      ['email_24h', 1440],
      ['inapp_1h', 60],
      ['checkin_15m', 15],
      ['device_check_5m', 5],
    ]);
    for (const stale of old) expect(await service.send(stale.data)).toBe('skipped');
    for (const job of fresh) {
      expect(await service.send(job.data)).toBe('sent');
      expect(await service.send(job.data)).toBe('skipped');
    }
    // A refused move changes nothing and queues nothing.
    const refused = await call(t.app, {
      method: 'POST',
      url: `/api/v1/scheduling/appointments/${a.id}/reschedule`,
      token: org.client.token,
      payload: { starts_at: '2020-01-01T09:00:00Z' },
    });
    expect(refused.statusCode).toBe(400);
    expect((await jobsOf(a.id)).rows).toHaveLength(jobs.length);
    // Seen from 30 minutes before the new start (the clock the service takes), only the last two remain.
    const { systemContext } = await import('../src/platform/db/database');
    const { schedulingRepository } = await import('../src/modules/scheduling/scheduling.repository');
    const row = await t.runtime.db.inContext(systemContext, (tx) => schedulingRepository.appointment(tx, a.id));
    expect(await t.runtime.db.inContext(systemContext, (tx) => service.schedule(tx, row!, Date.parse(target) - 30 * 60_000))).toBe(2);
  });

  it('skip the ones already past when a session is booked late', async () => {
    const service = await reminders();
    const a = await bookDaysAhead(4);
    const { systemContext } = await import('../src/platform/db/database');
    const row = await t.runtime.db.inContext(systemContext, async (tx) => {
      const { schedulingRepository } = await import('../src/modules/scheduling/scheduling.repository');
      return schedulingRepository.appointment(tx, a.id);
    });
    // The same booking seen from 20 minutes before its start: only the check-in and device check remain.
    const queued = await t.runtime.db.inContext(systemContext, (tx) => service.schedule(tx, row!, Date.parse(a.starts_at) - 20 * 60_000));
    expect(queued).toBe(2);
  });
});

describe('calendar feed', () => {
  it('gives each specialist a secret iCalendar URL without client names; rotating it revokes the old one', async () => {
    await bookDaysAhead(5);
    const res = await call(t.app, { method: 'GET', url: '/api/v1/scheduling/calendar-feed', token: org.specialist.token });
    const path = new URL(res.json().data.url).pathname;
    const feed = await call(t.app, { method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary === 'Individual session')).toBe(true);
    expect(feed.body).not.toContain('A client');
    const rotated = await call(t.app, { method: 'GET', url: '/api/v1/scheduling/calendar-feed?rotate=true', token: org.specialist.token });
    expect(new URL(rotated.json().data.url).pathname).not.toBe(path);
    expect((await call(t.app, { method: 'GET', url: path })).statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/calendar/not-a-token.ics' })).json().error.code).toBe('REQUEST.NOT_FOUND');
    expect((await call(t.app, { method: 'GET', url: '/api/v1/scheduling/calendar-feed', token: org.client.token })).statusCode).toBe(403);
  });

  it('POST …/calendar-feed/rotate issues a new URL (audited), after which the old one answers 404; clients may not', async () => {
    const before = new URL((await call(t.app, { method: 'GET', url: '/api/v1/scheduling/calendar-feed', token: org.specialist.token })).json().data.url)
      .pathname;
    const rotated = await call(t.app, { method: 'POST', url: '/api/v1/scheduling/calendar-feed/rotate', token: org.specialist.token });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const after = new URL(rotated.json().data.url).pathname;
    expect(after).not.toBe(before);
    expect((await call(t.app, { method: 'GET', url: before })).statusCode).toBe(404);
    const fresh = await call(t.app, { method: 'GET', url: after });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers['content-type']).toMatch(/^text\/calendar/);
    // Asking again without rotating keeps the new URL.
    expect(new URL((await call(t.app, { method: 'GET', url: '/api/v1/scheduling/calendar-feed', token: org.specialist.token })).json().data.url).pathname).toBe(
      after,
    );
    const audit = await t.owner.query(
      `select details from audit.audit_log where action = 'scheduling.calendar_feed_issue' and resource_id = $1 order by seq desc limit 1`,
      [org.specialist.userId],
    );
    expect(audit.rows[0].details).toMatchObject({ rotated: true });
    const refused = await call(t.app, { method: 'POST', url: '/api/v1/scheduling/calendar-feed/rotate', token: org.client.token });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ success: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
