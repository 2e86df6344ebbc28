import { expect } from 'vitest';
import { call, type TestApp } from './harness';
import type { BuiltOrg } from './tenancy.fixtures';

export type Practice = { org: BuiltOrg; typeId: string };
export type BookedAppointment = {
  id: string;
  starts_at: string;
  ends_at: string;
  late_cancellation: boolean;
  late_reschedule: boolean;
  series_id: string | null;
};

/** Gives the org's specialist availability (Europe/Kyiv unless told) and one 50-minute session type. */
export async function openPractice(t: TestApp, org: BuiltOrg, availability: Record<string, unknown>): Promise<Practice> {
  const set = await call(t.app, {
    method: 'PUT',
    url: '/api/v1/scheduling/availability',
    token: org.specialist.token,
    payload: { timezone: 'Europe/Kyiv', ...availability },
  });
  expect(set.statusCode, set.body).toBe(200);
  const type = await call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/session-types',
    token: org.specialist.token,
    payload: { name: 'Individual session', duration_minutes: 50, price_minor: 120000, currency: 'UAH', modality: 'video' },
  });
  return { org, typeId: type.json().data.id };
}

export const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

export async function freeStarts(t: TestApp, p: Practice, from: number, to: number, token = p.org.client.token): Promise<string[]> {
  const res = await call(t.app, {
    method: 'GET',
    url: `/api/v1/scheduling/slots?specialist_id=${p.org.specialist.userId}&session_type_id=${p.typeId}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
    token,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data as { start: string }[]).map((s) => s.start);
}

export const book = (t: TestApp, p: Practice, startsAt: string, token = p.org.client.token) =>
  call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/book',
    token,
    payload: { specialist_id: p.org.specialist.userId, session_type_id: p.typeId, starts_at: startsAt },
  });

export async function bookFirstFree(t: TestApp, p: Practice, daysAhead: number): Promise<BookedAppointment> {
  const from = Date.now() + daysAhead * 86_400_000;
  const [start] = await freeStarts(t, p, from, from + 86_400_000);
  const res = await book(t, p, start as string);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}

export const reschedule = (t: TestApp, token: string, id: string, startsAt: string) =>
  call(t.app, { method: 'POST', url: `/api/v1/scheduling/appointments/${id}/reschedule`, token, payload: { starts_at: startsAt } });

export const cancel = (t: TestApp, token: string, id: string, payload: Record<string, unknown> = {}) =>
  call(t.app, { method: 'POST', url: `/api/v1/scheduling/appointments/${id}/cancel`, token, payload });

export async function inbox(t: TestApp, token: string): Promise<{ kind: string; data: Record<string, unknown> }[]> {
  return (await call(t.app, { method: 'GET', url: '/api/v1/notifications', token })).json().data;
}
