import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { consentRecords, consentTemplates } from './consent.table';

export type TemplateRow = typeof consentTemplates.$inferSelect;
export type RecordRow = typeof consentRecords.$inferSelect;

export const consentRepository = {
  templates: (tx: Tx) => tx.select().from(consentTemplates).orderBy(consentTemplates.kind, consentTemplates.jurisdiction, desc(consentTemplates.version)),
  async template(tx: Tx, id: string): Promise<TemplateRow | undefined> {
    const [row] = await tx.select().from(consentTemplates).where(eq(consentTemplates.id, id));
    return row;
  },
  async latestOrgVersion(tx: Tx, orgId: string, kind: TemplateRow['kind'], jurisdiction: TemplateRow['jurisdiction']): Promise<number> {
    const [row] = await tx
      .select({ v: sql<number>`coalesce(max(${consentTemplates.version}), 0)` })
      .from(consentTemplates)
      .where(
        and(
          eq(consentTemplates.kind, kind),
          eq(consentTemplates.jurisdiction, jurisdiction),
          sql`(${consentTemplates.orgId} = ${orgId} or ${consentTemplates.orgId} is null)`,
        ),
      );
    return Number(row?.v ?? 0);
  },
  insertTemplate: (tx: Tx, row: typeof consentTemplates.$inferInsert) => tx.insert(consentTemplates).values(row),
  insert: (tx: Tx, row: typeof consentRecords.$inferInsert) => tx.insert(consentRecords).values(row),
  async record(tx: Tx, id: string): Promise<RecordRow | undefined> {
    const [row] = await tx.select().from(consentRecords).where(eq(consentRecords.id, id));
    return row;
  },
  /** Every record of a client in an org, newest first. */
  ofClient: (tx: Tx, orgId: string, clientUserId: string, kind?: RecordRow['kind']) =>
    tx
      .select()
      .from(consentRecords)
      .where(and(eq(consentRecords.orgId, orgId), eq(consentRecords.clientUserId, clientUserId), kind ? eq(consentRecords.kind, kind) : undefined))
      .orderBy(desc(consentRecords.at), desc(consentRecords.id)),
  revocationsOf: (tx: Tx, grantIds: string[]) =>
    grantIds.length
      ? tx
          .select()
          .from(consentRecords)
          .where(and(eq(consentRecords.action, 'revoke'), inArray(consentRecords.grantId, grantIds)))
      : Promise.resolve([] as RecordRow[]),
  namingRecipient: (tx: Tx, orgId: string, recipientUserId: string) =>
    tx
      .select()
      .from(consentRecords)
      .where(
        and(
          eq(consentRecords.orgId, orgId),
          eq(consentRecords.recipientUserId, recipientUserId),
          eq(consentRecords.action, 'grant'),
          isNull(consentRecords.grantId),
        ),
      )
      .orderBy(desc(consentRecords.at)),
  async isSpecialistHere(tx: Tx, userId: string): Promise<boolean> {
    const result = await tx.execute<{ ok: boolean }>(sql`select consent.is_specialist_here(${userId}) as ok`);
    return result.rows[0]?.ok === true;
  },
};
