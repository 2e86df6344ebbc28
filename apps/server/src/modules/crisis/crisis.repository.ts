import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { crisisAlerts, escalationLog, riskFlags, safetyPlans } from './crisis.table';

export type AlertRow = typeof crisisAlerts.$inferSelect;
export type LogRow = typeof escalationLog.$inferSelect;
export type PlanRow = typeof safetyPlans.$inferSelect;
export type FlagRow = typeof riskFlags.$inferSelect;

export const crisisRepository = {
  insertAlert: (tx: Tx, row: typeof crisisAlerts.$inferInsert) => tx.insert(crisisAlerts).values(row),
  async alert(tx: Tx, id: string, lock = false): Promise<AlertRow | undefined> {
    const query = tx.select().from(crisisAlerts).where(eq(crisisAlerts.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  alerts: (tx: Tx, orgId: string, statuses: AlertRow['status'][]) =>
    tx
      .select()
      .from(crisisAlerts)
      .where(and(eq(crisisAlerts.orgId, orgId), inArray(crisisAlerts.status, statuses)))
      .orderBy(desc(crisisAlerts.createdAt))
      .limit(200),
  updateAlert: (tx: Tx, id: string, patch: Partial<typeof crisisAlerts.$inferInsert>) => tx.update(crisisAlerts).set(patch).where(eq(crisisAlerts.id, id)),
  log: (tx: Tx, row: typeof escalationLog.$inferInsert) => tx.insert(escalationLog).values(row),
  logOf: (tx: Tx, alertId: string) => tx.select().from(escalationLog).where(eq(escalationLog.alertId, alertId)).orderBy(escalationLog.at, escalationLog.id),

  async currentPlan(tx: Tx, orgId: string, clientUserId: string): Promise<PlanRow | undefined> {
    const [row] = await tx
      .select()
      .from(safetyPlans)
      .where(and(eq(safetyPlans.orgId, orgId), eq(safetyPlans.clientUserId, clientUserId)))
      .orderBy(desc(safetyPlans.version))
      .limit(1);
    return row;
  },
  async canCareFor(tx: Tx, clientUserId: string): Promise<boolean> {
    const result = await tx.execute<{ ok: boolean }>(sql`select crisis.cares_for(${clientUserId}) as ok`);
    return result.rows[0]?.ok === true;
  },
  insertPlan: (tx: Tx, row: typeof safetyPlans.$inferInsert) => tx.insert(safetyPlans).values(row),
  unacknowledged: (tx: Tx, id: string) =>
    tx
      .select()
      .from(crisisAlerts)
      .where(and(eq(crisisAlerts.id, id), eq(crisisAlerts.status, 'open'), isNull(crisisAlerts.acknowledgedAt))),
  insertFlag: (tx: Tx, row: typeof riskFlags.$inferInsert) => tx.insert(riskFlags).values(row),
  async flag(tx: Tx, id: string, lock = false): Promise<FlagRow | undefined> {
    const query = tx.select().from(riskFlags).where(eq(riskFlags.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  flags: (tx: Tx, orgId: string, statuses: FlagRow['status'][]) =>
    tx
      .select()
      .from(riskFlags)
      .where(and(eq(riskFlags.orgId, orgId), inArray(riskFlags.status, statuses)))
      .orderBy(desc(riskFlags.createdAt))
      .limit(200),
  updateFlag: (tx: Tx, id: string, patch: Partial<typeof riskFlags.$inferInsert>) => tx.update(riskFlags).set(patch).where(eq(riskFlags.id, id)),
};

/** Deletes a client's crisis history and safety plans in an org (erasure job only). */
export async function eraseCrisisOf(tx: Tx, orgId: string, clientUserId: string): Promise<void> {
  const alerts = (
    await tx
      .select({ id: crisisAlerts.id })
      .from(crisisAlerts)
      .where(and(eq(crisisAlerts.orgId, orgId), eq(crisisAlerts.clientUserId, clientUserId)))
  ).map((r) => r.id);
  if (alerts.length) await tx.delete(escalationLog).where(inArray(escalationLog.alertId, alerts));
  await tx.delete(crisisAlerts).where(and(eq(crisisAlerts.orgId, orgId), eq(crisisAlerts.clientUserId, clientUserId)));
  await tx.delete(riskFlags).where(and(eq(riskFlags.orgId, orgId), eq(riskFlags.clientUserId, clientUserId)));
  await tx.delete(safetyPlans).where(and(eq(safetyPlans.orgId, orgId), eq(safetyPlans.clientUserId, clientUserId)));
}
