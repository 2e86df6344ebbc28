import { index, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { cases } from '../cases/cases.table';
import { orgs, users } from '../identity/identity.table';

export const messaging = pgSchema('messaging');

export const conversations = messaging.table('conversations', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  kind: text('kind', { enum: ['case', 'direct'] }).notNull(),
  caseId: uuid('case_id').references(() => cases.id),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
