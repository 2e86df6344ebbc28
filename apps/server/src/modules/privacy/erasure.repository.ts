import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { erasureRequests, legalHolds } from './privacy.table';

export type ErasureRow = typeof erasureRequests.$inferSelect;
export type HoldRow = typeof legalHolds.$inferSelect;

export const erasureRepository = {
  insert: (tx: Tx, row: typeof erasureRequests.$inferInsert) => tx.insert(erasureRequests).values(row),
  async byId(tx: Tx, id: string, lock = false): Promise<ErasureRow | undefined> {
    const query = tx.select().from(erasureRequests).where(eq(erasureRequests.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  open: (tx: Tx, orgId: string, clientUserId: string) =>
    tx
      .select({ id: erasureRequests.id })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.orgId, orgId), eq(erasureRequests.clientUserId, clientUserId), inArray(erasureRequests.status, ['requested', 'approved']))),
  list: (tx: Tx, orgId: string) => tx.select().from(erasureRequests).where(eq(erasureRequests.orgId, orgId)).orderBy(desc(erasureRequests.requestedAt)),
  update: (tx: Tx, id: string, patch: Partial<typeof erasureRequests.$inferInsert>) => tx.update(erasureRequests).set(patch).where(eq(erasureRequests.id, id)),
  holds: (tx: Tx, requestIds: string[]) =>
    requestIds.length ? tx.select().from(legalHolds).where(inArray(legalHolds.requestId, requestIds)) : Promise.resolve([] as HoldRow[]),
  addHold: (tx: Tx, row: typeof legalHolds.$inferInsert) => tx.insert(legalHolds).values(row),
  expiredHolds: (tx: Tx, today: string) =>
    tx
      .select()
      .from(legalHolds)
      .where(and(lte(legalHolds.expiresOn, today), isNull(legalHolds.releasedAt))),
  releaseHold: (tx: Tx, id: string) => tx.update(legalHolds).set({ releasedAt: new Date() }).where(eq(legalHolds.id, id)),
};
