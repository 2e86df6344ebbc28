import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { authSessions } from './identity.table';

export type SessionRow = typeof authSessions.$inferSelect;

export const sessionsRepository = {
  insert: (tx: Tx, row: typeof authSessions.$inferInsert) => tx.insert(authSessions).values(row),

  async byTokenHash(tx: Tx, tokenHash: Buffer): Promise<SessionRow | undefined> {
    const [row] = await tx.select().from(authSessions).where(eq(authSessions.tokenHash, tokenHash)).for('update');
    return row;
  },

  markRotated: (tx: Tx, id: string) => tx.update(authSessions).set({ rotatedAt: new Date() }).where(eq(authSessions.id, id)),

  revokeFamily: (tx: Tx, familyId: string, reason: string) =>
    tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(authSessions.familyId, familyId), isNull(authSessions.revokedAt))),

  revokeAllOfUser: (tx: Tx, userId: string, reason: string, exceptFamilyId?: string) =>
    tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), ...(exceptFamilyId ? [ne(authSessions.familyId, exceptFamilyId)] : []))),

  setFamilyOrg: (tx: Tx, familyId: string, orgId: string) => tx.update(authSessions).set({ orgId }).where(eq(authSessions.familyId, familyId)),

  /** One row per signed-in device: the live (not rotated, not revoked, not expired) token of each family. */
  active: (tx: Tx, userId: string) =>
    tx
      .select()
      .from(authSessions)
      .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), isNull(authSessions.rotatedAt), gt(authSessions.expiresAt, new Date())))
      .orderBy(desc(authSessions.lastUsedAt)),
};
