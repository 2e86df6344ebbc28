import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { caseAccess, caseEvents, cases } from './cases.table';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseAccessRow = typeof caseAccess.$inferSelect;
/** Row-level security decides which cases a query can see; these functions only add filters. */
export const casesRepository = {
  insert: (tx: Tx, row: typeof cases.$inferInsert) => tx.insert(cases).values(row),

  async byId(tx: Tx, id: string): Promise<CaseRow | undefined> {
    const [row] = await tx.select().from(cases).where(eq(cases.id, id));
    return row;
  },

  forClient: (tx: Tx, clientUserId: string) => tx.select().from(cases).where(eq(cases.clientUserId, clientUserId)).orderBy(cases.createdAt),

  /** Locks the case for a change; undefined when the caller cannot see it. */
  async forUpdate(tx: Tx, id: string): Promise<CaseRow | undefined> {
    const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
    return row;
  },

  update: (tx: Tx, id: string, patch: Partial<typeof cases.$inferInsert>) =>
    tx
      .update(cases)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(cases.id, id)),

  /** Changes the lead specialist (see case_mgmt.hand_over); false when the caller may not. */
  async handOver(tx: Tx, id: string, to: string): Promise<boolean> {
    const result = await tx.execute<{ done: boolean }>(sql`select case_mgmt.hand_over(${id}, ${to}) as done`);
    return result.rows[0]?.done === true;
  },

  addEvent: (tx: Tx, row: typeof caseEvents.$inferInsert) => tx.insert(caseEvents).values(row),

  events: (tx: Tx, caseId: string, kind?: CaseEventRow['kind']) =>
    tx
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), kind ? eq(caseEvents.kind, kind) : undefined))
      .orderBy(desc(caseEvents.at), desc(caseEvents.id)),

  activeAccess: (tx: Tx, caseId: string) =>
    tx
      .select()
      .from(caseAccess)
      .where(and(eq(caseAccess.caseId, caseId), isNull(caseAccess.revokedAt)))
      .orderBy(caseAccess.grantedAt),

  async accessOf(tx: Tx, caseId: string, userId: string): Promise<CaseAccessRow | undefined> {
    const [row] = await tx
      .select()
      .from(caseAccess)
      .where(and(eq(caseAccess.caseId, caseId), eq(caseAccess.userId, userId), isNull(caseAccess.revokedAt)));
    return row;
  },

  grantAccess: (tx: Tx, row: typeof caseAccess.$inferInsert) => tx.insert(caseAccess).values(row),

  revokeAccess: (tx: Tx, caseId: string, userId: string, by: string) =>
    tx
      .update(caseAccess)
      .set({ revokedAt: new Date(), revokedBy: by })
      .where(and(eq(caseAccess.caseId, caseId), eq(caseAccess.userId, userId), isNull(caseAccess.revokedAt)))
      .returning({ id: caseAccess.id }),

  /** Active cases whose last completed session is older than `before` (system context). */
  pauseDormant: (tx: Tx, before: Date) =>
    tx
      .update(cases)
      .set({ status: 'paused', updatedAt: new Date() })
      .where(and(eq(cases.status, 'active'), lt(cases.lastSessionAt, before)))
      .returning({ id: cases.id, orgId: cases.orgId, clientUserId: cases.clientUserId }),
};

/** Deletes a client's cases in an org with their history and grants. Only inside the erasure job. */
export async function eraseCasesOf(tx: Tx, orgId: string, clientUserId: string): Promise<number> {
  const ids = (
    await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.orgId, orgId), eq(cases.clientUserId, clientUserId)))
  ).map((r) => r.id);
  if (!ids.length) return 0;
  await tx.delete(caseEvents).where(inArray(caseEvents.caseId, ids));
  await tx.delete(caseAccess).where(inArray(caseAccess.caseId, ids));
  await tx.delete(cases).where(inArray(cases.id, ids));
  return ids.length;
}

/** Case ids and jurisdictions of a client in an org (for erasure). */
export const clientCaseIds = (tx: Tx, orgId: string, clientUserId: string) =>
  tx
    .select({ id: cases.id, jurisdiction: cases.jurisdiction })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.clientUserId, clientUserId)));

/** A client's case led by this specialist, open ones first (where a program chat's risk flag belongs). */
export async function clientCaseWith(tx: Tx, orgId: string, clientUserId: string, specialistUserId: string) {
  const [row] = await tx
    .select({ id: cases.id, jurisdiction: cases.jurisdiction })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.clientUserId, clientUserId), eq(cases.specialistUserId, specialistUserId)))
    .orderBy(sql`${cases.status} in ('draft', 'active', 'paused') desc`, desc(cases.updatedAt))
    .limit(1);
  return row;
}

/** The people of these cases (for asynchronous-therapy targets and figures). */
export const casePeople = (tx: Tx, caseIds: string[]) =>
  caseIds.length
    ? tx
        .select({ id: cases.id, clientUserId: cases.clientUserId, specialistUserId: cases.specialistUserId, status: cases.status })
        .from(cases)
        .where(inArray(cases.id, caseIds))
    : Promise.resolve([]);

/** Who looks after a client now: the leads and granted members of their open cases (system context). */
export async function careTeamOf(tx: Tx, orgId: string, clientUserId: string): Promise<string[]> {
  const open = await tx
    .select({ id: cases.id, lead: cases.specialistUserId })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.clientUserId, clientUserId), inArray(cases.status, ['draft', 'active', 'paused'])));
  if (!open.length) return [];
  const grants = await tx
    .select({ userId: caseAccess.userId })
    .from(caseAccess)
    .where(
      and(
        inArray(
          caseAccess.caseId,
          open.map((c) => c.id),
        ),
        isNull(caseAccess.revokedAt),
      ),
    );
  return [...new Set([...open.map((c) => c.lead), ...grants.map((g) => g.userId)])];
}

/** A session on this case was completed at `at`: the auto-pause clock restarts from it. */
export const recordCompletedSession = (tx: Tx, caseId: string, at: Date) =>
  tx
    .update(cases)
    .set({ lastSessionAt: sql`greatest(${cases.lastSessionAt}, ${at.toISOString()}::timestamptz)`, updatedAt: new Date() })
    .where(eq(cases.id, caseId));
