import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { consentRecords, consentTemplates } from './consent.table';

export type TemplateRow = typeof consentTemplates.$inferSelect;
export type RecordRow = typeof consentRecords.$inferSelect;

const ofClientWhere = (orgId: string, clientUserId: string) => and(eq(consentRecords.orgId, orgId), eq(consentRecords.clientUserId, clientUserId));

export const consentRepository = {
  /** Every text the caller may read (RLS: the platform's and their own practice's), newest version first. */
  templates: (tx: Tx, filter: { kind?: TemplateRow['kind'] | undefined; jurisdiction?: TemplateRow['jurisdiction'] | undefined } = {}) =>
    tx
      .select()
      .from(consentTemplates)
      .where(
        and(
          filter.kind ? eq(consentTemplates.kind, filter.kind) : undefined,
          filter.jurisdiction ? eq(consentTemplates.jurisdiction, filter.jurisdiction) : undefined,
        ),
      )
      .orderBy(consentTemplates.kind, consentTemplates.jurisdiction, desc(consentTemplates.version)),
  async template(tx: Tx, id: string): Promise<TemplateRow | undefined> {
    const [row] = await tx.select().from(consentTemplates).where(eq(consentTemplates.id, id));
    return row;
  },
  templatesById: (tx: Tx, ids: string[]) =>
    ids.length ? tx.select().from(consentTemplates).where(inArray(consentTemplates.id, ids)) : Promise.resolve([] as TemplateRow[]),
  /** Serialises publishing versions of one text in one practice, so two admins cannot both take n+1. */
  lockTemplate: (tx: Tx, orgId: string, kind: string, jurisdiction: string) =>
    tx.$client.query('select pg_advisory_xact_lock(hashtext($1))', [`consent-template:${orgId}:${kind}:${jurisdiction}`]),
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
  /** Serialises revocations of one grant (the unique index is the backstop). */
  lockGrant: (tx: Tx, grantId: string) => tx.$client.query('select pg_advisory_xact_lock(hashtext($1))', [`consent:${grantId}`]),
  /** Every record of a client in an org, newest first. */
  ofClient: (tx: Tx, orgId: string, clientUserId: string, kind?: RecordRow['kind']) =>
    tx
      .select()
      .from(consentRecords)
      .where(and(ofClientWhere(orgId, clientUserId), kind ? eq(consentRecords.kind, kind) : undefined))
      .orderBy(desc(consentRecords.at), desc(consentRecords.id)),
  /** One page of a client's records, newest first, and how many there are. */
  historyPage: (tx: Tx, orgId: string, clientUserId: string, limit: number, offset: number) =>
    Promise.all([
      tx
        .select()
        .from(consentRecords)
        .where(ofClientWhere(orgId, clientUserId))
        .orderBy(desc(consentRecords.at), desc(consentRecords.id))
        .limit(limit)
        .offset(offset),
      tx.$count(consentRecords, ofClientWhere(orgId, clientUserId)),
    ]),
  /** Revocations of these grants, written by the same client in the same org (anything else is not theirs to revoke). */
  revocationsOf: (tx: Tx, orgId: string, clientUserId: string, grantIds: string[]) =>
    grantIds.length
      ? tx
          .select()
          .from(consentRecords)
          .where(and(ofClientWhere(orgId, clientUserId), eq(consentRecords.action, 'revoke'), inArray(consentRecords.grantId, grantIds)))
      : Promise.resolve([] as RecordRow[]),
  /** Data-sharing grants naming this recipient, with their revocation if any, newest first. */
  namingRecipient: (tx: Tx, orgId: string, recipientUserId: string) =>
    tx
      .select()
      .from(consentRecords)
      .where(
        and(
          eq(consentRecords.orgId, orgId),
          eq(consentRecords.recipientUserId, recipientUserId),
          eq(consentRecords.kind, 'data_sharing'),
          eq(consentRecords.action, 'grant'),
          isNull(consentRecords.grantId),
        ),
      )
      .orderBy(desc(consentRecords.at)),
  revokedGrantIds: async (tx: Tx, grantIds: string[]): Promise<Set<string>> => {
    if (!grantIds.length) return new Set();
    const rows = await tx
      .select({ grantId: consentRecords.grantId })
      .from(consentRecords)
      .where(and(eq(consentRecords.action, 'revoke'), inArray(consentRecords.grantId, grantIds)));
    return new Set(rows.map((r) => r.grantId as string));
  },
  async isSpecialistHere(tx: Tx, userId: string): Promise<boolean> {
    const result = await tx.execute<{ ok: boolean }>(sql`select consent.is_specialist_here(${userId}) as ok`);
    return result.rows[0]?.ok === true;
  },
};
