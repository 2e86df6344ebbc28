import { index, integer, pgSchema, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { users } from '../identity/identity.table';

export const selfcare = pgSchema('selfcare');

/**
 * A person's own mood log: client-owned data, keyed by its owner and encrypted with their own key.
 * A specialist sees it only through an active data-sharing consent naming them (ARCHITECTURE §4).
 */
export const moodEntries = selfcare.table(
  'mood_entries',
  {
    id: uuid('id').primaryKey(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    score: integer('score').notNull(),
    noteCiphertext: bytea('note_ciphertext'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mood_entries_owner_idx').on(t.ownerUserId, t.at)],
);
