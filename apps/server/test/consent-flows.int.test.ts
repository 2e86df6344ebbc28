import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consent, signedHash } from '../src/modules/consent';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString();
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, 'Consent flows');
});
afterAll(() => t.close());

async function templateOf(s: Session, kind: string, jurisdiction = 'EU') {
  const res = await call(t.app, { method: 'GET', url: `/api/v1/consent/templates?jurisdiction=${jurisdiction}&kind=${kind}`, token: s.token });
  return res.json().data[0] as { id: string; version: number; body: { uk: string; en: string } };
}
const give = async (s: Session, kind: string, extra: Record<string, unknown> = {}) =>
  call(t.app, {
    method: 'POST',
    url: '/api/v1/consent',
    token: s.token,
    payload: { template_id: (await templateOf(s, kind)).id, signature_name: 'Olena Client', language: 'en', ...extra },
  });
const status = async (s: Session, clientId?: string) =>
  (await call(t.app, { method: 'GET', url: `/api/v1/consent/status${clientId ? `?client_id=${clientId}` : ''}`, token: s.token })).json().data;
const revoke = (s: Session, id: string, payload: Record<string, unknown> = {}) =>
  call(t.app, { method: 'POST', url: `/api/v1/consent/${id}/revoke`, token: s.token, payload });
const count = async () => Number((await t.owner.query('select count(*) from consent.records where org_id = $1', [org.orgId])).rows[0].count);

describe('consent status and history', () => {
  it('shows every kind as none, then granted, revoked or expired, per data-sharing recipient', async () => {
    const client = await addMember(t, org.admin, 'client');
    const first = await status(client);
    expect(first.client_id).toBe(client.userId);
    expect(first.entries).toHaveLength(6);
    expect(first.entries.every((e: { state: string; grant_id: null }) => e.state === 'none' && e.grant_id === null)).toBe(true);

    const telehealth = (await give(client, 'telehealth')).json().data;
    await give(client, 'data_sharing', { recipient_user_id: org.specialist.userId, scope: ['mood'] });
    await give(client, 'data_sharing', { recipient_user_id: org.supervisor.userId, scope: ['assessments', 'messages_summary'], expires_in_days: 365 });
    await revoke(client, telehealth.id);
    // A research grant signed 40 days ago for 30 days: expired by now (written as the owner to set the past).
    const research = await templateOf(client, 'research');
    await t.owner.query(
      `insert into consent.records (id, org_id, client_user_id, action, kind, template_id, expires_at, at, language, signer_name_ciphertext, signed_hash, recorded_by)
       values (gen_random_uuid(), $1, $2, 'grant', 'research', $3, now() - interval '10 days', now() - interval '40 days', 'en', '\\x00', 'x', $2)`,
      [org.orgId, client.userId, research.id],
    );

    const seen = await status(org.specialist, client.userId);
    const states = Object.fromEntries(
      seen.entries.map((e: { kind: string; state: string; recipient: { id: string } | null }) => [
        `${e.kind}${e.recipient ? `:${e.recipient.id}` : ''}`,
        e.state,
      ]),
    );
    expect(states).toEqual({
      treatment: 'none',
      telehealth: 'revoked',
      recording: 'none',
      ai_processing: 'none',
      [`data_sharing:${org.specialist.userId}`]: 'granted',
      [`data_sharing:${org.supervisor.userId}`]: 'granted',
      research: 'expired',
    });
    const sharing = seen.entries.find((e: { recipient: { id: string } | null }) => e.recipient?.id === org.supervisor.userId);
    expect(Date.parse(sharing.expires_at) - Date.parse(sharing.granted_at)).toBe(365 * DAY);
    expect(sharing.scope).toEqual(['assessments', 'messages_summary']);
    expect(seen.entries.find((e: { kind: string }) => e.kind === 'telehealth').revoked_at).not.toBeNull();

    // History: newest first, a page at a time, revocation reasons included.
    const page1 = (await call(t.app, { method: 'GET', url: `/api/v1/consent/history?client_id=${client.userId}&per_page=2`, token: org.admin.token })).json();
    expect(page1.meta).toMatchObject({ page: 1, per_page: 2, total: 5 });
    expect(page1.data.map((e: { action: string; kind: string }) => `${e.action}:${e.kind}`)).toEqual(['revoke:telehealth', 'grant:data_sharing']);
    const page3 = (await call(t.app, { method: 'GET', url: '/api/v1/consent/history?page=3&per_page=2', token: client.token })).json();
    expect(page3.data.map((e: { kind: string }) => e.kind)).toEqual(['research']);

    const audit = await t.owner.query(`select action, purpose from audit.audit_log where subject_user_id = $1 and action like 'consent.%' order by seq`, [
      client.userId,
    ]);
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { action: 'consent.status_read', purpose: 'consent' },
        { action: 'consent.grant', purpose: 'consent' },
        { action: 'consent.revoke', purpose: 'consent' },
        { action: 'consent.status_read', purpose: 'treatment' },
        { action: 'consent.history_read', purpose: 'treatment' },
        { action: 'consent.history_read', purpose: 'consent' },
      ]),
    );
  });

  it('refuses bad queries and non-members in the envelope', async () => {
    for (const url of [
      '/api/v1/consent/templates?kind=massage',
      '/api/v1/consent/templates?jurisdiction=FR',
      '/api/v1/consent/status?client_id=not-a-uuid',
      '/api/v1/consent/history?per_page=0',
      '/api/v1/consent/history?per_page=1000',
    ]) {
      const res = await call(t.app, { method: 'GET', url, token: org.specialist.token });
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({ success: false, error: { code: 'REQUEST.VALIDATION' } });
    }
    // Staff must name the client; a staff member is not a client.
    expect((await call(t.app, { method: 'GET', url: '/api/v1/consent/status', token: org.specialist.token })).statusCode).toBe(400);
    const notClient = await call(t.app, { method: 'GET', url: `/api/v1/consent/status?client_id=${org.specialist.userId}`, token: org.admin.token });
    expect(notClient.json().error.code).toBe('CONSENT.NOT_FOUND');
  });
});

describe('granting and revoking', () => {
  it('signs the current text only, stores a hash that can be recomputed, and keeps the name encrypted and verbatim', async () => {
    const client = await addMember(t, org.admin, 'client');
    const platform = await templateOf(client, 'ai_processing');
    const published = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent/templates',
      token: org.admin.token,
      payload: {
        kind: 'ai_processing',
        jurisdiction: 'EU',
        title_uk: 'Обробка за допомогою ШІ',
        title_en: 'AI processing',
        body_uk: 'Наша практика використовує ШІ лише для чернеток нотаток.',
        body_en: 'Our practice uses AI only to draft notes.',
      },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().data).toMatchObject({ version: platform.version + 1, practice_text: true });
    const old = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent',
      token: client.token,
      payload: { template_id: platform.id, signature_name: 'Olena', language: 'en' },
    });
    expect(old.statusCode).toBe(409);
    expect(old.json().error).toMatchObject({ code: 'CONSENT.TEMPLATE_SUPERSEDED', details: { current_id: published.json().data.id } });
    // Staff cannot publish texts unless admin, nor sign for a client.
    const bySpecialist = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent/templates',
      token: org.specialist.token,
      payload: {
        kind: 'ai_processing',
        jurisdiction: 'EU',
        title_uk: 'Не адмін',
        title_en: 'Not an admin',
        body_uk: 'Текст, який фахівець не може опублікувати.',
        body_en: 'A text a specialist may not publish.',
      },
    });
    expect(bySpecialist.json().error.code).toBe('AUTH.FORBIDDEN');
    expect((await give(org.specialist, 'treatment')).json().error.code).toBe('AUTH.FORBIDDEN');

    const name = `<script>alert('x')</script> Robert'); DROP TABLE consent.records;--`;
    const res = await give(client, 'ai_processing', { signature_name: name, language: 'uk' });
    expect(res.statusCode).toBe(201);
    const grant = res.json().data;
    expect(grant.signature.name).toBe(name);
    expect(grant.template.id).toBe(published.json().data.id);
    const row = (await t.owner.query('select signed_hash, at, signer_name_ciphertext from consent.records where id = $1', [grant.id])).rows[0];
    expect(Buffer.from(row.signer_name_ciphertext).includes(Buffer.from('Robert'))).toBe(false);
    expect(row.signed_hash).toBe(
      signedHash({
        templateId: published.json().data.id,
        version: platform.version + 1,
        text: 'Наша практика використовує ШІ лише для чернеток нотаток.',
        signer: name,
        at: row.at,
        recipientUserId: null,
        scope: [],
      }),
    );
  });

  it('rejects fields that do not belong to the kind, duplicate categories, and other people’s grants; nothing changes', async () => {
    const client = await addMember(t, org.admin, 'client');
    const other = await addMember(t, org.admin, 'client');
    const theirs = (await give(other, 'treatment')).json().data;
    const before = await count();
    const attempts: [string, Record<string, unknown>, string][] = [
      ['treatment', { session_id: '0190a5e4-1d2c-7b3a-8f00-0000000000aa' }, 'REQUEST.VALIDATION'],
      ['treatment', { recipient_user_id: org.specialist.userId }, 'REQUEST.VALIDATION'],
      ['research', { scope: ['mood'] }, 'REQUEST.VALIDATION'],
      ['data_sharing', { recipient_user_id: org.specialist.userId, scope: ['mood', 'mood'] }, 'REQUEST.VALIDATION'],
      ['data_sharing', { recipient_user_id: org.admin.userId, scope: ['mood'] }, 'CONSENT.INVALID_RECIPIENT'],
      ['data_sharing', { recipient_user_id: other.userId, scope: ['mood'] }, 'CONSENT.INVALID_RECIPIENT'],
      ['data_sharing', { recipient_user_id: org.specialist.userId, scope: [] }, 'REQUEST.VALIDATION'],
      ['telehealth', { language: 'de' }, 'REQUEST.VALIDATION'],
      ['telehealth', { signature_name: ' ' }, 'REQUEST.VALIDATION'],
    ];
    for (const [kind, extra, code] of attempts) {
      const res = await give(client, kind, extra);
      expect(res.json().error?.code, `${kind} ${JSON.stringify(extra)}`).toBe(code);
      expect(res.statusCode).toBe(400);
    }
    for (const s of [client, org.specialist, org.admin]) {
      const res = await revoke(s, theirs.id);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('CONSENT.NOT_FOUND');
    }
    expect((await revoke(client, 'not-a-uuid')).statusCode).toBe(400);
    expect((await revoke(client, '0190a5e4-1d2c-7b3a-8f00-000000000001')).statusCode).toBe(404);
    expect(await count()).toBe(before);
    expect((await revoke(other, theirs.id, { reason: 'x'.repeat(1001) })).statusCode).toBe(400);
    expect((await revoke(other, theirs.id)).statusCode).toBe(200);
    expect((await revoke(other, theirs.id)).json().error.code).toBe('CONSENT.ALREADY_REVOKED');
    expect(await count()).toBe(before + 1);
  });
});

describe('one check for every module', () => {
  it('blocks the guarded read the moment a client revokes, drops the client from shared-with-me, and audits refusals', async () => {
    const client = await addMember(t, org.admin, 'client');
    await call(t.app, { method: 'POST', url: '/api/v1/selfcare/mood', token: client.token, payload: { score: 4 } });
    const read = () => call(t.app, { method: 'GET', url: `/api/v1/clients/${client.userId}/mood?from=${day(-1)}&to=${day(1)}`, token: org.specialist.token });
    const grant = (await give(client, 'data_sharing', { recipient_user_id: org.specialist.userId, scope: ['mood'], expires_in_days: 7 })).json().data;
    expect((await read()).statusCode).toBe(200);
    const shared = (await call(t.app, { method: 'GET', url: '/api/v1/consent/shared-with-me', token: org.specialist.token })).json().data;
    expect(shared.find((s: { grant_id: string }) => s.grant_id === grant.id)).toMatchObject({
      client: { id: client.userId, name: 'A client' },
      scope: ['mood'],
      expires_at: grant.expires_at,
    });
    // A client is not a recipient of anything.
    expect((await call(t.app, { method: 'GET', url: '/api/v1/consent/shared-with-me', token: client.token })).statusCode).toBe(403);

    await revoke(client, grant.id);
    const blocked = await read();
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({ code: 'CONSENT.REQUIRED', details: { kind: 'data_sharing', reason: 'revoked' } });
    const after = (await call(t.app, { method: 'GET', url: '/api/v1/consent/shared-with-me', token: org.specialist.token })).json().data;
    expect(after.map((s: { grant_id: string }) => s.grant_id)).not.toContain(grant.id);
    const denied = await t.owner.query(
      `select purpose, outcome, resource_id, details from audit.audit_log where action = 'consent.denied' and subject_user_id = $1`,
      [client.userId],
    );
    expect(denied.rows).toEqual([
      {
        purpose: 'treatment',
        outcome: 'failure',
        resource_id: grant.id,
        details: { kind: 'data_sharing', reason: 'revoked', category: 'mood', route: '/api/v1/clients/:id/mood' },
      },
    ]);
  });

  it('answers by time, scope and session through consent.check and throws CONSENT.REQUIRED from consent.require', async () => {
    const client = await addMember(t, org.admin, 'client');
    const ctx = { userId: org.specialist.userId, orgId: org.orgId, role: 'specialist', platformAdmin: false, system: false };
    const q = { orgId: org.orgId, clientUserId: client.userId, actorUserId: org.specialist.userId };
    const general = (await give(client, 'recording')).json().data;
    const sharing = (await give(client, 'data_sharing', { recipient_user_id: org.specialist.userId, scope: ['journal'], expires_in_days: 1 })).json().data;
    const results = await t.runtime.db.inContext(ctx, async (tx) => ({
      anySession: await consent.check(tx, { ...q, kind: 'recording', sessionId: '0190a5e4-1d2c-7b3a-8f00-0000000000cc' }),
      inScope: await consent.check(tx, { ...q, kind: 'data_sharing', category: 'journal' }),
      tomorrowAndABit: await consent.check(tx, { ...q, kind: 'data_sharing', category: 'journal', at: new Date(Date.now() + DAY + 60_000) }),
      wrongCategory: await consent.check(tx, { ...q, kind: 'data_sharing', category: 'wearables' }),
      otherActor: await consent.check(tx, { ...q, actorUserId: org.supervisor.userId, kind: 'data_sharing', category: 'journal' }),
      none: await consent.check(tx, { ...q, kind: 'ai_processing' }),
    }));
    expect(results).toEqual({
      anySession: { allowed: true, grantId: general.id, reason: 'granted' },
      inScope: { allowed: true, grantId: sharing.id, reason: 'granted' },
      tomorrowAndABit: { allowed: false, grantId: sharing.id, reason: 'expired' },
      wrongCategory: { allowed: false, grantId: sharing.id, reason: 'out_of_scope' },
      otherActor: { allowed: false, grantId: sharing.id, reason: 'not_recipient' },
      none: { allowed: false, grantId: null, reason: 'no_grant' },
    });
    await expect(t.runtime.db.inContext(ctx, (tx) => consent.require(tx, { ...q, kind: 'research' }))).rejects.toMatchObject({
      code: 'CONSENT.REQUIRED',
      details: { kind: 'research', reason: 'no_grant' },
    });
    // With an audit actor, a refusal is written in the caller's transaction (which commits here).
    const actor = { userId: org.specialist.userId, orgId: org.orgId, requestId: 'test', ip: '127.0.0.1' };
    await t.runtime.db.inContext(ctx, (tx) => consent.check(tx, { ...q, kind: 'research' }, { actor }));
    const rows = await t.owner.query(`select details from audit.audit_log where action = 'consent.denied' and subject_user_id = $1`, [client.userId]);
    expect(rows.rows).toEqual([{ details: { kind: 'research', reason: 'no_grant' } }]);
  });
});
