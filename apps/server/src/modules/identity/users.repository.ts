import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { memberships, orgs, recoveryCodes, users } from './identity.table';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = { orgId: string; orgName: string; role: typeof memberships.$inferSelect.role; requireSpecialistMfa: boolean };

export const usersRepository = {
  insert: (tx: Tx, row: typeof users.$inferInsert) => tx.insert(users).values(row),

  async byEmailIndex(tx: Tx, emailBlindIndex: Buffer): Promise<UserRow | undefined> {
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.emailBlindIndex, emailBlindIndex), isNull(users.erasedAt)));
    return row;
  },

  async byId(tx: Tx, id: string): Promise<UserRow | undefined> {
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, id), isNull(users.erasedAt)));
    return row;
  },

  update: (tx: Tx, id: string, patch: Partial<typeof users.$inferInsert>) =>
    tx
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id)),

  /** The user's active memberships with their org names, oldest first. */
  memberships: (tx: Tx, userId: string): Promise<MembershipRow[]> =>
    tx
      .select({ orgId: orgs.id, orgName: orgs.name, role: memberships.role, requireSpecialistMfa: orgs.requireSpecialistMfa })
      .from(memberships)
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(and(eq(memberships.userId, userId), isNull(memberships.removedAt)))
      .orderBy(memberships.createdAt),

  replaceRecoveryCodes: async (tx: Tx, userId: string, rows: { id: string; codeHash: Buffer }[]) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    if (rows.length) await tx.insert(recoveryCodes).values(rows.map((r) => ({ ...r, userId })));
  },

  /** Marks a matching unused code as used; true when one was found. */
  async useRecoveryCode(tx: Tx, userId: string, codeHash: Buffer): Promise<boolean> {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used.length > 0;
  },
};
