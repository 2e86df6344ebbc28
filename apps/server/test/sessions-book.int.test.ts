import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from './cases.fixtures';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { everyDay, freeStarts, openPractice, type Practice } from './scheduling.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let p: Practice;
let other: BuiltOrg;
let strangerClient: Session;
beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrg(t, 'Sessions booking practice');
  p = await openPractice(t, org, { rules: everyDay('09:00', '17:00'), min_notice_minutes: 60, horizon_days: 30 });
  await openCase(t, org.specialist, org.client.userId);
  // A client of the same practice with no case with this specialist.
  strangerClient = await addMember(t, org.admin, 'client');
  other = await buildOrg(t, 'Another practice');
});
afterAll(() => t.close());

const bookSession = (token: string, payload: Record<string, unknown>) => call(t.app, { method: 'POST', url: '/api/v1/sessions', token, payload });
const body = (startsAt: string, extra: Record<string, unknown> = {}) => ({
  specialist_id: p.org.specialist.userId,
  session_type_id: p.typeId,
  starts_at: startsAt,
  client_user_id: p.org.client.userId,
  ...extra,
});
const count = async () => Number((await t.owner.query('select count(*) from scheduling.appointments')).rows[0].count);

describe('POST /api/v1/sessions', () => {
  it('books a session for a client of the caseload through the booking rules, and the slot is then taken', async () => {
    const from = Date.now() + 2 * 86_400_000;
    const [start, second] = await freeStarts(t, p, from, from + 86_400_000);
    const res = await bookSession(p.org.specialist.token, body(start as string));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ client_id: p.org.client.userId, specialist_id: p.org.specialist.userId, status: 'scheduled' });
    expect(await freeStarts(t, p, from, from + 86_400_000)).not.toContain(start);
    const again = await bookSession(p.org.specialist.token, body(start as string));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SCHEDULING.SLOT_TAKEN');
    // An org admin may book any client of the practice.
    const byAdmin = await bookSession(p.org.admin.token, body(second as string));
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    // Both people see it in their lists, with whom it is.
    for (const token of [p.org.specialist.token, p.org.client.token]) {
      const list = await call(t.app, {
        method: 'GET',
        url: `/api/v1/scheduling/appointments?from=${new Date(from).toISOString()}&to=${new Date(from + 86_400_000).toISOString()}`,
        token,
      });
      const mine = (list.json().data as { id: string; client_name: string; specialist_name: string }[]).find((a) => a.id === res.json().data.id);
      expect(mine?.client_name).toBeTruthy();
      expect(mine?.specialist_name).toBeTruthy();
    }
  });

  it('names a bookable specialist to any client of the practice, and to nobody outside it', async () => {
    const url = `/api/v1/scheduling/availability?specialist_id=${p.org.specialist.userId}`;
    // strangerClient has no case with this specialist: the booking page still names them.
    const seen = await call(t.app, { method: 'GET', url, token: strangerClient.token });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().data.specialist_name).toMatch(/\S/);
    expect(seen.json().data.specialist_name).not.toBe('[erased]');
    expect((await call(t.app, { method: 'GET', url, token: other.client.token })).statusCode).toBe(404);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const before = await count();
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    const cases: [Record<string, unknown>, number, string][] = [
      [body(new Date(Date.now() - 3_600_000).toISOString()), 400, 'SCHEDULING.IN_PAST'],
      [body(soon), 400, 'SCHEDULING.TOO_SOON'],
      [body(new Date(Date.now() + 40 * 86_400_000).toISOString()), 400, 'SCHEDULING.BEYOND_HORIZON'],
      [body('next tuesday'), 400, 'REQUEST.VALIDATION'],
      [{ ...body(new Date(Date.now() + 2 * 86_400_000).toISOString()), client_user_id: undefined }, 400, 'REQUEST.VALIDATION'],
      [body(new Date(Date.now() + 2 * 86_400_000).toISOString(), { extra: true }), 400, 'REQUEST.VALIDATION'],
      [body(new Date(Date.now() + 2 * 86_400_000).toISOString(), { client_user_id: strangerClient.userId }), 404, 'SCHEDULING.CLIENT_NOT_IN_CASELOAD'],
      [
        body(new Date(Date.now() + 2 * 86_400_000).toISOString(), { session_type_id: '01900000-0000-7000-8000-000000000000' }),
        404,
        'SCHEDULING.SESSION_TYPE_NOT_FOUND',
      ],
    ];
    for (const [payload, status, code] of cases) {
      const res = await bookSession(p.org.specialist.token, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code, JSON.stringify(payload)).toBe(code);
    }
    // A client books through /scheduling/book, not here.
    const byClient = await bookSession(p.org.client.token, body(new Date(Date.now() + 2 * 86_400_000).toISOString()));
    expect(byClient.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it("answers 404 to another org's specialist and admin, and to booking another org's client", async () => {
    const before = await count();
    const from = Date.now() + 3 * 86_400_000;
    const [start] = await freeStarts(t, p, from, from + 86_400_000);
    for (const token of [other.specialist.token, other.admin.token]) {
      const res = await bookSession(token, body(start as string));
      expect(res.statusCode, res.body).toBe(404);
    }
    const foreignClient = await bookSession(p.org.specialist.token, body(start as string, { client_user_id: other.client.userId }));
    expect(foreignClient.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});
