import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { moodEntries } from './selfcare.table';

export type MoodRow = typeof moodEntries.$inferSelect;

export const moodRepository = {
  insert: (tx: Tx, row: typeof moodEntries.$inferInsert) => tx.insert(moodEntries).values(row),
  ofOwner: (tx: Tx, ownerUserId: string, from: Date, to: Date) =>
    tx
      .select()
      .from(moodEntries)
      .where(and(eq(moodEntries.ownerUserId, ownerUserId), gte(moodEntries.at, from), lt(moodEntries.at, to)))
      .orderBy(desc(moodEntries.at))
      .limit(500),
};

/** Deletes a person's own mood log (erasure of their account only). */
export const eraseMoodOf = (tx: Tx, ownerUserId: string) => tx.delete(moodEntries).where(eq(moodEntries.ownerUserId, ownerUserId));
