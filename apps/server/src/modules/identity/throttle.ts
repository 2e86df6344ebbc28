import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { loginAttempts } from './identity.table';

export type ThrottleRule = { limit: number; windowSeconds: number; lockSeconds: number };

export const RULES = {
  /** Per account (by email blind index, known or not). */
  email: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  /** Per client address, across accounts. */
  ip: { limit: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  /** Wrong second-factor codes per user. */
  mfa: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
} satisfies Record<string, ThrottleRule>;

/** Seconds until the latest lock among `keys` ends, or 0. */
export async function lockedFor(tx: Tx, keys: string[]): Promise<number> {
  const rows = await tx
    .select({ seconds: sql<number>`ceil(extract(epoch from max(${loginAttempts.lockedUntil}) - now()))::int` })
    .from(loginAttempts)
    .where(inArray(loginAttempts.key, keys));
  return Math.max(0, rows[0]?.seconds ?? 0);
}

/** Counts a failure; locks the key when the rule's limit is reached within its window. */
export async function recordFailure(tx: Tx, key: string, rule: ThrottleRule): Promise<void> {
  const fresh = sql`${loginAttempts.windowStartedAt} < now() - make_interval(secs => ${rule.windowSeconds})`;
  const failures = sql`case when ${fresh} then 1 else ${loginAttempts.failures} + 1 end`;
  await tx
    .insert(loginAttempts)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${fresh} then now() else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${rule.limit} then now() + make_interval(secs => ${rule.lockSeconds}) else ${loginAttempts.lockedUntil} end`,
      },
    });
}

export async function clearFailures(tx: Tx, keys: string[]): Promise<void> {
  await tx.delete(loginAttempts).where(inArray(loginAttempts.key, keys));
}
