import { sameTimeNextWeek } from '@tend/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf } from './audit.fixtures';
import { moveCase, openCase } from './cases.fixtures';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
let typeId: string;
/** Taken through join, admit and end. */
let ended: { id: string; starts_at: string };
/** Booked, never started. */
let open: { id: string };
/** A zone where it is now daytime, so a slot starts within the waiting-room window whatever the hour the test runs. */
const zone = ['Europe/Kyiv', 'America/New_York', 'Asia/Tokyo'].find((z) => {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: z, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return hour >= 2 && hour < 20;
}) as string;

const req = (method: 'GET' | 'POST', url: string, token: string, payload?: Record<string, unknown>) =>
  call(t.app, { method, url, token, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'After practice');
  caseId = await openCase(t, org.specialist, org.client.userId);
  await moveCase(t, org.specialist, caseId, 'active');
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await call(t.app, {
    method: 'PUT',
    url: '/api/v1/scheduling/availability',
    token: org.specialist.token,
    payload: { timezone: zone, rules: allDay, min_notice_minutes: 0, step_minutes: 15, buffer_after_minutes: 0, horizon_days: 60 },
  });
  typeId = (
    await req('POST', '/api/v1/scheduling/session-types', org.specialist.token, {
      name: 'Video session',
      duration_minutes: 50,
      currency: 'UAH',
      modality: 'video',
    })
  ).json().data.id;
  const now = Date.now();
  const slots = await req(
    'GET',
    `/api/v1/scheduling/slots?specialist_id=${org.specialist.userId}&session_type_id=${typeId}&from=${new Date(now).toISOString()}&to=${new Date(now + 4 * 3_600_000).toISOString()}`,
    org.client.token,
  );
  const starts = (slots.json().data as { start: string }[]).map((s) => s.start);
  const first = starts[0] as string;
  const later = starts.find((s) => Date.parse(s) >= Date.parse(first) + 50 * 60_000) as string;
  const bookAt = async (startsAt: string) => {
    const res = await req('POST', '/api/v1/scheduling/book', org.client.token, {
      specialist_id: org.specialist.userId,
      session_type_id: typeId,
      starts_at: startsAt,
      case_id: caseId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data;
  };
  ended = await bookAt(first);
  open = await bookAt(later);
  const joined = await req('POST', `/api/v1/sessions/${ended.id}/join`, org.client.token, { location: 'UA' });
  expect(joined.statusCode, `${joined.body} ${first}`).toBe(200);
  expect((await req('POST', `/api/v1/sessions/${ended.id}/admit`, org.specialist.token)).statusCode).toBe(200);
});
afterAll(() => t.close());

const after = (id: string, token = org.specialist.token) => req('GET', `/api/v1/sessions/${id}/after`, token);

describe('before the session has ended', () => {
  it('has no after page, no session note and takes no feedback yet (409 SESSION.NOT_ENDED)', async () => {
    for (const res of [
      await after(ended.id),
      await req('POST', `/api/v1/sessions/${ended.id}/note`, org.specialist.token),
      await req('POST', `/api/v1/sessions/${ended.id}/feedback`, org.client.token, { helpful: 8, heard: 9 }),
      await req('POST', `/api/v1/sessions/${open.id}/homework`, org.specialist.token, { title: 'Too early' }),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('SESSION.NOT_ENDED');
    }
  });

  it('ends', async () => {
    const res = await req('POST', `/api/v1/sessions/${ended.id}/end`, org.specialist.token);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('asks the client for feedback: an in-app notification linking to the feedback page', async () => {
    const inbox = (await req('GET', '/api/v1/notifications', org.client.token)).json().data as { kind: string; link: string | null }[];
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'session.feedback_requested', link: `/sessions/${ended.id}/feedback` }));
  });
});

describe('the after page', () => {
  it("shows the case, SOAP while the case has no notes, no note yet, next week's slot free at the same local time; audited", async () => {
    const res = await after(ended.id);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data.case.id).toBe(caseId);
    expect(data.client.id).toBe(org.client.userId);
    expect(data.template.id).toBe('soap');
    expect(data.note_id).toBeNull();
    expect(data.homework).toEqual([]);
    expect(data.feedback).toBeNull();
    const expected = new Date(sameTimeNextWeek(Date.parse(ended.starts_at), zone)).toISOString();
    expect(data.next_slot).toMatchObject({ starts_at: expected, timezone: zone, session_type_id: typeId, free: true });
    expect(data.next_slot.local_start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const audit = await auditRowsOf(t, res.headers['x-request-id']);
    expect(audit.map((a) => a.action)).toContain('session.after_read');
  });

  it("offers the case's last used template", async () => {
    const note = await req('POST', `/api/v1/cases/${caseId}/notes`, org.specialist.token, { template_id: 'birp', content: {} });
    expect(note.statusCode, note.body).toBe(201);
    expect((await after(ended.id)).json().data.template.id).toBe('birp');
  });

  it('starts the draft note from that template, linked to the session; a second call returns the same draft', async () => {
    const first = await req('POST', `/api/v1/sessions/${ended.id}/note`, org.specialist.token);
    expect(first.statusCode, first.body).toBe(200);
    const note = first.json().data;
    expect(note).toMatchObject({ case_id: caseId, status: 'draft', template: { id: 'birp' } });
    expect(note.sections.map((s: { key: string }) => s.key)).toEqual(['behavior', 'intervention', 'response', 'plan']);
    expect(note.session_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await req('POST', `/api/v1/sessions/${ended.id}/note`, org.specialist.token);
    expect(again.json().data.id).toBe(note.id);
    const [a, b] = await Promise.all([
      req('POST', `/api/v1/sessions/${ended.id}/note`, org.specialist.token),
      req('POST', `/api/v1/sessions/${ended.id}/note`, org.specialist.token),
    ]);
    expect([a.json().data.id, b.json().data.id]).toEqual([note.id, note.id]);
    expect((await after(ended.id)).json().data.note_id).toBe(note.id);
    const notes = await req('GET', `/api/v1/cases/${caseId}/notes`, org.specialist.token);
    expect(notes.json().data.filter((n: { id: string }) => n.id === note.id)).toHaveLength(1);
  });

  it('says when next week’s slot is taken', async () => {
    const data = (await after(ended.id)).json().data;
    const booked = await req('POST', '/api/v1/scheduling/book', org.specialist.token, {
      specialist_id: org.specialist.userId,
      session_type_id: typeId,
      starts_at: data.next_slot.starts_at,
      client_user_id: org.client.userId,
      case_id: caseId,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect((await after(ended.id)).json().data.next_slot.free).toBe(false);
  });

  it('is only for the session’s specialist: the client gets 403, another specialist of the practice 404', async () => {
    const client = await after(ended.id, org.client.token);
    expect(client.statusCode).toBe(403);
    const colleague = await addMember(t, org.admin, 'specialist');
    for (const res of [await after(ended.id, colleague.token), await req('POST', `/api/v1/sessions/${ended.id}/note`, colleague.token)]) {
      expect(res.statusCode, res.body).toBe(404);
    }
  });
});

describe('homework', () => {
  let homeworkId: string;
  it('is given from the session, encrypted at rest, and shows on the case timeline', async () => {
    const res = await req('POST', `/api/v1/sessions/${ended.id}/homework`, org.specialist.token, {
      title: 'Sleep diary',
      instructions: 'Write down when you go to bed and wake up.',
      due_date: '2030-01-08',
    });
    expect(res.statusCode, res.body).toBe(201);
    const hw = res.json().data;
    homeworkId = hw.id;
    expect(hw).toMatchObject({ case_id: caseId, session_id: ended.id, title: 'Sleep diary', due_date: '2030-01-08', done_at: null });
    const raw = await t.owner.query<{ title_ciphertext: Buffer }>('select title_ciphertext from selfcare.homework where id = $1', [hw.id]);
    expect(raw.rows[0]?.title_ciphertext.toString('utf8')).not.toContain('Sleep diary');
    const history = await req('GET', `/api/v1/cases/${caseId}/history`, org.specialist.token);
    const event = history.json().data.find((e: { kind: string }) => e.kind === 'homework_assigned');
    expect(event.data).toMatchObject({ homework_id: hw.id, session_id: ended.id, due_date: '2030-01-08' });
    expect((await after(ended.id)).json().data.homework.map((h: { id: string }) => h.id)).toEqual([hw.id]);
  });

  it('refuses bad input with 400 and field paths', async () => {
    for (const payload of [{}, { title: '   ' }, { title: 'x', due_date: '8 Jan' }, { title: 'x', extra: 1 }, { title: 'x'.repeat(201) }]) {
      const res = await req('POST', `/api/v1/sessions/${ended.id}/homework`, org.specialist.token, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('REQUEST.VALIDATION');
    }
  });

  it('is given only by the session’s specialist', async () => {
    const res = await req('POST', `/api/v1/sessions/${ended.id}/homework`, org.client.token, { title: 'Self-assigned' });
    expect(res.statusCode).toBe(403);
  });

  it('the client lists it and ticks it off, and can untick it', async () => {
    const list = await req('GET', '/api/v1/homework', org.client.token);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data).toEqual([
      expect.objectContaining({ id: homeworkId, title: 'Sleep diary', instructions: 'Write down when you go to bed and wake up.' }),
    ]);
    const done = await req('POST', `/api/v1/homework/${homeworkId}/done`, org.client.token);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().data.done_at).not.toBeNull();
    const undone = await req('POST', `/api/v1/homework/${homeworkId}/done`, org.client.token, { done: false });
    expect(undone.json().data.done_at).toBeNull();
    expect((await req('POST', `/api/v1/homework/${homeworkId}/done`, org.client.token, { done: 'yes' })).statusCode).toBe(400);
  });

  it('another client of the practice neither sees nor ticks it (404)', async () => {
    const other: Session = await addMember(t, org.admin, 'client');
    expect((await req('GET', '/api/v1/homework', other.token)).json().data).toEqual([]);
    const res = await req('POST', `/api/v1/homework/${homeworkId}/done`, other.token);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('HOMEWORK.NOT_FOUND');
  });
});

describe('client feedback', () => {
  it('is not given by the specialist (403) nor on a session that has not ended (409)', async () => {
    const bySpecialist = await req('POST', `/api/v1/sessions/${ended.id}/feedback`, org.specialist.token, { helpful: 5, heard: 5 });
    expect(bySpecialist.statusCode).toBe(403);
    const early = await req('POST', `/api/v1/sessions/${open.id}/feedback`, org.client.token, { helpful: 5, heard: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('SESSION.NOT_ENDED');
  });

  it('refuses answers outside 0–10 and unknown fields', async () => {
    for (const payload of [
      { helpful: 11, heard: 5 },
      { helpful: -1, heard: 5 },
      { helpful: 5 },
      { helpful: 5.5, heard: 5 },
      { helpful: 5, heard: 5, phq9: 3 },
    ]) {
      const res = await req('POST', `/api/v1/sessions/${ended.id}/feedback`, org.client.token, payload);
      expect(res.statusCode, res.body).toBe(400);
    }
  });

  it('is given once by the client (a second time is 409), and the specialist reads it on the after page and the case (audited)', async () => {
    const res = await req('POST', `/api/v1/sessions/${ended.id}/feedback`, org.client.token, { helpful: 8, heard: 9, comment: 'Useful, thank you' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ session_id: ended.id, helpful: 8, heard: 9, comment: 'Useful, thank you' });
    const twice = await req('POST', `/api/v1/sessions/${ended.id}/feedback`, org.client.token, { helpful: 1, heard: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('SESSION.FEEDBACK_GIVEN');

    expect((await after(ended.id)).json().data.feedback).toMatchObject({ helpful: 8, heard: 9, comment: 'Useful, thank you' });
    const read = await req('GET', `/api/v1/sessions/${ended.id}/feedback`, org.specialist.token);
    expect(read.json().data.feedback.helpful).toBe(8);
    expect((await auditRowsOf(t, read.headers['x-request-id'])).map((a) => a.action)).toContain('session.feedback_read');
    const ofCase = await req('GET', `/api/v1/cases/${caseId}/session-feedback`, org.specialist.token);
    expect(ofCase.json().data).toEqual([expect.objectContaining({ session_id: ended.id, comment: 'Useful, thank you' })]);
    expect((await auditRowsOf(t, ofCase.headers['x-request-id'])).map((a) => a.action)).toContain('session.feedback_list');
    expect((await req('GET', `/api/v1/sessions/${ended.id}/feedback`, org.client.token)).json().data.feedback.heard).toBe(9);
  });

  it('is not the org admin’s to read (the care team only)', async () => {
    expect((await req('GET', `/api/v1/cases/${caseId}/session-feedback`, org.admin.token)).statusCode).toBe(403);
  });
});

describe('tenancy: another organization gets 404 on every after-session route', () => {
  it("answers 404 to org B's members wherever their role may use the route (403 where it may not), and changes nothing", async () => {
    const other = await buildOrg(t, 'Other practice');
    const homework = (await req('GET', '/api/v1/homework', org.client.token)).json().data[0].id as string;
    const staffOnly = ['specialist'];
    const routes = [
      { method: 'GET', url: `/api/v1/sessions/${ended.id}/after`, roles: staffOnly },
      { method: 'POST', url: `/api/v1/sessions/${ended.id}/note`, roles: staffOnly },
      { method: 'POST', url: `/api/v1/sessions/${ended.id}/homework`, payload: { title: 'Hijack' }, roles: staffOnly },
      { method: 'POST', url: `/api/v1/sessions/${ended.id}/feedback`, payload: { helpful: 0, heard: 0 }, roles: null },
      { method: 'GET', url: `/api/v1/sessions/${ended.id}/feedback`, roles: null },
      { method: 'GET', url: `/api/v1/cases/${caseId}/session-feedback`, roles: null },
      { method: 'POST', url: `/api/v1/homework/${homework}/done`, payload: { done: false }, roles: ['client'] },
    ] as const;
    const members = [
      ['specialist', other.specialist],
      ['org_admin', other.admin],
      ['supervisor', other.supervisor],
      ['client', other.client],
    ] as const;
    for (const [role, who] of members) {
      for (const route of routes) {
        const res = await req(route.method, route.url, who.token, 'payload' in route ? route.payload : undefined);
        const expected = route.roles === null || (route.roles as readonly string[]).includes(role) ? 404 : 403;
        expect(res.statusCode, `${role} ${route.method} ${route.url}: ${res.body}`).toBe(expected);
        expect(res.json().success).toBe(false);
      }
    }
    const still = (await req('GET', '/api/v1/homework', org.client.token)).json().data[0];
    expect(still.title).toBe('Sleep diary');
    expect((await req('GET', `/api/v1/sessions/${ended.id}/feedback`, org.specialist.token)).json().data.feedback.helpful).toBe(8);
    const notes = (await req('GET', `/api/v1/cases/${caseId}/notes`, org.specialist.token)).json().data as unknown[];
    expect(notes).toHaveLength(2);
  });
});
