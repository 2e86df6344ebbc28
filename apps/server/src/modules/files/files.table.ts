import { bigint, boolean, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { cases } from '../cases/cases.table';
import { orgs, users } from '../identity/identity.table';
import { conversations, messages } from '../messaging/messaging.table';

export const files = pgSchema('files');

/**
 * Files attached to a case. The bytes live in the blob store, sealed with a per-file key that is
 * stored here wrapped by the org's data key; the original filename is encrypted with the org key.
 */
export const caseFiles = files.table(
  'case_files',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    filenameCiphertext: bytea('filename_ciphertext').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Sniffed from the content, never taken from the upload's claim. */
    mimeType: text('mime_type').notNull(),
    /** SHA-256 of the plaintext, hex. */
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    wrappedKey: bytea('wrapped_key').notNull(),
    sharedWithClient: boolean('shared_with_client').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by').references(() => users.id),
  },
  (t) => [index('case_files_case_idx').on(t.caseId, t.createdAt)],
);

/**
 * Files attached to chat messages: sealed like case files, readable by the conversation's participants.
 * A row starts unattached (message_id null) when uploaded and is bound to one message when it is sent.
 */
export const messageAttachments = files.table(
  'message_attachments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    messageId: uuid('message_id').references(() => messages.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    filenameCiphertext: bytea('filename_ciphertext').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mimeType: text('mime_type').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    wrappedKey: bytea('wrapped_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('message_attachments_conversation_idx').on(t.conversationId, t.messageId)],
);
