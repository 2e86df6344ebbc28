import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapKey } from '../src/platform/crypto/cipher';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto';
import { masterKeyFrom, type MasterKey, parseMasterKey } from '../src/platform/crypto/keyring';
import { systemContext } from '../src/platform/db/database';
import { call, createOrg, latestLinkToken, login, register, type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SCHEMAS = ['identity', 'audit', 'crypto', 'notify', 'pgboss'];

describe('field encryption at rest', () => {
  it('stores no name, email or phone in plaintext (nor as raw or base64 bytes) anywhere in identity, audit, crypto, notify or pgboss', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const person = { name: `Zoryana Quillfeather${tag}`, email: `Zoryana.Probe${tag}@Encryption-Probe.test`, phone: `+38 (067) 55${digits(tag)}` };
    const colleague = { name: `Ostap Vyshyvanko${tag}`, email: `ostap.probe${tag}@encryption-probe.test`, phone: `+1 415 77${digits(tag)}9` };
    const invitee = { name: `Marichka Dovbushivna${tag}`, email: `marichka.invitee${tag}@encryption-probe.test` };

    const first = await register(t.app, { name: person.name, email: person.email });
    await setPhone(first.token, person.phone);
    const second = await register(t.app, { name: colleague.name, email: colleague.email });
    await setPhone(second.token, colleague.phone);

    const admin = await createOrg(t.app, 'Encrypted Practice');
    const invite = await call(t.app, {
      method: 'POST',
      url: `/api/v1/orgs/${admin.orgId}/invitations`,
      token: admin.token,
      payload: { email: invitee.email, role: 'specialist' },
    });
    expect(invite.statusCode).toBe(201);
    const token = await latestLinkToken(t, invitee.email, '/invitations/accept');
    const accepted = await call(t.app, {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: invitee.name, password: 'correct horse battery' },
    });
    expect(accepted.statusCode).toBe(200);
    // More places personal data could leak to: a reset mail, throttle counters, profile reads.
    await call(t.app, { method: 'POST', url: '/api/v1/auth/password/forgot', payload: { email: colleague.email } });
    await call(t.app, { method: 'POST', url: '/api/v1/auth/login', payload: { email: person.email, password: 'wrong password here' } });
    await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}/members`, token: admin.token });

    // The API still gives the values back, so the dump below is looking at real data.
    const me = await call(t.app, { method: 'GET', url: '/api/v1/me', token: first.token });
    expect(me.json().data).toMatchObject({ name: person.name, email: person.email.toLowerCase(), phone: person.phone });

    const needles = [
      person.name,
      person.email,
      localPart(person.email),
      person.phone,
      onlyDigits(person.phone),
      colleague.name,
      colleague.email,
      localPart(colleague.email),
      colleague.phone,
      onlyDigits(colleague.phone),
      invitee.name,
      invitee.email,
      localPart(invitee.email),
      ...[person.name, colleague.name, invitee.name].flatMap((n) => n.split(' ')),
    ];
    const dump = await dumpSchemas(SCHEMAS);
    expect(dump.size).toBeGreaterThan(5);
    expect([...dump.keys()]).toEqual(
      expect.arrayContaining(['identity.users', 'identity.invitations', 'notify.mail_outbox', 'audit.audit_log', 'crypto.data_keys']),
    );

    // Controls: the dump does see plaintext columns (the org name) and bytea columns as hex (the blind index).
    const all = [...dump.values()].join('\n');
    expect(all).toContain('encrypted practice');
    expect(all).toContain(t.runtime.crypto.blindIndex(person.email).toString('hex'));
    expect([...dump.keys()].some((table) => table.startsWith('pgboss.'))).toBe(true);

    const found: string[] = [];
    for (const needle of needles) {
      for (const form of encodings(needle)) {
        for (const [table, text] of dump) if (text.includes(form.value)) found.push(`${form.kind} of "${needle}" in ${table}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('encrypts the same name for two people into different ciphertexts', async () => {
    const name = `Same Name ${crypto.randomBytes(3).toString('hex')}`;
    const one = await register(t.app, { name });
    const two = await register(t.app, { name });
    const rows = await t.owner.query<{ id: string; name_ciphertext: Buffer }>('select id, name_ciphertext from identity.users where id = any($1::uuid[])', [
      [one.userId, two.userId],
    ]);
    expect(rows.rows).toHaveLength(2);
    const [a, b] = rows.rows.map((r) => r.name_ciphertext);
    expect(a?.equals(b as Buffer)).toBe(false);
    for (const session of [one, two]) {
      const me = await call(t.app, { method: 'GET', url: '/api/v1/me', token: session.token });
      expect(me.json().data.name).toBe(name);
    }
  });

  it('finds an account by email through the blind index whatever the letter case', async () => {
    const email = `Mixed.Case.${crypto.randomBytes(4).toString('hex')}@Example.TEST`;
    const user = await register(t.app, { email });
    const upper = await login(t.app, email.toUpperCase(), user.password);
    expect(upper.userId).toBe(user.userId);
    const lower = await login(t.app, ` ${email.toLowerCase()} `, user.password);
    expect(lower.userId).toBe(user.userId);

    const stored = await t.owner.query<{ email_blind_index: Buffer; email_ciphertext: Buffer }>(
      'select email_blind_index, email_ciphertext from identity.users where id = $1',
      [user.userId],
    );
    const row = stored.rows[0];
    expect(row?.email_blind_index).toHaveLength(32);
    expect(row?.email_blind_index.equals(t.runtime.crypto.blindIndex(email.toUpperCase()))).toBe(true);
    expect(row?.email_ciphertext.toString('latin1').toLowerCase()).not.toContain(email.toLowerCase());
  });

  it('rewraps every data key when the master key rotates, and people still read their own name and email', async () => {
    const person = { name: `Rotating Person ${crypto.randomBytes(3).toString('hex')}`, email: `rotate-${crypto.randomBytes(4).toString('hex')}@example.test` };
    const user = await register(t.app, person);
    await setPhone(user.token, '+380 44 123 4567');
    await createOrg(t.app, 'Rotation Practice');
    const before = await dataKeys();
    const oldKekIds = new Set(before.map((k) => k.kek_id));
    expect(before.length).toBeGreaterThan(3);

    const next = masterKeyFrom(crypto.randomBytes(32));
    expect(oldKekIds.has(next.id)).toBe(false);
    const count = await t.runtime.db.inContext(systemContext, (tx) => t.runtime.crypto.rewrapAll(tx, next));
    expect(count).toBe(before.length);

    const after = await dataKeys();
    expect(after.map((k) => k.kek_id)).toEqual(after.map(() => next.id));
    for (const key of after) {
      const old = before.find((k) => k.id === key.id);
      expect(key.wrapped.equals(old?.wrapped as Buffer), `data key ${key.id} was rewrapped`).toBe(false);
      // The stored key opens with the new master key alone, and no longer with the old one.
      expect(() => unwrapWith(next, key)).not.toThrow();
      expect(() => unwrapWith(parseMasterKey(t.config.masterKey as string), key)).toThrow();
    }

    const me = await call(t.app, { method: 'GET', url: '/api/v1/me', token: user.token });
    expect(me.statusCode).toBe(200);
    expect(me.json().data).toMatchObject({ name: person.name, email: person.email, phone: '+380 44 123 4567' });
    const again = await login(t.app, person.email.toUpperCase(), user.password);
    expect(again.userId).toBe(user.userId);

    // A fresh process that holds only the new master key (no cached data keys) reads the same values.
    const fresh = createFieldCrypto({ load: async () => [next] });
    const decrypted = await t.runtime.db.inContext(systemContext, async (tx) => {
      await fresh.init(tx);
      const row = (
        await tx.$client.query<{ name_ciphertext: Buffer; email_ciphertext: Buffer }>(
          'select name_ciphertext, email_ciphertext from identity.users where id = $1',
          [user.userId],
        )
      ).rows[0];
      if (!row) throw new Error('user row missing');
      return {
        name: await fresh.open(tx, row.name_ciphertext, `identity.users.name:${user.userId}`),
        email: await fresh.open(tx, row.email_ciphertext, `identity.users.email:${user.userId}`),
        blindIndex: fresh.blindIndex(person.email),
      };
    });
    expect(decrypted).toMatchObject({ name: person.name, email: person.email });
    expect(decrypted.blindIndex.equals(t.runtime.crypto.blindIndex(person.email))).toBe(true);
  });
});

async function setPhone(token: string, phone: string): Promise<void> {
  const res = await call(t.app, { method: 'PATCH', url: '/api/v1/me', token, payload: { phone } });
  if (res.statusCode !== 200) throw new Error(`PATCH /me failed: ${res.statusCode} ${res.body}`);
}

/** Every row of every table in `schemas`, as PostgreSQL's row text (bytea renders as hex), lower-cased, per table. */
async function dumpSchemas(schemas: string[]): Promise<Map<string, string>> {
  const tables = await t.owner.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') order by 1, 2`,
    [schemas],
  );
  const dump = new Map<string, string>();
  for (const { schema, name } of tables.rows) {
    const rows = await t.owner.query<{ row: string }>(`select t::text as row from ${quoteIdent(schema)}.${quoteIdent(name)} t`);
    dump.set(
      `${schema}.${name}`,
      rows.rows
        .map((r) => r.row)
        .join('\n')
        .toLowerCase(),
    );
  }
  return dump;
}

/** The forms a plaintext could take in a lower-cased row dump: itself, its bytes as hex, its base64. */
function encodings(value: string): { kind: string; value: string }[] {
  const forms = new Map<string, string>();
  for (const variant of new Set([value, value.toLowerCase(), value.toUpperCase()])) {
    forms.set(variant.toLowerCase(), 'plaintext');
    forms.set(Buffer.from(variant, 'utf8').toString('hex'), 'hex bytes');
    forms.set(Buffer.from(variant, 'utf8').toString('base64').toLowerCase(), 'base64');
  }
  return [...forms].map(([form, kind]) => ({ kind, value: form }));
}

type DataKeyRow = { id: string; scope: string; purpose: string; kek_id: string; wrapped: Buffer };

async function dataKeys(): Promise<DataKeyRow[]> {
  const rows = await t.owner.query<DataKeyRow>(
    'select id, scope, purpose, kek_id, wrapped from crypto.data_keys where destroyed_at is null and wrapped is not null order by id',
  );
  return rows.rows;
}

/** Unwraps a stored data key the way the keyring does (AAD binds it to its id, scope and purpose). */
function unwrapWith(kek: MasterKey, row: DataKeyRow): Buffer {
  return unwrapKey(kek.key, row.wrapped, `tend:data-key:${row.id}:${row.scope}:${row.purpose}`);
}

const localPart = (email: string) => email.slice(0, email.indexOf('@'));
const onlyDigits = (text: string) => text.replaceAll(/\D/g, '');
/** Four digits derived from a hex tag, so each run's phone numbers are distinct. */
const digits = (hex: string) => String(Number.parseInt(hex, 16) % 10_000).padStart(4, '0');

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
