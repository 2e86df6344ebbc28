import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterCommit, type Tx } from '../db/database';
import { keyIdOf, open, seal, unwrapKey, wrapKey } from './cipher';
import { dataKeys } from './crypto.table';
import type { MasterKey, MasterKeySource } from './keyring';

type Scope = 'platform' | 'org' | 'user';
type Purpose = 'fields' | 'blind_index';

/** Field encryption and blind indexes over data keys wrapped by the master key (ARCHITECTURE §4). */
export type FieldCrypto = {
  /** Loads master keys and makes sure the platform keys exist. Call once at start. */
  init(tx: Tx): Promise<void>;
  createUserKey(tx: Tx, userId: string): Promise<void>;
  createOrgKey(tx: Tx, orgId: string): Promise<void>;
  sealForUser(tx: Tx, userId: string, plaintext: string, aad: string): Promise<Buffer>;
  sealForOrg(tx: Tx, orgId: string, plaintext: string, aad: string): Promise<Buffer>;
  sealForPlatform(tx: Tx, plaintext: string, aad: string): Promise<Buffer>;
  /** null when the key was destroyed (crypto-shredded). */
  open(tx: Tx, sealed: Buffer, aad: string): Promise<string | null>;
  /** Wraps a per-object key (e.g. a file's) with the org's data key. */
  sealKeyForOrg(tx: Tx, orgId: string, key: Buffer, aad: string): Promise<Buffer>;
  /** Unwraps what sealKeyForOrg wrapped; null when the org key was destroyed. */
  openKey(tx: Tx, sealed: Buffer, aad: string): Promise<Buffer | null>;
  /** HMAC-SHA256 of the normalised value with the platform blind-index key. */
  blindIndex(value: string): Buffer;
  /** Destroys the user's data keys; once that commits, every instance forgets its copy (key-events.ts). */
  destroyUserKey(tx: Tx, userId: string): Promise<void>;
  /** Drops the cached keys with these ids (destroyed elsewhere); with none given, every cached key. */
  forgetKeys(ids?: readonly string[]): void;
  /** Rewraps every data key with `next`; returns how many. Old master keys stay usable for unwrapping. */
  rewrapAll(tx: Tx, next: MasterKey): Promise<number>;
  currentMasterKeyId(): string;
};

const CACHE_LIMIT = 20_000;
/** The NOTIFY channel on which a destroyed data key's id reaches every instance. */
export const KEY_EVENTS_CHANNEL = 'tend_data_keys';

export function createFieldCrypto(source: MasterKeySource): FieldCrypto {
  let masters: MasterKey[] = [];
  let blindIndexKey: Buffer | null = null;
  let platformFieldsKeyId: string | null = null;
  const keys = new Map<string, Buffer | null>(); // key id -> key (null = destroyed)
  const ownerKeyIds = new Map<string, string>(); // "user:<id>" / "org:<id>" -> key id

  const current = () => {
    const kek = masters[0];
    if (!kek) throw new Error('No master key loaded');
    return kek;
  };
  const aadOf = (id: string, scope: Scope, purpose: Purpose) => `tend:data-key:${id}:${scope}:${purpose}`;
  const remember = (id: string, key: Buffer | null) => {
    if (keys.size >= CACHE_LIMIT) keys.delete(keys.keys().next().value as string);
    keys.set(id, key);
  };

  /** The next use reads the key row again (and finds it destroyed, or rewrapped). */
  function forget(ids?: readonly string[]) {
    if (!ids) {
      keys.clear();
      ownerKeyIds.clear();
      return;
    }
    const gone = new Set(ids);
    for (const id of gone) keys.delete(id);
    for (const [owner, id] of ownerKeyIds) if (gone.has(id)) ownerKeyIds.delete(owner);
  }

  async function unwrap(row: typeof dataKeys.$inferSelect): Promise<Buffer | null> {
    if (!row.wrapped || row.destroyedAt) return null;
    let kek = masters.find((m) => m.id === row.kekId);
    if (!kek) {
      masters = await source.load(); // another instance rotated the master key
      kek = masters.find((m) => m.id === row.kekId);
    }
    if (!kek) throw new Error(`Master key ${row.kekId} is not available; set TEND_MASTER_KEY_PREVIOUS`);
    return unwrapKey(kek.key, row.wrapped, aadOf(row.id, row.scope, row.purpose));
  }

  async function keyById(tx: Tx, id: string): Promise<Buffer | null> {
    if (keys.has(id)) return keys.get(id) ?? null;
    const [row] = await tx.select().from(dataKeys).where(eq(dataKeys.id, id));
    if (!row) throw new Error(`Data key ${id} not found`);
    const key = await unwrap(row);
    remember(id, key);
    return key;
  }

  async function insertKey(tx: Tx, scope: Scope, purpose: Purpose, owner: { orgId?: string; userId?: string }) {
    const id = uuidv7();
    const key = crypto.randomBytes(32);
    const kek = current();
    await tx.insert(dataKeys).values({
      id,
      scope,
      purpose,
      orgId: owner.orgId ?? null,
      ownerUserId: owner.userId ?? null,
      kekId: kek.id,
      wrapped: wrapKey(kek.key, key, aadOf(id, scope, purpose)),
    });
    remember(id, key);
    return { id, key };
  }

  async function ownerKey(tx: Tx, scope: 'org' | 'user', ownerId: string): Promise<{ id: string; key: Buffer }> {
    const cacheKey = `${scope}:${ownerId}`;
    let id = ownerKeyIds.get(cacheKey);
    if (!id) {
      const column = scope === 'org' ? dataKeys.orgId : dataKeys.ownerUserId;
      const [row] = await tx
        .select({ id: dataKeys.id })
        .from(dataKeys)
        .where(and(eq(dataKeys.scope, scope), eq(column, ownerId), isNull(dataKeys.destroyedAt)));
      if (!row) throw new Error(`No ${scope} data key for ${ownerId}`);
      id = row.id;
      ownerKeyIds.set(cacheKey, id);
    }
    const key = await keyById(tx, id);
    if (!key) throw new Error(`The ${scope} data key for ${ownerId} was destroyed`);
    return { id, key };
  }

  async function platformKey(tx: Tx, purpose: Purpose) {
    const [row] = await tx
      .select()
      .from(dataKeys)
      .where(and(eq(dataKeys.scope, 'platform'), eq(dataKeys.purpose, purpose)));
    if (row) return { id: row.id, key: (await unwrap(row)) as Buffer };
    return insertKey(tx, 'platform', purpose, {});
  }

  return {
    async init(tx) {
      masters = await source.load();
      blindIndexKey = (await platformKey(tx, 'blind_index')).key;
      platformFieldsKeyId = (await platformKey(tx, 'fields')).id;
    },
    createUserKey: async (tx, userId) => {
      const { id } = await insertKey(tx, 'user', 'fields', { userId });
      ownerKeyIds.set(`user:${userId}`, id);
    },
    createOrgKey: async (tx, orgId) => {
      const { id } = await insertKey(tx, 'org', 'fields', { orgId });
      ownerKeyIds.set(`org:${orgId}`, id);
    },
    async sealForUser(tx, userId, plaintext, aad) {
      const { id, key } = await ownerKey(tx, 'user', userId);
      return seal(id, key, plaintext, aad);
    },
    async sealForOrg(tx, orgId, plaintext, aad) {
      const { id, key } = await ownerKey(tx, 'org', orgId);
      return seal(id, key, plaintext, aad);
    },
    async sealKeyForOrg(tx, orgId, key, aad) {
      const owner = await ownerKey(tx, 'org', orgId);
      return seal(owner.id, owner.key, key, aad);
    },
    async openKey(tx, sealed, aad) {
      const key = await keyById(tx, keyIdOf(sealed));
      return key ? open(key, sealed, aad) : null;
    },
    async sealForPlatform(tx, plaintext, aad) {
      if (!platformFieldsKeyId) throw new Error('FieldCrypto.init was not called');
      const key = await keyById(tx, platformFieldsKeyId);
      return seal(platformFieldsKeyId, key as Buffer, plaintext, aad);
    },
    async open(tx, sealed, aad) {
      const key = await keyById(tx, keyIdOf(sealed));
      return key ? open(key, sealed, aad).toString('utf8') : null;
    },
    blindIndex(value) {
      if (!blindIndexKey) throw new Error('FieldCrypto.init was not called');
      return crypto.createHmac('sha256', blindIndexKey).update(value.trim().toLowerCase()).digest();
    },
    async destroyUserKey(tx, userId) {
      const rows = await tx
        .update(dataKeys)
        .set({ wrapped: null, destroyedAt: new Date() })
        .where(and(eq(dataKeys.scope, 'user'), eq(dataKeys.ownerUserId, userId)))
        .returning({ id: dataKeys.id });
      const ids = rows.map((row) => row.id);
      // PostgreSQL sends a NOTIFY only when the transaction commits: a rolled-back erasure destroys nothing anywhere.
      if (ids.length) await tx.execute(sql`select pg_notify(${KEY_EVENTS_CHANNEL}, ${ids.join(',')})`);
      afterCommit(tx, () => forget(ids));
    },
    forgetKeys: (ids) => forget(ids),
    async rewrapAll(tx, next) {
      const rows = await tx.select().from(dataKeys).where(isNull(dataKeys.destroyedAt)).for('update');
      for (const row of rows) {
        const key = await unwrap(row);
        if (!key) continue;
        await tx
          .update(dataKeys)
          .set({ kekId: next.id, wrapped: wrapKey(next.key, key, aadOf(row.id, row.scope, row.purpose)), rotatedAt: new Date() })
          .where(eq(dataKeys.id, row.id));
      }
      masters = [next, ...masters.filter((m) => m.id !== next.id)];
      return rows.length;
    },
    currentMasterKeyId: () => current().id,
  };
}
