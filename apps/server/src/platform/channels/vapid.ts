import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { FieldCrypto } from '../crypto/field-crypto';
import { type Database, systemContext } from '../db/database';
import { vapidKeys } from './channels.table';
import { generateVapidKeys, type VapidKeys } from './push';

const AAD = 'notify.vapid_keys.private:1';

/**
 * The VAPID pair from the environment, or else the one this database made on its first start, so
 * every instance of a practice signs with the same key and browsers' subscriptions stay valid.
 */
export async function loadVapidKeys(db: Database, crypto: FieldCrypto, configured: Config['vapid']): Promise<VapidKeys> {
  if (configured.publicKey && configured.privateKey) return { publicKey: configured.publicKey, privateKey: configured.privateKey, subject: configured.subject };
  return db.inContext(systemContext, async (tx) => {
    const [existing] = await tx.select().from(vapidKeys).where(eq(vapidKeys.id, 1));
    if (!existing) {
      const fresh = generateVapidKeys();
      await tx
        .insert(vapidKeys)
        .values({ id: 1, publicKey: fresh.publicKey, privateKeyCiphertext: await crypto.sealForPlatform(tx, fresh.privateKey, AAD) })
        .onConflictDoNothing();
    }
    const [row] = await tx.select().from(vapidKeys).where(eq(vapidKeys.id, 1));
    const privateKey = row ? await crypto.open(tx, row.privateKeyCiphertext, AAD) : null;
    if (!row || !privateKey) throw new Error('the Web Push key pair could not be loaded');
    return { publicKey: row.publicKey, privateKey, subject: configured.subject };
  });
}
