import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPractice } from '../src/seed/demo';
import { call, createTestApp, login, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo practice seed', () => {
  it('makes both specialists bookable: weekdays 09:00–17:00 Kyiv, a video and an in-person type in UAH', async () => {
    const accounts = await seedDemoPractice(t.runtime, 'seed-test-password');
    expect(accounts).not.toBeNull();
    const client = await login(t.app, 'client1@demo.tend.local', 'seed-test-password');
    const specialists = await t.owner.query<{ id: string }>(
      `select m.user_id as id from identity.memberships m where m.role = 'specialist' order by m.created_at`,
    );
    expect(specialists.rows).toHaveLength(2);
    for (const { id } of specialists.rows) {
      const hours = (await call(t.app, { method: 'GET', url: `/api/v1/scheduling/availability?specialist_id=${id}`, token: client.token })).json().data;
      expect(hours.timezone).toBe('Europe/Kyiv');
      expect(hours.rules).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })));
      const types = (await call(t.app, { method: 'GET', url: `/api/v1/scheduling/session-types?specialist_id=${id}`, token: client.token })).json().data;
      expect(types.map((x: { modality: string; duration_minutes: number; currency: string }) => [x.modality, x.duration_minutes, x.currency]).sort()).toEqual([
        ['in_person', 50, 'UAH'],
        ['video', 50, 'UAH'],
      ]);
    }
    // The first specialist can be booked by a demo client straight away.
    const id = specialists.rows[0]!.id;
    const types = (await call(t.app, { method: 'GET', url: `/api/v1/scheduling/session-types?specialist_id=${id}`, token: client.token })).json().data;
    const from = new Date(Date.now() + 86_400_000);
    const to = new Date(Date.now() + 8 * 86_400_000);
    const slots = await call(t.app, {
      method: 'GET',
      url: `/api/v1/scheduling/slots?specialist_id=${id}&session_type_id=${types[0].id}&from=${from.toISOString()}&to=${to.toISOString()}`,
      token: client.token,
    });
    expect(slots.json().data.length).toBeGreaterThan(20);
    const booked = await call(t.app, {
      method: 'POST',
      url: '/api/v1/scheduling/book',
      token: client.token,
      payload: { specialist_id: id, session_type_id: types[0].id, starts_at: slots.json().data[0].start },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    // A second run changes nothing.
    expect(await seedDemoPractice(t.runtime, 'seed-test-password')).toBeNull();
  });
});
