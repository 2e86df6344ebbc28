import { boolean, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { users } from '../identity/identity.table';

export const notificationsSchema = pgSchema('notifications');

/**
 * The in-app notification centre. Titles are fixed phrases in both languages and `data` holds ids
 * only, so nothing here is personal health information: the linked page loads (and audits) the rest.
 */
export const inbox = notificationsSchema.table(
  'inbox',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id'),
    kind: text('kind').notNull(),
    titleUk: text('title_uk').notNull(),
    titleEn: text('title_en').notNull(),
    link: text('link'),
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    urgent: text('urgent', { enum: ['yes', 'no'] })
      .notNull()
      .default('no'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('inbox_user_idx').on(t.userId, t.createdAt)],
);

/** A person's choice per category and channel; absent rows mean the category's default. */
export const preferences = notificationsSchema.table(
  'preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    category: text('category', { enum: ['crisis', 'sessions', 'messages', 'care'] }).notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'push'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category, t.channel] })],
);

/** Hours in the person's own zone when only crisis notifications leave the building. */
export const quietHours = notificationsSchema.table('quiet_hours', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  /** Local wall-clock "HH:MM"; a window may cross midnight (22:00 → 07:00). */
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at').notNull(),
  timezone: text('timezone').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A browser's Web Push subscription. The endpoint is a capability URL and the keys let anyone
 * write to that device, so both are sealed with the person's key; the hash finds a browser subscribing again.
 */
export const pushSubscriptions = notificationsSchema.table(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    endpointHash: bytea('endpoint_hash').notNull(),
    subscriptionCiphertext: bytea('subscription_ciphertext').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('push_subscriptions_device_idx').on(t.userId, t.endpointHash)],
);

/**
 * The delivery log: one row per notification and outside channel, claimed by exactly one worker
 * before sending, so a retried or duplicated job never sends twice.
 */
export const deliveries = notificationsSchema.table(
  'deliveries',
  {
    id: uuid('id').primaryKey(),
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inbox.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id'),
    channel: text('channel', { enum: ['email', 'sms', 'push'] }).notNull(),
    category: text('category', { enum: ['crisis', 'sessions', 'messages', 'care'] }).notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'captured', 'skipped', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    detail: text('detail'),
    notBefore: timestamp('not_before', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('deliveries_once_idx').on(t.inboxId, t.channel), index('deliveries_user_idx').on(t.userId, t.createdAt)],
);
