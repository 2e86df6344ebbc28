import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsent } from '../src/modules/consent';
import { addMember, call, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Consent practice');
});
afterAll(() => t.close());

async function templateId(kind: string, jurisdiction = 'UA'): Promise<string> {
  const res = await call(t.app, { method: 'GET', url: `/api/v1/consent/templates?jurisdiction=${jurisdiction}&kind=${kind}`, token: org.client.token });
  return res.json().data[0].id;
}
const share = async (scope = ['mood'], extra: Record<string, unknown> = {}) =>
  call(t.app, {
    method: 'POST',
    url: '/api/v1/consent',
    token: org.client.token,
    payload: {
      template_id: await templateId('data_sharing'),
      signature_name: 'A client',
      language: 'uk',
      recipient_user_id: org.specialist.userId,
      scope,
      ...extra,
    },
  });
const readMood = () =>
  call(t.app, { method: 'GET', url: `/api/v1/clients/${org.client.userId}/mood?from=${day(-30)}&to=${day(1)}`, token: org.specialist.token });

describe('consent engine', () => {
  it('ships texts for every kind in UA, US and EU in both languages', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/v1/consent/templates', token: org.client.token });
    const all = res.json().data as { kind: string; jurisdiction: string; title: { uk: string; en: string }; body: { uk: string; en: string } }[];
    expect(all).toHaveLength(18);
    expect(all.every((x) => x.title.uk && x.title.en && x.body.uk.length > 50 && x.body.en.length > 50)).toBe(true);
    expect(all.find((x) => x.kind === 'treatment' && x.jurisdiction === 'EU')?.body.en).toMatch(/GDPR Art\. 9\(2\)\(a\)/);
    expect(all.find((x) => x.kind === 'treatment' && x.jurisdiction === 'UA')?.body.uk).toMatch(/ст\. 7/);
  });

  it('a revoked data-sharing consent blocks the very next read; the denial is audited', async () => {
    await call(t.app, { method: 'POST', url: '/api/v1/selfcare/mood', token: org.client.token, payload: { score: 3, note: 'Rough night' } });
    const before = await readMood();
    expect(before.statusCode).toBe(403);
    expect(before.json().error).toMatchObject({ code: 'CONSENT.REQUIRED', details: { kind: 'data_sharing', reason: 'no_grant' } });

    const granted = await share();
    expect(granted.statusCode).toBe(201);
    const grant = granted.json().data;
    expect(grant).toMatchObject({
      kind: 'data_sharing',
      state: 'active',
      scope: ['mood'],
      recipient: { id: org.specialist.userId },
      signature: { name: 'A client', language: 'uk' },
    });
    expect(Date.parse(grant.expires_at) - Date.parse(grant.granted_at)).toBe(90 * 86_400_000);
    expect(grant.signature.hash).toMatch(/^[0-9a-f]{64}$/);

    const allowed = await readMood();
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().data[0]).toMatchObject({ score: 3, note: 'Rough night' });
    // Another specialist is not the named recipient.
    const other = await addMember(t, org.admin, 'specialist');
    const notThem = await call(t.app, { method: 'GET', url: `/api/v1/clients/${org.client.userId}/mood?from=${day(-30)}&to=${day(1)}`, token: other.token });
    expect(notThem.json().error.details.reason).toBe('not_recipient');

    const revoked = await call(t.app, {
      method: 'POST',
      url: `/api/v1/consent/${grant.id}/revoke`,
      token: org.client.token,
      payload: { reason: 'Changed my mind' },
    });
    expect(revoked.json().data.state).toBe('revoked');
    const after = await readMood();
    expect(after.statusCode).toBe(403);
    expect(after.json().error.details.reason).toBe('revoked');
    expect((await call(t.app, { method: 'POST', url: `/api/v1/consent/${grant.id}/revoke`, token: org.client.token, payload: {} })).json().error.code).toBe(
      'CONSENT.ALREADY_REVOKED',
    );
    const denials = await t.owner.query(
      `select details->>'reason' as reason from audit.audit_log where action = 'consent.denied' and subject_user_id = $1 order by at, id`,
      [org.client.userId],
    );
    expect(denials.rows.map((r) => r.reason)).toEqual(expect.arrayContaining(['no_grant', 'not_recipient', 'revoked']));
    // Even a raw query in the specialist's context sees no mood rows once revoked.
    const ctx = { userId: org.specialist.userId, orgId: org.orgId, role: 'specialist' as const, platformAdmin: false, system: false };
    expect(
      (await t.runtime.db.inContext(ctx, (tx) => tx.$client.query('select id from selfcare.mood_entries where owner_user_id = $1', [org.client.userId])))
        .rowCount,
    ).toBe(0);
  });

  it('answers the one question by scope, expiry and session, for any module', async () => {
    const grant = (await share(['mood', 'journal'], { expires_in_days: 10 })).json().data;
    const q = { orgId: org.orgId, clientUserId: org.client.userId, actorUserId: org.specialist.userId, kind: 'data_sharing' as const };
    const check = (extra: Record<string, unknown>) =>
      t.runtime.db.inContext({ userId: org.specialist.userId, orgId: org.orgId, role: 'specialist', platformAdmin: false, system: false }, (tx) =>
        checkConsent(tx, { ...q, ...extra }),
      );
    expect(await check({ category: 'journal' })).toEqual({ allowed: true, grantId: grant.id, reason: 'granted' });
    expect((await check({ category: 'wearables' })).reason).toBe('out_of_scope');
    expect((await check({ category: 'mood', at: new Date(Date.now() + 11 * 86_400_000) })).reason).toBe('expired');
    expect((await check({ category: 'mood', at: new Date(Date.now() - 86_400_000) })).reason).toBe('no_grant'); // before any grant
    // Recording consent for one session does not cover another.
    const session = '0190a5e4-1d2c-7b3a-8f00-0000000000aa';
    await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent',
      token: org.client.token,
      payload: { template_id: await templateId('recording'), signature_name: 'A client', language: 'en', session_id: session },
    });
    const recording = { ...q, kind: 'recording' as const };
    expect((await check({ ...recording, sessionId: session })).allowed).toBe(true);
    expect((await check({ ...recording, sessionId: '0190a5e4-1d2c-7b3a-8f00-0000000000bb' })).reason).toBe('no_grant');
  });

  it('shows status and history, and staff see a client’s consents but cannot give them', async () => {
    const treatment = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent',
      token: org.client.token,
      payload: { template_id: await templateId('treatment'), signature_name: 'A client', language: 'en' },
    });
    expect(treatment.statusCode).toBe(201);
    expect(treatment.json().data.expires_at).toBeNull();
    const status = await call(t.app, { method: 'GET', url: `/api/v1/consent/status?client_id=${org.client.userId}`, token: org.specialist.token });
    const entries = status.json().data.entries as { kind: string; state: string }[];
    expect(entries.filter((e) => e.state !== 'none').map((e) => e.kind)).toEqual(expect.arrayContaining(['treatment', 'data_sharing']));
    expect(entries.find((e) => e.kind === 'telehealth')?.state).toBe('none');
    const history = await call(t.app, { method: 'GET', url: '/api/v1/consent/history', token: org.client.token });
    expect(history.json().data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['grant', 'revoke']));
    expect(history.json().data.find((e: { action: string }) => e.action === 'revoke').reason).toBe('Changed my mind');
    const staffGrant = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent',
      token: org.specialist.token,
      payload: { template_id: await templateId('treatment'), signature_name: 'Someone', language: 'en' },
    });
    expect(staffGrant.statusCode).toBe(403);
    const mine = await call(t.app, { method: 'GET', url: '/api/v1/consent/shared-with-me', token: org.specialist.token });
    expect(mine.json().data.map((g: { client: { id: string } }) => g.client.id)).toEqual([org.client.userId]);
  });

  it('rejects bad grants and changes nothing', async () => {
    const count = async () => Number((await t.owner.query('select count(*) from consent.records')).rows[0].count);
    const before = await count();
    const sharing = await templateId('data_sharing');
    const attempts: [Record<string, unknown>, number, string][] = [
      [{ template_id: sharing, signature_name: 'A client', language: 'uk', scope: ['mood'] }, 400, 'CONSENT.INVALID_RECIPIENT'],
      [{ template_id: sharing, signature_name: 'A client', language: 'uk', recipient_user_id: org.specialist.userId }, 400, 'CONSENT.SCOPE_REQUIRED'],
      [
        { template_id: sharing, signature_name: 'A client', language: 'uk', recipient_user_id: org.client.userId, scope: ['mood'] },
        400,
        'CONSENT.INVALID_RECIPIENT',
      ],
      [
        { template_id: sharing, signature_name: 'A client', language: 'uk', recipient_user_id: org.specialist.userId, scope: ['mood'], expires_in_days: 0 },
        400,
        'REQUEST.VALIDATION',
      ],
      [
        { template_id: sharing, signature_name: 'A client', language: 'uk', recipient_user_id: org.specialist.userId, scope: ['mood'], expires_in_days: 10000 },
        400,
        'REQUEST.VALIDATION',
      ],
      [
        { template_id: sharing, signature_name: 'A client', language: 'uk', recipient_user_id: org.specialist.userId, scope: ['diary'] },
        400,
        'REQUEST.VALIDATION',
      ],
      [{ template_id: 'not-a-uuid', signature_name: 'A client', language: 'uk' }, 400, 'REQUEST.VALIDATION'],
      [{ template_id: '0190a5e4-1d2c-7b3a-8f00-000000000001', signature_name: 'A client', language: 'uk' }, 404, 'CONSENT.TEMPLATE_NOT_FOUND'],
    ];
    for (const [payload, status, code] of attempts) {
      const res = await call(t.app, { method: 'POST', url: '/api/v1/consent', token: org.client.token, payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 120)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await count()).toBe(before);
    const html = "<img src=x onerror=alert(1)> '; drop table consent.records; --";
    const odd = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent',
      token: org.client.token,
      payload: { template_id: await templateId('research'), signature_name: html, language: 'en' },
    });
    expect(odd.json().data.signature.name).toBe(html);
    await expect(t.owner.query('update consent.records set kind = $1', ['research'])).rejects.toThrow(/append-only/);
    await expect(t.owner.query('delete from consent.records')).rejects.toThrow(/append-only/);
  });

  it("keeps consents from another org, and lets an org admin publish the practice's own text", async () => {
    const b = await buildOrg(t, 'Other');
    const grant = (await share()).json().data;
    for (const s of [b.admin, b.specialist, b.client]) {
      // Staff of B: no such client there; B's client: not their consent. Either way nothing of A shows.
      expect((await call(t.app, { method: 'GET', url: `/api/v1/consent/status?client_id=${org.client.userId}`, token: s.token })).statusCode).toBe(404);
      expect((await call(t.app, { method: 'POST', url: `/api/v1/consent/${grant.id}/revoke`, token: s.token, payload: {} })).statusCode).toBe(404);
      expect(
        (await call(t.app, { method: 'GET', url: `/api/v1/clients/${org.client.userId}/mood?from=${day(-30)}&to=${day(1)}`, token: s.token })).statusCode,
      ).toBeGreaterThanOrEqual(403);
    }
    const ctx = { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin' as const, platformAdmin: false, system: false };
    expect((await t.runtime.db.inContext(ctx, (tx) => tx.$client.query('select id from consent.records where org_id = $1', [org.orgId]))).rowCount).toBe(0);
    const own = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent/templates',
      token: org.admin.token,
      payload: {
        kind: 'telehealth',
        jurisdiction: 'UA',
        title_uk: 'Онлайн-сесії у нашій практиці',
        title_en: 'Online sessions at our practice',
        body_uk: 'Наш власний текст згоди на онлайн-сесії, погоджений юристом.',
        body_en: 'Our own telehealth consent text, reviewed by our lawyer.',
      },
    });
    expect(own.json().data).toMatchObject({ version: 2, practice_text: true });
    const listed = await call(t.app, { method: 'GET', url: '/api/v1/consent/templates?jurisdiction=UA&kind=telehealth', token: org.client.token });
    expect(listed.json().data[0]).toMatchObject({ version: 2, practice_text: true });
    const elsewhere = await call(t.app, { method: 'GET', url: '/api/v1/consent/templates?jurisdiction=UA&kind=telehealth', token: b.client.token });
    expect(elsewhere.json().data[0]).toMatchObject({ version: 1, practice_text: false });
  });
});
