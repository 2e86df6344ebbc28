import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { formAssignments, forms } from './clinical.table';

export type FormRow = typeof forms.$inferSelect;
export type AssignmentRow = typeof formAssignments.$inferSelect;

export const formsRepository = {
  list: (tx: Tx, orgId: string) => tx.select().from(forms).where(eq(forms.orgId, orgId)).orderBy(desc(forms.createdAt)),
  async byId(tx: Tx, id: string): Promise<FormRow | undefined> {
    const [row] = await tx.select().from(forms).where(eq(forms.id, id));
    return row;
  },
  insert: (tx: Tx, row: typeof forms.$inferInsert) => tx.insert(forms).values(row),

  assign: (tx: Tx, row: typeof formAssignments.$inferInsert) => tx.insert(formAssignments).values(row),
  async assignment(tx: Tx, id: string, lock = false): Promise<AssignmentRow | undefined> {
    const query = tx.select().from(formAssignments).where(eq(formAssignments.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  forCase: (tx: Tx, caseId: string) => tx.select().from(formAssignments).where(eq(formAssignments.caseId, caseId)).orderBy(desc(formAssignments.sentAt)),
  forClient: (tx: Tx, clientUserId: string, statuses: AssignmentRow['status'][]) =>
    tx
      .select()
      .from(formAssignments)
      .where(and(eq(formAssignments.clientUserId, clientUserId), inArray(formAssignments.status, statuses)))
      .orderBy(desc(formAssignments.sentAt)),
  update: (tx: Tx, id: string, patch: Partial<typeof formAssignments.$inferInsert>) =>
    tx
      .update(formAssignments)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(formAssignments.id, id)),
};

/** Deletes a client's forms in an org. Only inside the erasure job. */
export const eraseFormsOf = async (tx: Tx, orgId: string, clientUserId: string): Promise<number> =>
  (
    await tx
      .delete(formAssignments)
      .where(and(eq(formAssignments.orgId, orgId), eq(formAssignments.clientUserId, clientUserId)))
      .returning({ id: formAssignments.id })
  ).length;
