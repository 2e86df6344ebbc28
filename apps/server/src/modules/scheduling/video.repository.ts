import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { appointments } from './scheduling.table';
import { sessionRecordings, sessionVideoEvents } from './video.table';

export type RecordingRow = typeof sessionRecordings.$inferSelect;
export type VideoEventRow = typeof sessionVideoEvents.$inferSelect;
const RUNNING = ['starting', 'active'] as const;

export const videoRepository = {
  /** Records one webhook delivery; false when this delivery id was recorded before (a retry). */
  async insertEvent(tx: Tx, row: typeof sessionVideoEvents.$inferInsert): Promise<boolean> {
    const inserted = await tx.insert(sessionVideoEvents).values(row).onConflictDoNothing().returning({ id: sessionVideoEvents.id });
    return inserted.length > 0;
  },
  events: (tx: Tx, appointmentId: string) =>
    tx.select().from(sessionVideoEvents).where(eq(sessionVideoEvents.appointmentId, appointmentId)).orderBy(sessionVideoEvents.occurredAt),

  insertRecording: (tx: Tx, row: typeof sessionRecordings.$inferInsert) => tx.insert(sessionRecordings).values(row),
  async runningRecording(tx: Tx, appointmentId: string, lock = false): Promise<RecordingRow | undefined> {
    const query = tx
      .select()
      .from(sessionRecordings)
      .where(and(eq(sessionRecordings.appointmentId, appointmentId), inArray(sessionRecordings.status, RUNNING)));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  async latestRecording(tx: Tx, appointmentId: string): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .select()
      .from(sessionRecordings)
      .where(eq(sessionRecordings.appointmentId, appointmentId))
      .orderBy(desc(sessionRecordings.createdAt))
      .limit(1);
    return row;
  },
  async byProviderId(tx: Tx, providerRecordingId: string, lock = false): Promise<RecordingRow | undefined> {
    const query = tx.select().from(sessionRecordings).where(eq(sessionRecordings.providerRecordingId, providerRecordingId));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  /** Moves a recording on only from the status the caller saw: false when someone else moved it first. */
  async updateRecording(tx: Tx, id: string, from: readonly RecordingRow['status'][], set: Partial<typeof sessionRecordings.$inferInsert>): Promise<boolean> {
    const updated = await tx
      .update(sessionRecordings)
      .set(set)
      .where(and(eq(sessionRecordings.id, id), inArray(sessionRecordings.status, from)))
      .returning({ id: sessionRecordings.id });
    return updated.length > 0;
  },
  /** Running recordings of sessions whose client is this person (a revocation of theirs may stop them). */
  runningRecordingsOfClient: (tx: Tx, orgId: string, clientUserId: string) =>
    tx
      .select({ recording: sessionRecordings, specialistUserId: appointments.specialistUserId })
      .from(sessionRecordings)
      .innerJoin(appointments, eq(appointments.id, sessionRecordings.appointmentId))
      .where(and(eq(sessionRecordings.orgId, orgId), eq(appointments.clientUserId, clientUserId), inArray(sessionRecordings.status, RUNNING))),
};

/** Erasure: the video traces of these appointments go with them. */
export async function eraseVideoOf(tx: Tx, appointmentIds: string[]): Promise<void> {
  if (!appointmentIds.length) return;
  await tx.delete(sessionVideoEvents).where(inArray(sessionVideoEvents.appointmentId, appointmentIds));
  await tx.delete(sessionRecordings).where(inArray(sessionRecordings.appointmentId, appointmentIds));
}
