import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { sessionFeedback } from './scheduling.table';

export type SessionFeedbackRow = typeof sessionFeedback.$inferSelect;

/** Row-level security decides who sees what: the session's client and its care team. */
export const sessionFeedbackRepository = {
  async ofSession(tx: Tx, appointmentId: string): Promise<SessionFeedbackRow | undefined> {
    const [row] = await tx.select().from(sessionFeedback).where(eq(sessionFeedback.appointmentId, appointmentId));
    return row;
  },
  ofCase: (tx: Tx, caseId: string) =>
    tx.select().from(sessionFeedback).where(eq(sessionFeedback.caseId, caseId)).orderBy(desc(sessionFeedback.createdAt)).limit(200),
  insert: (tx: Tx, row: typeof sessionFeedback.$inferInsert) => tx.insert(sessionFeedback).values(row),
};
