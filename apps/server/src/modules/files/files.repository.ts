import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { caseFiles, messageAttachments } from './files.table';

export type CaseFileRow = typeof caseFiles.$inferSelect;
export type AttachmentRow = typeof messageAttachments.$inferSelect;

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
  /**
   * What the client of these cases sees of their files, oldest first: their own uploads and what the care team
   * shared with them. The read policy already says so; the export spells it out too, because a file leaked into
   * an export is worse than one missing from it. Only the description, never the key or the storage location.
   */
  visibleToClient: (tx: Tx, clientUserId: string, caseIds: string[]) =>
    caseIds.length
      ? tx
          .select({
            id: caseFiles.id,
            caseId: caseFiles.caseId,
            uploadedBy: caseFiles.uploadedBy,
            filenameCiphertext: caseFiles.filenameCiphertext,
            size: caseFiles.size,
            mimeType: caseFiles.mimeType,
            createdAt: caseFiles.createdAt,
          })
          .from(caseFiles)
          .where(
            and(
              inArray(caseFiles.caseId, caseIds),
              isNull(caseFiles.deletedAt),
              or(eq(caseFiles.sharedWithClient, true), eq(caseFiles.uploadedBy, clientUserId)),
            ),
          )
          .orderBy(asc(caseFiles.createdAt))
      : Promise.resolve([]),
};

/**
 * Deletes the files of these cases, and with them their wrapped keys (erasure job only). Returns the
 * storage keys of their blobs, which the caller purges once this transaction commits (files.purge.ts).
 */
export const eraseFilesOfCases = async (tx: Tx, caseIds: string[]): Promise<string[]> =>
  caseIds.length ? (await tx.delete(caseFiles).where(inArray(caseFiles.caseId, caseIds)).returning({ key: caseFiles.storageKey })).map((r) => r.key) : [];

/** Chat attachments; RLS shows one to the conversation's participants once it is on a message, and to its uploader before. */
export const attachmentsRepository = {
  /** Asks the database's own membership rule (the one the attachment policies use), not the messaging tables. */
  async isParticipant(tx: Tx, conversationId: string): Promise<boolean> {
    const result = await tx.execute<{ member: boolean }>(sql`select messaging.is_participant(${conversationId}::uuid) as member`);
    return result.rows[0]?.member === true;
  },
  insert: (tx: Tx, row: typeof messageAttachments.$inferInsert) => tx.insert(messageAttachments).values(row),
  async byId(tx: Tx, id: string, conversationId?: string): Promise<AttachmentRow | undefined> {
    const [row] = await tx
      .select()
      .from(messageAttachments)
      .where(and(eq(messageAttachments.id, id), ...(conversationId ? [eq(messageAttachments.conversationId, conversationId)] : [])));
    return row;
  },
  /** Binds my unattached uploads in this conversation to a message; returns how many were bound. */
  bind: async (tx: Tx, ids: string[], conversationId: string, messageId: string, uploadedBy: string) =>
    (
      await tx
        .update(messageAttachments)
        .set({ messageId })
        .where(
          and(
            inArray(messageAttachments.id, ids),
            eq(messageAttachments.conversationId, conversationId),
            eq(messageAttachments.uploadedBy, uploadedBy),
            isNull(messageAttachments.messageId),
          ),
        )
        .returning({ id: messageAttachments.id })
    ).length,
  ofMessages: (tx: Tx, messageIds: string[]) =>
    messageIds.length
      ? tx.select().from(messageAttachments).where(inArray(messageAttachments.messageId, messageIds)).orderBy(asc(messageAttachments.createdAt))
      : Promise.resolve([]),
};

/**
 * Deletes every chat attachment a person uploaded in an org, sent or not (erasure job only; the wrapped keys
 * go with the rows). Returns the storage keys of their blobs, to purge after commit.
 */
export const eraseAttachmentsUploadedBy = async (tx: Tx, orgId: string, userId: string): Promise<string[]> =>
  (
    await tx
      .delete(messageAttachments)
      .where(and(eq(messageAttachments.orgId, orgId), eq(messageAttachments.uploadedBy, userId)))
      .returning({ key: messageAttachments.storageKey })
  ).map((r) => r.key);

/** Deletes the attachments of these conversations, and with them their wrapped keys (erasure job only); returns their storage keys. */
export const eraseAttachmentsOf = async (tx: Tx, conversationIds: string[]): Promise<string[]> =>
  conversationIds.length
    ? (
        await tx.delete(messageAttachments).where(inArray(messageAttachments.conversationId, conversationIds)).returning({ key: messageAttachments.storageKey })
      ).map((r) => r.key)
    : [];
