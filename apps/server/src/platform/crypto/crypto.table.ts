import { sql } from 'drizzle-orm';
import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns';

export const cryptoSchema = pgSchema('crypto');

/** Data keys wrapped by the master key (KEK). Destroying a user's key crypto-shreds their data. */
export const dataKeys = cryptoSchema.table(
  'data_keys',
  {
    id: uuid('id').primaryKey(),
    scope: text('scope', { enum: ['platform', 'org', 'user'] }).notNull(),
    purpose: text('purpose', { enum: ['fields', 'blind_index'] }).notNull(),
    orgId: uuid('org_id'),
    ownerUserId: uuid('owner_user_id'),
    kekId: text('kek_id').notNull(),
    wrapped: bytea('wrapped'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
  },
  (t) => [
    index('data_keys_org_idx')
      .on(t.orgId)
      .where(sql`${t.scope} = 'org'`),
    index('data_keys_user_idx')
      .on(t.ownerUserId)
      .where(sql`${t.scope} = 'user'`),
  ],
);
