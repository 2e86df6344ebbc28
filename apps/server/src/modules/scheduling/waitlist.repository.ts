import { and, asc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { appointments, waitlistEntries, waitlistOffers } from './scheduling.table';

export type WaitlistEntryRow = typeof waitlistEntries.$inferSelect;
export type WaitlistOfferRow = typeof waitlistOffers.$inferSelect;

export const waitlistRepository = {
  insertEntry: (tx: Tx, row: typeof waitlistEntries.$inferInsert) => tx.insert(waitlistEntries).values(row),
  async entry(tx: Tx, id: string): Promise<WaitlistEntryRow | undefined> {
    const [row] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
    return row;
  },
  entries: (tx: Tx) => tx.select().from(waitlistEntries).orderBy(asc(waitlistEntries.createdAt)).limit(200),
  setEntryStatus: (tx: Tx, id: string, status: WaitlistEntryRow['status']) => tx.update(waitlistEntries).set({ status }).where(eq(waitlistEntries.id, id)),
  /** Waiting entries for a specialist, first come first served, with none of them already offered `startsAt`. */
  candidates: (tx: Tx, specialistId: string, sessionTypeId: string, startsAt: Date) =>
    tx
      .select()
      .from(waitlistEntries)
      .where(
        and(
          eq(waitlistEntries.specialistUserId, specialistId),
          eq(waitlistEntries.status, 'waiting'),
          or(sql`${waitlistEntries.sessionTypeId} is null`, eq(waitlistEntries.sessionTypeId, sessionTypeId)),
          sql`not exists (select 1 from ${waitlistOffers} o where o.entry_id = ${waitlistEntries.id} and (o.starts_at = ${startsAt.toISOString()} or o.status = 'open'))`,
        ),
      )
      .orderBy(asc(waitlistEntries.createdAt))
      .limit(100),
  insertOffer: (tx: Tx, row: typeof waitlistOffers.$inferInsert) => tx.insert(waitlistOffers).values(row),
  async offer(tx: Tx, id: string, lock = false): Promise<WaitlistOfferRow | undefined> {
    const query = tx.select().from(waitlistOffers).where(eq(waitlistOffers.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  openOffers: (tx: Tx, entryIds: string[]) =>
    entryIds.length
      ? tx
          .select()
          .from(waitlistOffers)
          .where(and(inArray(waitlistOffers.entryId, entryIds), eq(waitlistOffers.status, 'open')))
      : Promise.resolve([]),
  updateOffer: (tx: Tx, id: string, patch: Partial<typeof waitlistOffers.$inferInsert>) =>
    tx.update(waitlistOffers).set(patch).where(eq(waitlistOffers.id, id)),
  /** True when a live appointment of the specialist already overlaps [from, to). */
  async taken(tx: Tx, specialistId: string, from: Date, to: Date): Promise<boolean> {
    const [row] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.specialistUserId, specialistId),
          inArray(appointments.status, ['scheduled', 'in_progress']),
          lt(appointments.blockedFrom, to),
          gt(appointments.blockedUntil, from),
        ),
      )
      .limit(1);
    return Boolean(row);
  },
};

/** Deletes a client's waitlist entries and offers in an org (erasure job only; before their appointments). */
export async function eraseWaitlistOf(tx: Tx, orgId: string, clientUserId: string): Promise<void> {
  await tx.delete(waitlistOffers).where(and(eq(waitlistOffers.orgId, orgId), eq(waitlistOffers.clientUserId, clientUserId)));
  await tx.delete(waitlistEntries).where(and(eq(waitlistEntries.orgId, orgId), eq(waitlistEntries.clientUserId, clientUserId)));
}
