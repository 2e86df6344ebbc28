import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { eraseAttachmentsOf, eraseAttachmentsUploadedBy } from '../files';
import { caseResponse, conversations, messages, participants } from './messaging.table';

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

export const messagingRepository = {
  async caseConversation(tx: Tx, caseId: string): Promise<ConversationRow | undefined> {
    const [row] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.caseId, caseId), eq(conversations.kind, 'case')));
    return row;
  },
  async conversation(tx: Tx, id: string): Promise<ConversationRow | undefined> {
    const [row] = await tx.select().from(conversations).where(eq(conversations.id, id));
    return row;
  },
  insertConversation: (tx: Tx, row: typeof conversations.$inferInsert) => tx.insert(conversations).values(row),
  addParticipants: (tx: Tx, rows: (typeof participants.$inferInsert)[]) => tx.insert(participants).values(rows).onConflictDoNothing(),
  /** True when the person was in the conversation and is no longer. */
  removeParticipant: async (tx: Tx, conversationId: string, userId: string) =>
    (
      await tx
        .delete(participants)
        .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId)))
        .returning({ userId: participants.userId })
    ).length === 1,
  participantsOf: (tx: Tx, conversationId: string) => tx.select().from(participants).where(eq(participants.conversationId, conversationId)),
  async directBetween(tx: Tx, orgId: string, directKey: string): Promise<ConversationRow | undefined> {
    const [row] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), eq(conversations.directKey, directKey)));
    return row;
  },
  /** Inserts unless the pair (or the case) already has its chat; true when this call created it. */
  insertConversationOnce: async (tx: Tx, row: typeof conversations.$inferInsert) =>
    (await tx.insert(conversations).values(row).onConflictDoNothing().returning({ id: conversations.id })).length === 1,
  /** My conversations, latest activity first, with how many messages from others I have not read. */
  mine: (tx: Tx, userId: string) => {
    const lastMessageAt = sql<string | null>`(select max(m.created_at) from ${messages} m where m.conversation_id = ${conversations.id})`;
    return tx
      .select({
        conversation: conversations,
        lastReadAt: participants.lastReadAt,
        unread: sql<number>`(select count(*) from ${messages} m where m.conversation_id = ${conversations.id}
          and m.sender_user_id <> ${userId} and m.created_at > coalesce(${participants.lastReadAt}, '-infinity'))`.mapWith(Number),
        lastMessageAt: lastMessageAt.mapWith((v: string | null) => (v ? new Date(v) : null)),
      })
      .from(participants)
      .innerJoin(conversations, eq(conversations.id, participants.conversationId))
      .where(eq(participants.userId, userId))
      .orderBy(sql`coalesce(${lastMessageAt}, ${conversations.createdAt}) desc`);
  },
  participantsOfMany: (tx: Tx, conversationIds: string[]) =>
    conversationIds.length ? tx.select().from(participants).where(inArray(participants.conversationId, conversationIds)) : Promise.resolve([]),
  insertMessage: (tx: Tx, row: typeof messages.$inferInsert) => tx.insert(messages).values(row),
  page: (tx: Tx, conversationId: string, before: Date | null, limit: number) =>
    tx
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), before ? lt(messages.createdAt, before) : undefined))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit),
  markRead: (tx: Tx, conversationId: string, userId: string, at: Date) =>
    tx
      .update(participants)
      .set({ lastReadAt: at })
      .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId))),
};

/**
 * Deletes the chats of these cases, their attachments and their response-time settings (erasure job only).
 * Returns how many chats went and the storage keys of the attachments' blobs, to purge after commit.
 */
export async function eraseConversationsOf(tx: Tx, caseIds: string[]): Promise<{ conversations: number; attachmentBlobs: string[] }> {
  if (!caseIds.length) return { conversations: 0, attachmentBlobs: [] };
  const ids = (await tx.select({ id: conversations.id }).from(conversations).where(inArray(conversations.caseId, caseIds))).map((r) => r.id);
  await tx.delete(caseResponse).where(inArray(caseResponse.caseId, caseIds));
  if (!ids.length) return { conversations: 0, attachmentBlobs: [] };
  const attachmentBlobs = await eraseAttachmentsOf(tx, ids);
  await tx.delete(messages).where(inArray(messages.conversationId, ids));
  await tx.delete(participants).where(inArray(participants.conversationId, ids));
  await tx.delete(conversations).where(inArray(conversations.id, ids));
  return { conversations: ids.length, attachmentBlobs };
}

/**
 * Deletes what a person wrote in the org's other chats (program and direct), with the files they attached;
 * the conversations and everyone else's messages stay (erasure job only, ADR 0022). Returns how many
 * messages went and the storage keys of the attachments' blobs, to purge after commit.
 */
export async function eraseMessagesOf(tx: Tx, orgId: string, userId: string): Promise<{ messages: number; attachmentBlobs: string[] }> {
  const attachmentBlobs = await eraseAttachmentsUploadedBy(tx, orgId, userId);
  const erased = await tx
    .delete(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.senderUserId, userId)))
    .returning({ id: messages.id });
  return { messages: erased.length, attachmentBlobs };
}

/** Takes a person out of every conversation of the org they were in, read receipts included (erasure job only). */
export async function eraseParticipationOf(tx: Tx, orgId: string, userId: string): Promise<number> {
  return (
    await tx
      .delete(participants)
      .where(and(eq(participants.orgId, orgId), eq(participants.userId, userId)))
      .returning({ id: participants.conversationId })
  ).length;
}
