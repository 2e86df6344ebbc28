// Kept case pages (ADR 0034): `GET /cases/:id/overview` is served again only while nothing it shows has changed
// (the case, its grants, names and keys, its progress notes), only to the reader it was built for, and every read
// is audited either way. Psychotherapy notes are never on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/platform/db/database';
import { openCase } from './cases.fixtures';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { counter, writeBehindTheVersion } from './read-versions.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
beforeAll(async () => {
  t = await createTestApp({ caseOverviewCachePages: 100 });
  org = await buildOrg(t, 'Kept case pages');
});
afterAll(() => t.close());

type Note = { id: string; status: string; version: number; content: Record<string, string>; author: { name: string } };
type Overview = { case: { risk_level: string; title: string; my_access: string; client: { name: string } }; latest_notes: Note[] };

const overviewOf = (who: Session, caseId: string) => call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/overview`, token: who.token });
async function overview(who: Session, caseId: string): Promise<Overview> {
  const res = await overviewOf(who, caseId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as Overview;
}

const soap = (subjective: string) => ({ subjective, objective: 'Calm, engaged', assessment: 'Improving', plan: 'Continue' });
async function draftNote(by: Session, caseId: string, subjective: string): Promise<string> {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/v1/cases/${caseId}/notes`,
    token: by.token,
    payload: { template_id: 'soap', content: soap(subjective) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id as string;
}
const onNote = (by: Session, caseId: string, noteId: string, suffix: string, method: 'POST' | 'PATCH', payload?: Record<string, unknown>) =>
  call(t.app, { method, url: `/api/v1/cases/${caseId}/notes/${noteId}${suffix}`, token: by.token, ...(payload ? { payload } : {}) });

describe('kept case pages', () => {
  it('serves a kept page while the version holds, and a page built anew once the case changes through the app', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    expect((await overview(lead, caseId)).case).toMatchObject({ risk_level: 'low', title: 'Low mood after job loss' });

    await writeBehindTheVersion(t, `update case_mgmt.cases set risk_level = 'high' where id = $1`, [caseId]);
    expect((await overview(lead, caseId)).case.risk_level).toBe('low'); // kept: nothing moved the version

    const risk = await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/risk`, token: lead.token, payload: { level: 'crisis' } });
    expect(risk.statusCode).toBe(200);
    expect((await overview(lead, caseId)).case.risk_level).toBe('crisis');
  });

  it('each note written, autosaved, signed or amended shows on the next page', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    expect((await overview(lead, caseId)).latest_notes).toEqual([]);

    const noteId = await draftNote(lead, caseId, 'First draft');
    expect((await overview(lead, caseId)).latest_notes.map((n) => n.content.subjective)).toEqual(['First draft']);

    expect((await onNote(lead, caseId, noteId, '', 'PATCH', { content: soap('Autosaved draft') })).statusCode).toBe(200);
    expect((await overview(lead, caseId)).latest_notes[0]).toMatchObject({ status: 'draft', content: { subjective: 'Autosaved draft' } });

    expect((await onNote(lead, caseId, noteId, '/sign', 'POST')).statusCode).toBe(200);
    expect((await overview(lead, caseId)).latest_notes[0]?.status).toBe('signed');

    const amended = await onNote(lead, caseId, noteId, '/amend', 'POST', { content: soap('Amended text'), reason: 'Wrong sleep hours' });
    expect(amended.statusCode, amended.body).toBe(200);
    expect((await overview(lead, caseId)).latest_notes[0]).toMatchObject({ version: 2, content: { subjective: 'Amended text' } });

    const second = await draftNote(lead, caseId, 'Second session');
    expect((await overview(lead, caseId)).latest_notes.map((n) => n.id)).toEqual([second, noteId]);
  });

  it("a note's autosave moves its case's counter only: not the org's (kept caseloads stay kept), not another case's", async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    const otherCase = await openCase(t, lead, org.client.userId);
    const noteId = await draftNote(lead, caseId, 'Draft');
    const before = {
      org: await counter(t, `org:${org.orgId}`),
      mine: await counter(t, `notes:${org.orgId}:${caseId}`),
      other: await counter(t, `notes:${org.orgId}:${otherCase}`),
    };
    expect(before.mine).toBeGreaterThan(0);

    expect((await onNote(lead, caseId, noteId, '', 'PATCH', { content: soap('Typed more') })).statusCode).toBe(200);
    expect(await counter(t, `notes:${org.orgId}:${caseId}`)).toBe(before.mine + 1);
    expect(await counter(t, `org:${org.orgId}`)).toBe(before.org);
    expect(await counter(t, `notes:${org.orgId}:${otherCase}`)).toBe(before.other);
  });

  it("a co-specialist's revoked grant closes the page at once; a new grant opens it", async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const co = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    await draftNote(lead, caseId, 'Shared with the co-specialist');
    expect((await overviewOf(co, caseId)).statusCode).toBe(404);

    const grant = () =>
      call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/access`, token: lead.token, payload: { user_id: co.userId, role: 'co_specialist' } });
    expect((await grant()).statusCode).toBe(201);
    expect((await overview(co, caseId)).case.my_access).toBe('co_specialist');
    expect((await overview(co, caseId)).latest_notes).toHaveLength(1); // kept

    const revoked = await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${caseId}/access/${co.userId}`, token: lead.token });
    expect(revoked.statusCode).toBeLessThan(300);
    expect((await overviewOf(co, caseId)).statusCode).toBe(404);
    expect((await overviewOf(co, caseId)).statusCode).toBe(404);
  });

  it("a page is only ever served to its own reader: other members and roles get their own or none, another org's members a 404", async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    await draftNote(lead, caseId, 'Only for the care team');
    expect((await overview(lead, caseId)).case.my_access).toBe('primary');

    const stranger = await addMember(t, org.admin, 'specialist');
    expect((await overviewOf(stranger, caseId)).statusCode).toBe(404);
    expect((await overviewOf(org.client, caseId)).statusCode).toBe(403); // a client never reads progress notes
    expect((await overviewOf(org.admin, caseId)).statusCode).toBe(403); // runs the practice, not on the care team
    expect((await overview(org.supervisor, caseId)).case.my_access).toBe('supervisor');

    const elsewhere = await buildOrg(t, 'Another practice');
    for (const who of [elsewhere.admin, elsewhere.specialist, elsewhere.supervisor, elsewhere.client]) {
      const res = await overviewOf(who, caseId);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Only for the care team');
    }
  });

  it("an author's new name and a destroyed key show on the next page", async () => {
    const lead = await addMember(t, org.admin, 'specialist', 'Dr Old Name');
    const client = await addMember(t, org.admin, 'client', 'Client Name');
    const caseId = await openCase(t, lead, client.userId);
    await draftNote(lead, caseId, 'Named');
    expect((await overview(lead, caseId)).latest_notes[0]?.author.name).toBe('Dr Old Name');

    expect((await call(t.app, { method: 'PATCH', url: '/api/v1/me', token: lead.token, payload: { name: 'Dr New Name' } })).statusCode).toBe(200);
    expect((await overview(lead, caseId)).latest_notes[0]?.author.name).toBe('Dr New Name');

    await t.runtime.db.inContext(systemContext, (tx) => t.runtime.crypto.destroyUserKey(tx, client.userId));
    expect((await overview(lead, caseId)).case.client.name).toBe('[erased]');
  });

  it('never carries a psychotherapy note, even to its author', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    await overview(lead, caseId);
    const created = await call(t.app, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/psychotherapy-notes`,
      token: lead.token,
      payload: { text: 'Process notes only' },
    });
    expect(created.statusCode).toBe(201);
    expect(JSON.stringify(await overview(lead, caseId))).not.toContain('Process notes only');
  });

  it('audits every read, kept or built, naming the notes shown', async () => {
    const lead = await addMember(t, org.admin, 'specialist');
    const caseId = await openCase(t, lead, org.client.userId);
    const noteId = await draftNote(lead, caseId, 'Audited');
    for (let i = 0; i < 3; i++) await overview(lead, caseId);
    const { rows } = await t.owner.query(
      `select subject_user_id, details from audit.audit_log where actor_user_id = $1 and action = 'case.overview_read' order by at, id`,
      [lead.userId],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ subject_user_id: org.client.userId, details: { case_id: caseId, notes: [noteId] } });
  });

  it("the case's counter is read only inside the caller's own org: another org's case gives nothing of its counter away", async () => {
    const elsewhere = await buildOrg(t, 'Counters of another practice');
    const theirCase = await openCase(t, elsewhere.specialist, elsewhere.client.userId);
    await draftNote(elsewhere.specialist, theirCase, 'Theirs');
    expect(await counter(t, `notes:${elsewhere.orgId}:${theirCase}`)).toBeGreaterThan(0);

    const asMember = (s: Session) => ({ userId: s.userId, orgId: null, role: null, platformAdmin: false, system: false });
    const versionFor = (s: Session, orgId: string, caseId: string) =>
      t.runtime.db.inContext(
        asMember(s),
        async (tx) => (await tx.$client.query<{ v: string | null }>('select app.read_version($1, $2) as v', [orgId, caseId])).rows[0]?.v,
      );
    expect(await versionFor(org.specialist, org.orgId, theirCase)).toMatch(/^\d+\.\d+\.0$/);
    expect(await versionFor(org.specialist, elsewhere.orgId, theirCase)).toBeNull();
  });
});

describe('with no case pages kept (CASE_OVERVIEW_CACHE_PAGES=0)', () => {
  let bare: TestApp;
  let practice: BuiltOrg;
  beforeAll(async () => {
    bare = await createTestApp({ caseOverviewCachePages: 0 });
    practice = await buildOrg(bare, 'No kept case pages');
  });
  afterAll(() => bare.close());

  it('builds every page', async () => {
    const caseId = await openCase(bare, practice.specialist, practice.client.userId);
    const risk = async () =>
      (await call(bare.app, { method: 'GET', url: `/api/v1/cases/${caseId}/overview`, token: practice.specialist.token })).json().data.case.risk_level;
    expect(await risk()).toBe('low');
    await writeBehindTheVersion(bare, `update case_mgmt.cases set risk_level = 'high' where id = $1`, [caseId]);
    expect(await risk()).toBe('high');
  });
});
