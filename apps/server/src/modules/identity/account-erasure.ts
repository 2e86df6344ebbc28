import { randomBytes } from 'node:crypto';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import { sessionsRepository } from './sessions.repository';
import { usersRepository } from './users.repository';

/**
 * Erases a person's account (system context, erasure job): signs them out everywhere, destroys their
 * data key so their name, email and phone can never be read again, and marks the account erased.
 */
export async function eraseAccount(tx: Tx, crypto: FieldCrypto, userId: string): Promise<void> {
  await sessionsRepository.revokeAllOfUser(tx, userId, 'erased');
  await crypto.destroyUserKey(tx, userId);
  // A random blind index frees the email for a new account and leaves nothing that re-identifies it.
  await usersRepository.update(tx, userId, { erasedAt: new Date(), emailBlindIndex: randomBytes(32) });
}
