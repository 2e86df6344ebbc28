import { and, desc, eq, max } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { planProgress, treatmentPlans } from './clinical.table';

export type PlanRow = typeof treatmentPlans.$inferSelect;
export type ProgressRow = typeof planProgress.$inferSelect;

export const plansRepository = {
  async current(tx: Tx, caseId: string): Promise<PlanRow | undefined> {
    const [row] = await tx.select().from(treatmentPlans).where(eq(treatmentPlans.caseId, caseId)).orderBy(desc(treatmentPlans.version)).limit(1);
    return row;
  },
  async byVersion(tx: Tx, caseId: string, version: number): Promise<PlanRow | undefined> {
    const [row] = await tx
      .select()
      .from(treatmentPlans)
      .where(and(eq(treatmentPlans.caseId, caseId), eq(treatmentPlans.version, version)));
    return row;
  },
  all: (tx: Tx, caseId: string) => tx.select().from(treatmentPlans).where(eq(treatmentPlans.caseId, caseId)).orderBy(desc(treatmentPlans.version)),
  /** Takes the plan's save lock for this transaction and returns its latest version (0 when none). */
  async lockLatestVersion(tx: Tx, caseId: string): Promise<number> {
    await tx.$client.query('select pg_advisory_xact_lock(hashtext($1))', [`plan:${caseId}`]);
    const [top] = await tx
      .select({ v: max(treatmentPlans.version) })
      .from(treatmentPlans)
      .where(eq(treatmentPlans.caseId, caseId));
    return top?.v ?? 0;
  },
  insert: (tx: Tx, row: typeof treatmentPlans.$inferInsert) => tx.insert(treatmentPlans).values(row),
  progress: (tx: Tx, caseId: string) =>
    tx.select().from(planProgress).where(eq(planProgress.caseId, caseId)).orderBy(desc(planProgress.at), desc(planProgress.id)),
  insertProgress: (tx: Tx, row: typeof planProgress.$inferInsert) => tx.insert(planProgress).values(row),
};
