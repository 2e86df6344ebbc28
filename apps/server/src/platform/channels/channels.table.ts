import { index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns';

export const notifySchema = pgSchema('notify');

/**
 * Outgoing email. Rows are written in the caller's transaction; a pg-boss job delivers them.
 * Without SMTP they stay here as the dev mailbox ("captured"). Recipient and body are encrypted
 * because reset and invitation mails carry links and personal data.
 */
export const mailOutbox = notifySchema.table(
  'mail_outbox',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id'),
    toCiphertext: bytea('to_ciphertext').notNull(),
    subject: text('subject').notNull(),
    bodyCiphertext: bytea('body_ciphertext').notNull(),
    template: text('template').notNull(),
    /** An iCalendar attachment (times and a generic title only, never health information). */
    calendarIcs: text('calendar_ics'),
    status: text('status', { enum: ['queued', 'sent', 'failed', 'captured'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt)],
);

/** The server's VAPID key pair for Web Push, made on first start; the private half sealed for the platform. */
export const vapidKeys = notifySchema.table('vapid_keys', {
  id: integer('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKeyCiphertext: bytea('private_key_ciphertext').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
