import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Notes practice');
  caseId = await openCase(t, org.specialist, org.client.userId);
});
afterAll(() => t.close());

const soap = {
  subjective: 'Sleeping 4 hours a night',
  objective: 'Flat affect; PHQ-9 14',
  assessment: 'Moderate depression, no current risk',
  plan: 'Behavioural activation; next week',
};

async function draft(by: Session, content: Record<string, string> = soap, onCase = caseId): Promise<string> {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${onCase}/notes`,
    token: by.token,
    payload: { template_id: 'soap', content, session_date: '2026-11-20' },
  });
  if (res.statusCode !== 201) throw new Error(`draft failed ${res.statusCode} ${res.body}`);
  return res.json().data.id;
}
const note = (id: string, token: string, suffix = '', method: 'GET' | 'POST' | 'PATCH' = 'GET', payload?: Record<string, unknown>) =>
  call(t.app, { method, url: `/api/v1/cases/${caseId}/notes/${id}${suffix}`, token, ...(payload ? { payload } : {}) });

describe('progress notes', () => {
  it('ships SOAP, DAP, BIRP and GIRP, and an org admin adds its own template', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/v1/note-templates', token: org.specialist.token });
    expect(res.json().data.map((x: { id: string }) => x.id)).toEqual(['soap', 'dap', 'birp', 'girp']);
    const custom = await call(t.app, {
      method: 'POST',
      url: '/api/v1/note-templates',
      token: org.admin.token,
      payload: {
        name_en: 'Intake',
        name_uk: 'Первинна',
        sections: [
          { key: 'reason', label_en: 'Reason', label_uk: 'Причина', type: 'long_text', required: true },
          { key: 'mood', label_en: 'Mood', label_uk: 'Настрій', type: 'scale' },
        ],
      },
    });
    expect(custom.statusCode).toBe(201);
    const id = custom.json().data.id;
    expect(
      (await call(t.app, { method: 'POST', url: '/api/v1/note-templates', token: org.specialist.token, payload: { name_en: 'X', name_uk: 'X', sections: [] } }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: '/api/v1/note-templates',
          token: org.specialist.token,
          payload: { name_en: 'Xy', name_uk: 'Xy', sections: [{ key: 'a', label_en: 'A', label_uk: 'A', type: 'text' }] },
        })
      ).statusCode,
    ).toBe(403);
    const made = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/notes`,
      token: org.specialist.token,
      payload: { template_id: id, content: { reason: 'Referred by GP' } },
    });
    expect(made.json().data).toMatchObject({ template: { id, name: 'Intake' }, status: 'draft', content: { reason: 'Referred by GP' } });
  });

  it('holds each section of an org template to its type: a number, a point on the scale, one of the choices; a misfit is refused and changes nothing', async () => {
    const made = await call(t.app, {
      method: 'POST',
      url: '/api/v1/note-templates',
      token: org.admin.token,
      payload: {
        name_en: 'Check-in',
        name_uk: 'Зустріч',
        sections: [
          { key: 'hours', label_en: 'Hours slept', label_uk: 'Годин сну', type: 'number' },
          { key: 'distress', label_en: 'Distress', label_uk: 'Дистрес', type: 'scale', min: 1, max: 5 },
          { key: 'setting', label_en: 'Setting', label_uk: 'Формат', type: 'choice', options: ['In person', 'Video'] },
          { key: 'focus', label_en: 'Focus', label_uk: 'Фокус', type: 'text' },
        ],
      },
    });
    expect(made.statusCode).toBe(201);
    const templateId = made.json().data.id;
    // A scale whose ends are the wrong way round is not a template.
    const upsideDown = await call(t.app, {
      method: 'POST',
      url: '/api/v1/note-templates',
      token: org.admin.token,
      payload: { name_en: 'Bad', name_uk: 'Bad', sections: [{ key: 's', label_en: 'S', label_uk: 'S', type: 'scale', min: 5, max: 1 }] },
    });
    expect(upsideDown.statusCode).toBe(400);

    const good = { hours: '6.5', distress: '4', setting: 'Video', focus: 'Sleep routine' };
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/notes`,
      token: org.specialist.token,
      payload: { template_id: templateId, content: good },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id;
    for (const [key, value] of [
      ['hours', 'six'],
      ['distress', '9'],
      ['distress', '2.5'],
      ['setting', 'Phone'],
      ['focus', 'two\nlines'],
    ] as const) {
      const res = await note(id, org.specialist.token, '', 'PATCH', { content: { ...good, [key]: value } });
      expect(res.statusCode, `${key}=${value}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'REQUEST.VALIDATION', details: [{ path: `content.${key}` }] });
    }
    // A new note is refused the same way, and the draft still holds what was last saved.
    const refused = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/notes`,
      token: org.specialist.token,
      payload: { template_id: templateId, content: { hours: 'lots' } },
    });
    expect(refused.statusCode).toBe(400);
    expect((await note(id, org.specialist.token)).json().data.content).toEqual(good);
    // An empty section fits any type: a draft may leave it for later.
    expect((await note(id, org.specialist.token, '', 'PATCH', { content: { ...good, distress: '' } })).statusCode).toBe(200);
  });

  it('autosaves a draft, signs it under a content hash, refuses edits and a second signature, and amends with every version kept', async () => {
    const id = await draft(org.specialist, { subjective: 'First words' });
    const saved = await note(id, org.specialist.token, '', 'PATCH', { content: soap });
    expect(saved.json().data.content).toEqual(soap);

    const signed = await note(id, org.specialist.token, '/sign', 'POST');
    expect(signed.statusCode).toBe(200);
    const body = signed.json().data;
    expect(body).toMatchObject({ status: 'signed', version: 1, signed_by: org.specialist.userId });
    expect(body.content_hash).toMatch(/^[0-9a-f]{64}$/);

    const before = (await t.owner.query('select n::text as row from clinical.notes n where id = $1', [id])).rows;
    const edit = await note(id, org.specialist.token, '', 'PATCH', { content: { ...soap, plan: 'Changed quietly' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('NOTE.SIGNED');
    expect((await note(id, org.specialist.token, '/sign', 'POST')).json().error.code).toBe('NOTE.SIGNED');
    expect((await t.owner.query('select n::text as row from clinical.notes n where id = $1', [id])).rows).toEqual(before);

    expect((await note(id, org.specialist.token, '/amend', 'POST', { content: { plan: 'x' } })).statusCode).toBe(400);
    const amended = await note(id, org.specialist.token, '/amend', 'POST', {
      content: { plan: 'CBT for insomnia instead' },
      reason: 'Plan changed after supervision',
    });
    expect(amended.statusCode).toBe(200);
    const a = amended.json().data;
    expect(a).toMatchObject({ status: 'signed', version: 2, content: { ...soap, plan: 'CBT for insomnia instead' } });
    expect(a.content_hash).not.toBe(body.content_hash);
    expect(
      a.versions.map((v: { version: number; kind: string; reason: string | null; content: { plan: string } }) => [v.version, v.kind, v.reason, v.content.plan]),
    ).toEqual([
      [1, 'signed', null, soap.plan],
      [2, 'amendment', 'Plan changed after supervision', 'CBT for insomnia instead'],
    ]);
  });

  it('will not sign a note with an empty required section, and rejects unknown sections and oversized text', async () => {
    const id = await draft(org.specialist, { subjective: 'Only this' });
    const res = await note(id, org.specialist.token, '/sign', 'POST');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'NOTE.INCOMPLETE', details: { missing: ['objective', 'assessment', 'plan'] } });
    expect((await note(id, org.specialist.token)).json().data.status).toBe('draft');
    const unknown = await note(id, org.specialist.token, '', 'PATCH', { content: { diagnosis: 'x' } });
    expect(unknown.json().error.code).toBe('NOTE.UNKNOWN_SECTION');
    expect((await note(id, org.specialist.token, '', 'PATCH', { content: { plan: 'x'.repeat(20_001) } })).statusCode).toBe(400);
    expect(
      (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/notes`, token: org.specialist.token, payload: { template_id: 'nope' } })).json().error
        .code,
    ).toBe('NOTE.TEMPLATE_NOT_FOUND');
  });

  it('stores note content encrypted; a database owner who edits a signed note by hand is stopped', async () => {
    const id = await draft(org.specialist);
    await note(id, org.specialist.token, '/sign', 'POST');
    const dump = (
      await t.owner.query(`select n::text || v::text as row from clinical.notes n join clinical.note_versions v on v.note_id = n.id where n.id = $1`, [id])
    ).rows[0].row;
    expect(dump).not.toContain('Sleeping 4 hours');
    await expect(t.owner.query(`update clinical.notes set content_ciphertext = '\\x00' where id = $1`, [id])).rejects.toThrow(/only by amendment/);
    await expect(t.owner.query('delete from clinical.note_versions where note_id = $1', [id])).rejects.toThrow(/append-only/);
  });

  it('lets the client, the org admin and another specialist read no notes; the supervisor reads them', async () => {
    const id = await draft(org.specialist);
    const outsider = await addMember(t, org.admin, 'specialist');
    for (const [who, s, status] of [
      ['client', org.client, 403],
      ['org admin', org.admin, 403],
      ['other specialist', outsider, 404],
    ] as const) {
      expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/notes`, token: s.token })).statusCode, who).toBe(status);
      expect((await note(id, s.token)).statusCode, who).toBe(status);
    }
    expect((await note(id, org.supervisor.token)).statusCode).toBe(200);
    expect((await note(id, org.supervisor.token, '', 'PATCH', { content: soap })).statusCode).toBe(403);
    const audit = await t.owner.query(`select action from audit.audit_log where resource_id = $1 order by at, id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['note.create', 'note.read']);
  });

  it('asks for a supervisor co-signature when the practice requires it', async () => {
    await call(t.app, { method: 'PATCH', url: `/api/v1/orgs/${org.orgId}`, token: org.admin.token, payload: { require_note_cosign: true } });
    const id = await draft(org.specialist);
    expect((await note(id, org.specialist.token, '/sign', 'POST')).json().data.status).toBe('pending_cosign');
    expect((await note(id, org.specialist.token, '/cosign', 'POST')).statusCode).toBe(403);
    const cosigned = await note(id, org.supervisor.token, '/cosign', 'POST');
    expect(cosigned.json().data).toMatchObject({ status: 'cosigned', cosigned_by: org.supervisor.userId });
    expect((await note(id, org.supervisor.token, '/cosign', 'POST')).json().error.code).toBe('NOTE.COSIGN_NOT_PENDING');
    const amended = await note(id, org.specialist.token, '/amend', 'POST', { content: { plan: 'Revised' }, reason: 'Typo in plan' });
    expect(amended.json().data).toMatchObject({ status: 'pending_cosign', cosigned_by: null });
    await call(t.app, { method: 'PATCH', url: `/api/v1/orgs/${org.orgId}`, token: org.admin.token, payload: { require_note_cosign: false } });
  });
});

describe('case overview', () => {
  it('returns the case with its three latest notes to the care team, audited, and refuses the client', async () => {
    const fresh = await openCase(t, org.specialist, org.client.userId);
    for (const n of [1, 2, 3, 4]) await draft(org.specialist, { subjective: `Session ${n}` }, fresh);
    const res = await call(t.app, { method: 'GET', url: `/api/v1/cases/${fresh}/overview`, token: org.specialist.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.case).toMatchObject({ id: fresh, my_access: 'primary', client: { name: 'A client' } });
    expect(res.json().data.latest_notes.map((n: { content: { subjective: string } }) => n.content.subjective)).toEqual(['Session 4', 'Session 3', 'Session 2']);
    // Read by a statement of our own (not drizzle): the session date stays a calendar date, the sections JSON.
    expect(res.json().data.latest_notes[0]).toMatchObject({ session_date: '2026-11-20', status: 'draft', sections: expect.any(Array), signed_at: null });
    // Once its connection has prepared them, the case and its notes ride on the round trip that enters the org:
    // the same page, read through the simple protocol.
    for (let i = 0; i < 3; i++) {
      const again = await call(t.app, { method: 'GET', url: `/api/v1/cases/${fresh}/overview`, token: org.specialist.token });
      expect(again.json().data).toEqual(res.json().data);
    }
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${fresh}/overview`, token: org.client.token })).statusCode).toBe(403);
    const audit = await t.owner.query(`select count(*) from audit.audit_log where action = 'case.overview_read' and details->>'case_id' = $1`, [fresh]);
    expect(audit.rows[0].count).toBe('4');
  });
});

describe('psychotherapy notes', () => {
  it('are visible only to their author: not to the supervisor, the org admin, a co-specialist or the client; every access is audited', async () => {
    const co = await addMember(t, org.admin, 'co_specialist');
    await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/access`,
      token: org.specialist.token,
      payload: { user_id: co.userId, role: 'co_specialist' },
    });
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/psychotherapy-notes`,
      token: org.specialist.token,
      payload: { text: 'Transference: reminds me of her father' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id;
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/psychotherapy-notes/${id}`, token: org.specialist.token })).json().data.text).toBe(
      'Transference: reminds me of her father',
    );

    for (const [who, s, statuses] of [
      ['supervisor', org.supervisor, [403]],
      ['org admin', org.admin, [403]],
      ['client', org.client, [403]],
      ['co-specialist', co, [404]],
    ] as const) {
      const one = await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/psychotherapy-notes/${id}`, token: s.token });
      expect(statuses, `${who}: ${one.statusCode}`).toContain(one.statusCode);
      const list = await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/psychotherapy-notes`, token: s.token });
      if (list.statusCode === 200) expect(list.json().data, who).toEqual([]);
      const upd = await call(t.app, {
        method: 'PATCH',
        url: `/api/v1/cases/${caseId}/psychotherapy-notes/${id}`,
        token: s.token,
        payload: { text: 'overwritten' },
      });
      expect(upd.statusCode, who).toBeGreaterThanOrEqual(403);
    }
    // Not among progress notes either.
    const progress = await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/notes`, token: org.supervisor.token });
    expect(JSON.stringify(progress.json().data)).not.toContain('Transference');
    const stored = (await t.owner.query('select p::text as row from clinical.psychotherapy_notes p where id = $1', [id])).rows[0].row;
    expect(stored).not.toContain('Transference');
    const audit = await t.owner.query(`select action, actor_user_id from audit.audit_log where resource_id = $1 order by at, id`, [id]);
    expect(audit.rows).toEqual([
      { action: 'psychotherapy_note.create', actor_user_id: org.specialist.userId },
      { action: 'psychotherapy_note.read', actor_user_id: org.specialist.userId },
    ]);
  });
});
