import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { caseFiles } from './files.table';

export type CaseFileRow = typeof caseFiles.$inferSelect;

/** Row-level security decides who sees which file; these are plain queries over live (undeleted) rows. */
export const filesRepository = {
  insert: (tx: Tx, row: typeof caseFiles.$inferInsert) => tx.insert(caseFiles).values(row),
  forCase: (tx: Tx, caseId: string) =>
    tx
      .select()
      .from(caseFiles)
      .where(and(eq(caseFiles.caseId, caseId), isNull(caseFiles.deletedAt)))
      .orderBy(desc(caseFiles.createdAt)),
  async byId(tx: Tx, id: string, caseId?: string): Promise<CaseFileRow | undefined> {
    const [row] = await tx
      .select()
      .from(caseFiles)
      .where(and(eq(caseFiles.id, id), isNull(caseFiles.deletedAt), ...(caseId ? [eq(caseFiles.caseId, caseId)] : [])));
    return row;
  },
  setShared: (tx: Tx, id: string, shared: boolean) => tx.update(caseFiles).set({ sharedWithClient: shared }).where(eq(caseFiles.id, id)),
  softDelete: (tx: Tx, id: string, by: string) => tx.update(caseFiles).set({ deletedAt: new Date(), deletedBy: by }).where(eq(caseFiles.id, id)),
};

/** Deletes the files of these cases, and with them their wrapped keys (erasure job only). */
export const eraseFilesOfCases = async (tx: Tx, caseIds: string[]): Promise<number> =>
  caseIds.length ? (await tx.delete(caseFiles).where(inArray(caseFiles.caseId, caseIds)).returning({ id: caseFiles.id })).length : 0;
