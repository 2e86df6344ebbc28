import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { homework } from './selfcare.table';

export type HomeworkRow = typeof homework.$inferSelect;

/** Row-level security decides who sees what: the client it is for and the case's care team. */
export const homeworkRepository = {
  insert: (tx: Tx, row: typeof homework.$inferInsert) => tx.insert(homework).values(row),
  async byId(tx: Tx, id: string): Promise<HomeworkRow | undefined> {
    const [row] = await tx.select().from(homework).where(eq(homework.id, id));
    return row;
  },
  ofClient: (tx: Tx, orgId: string, clientUserId: string) =>
    tx
      .select()
      .from(homework)
      .where(and(eq(homework.orgId, orgId), eq(homework.clientUserId, clientUserId)))
      .orderBy(desc(homework.createdAt))
      .limit(200),
  ofSession: (tx: Tx, appointmentId: string) => tx.select().from(homework).where(eq(homework.appointmentId, appointmentId)).orderBy(homework.createdAt),
  setDone: (tx: Tx, id: string, doneAt: Date | null) => tx.update(homework).set({ doneAt }).where(eq(homework.id, id)),
};

/** Deletes the homework of erased cases (before the cases themselves). */
export const eraseHomeworkOfCases = async (tx: Tx, caseIds: string[]) => {
  if (caseIds.length) await tx.delete(homework).where(inArray(homework.caseId, caseIds));
};
