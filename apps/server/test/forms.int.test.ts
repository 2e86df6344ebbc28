import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, type TestApp, createTestApp, latestLinkToken } from './harness';
import { openCase } from './cases.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
let formId: string;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Forms practice');
  caseId = await openCase(t, org.specialist, org.client.userId);
  const form = await call(t.app, {
    method: 'POST',
    url: '/api/v1/forms',
    token: org.specialist.token,
    payload: {
      title: 'Intake questionnaire',
      fields: [
        { key: 'reason', label: 'What brings you here?', type: 'long_text', required: true },
        { key: 'mood', label: 'Mood today', type: 'scale', min: 0, max: 10, required: true },
        { key: 'therapy_before', label: 'Have you had therapy before?', type: 'yes_no' },
        { key: 'topics', label: 'Topics', type: 'multi_choice', options: ['sleep', 'work', 'family'] },
        { key: 'consent', label: 'I have read the practice policy', type: 'signature', required: true },
      ],
    },
  });
  formId = form.json().data.id;
});
afterAll(() => t.close());

const send = () => call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/forms`, token: org.specialist.token, payload: { form_id: formId } });
/** The assignment as stored, ciphertexts and all: equal before and after means a request changed nothing. */
const assignmentRow = async (id: string) => (await t.owner.query('select f::text as row from clinical.form_assignments f where id = $1', [id])).rows;

describe('intake forms', () => {
  it('a specialist sends a form, the client saves, resumes, signs and submits; the signature records name, time, IP and a hash', async () => {
    const sent = await send();
    expect(sent.statusCode).toBe(201);
    const id = sent.json().data.id;
    expect(sent.json().data).toMatchObject({ status: 'sent', title: 'Intake questionnaire', answers: {} });
    // The client got an email with a link to the form, and nothing in it about their care.
    const { systemContext } = await import('../src/platform/db/database');
    const mails = await t.runtime.db.inContext(systemContext, (tx) => t.runtime.mailer.list(tx, 50, 0));
    const mail = mails.items.find((m) => m.to === org.client.email && m.text.includes(`/forms/${id}`));
    expect(mail?.subject).toMatch(/form|форма/);
    expect(mail?.text).not.toContain('Intake questionnaire');
    const mine = await call(t.app, { method: 'GET', url: '/api/v1/my/forms', token: org.client.token });
    expect(mine.json().data.map((f: { id: string }) => f.id)).toEqual([id]);

    const save = await call(t.app, {
      method: 'PATCH',
      url: `/api/v1/form-assignments/${id}`,
      token: org.client.token,
      payload: { answers: { reason: 'Trouble sleeping since the war started' } },
    });
    expect(save.json().data).toMatchObject({ status: 'in_progress', answers: { reason: 'Trouble sleeping since the war started' } });
    const resumed = await call(t.app, { method: 'GET', url: `/api/v1/form-assignments/${id}`, token: org.client.token });
    expect(resumed.json().data.answers.reason).toBe('Trouble sleeping since the war started');

    const draft = await assignmentRow(id);
    const incomplete = await call(t.app, {
      method: 'POST',
      url: `/api/v1/form-assignments/${id}/submit`,
      token: org.client.token,
      payload: { signature_name: 'Test Client' },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error).toMatchObject({ code: 'FORM.INCOMPLETE', details: { missing: ['mood'] } });
    // Refused with answers of its own, a submit must not overwrite the saved draft either.
    const incompleteWithAnswers = await call(t.app, {
      method: 'POST',
      url: `/api/v1/form-assignments/${id}/submit`,
      token: org.client.token,
      payload: { answers: { reason: 'A different reason', therapy_before: true }, signature_name: 'Test Client' },
    });
    expect(incompleteWithAnswers.json().error).toMatchObject({ code: 'FORM.INCOMPLETE', details: { missing: ['mood'] } });
    expect(await assignmentRow(id)).toEqual(draft);
    const unchanged = (await call(t.app, { method: 'GET', url: `/api/v1/form-assignments/${id}`, token: org.client.token })).json().data;
    expect(unchanged).toMatchObject({ status: 'in_progress', submitted_at: null, signature: null });
    expect(unchanged.answers).toEqual({ reason: 'Trouble sleeping since the war started' });
    const answers = { reason: 'Trouble sleeping', mood: 4, therapy_before: false, topics: ['sleep'] };
    const unsigned = await call(t.app, { method: 'POST', url: `/api/v1/form-assignments/${id}/submit`, token: org.client.token, payload: { answers } });
    expect(unsigned.json().error.code).toBe('FORM.SIGNATURE_REQUIRED');

    const submitted = await call(t.app, {
      method: 'POST',
      url: `/api/v1/form-assignments/${id}/submit`,
      token: org.client.token,
      payload: { answers, signature_name: 'Iryna Bondar' },
      remoteAddress: '203.0.113.7',
    });
    expect(submitted.statusCode).toBe(200);
    const body = submitted.json().data;
    expect(body).toMatchObject({ status: 'submitted', answers, signature: { name: 'Iryna Bondar', ip: '203.0.113.7' } });
    expect(body.signature.hash).toMatch(/^[0-9a-f]{64}$/);

    const again = await call(t.app, { method: 'PATCH', url: `/api/v1/form-assignments/${id}`, token: org.client.token, payload: { answers: { mood: 9 } } });
    expect(again.json().error.code).toBe('FORM.ALREADY_SUBMITTED');
    await expect(t.owner.query(`update clinical.form_assignments set status = 'sent' where id = $1`, [id])).rejects.toThrow(/never changes/);

    const onCase = await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/forms`, token: org.specialist.token });
    expect(onCase.json().data[0]).toMatchObject({ id, status: 'submitted', answers });
    const stored = (await t.owner.query('select f::text as row from clinical.form_assignments f where id = $1', [id])).rows[0].row;
    expect(stored).not.toContain('Trouble sleeping');
    expect(stored).not.toContain('Iryna Bondar');
  });

  it('rejects wrong answers and other people, and changes nothing', async () => {
    const id = (await send()).json().data.id;
    const attempts: [Record<string, unknown>, string][] = [
      [{ answers: { mood: 11 } }, 'FORM.INVALID_ANSWER'],
      [{ answers: { topics: ['sleep', 'aliens'] } }, 'FORM.INVALID_ANSWER'],
      [{ answers: { therapy_before: 'maybe' } }, 'FORM.INVALID_ANSWER'],
      [{ answers: { unknown_field: 'x' } }, 'FORM.INVALID_ANSWER'],
      [{ answers: { reason: 'x'.repeat(20_001) } }, 'REQUEST.VALIDATION'],
    ];
    for (const [payload, code] of attempts) {
      const res = await call(t.app, { method: 'PATCH', url: `/api/v1/form-assignments/${id}`, token: org.client.token, payload });
      expect(res.json().error?.code, JSON.stringify(payload).slice(0, 80)).toBe(code);
    }
    // The care team sees the form but only its client fills it in: 403. The org admin is not on the care team and
    // cannot see the form at all, so for them it does not exist: 404, as for another org.
    for (const [member, status] of [
      [org.specialist, 403],
      [org.supervisor, 403],
      [org.admin, 404],
    ] as const) {
      const save = await call(t.app, { method: 'PATCH', url: `/api/v1/form-assignments/${id}`, token: member.token, payload: { answers: {} } });
      expect(save.statusCode).toBe(status);
      const submit = await call(t.app, { method: 'POST', url: `/api/v1/form-assignments/${id}/submit`, token: member.token, payload: {} });
      expect(submit.statusCode).toBe(status);
    }
    expect((await call(t.app, { method: 'GET', url: `/api/v1/form-assignments/${id}`, token: org.client.token })).json().data.status).toBe('sent');
    const bad = await call(t.app, {
      method: 'POST',
      url: '/api/v1/forms',
      token: org.specialist.token,
      payload: { title: 'Bad', fields: [{ key: 'c', label: 'Pick', type: 'single_choice', options: ['only one'] }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: '/api/v1/forms',
          token: org.client.token,
          payload: { title: 'Mine', fields: [{ key: 'a', label: 'A', type: 'text' }] },
        })
      ).statusCode,
    ).toBe(403);
    const cancelled = await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/forms/${id}/cancel`, token: org.specialist.token });
    expect(cancelled.json().data.status).toBe('cancelled');
    expect((await call(t.app, { method: 'POST', url: `/api/v1/form-assignments/${id}/submit`, token: org.client.token, payload: {} })).json().error.code).toBe(
      'FORM.CANCELLED',
    );
  });

  it("records sending, submitting and withdrawing on the case's history, with who did it and no form content", async () => {
    const onCase = await openCase(t, org.specialist, org.client.userId);
    const sendTo = (form: string) =>
      call(t.app, { method: 'POST', url: `/api/v1/cases/${onCase}/forms`, token: org.specialist.token, payload: { form_id: form } });
    const checkIn = await call(t.app, {
      method: 'POST',
      url: '/api/v1/forms',
      token: org.specialist.token,
      payload: { title: 'Weekly check-in', fields: [{ key: 'mood', label: 'Mood', type: 'scale', min: 0, max: 10, required: true }] },
    });
    const signedId = (await sendTo(formId)).json().data.id;
    const submitSigned = await call(t.app, {
      method: 'POST',
      url: `/api/v1/form-assignments/${signedId}/submit`,
      token: org.client.token,
      payload: { answers: { reason: 'Sleep', mood: 5 }, signature_name: 'Iryna Bondar' },
    });
    expect(submitSigned.statusCode).toBe(200);
    const unsignedId = (await sendTo(checkIn.json().data.id)).json().data.id;
    const submitUnsigned = await call(t.app, {
      method: 'POST',
      url: `/api/v1/form-assignments/${unsignedId}/submit`,
      token: org.client.token,
      payload: { answers: { mood: 7 } },
    });
    expect(submitUnsigned.statusCode).toBe(200);
    const withdrawnId = (await sendTo(formId)).json().data.id;
    expect((await call(t.app, { method: 'POST', url: `/api/v1/cases/${onCase}/forms/${withdrawnId}/cancel`, token: org.specialist.token })).statusCode).toBe(
      200,
    );

    const history = await call(t.app, { method: 'GET', url: `/api/v1/cases/${onCase}/history`, token: org.specialist.token });
    expect(history.statusCode).toBe(200);
    type Event = { kind: string; actor: { id: string } | null; data: Record<string, string | null> };
    const forms = (history.json().data as Event[]).filter((e) => e.kind.startsWith('form_'));
    // Newest first.
    expect(forms.map((e) => [e.kind, e.actor?.id, e.data])).toEqual([
      ['form_cancelled', org.specialist.userId, { assignment_id: withdrawnId }],
      ['form_sent', org.specialist.userId, { assignment_id: withdrawnId }],
      ['form_submitted', org.client.userId, { assignment_id: unsignedId, signed: 'false' }],
      ['form_sent', org.specialist.userId, { assignment_id: unsignedId }],
      ['form_submitted', org.client.userId, { assignment_id: signedId, signed: 'true' }],
      ['form_sent', org.specialist.userId, { assignment_id: signedId }],
    ]);
    const only = await call(t.app, { method: 'GET', url: `/api/v1/cases/${onCase}/history?kind=form_submitted`, token: org.specialist.token });
    expect(only.json().data.map((e: Event) => e.data.assignment_id)).toEqual([unsignedId, signedId]);
    // The title, answers and signer stay with the assignment.
    for (const text of ['Intake questionnaire', 'Weekly check-in', 'Sleep', 'Iryna Bondar']) expect(history.body).not.toContain(text);

    // Submitting wrote to the case's history, yet the client still may not read it; another org sees no such case.
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${onCase}/history`, token: org.client.token })).statusCode).toBe(403);
    const b = await buildOrg(t, 'Other history');
    for (const s of [b.admin, b.specialist, b.client]) {
      expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${onCase}/history`, token: s.token })).statusCode).toBe(404);
    }
    // A client's submission never reaches a case that is not theirs: a second client of the same org can't submit this one.
    const stray = (await sendTo(formId)).json().data.id;
    const other = await addMember(t, org.admin, 'client');
    const foreign = await call(t.app, { method: 'POST', url: `/api/v1/form-assignments/${stray}/submit`, token: other.token, payload: {} });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(403);
    const after = await call(t.app, { method: 'GET', url: `/api/v1/cases/${onCase}/history?kind=form_submitted`, token: org.specialist.token });
    expect(after.json().data).toHaveLength(2);
  });

  it("keeps forms and answers from another org's members and from raw SQL in their context", async () => {
    const id = (await send()).json().data.id;
    const b = await buildOrg(t, 'Other');
    const before = await assignmentRow(id);
    const unexpected: string[] = [];
    for (const [who, member] of [
      ["B's org admin", b.admin],
      ["B's specialist", b.specialist],
      ["B's supervisor", b.supervisor],
      ["B's client", b.client],
    ] as const) {
      for (const [does, method, url, payload] of [
        ['read the form', 'GET', `/api/v1/form-assignments/${id}`, undefined],
        ['save answers', 'PATCH', `/api/v1/form-assignments/${id}`, { answers: {} }],
        ['submit it', 'POST', `/api/v1/form-assignments/${id}/submit`, {}],
        ["list the case's forms", 'GET', `/api/v1/cases/${caseId}/forms`, undefined],
        ['send a form on the case', 'POST', `/api/v1/cases/${caseId}/forms`, { form_id: formId }],
        ['withdraw it', 'POST', `/api/v1/cases/${caseId}/forms/${id}/cancel`, undefined],
      ] as const) {
        const res = await call(t.app, { method, url, token: member.token, ...(payload ? { payload } : {}) });
        if (res.statusCode !== 404 || res.json().success !== false) unexpected.push(`${who} tried to ${does}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      const mine = await call(t.app, { method: 'GET', url: '/api/v1/my/forms?all=true', token: member.token });
      if (mine.body.includes(id)) unexpected.push(`${who} listed A's form among their own: ${mine.statusCode}`);
    }
    expect(unexpected).toEqual([]);
    expect(await assignmentRow(id)).toEqual(before);
    const bCase = await openCase(t, b.specialist, b.client.userId);
    expect(
      (await call(t.app, { method: 'POST', url: `/api/v1/cases/${bCase}/forms`, token: b.specialist.token, payload: { form_id: formId } })).statusCode,
    ).toBe(404);
    // Nor through B's own case, where B's specialist may withdraw forms.
    expect((await call(t.app, { method: 'POST', url: `/api/v1/cases/${bCase}/forms/${id}/cancel`, token: b.specialist.token })).statusCode).toBe(404);
    expect(await assignmentRow(id)).toEqual(before);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/forms', token: b.admin.token })).body).not.toContain(formId);
    const ctx = { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin' as const, platformAdmin: false, system: false };
    const seen = await t.runtime.db.inContext(ctx, async (tx) => [
      (await tx.$client.query('select id from clinical.forms where org_id = $1', [org.orgId])).rowCount,
      (await tx.$client.query('select id from clinical.form_assignments where org_id = $1', [org.orgId])).rowCount,
    ]);
    expect(seen).toEqual([0, 0]);
  });

  it("shows a client of two practices, acting in one, none of the other's forms, and lets them touch none", async () => {
    const client = await addMember(t, org.admin, 'client');
    const theirCase = await openCase(t, org.specialist, client.userId);
    const sent = await call(t.app, { method: 'POST', url: `/api/v1/cases/${theirCase}/forms`, token: org.specialist.token, payload: { form_id: formId } });
    const id = sent.json().data.id;
    const b = await buildOrg(t, 'Second practice');
    await call(t.app, { method: 'POST', url: `/api/v1/orgs/${b.orgId}/invitations`, token: b.admin.token, payload: { email: client.email, role: 'client' } });
    const invitation = await latestLinkToken(t, client.email, '/invitations/accept');
    // Accepting signs them in afresh, acting in the practice they joined; their earlier sign-in still acts in the first.
    const joined = await call(t.app, { method: 'POST', url: '/api/v1/invitations/accept', token: client.token, payload: { token: invitation } });
    expect(joined.json().data.user.active_org_id).toBe(b.orgId);
    const inB: string = joined.json().data.access_token;
    const myForms = async (token: string) =>
      (await call(t.app, { method: 'GET', url: '/api/v1/my/forms?all=true', token })).json().data.map((f: { id: string }) => f.id);

    const before = await assignmentRow(id);
    expect(await myForms(inB)).toEqual([]);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/form-assignments/${id}`, token: inB })).statusCode).toBe(404);
    const save = await call(t.app, { method: 'PATCH', url: `/api/v1/form-assignments/${id}`, token: inB, payload: { answers: { mood: 3 } } });
    expect(save.statusCode).toBe(404);
    const submit = await call(t.app, {
      method: 'POST',
      url: `/api/v1/form-assignments/${id}/submit`,
      token: inB,
      payload: { answers: { reason: 'x', mood: 3 }, signature_name: 'Someone' },
    });
    expect(submit.statusCode).toBe(404);
    expect(await assignmentRow(id)).toEqual(before);

    // Acting in the practice that sent it, the same person finds it.
    expect(await myForms(client.token)).toEqual([id]);
  });
});
