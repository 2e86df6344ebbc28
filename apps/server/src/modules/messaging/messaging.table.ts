import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { cases } from '../cases/cases.table';
import { orgs, users } from '../identity/identity.table';

export const messaging = pgSchema('messaging');

export const CONVERSATION_KINDS = ['case', 'direct', 'program'] as const;

export const conversations = messaging.table(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: CONVERSATION_KINDS }).notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    /** A program chat's title, encrypted with the org key. */
    titleCiphertext: bytea('title_ciphertext'),
    /** A direct chat's two user ids, sorted and joined: one conversation per pair. */
    directKey: text('direct_key'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_direct_pair_idx')
      .on(t.orgId, t.directKey)
      .where(sql`${t.directKey} is not null`),
    // One chat per case, however many people open it at the same moment.
    uniqueIndex('conversations_case_idx')
      .on(t.caseId)
      .where(sql`${t.kind} = 'case'`),
  ],
);

export const participants = messaging.table(
  'participants',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('participants_user_idx').on(t.userId)],
);

/** Messages are encrypted with the org key and stored before anyone is told about them. */
export const messages = messaging.table(
  'messages',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    senderUserId: uuid('sender_user_id')
      .notNull()
      .references(() => users.id),
    bodyCiphertext: bytea('body_ciphertext').notNull(),
    riskLevel: text('risk_level', { enum: ['none', 'low', 'moderate', 'high', 'crisis'] })
      .notNull()
      .default('none'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** The practice's response-time target for asynchronous (messaging) therapy; absent means the default. */
export const responseSettings = messaging.table('response_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  targetHours: integer('target_hours').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A case's asynchronous-therapy settings: marked messaging-only, and its own target if it differs from the practice's. */
export const caseResponse = messaging.table('case_response', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  messagingOnly: boolean('messaging_only').notNull().default(false),
  targetHours: integer('target_hours'),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
