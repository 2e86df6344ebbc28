import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbContext } from '../src/platform/db/database';
import { addMember, call, type Session, type TestApp, createTestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let a: BuiltOrg;
let b: BuiltOrg;
/** Org A's consent data under attack. */
let target: { sharingGrantId: string; treatmentGrantId: string; practiceTemplateId: string };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

async function templateId(s: Session, kind: string): Promise<string> {
  const res = await call(t.app, { method: 'GET', url: `/api/v1/consent/templates?jurisdiction=UA&kind=${kind}`, token: s.token });
  return res.json().data[0].id;
}
async function grant(s: Session, payload: Record<string, unknown>): Promise<string> {
  const res = await call(t.app, {
    method: 'POST',
    url: '/api/v1/consent',
    token: s.token,
    payload: { signature_name: 'A client', language: 'uk', ...payload },
  });
  if (res.statusCode !== 201) throw new Error(`grant failed: ${res.statusCode} ${res.body}`);
  return res.json().data.id;
}
const contextOf = (s: Session, orgId: string, role: string): DbContext => ({ userId: s.userId, orgId, role, platformAdmin: false, system: false });
const snapshot = async (orgId: string) =>
  (
    await t.owner.query(
      `select (select count(*) from consent.records where org_id = $1) as records, (select count(*) from consent.templates where org_id = $1) as templates`,
      [orgId],
    )
  ).rows[0];

beforeAll(async () => {
  t = await createTestApp();
  a = await buildOrg(t, 'Consent A');
  b = await buildOrg(t, 'Consent B');
  const practice = await call(t.app, {
    method: 'POST',
    url: '/api/v1/consent/templates',
    token: a.admin.token,
    payload: {
      kind: 'research',
      jurisdiction: 'UA',
      title_uk: 'Дослідження практики A',
      title_en: 'Practice A research',
      body_uk: 'Текст практики A про дослідження, лише для її клієнтів.',
      body_en: 'Practice A research text, for its own clients only.',
    },
  });
  target = {
    practiceTemplateId: practice.json().data.id,
    treatmentGrantId: await grant(a.client, { template_id: await templateId(a.client, 'treatment') }),
    sharingGrantId: await grant(a.client, {
      template_id: await templateId(a.client, 'data_sharing'),
      recipient_user_id: a.specialist.userId,
      scope: ['mood', 'journal'],
    }),
  };
});
afterAll(() => t.close());

describe('consent tenancy: org A’s consents are invisible from org B', () => {
  it('answers 404 to B’s admin, specialist and client on every route naming A’s consent data, and changes nothing in A', async () => {
    const before = await snapshot(a.orgId);
    const routes: { does: string; method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> }[] = [
      { does: 'read the status', method: 'GET', url: `/api/v1/consent/status?client_id=${a.client.userId}` },
      { does: 'read the history', method: 'GET', url: `/api/v1/consent/history?client_id=${a.client.userId}` },
      { does: 'revoke a data-sharing grant', method: 'POST', url: `/api/v1/consent/${target.sharingGrantId}/revoke`, payload: { reason: 'x' } },
      { does: 'revoke a treatment grant', method: 'POST', url: `/api/v1/consent/${target.treatmentGrantId}/revoke`, payload: {} },
      {
        does: 'sign A’s own text',
        method: 'POST',
        url: '/api/v1/consent',
        payload: { template_id: target.practiceTemplateId, signature_name: 'B person', language: 'en' },
      },
    ];
    const unexpected: string[] = [];
    for (const [who, s] of [
      ["B's admin", b.admin],
      ["B's specialist", b.specialist],
      ["B's client", b.client],
    ] as const) {
      for (const route of routes) {
        const res = await call(t.app, { method: route.method, url: route.url, token: s.token, ...(route.payload ? { payload: route.payload } : {}) });
        if (res.statusCode !== 404 || res.json().success !== false)
          unexpected.push(`${who} tried to ${route.does} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    // The guarded read of A's client's mood log: B's specialist is told there is no such client.
    const mood = await call(t.app, {
      method: 'GET',
      url: `/api/v1/clients/${a.client.userId}/mood?from=${day(-30)}&to=${day(1)}`,
      token: b.specialist.token,
    });
    if (mood.statusCode !== 404) unexpected.push(`B's specialist read A's client's mood → ${mood.statusCode}`);
    expect(unexpected).toEqual([]);
    // Sharing with a specialist of another practice is refused.
    const elsewhere = await call(t.app, {
      method: 'POST',
      url: '/api/v1/consent',
      token: b.client.token,
      payload: {
        template_id: await templateId(b.client, 'data_sharing'),
        signature_name: 'B client',
        language: 'en',
        recipient_user_id: a.specialist.userId,
        scope: ['mood'],
      },
    });
    expect(elsewhere.json().error.code).toBe('CONSENT.INVALID_RECIPIENT');
    expect(await snapshot(a.orgId)).toEqual(before);
    // B's texts do not include A's own version.
    const texts = await call(t.app, { method: 'GET', url: '/api/v1/consent/templates?kind=research', token: b.client.token });
    expect(texts.json().data.map((x: { id: string }) => x.id)).not.toContain(target.practiceTemplateId);
    // B's specialist is not shown A's sharing.
    expect((await call(t.app, { method: 'GET', url: '/api/v1/consent/shared-with-me', token: b.specialist.token })).json().data).toEqual([]);
  });

  it('returns zero rows of A’s consent records and texts to raw SQL as tend_app in B’s context, for every role; A’s own staff see them', async () => {
    for (const [s, role] of [
      [b.admin, 'org_admin'],
      [b.specialist, 'specialist'],
      [b.supervisor, 'supervisor'],
      [b.client, 'client'],
    ] as const) {
      const rows = await t.runtime.db.inContext(contextOf(s, b.orgId, role), async (tx) => ({
        records: (await tx.$client.query('select id from consent.records where org_id = $1 or client_user_id = $2', [a.orgId, a.client.userId])).rowCount,
        templates: (await tx.$client.query('select id from consent.templates where org_id = $1', [a.orgId])).rowCount,
      }));
      expect(rows, role).toEqual({ records: 0, templates: 0 });
    }
    const own = await t.runtime.db.inContext(contextOf(a.specialist, a.orgId, 'specialist'), (tx) =>
      tx.$client.query('select id from consent.records where org_id = $1', [a.orgId]),
    );
    expect(own.rowCount).toBeGreaterThanOrEqual(2);
  });

  it('keeps A’s consents from A’s other clients and from an EAP manager (404, zero rows)', async () => {
    const other = await addMember(t, a.admin, 'client');
    const eap = await addMember(t, a.admin, 'eap_manager');
    for (const s of [other, eap]) {
      expect((await call(t.app, { method: 'GET', url: `/api/v1/consent/status?client_id=${a.client.userId}`, token: s.token })).statusCode).toBe(404);
      expect((await call(t.app, { method: 'GET', url: `/api/v1/consent/history?client_id=${a.client.userId}`, token: s.token })).statusCode).toBe(404);
      expect((await call(t.app, { method: 'POST', url: `/api/v1/consent/${target.sharingGrantId}/revoke`, token: s.token, payload: {} })).statusCode).toBe(404);
    }
    for (const [s, role] of [
      [other, 'client'],
      [eap, 'eap_manager'],
    ] as const) {
      const seen = await t.runtime.db.inContext(contextOf(s, a.orgId, role), (tx) =>
        tx.$client.query('select id from consent.records where client_user_id = $1', [a.client.userId]),
      );
      expect(seen.rowCount, role).toBe(0);
    }
  });
});

describe('consent records defend themselves in the database', () => {
  const revokeRow = (client: string, grantId: string) =>
    `insert into consent.records (id, org_id, client_user_id, action, kind, template_id, grant_id, language, recorded_by)
     select gen_random_uuid(), org_id, '${client}', 'revoke', kind, template_id, id, language, '${client}' from consent.records where id = '${grantId}'`;

  it('refuses UPDATE, DELETE and TRUNCATE of records and texts, even for the table owner', async () => {
    for (const statement of [
      'update consent.records set scope = \'["wearables"]\'::jsonb',
      'delete from consent.records',
      'truncate consent.records cascade',
      "update consent.templates set body_en = 'changed'",
      'delete from consent.templates where org_id is not null',
      'truncate consent.templates cascade',
    ])
      await expect(t.owner.query(statement), statement).rejects.toThrow(/append-only/);
  });

  it('refuses a revocation of another client’s grant, a second revocation, and a grant naming a non-specialist', async () => {
    const other = await addMember(t, a.admin, 'client');
    // RLS lets a client insert a record for themselves; the trigger checks whose grant it points at.
    await expect(
      t.runtime.db.inContext(contextOf(other, a.orgId, 'client'), (tx) =>
        tx.$client.query(
          `insert into consent.records (id, org_id, client_user_id, action, kind, template_id, grant_id, language, recorded_by)
           values (gen_random_uuid(), $1, $2, 'revoke', 'data_sharing', (select id from consent.templates where kind = 'data_sharing' and org_id is null limit 1), $3, 'en', $2)`,
          [a.orgId, other.userId, target.sharingGrantId],
        ),
      ),
    ).rejects.toThrow(/same client/);
    // Only clients write records, and only their own: staff cannot revoke for a client.
    await expect(
      t.runtime.db.inContext(contextOf(a.specialist, a.orgId, 'specialist'), (tx) => tx.$client.query(revokeRow(a.client.userId, target.treatmentGrantId))),
    ).rejects.toThrow(/row-level security/);
    await t.owner.query(revokeRow(a.client.userId, target.treatmentGrantId));
    await expect(t.owner.query(revokeRow(a.client.userId, target.treatmentGrantId))).rejects.toThrow(/records_one_revocation_uq/);
    await expect(
      t.owner.query(
        `insert into consent.records (id, org_id, client_user_id, action, kind, template_id, recipient_user_id, scope, expires_at, language, signer_name_ciphertext, signed_hash, recorded_by)
         select gen_random_uuid(), $1, $2, 'grant', 'data_sharing', id, $3, '["mood"]', now() + interval '1 day', 'en', '\\x00', 'x', $2
           from consent.templates where kind = 'data_sharing' and org_id is null limit 1`,
        [a.orgId, a.client.userId, other.userId],
      ),
    ).rejects.toThrow(/specialist of the same practice/);
    await expect(
      t.owner.query(
        `insert into consent.records (id, org_id, client_user_id, action, kind, template_id, expires_at, at, language, signer_name_ciphertext, signed_hash, recorded_by)
         select gen_random_uuid(), $1, $2, 'grant', 'treatment', id, now() + interval '400 days', now(), 'en', '\\x00', 'x', $2
           from consent.templates where kind = 'treatment' and org_id is null limit 1`,
        [a.orgId, a.client.userId],
      ),
    ).rejects.toThrow(/records_expiry_ck/);
  });
});
