import { index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
