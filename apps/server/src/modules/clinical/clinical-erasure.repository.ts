import { inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { notes, noteVersions, planProgress, psychotherapyNotes, treatmentPlans } from './clinical.table';
export { eraseFormsOf } from './forms.repository';

/** Deletes the clinical record of these cases: notes with their versions, psychotherapy notes, plans. Only inside the erasure job. */
export async function eraseClinicalRecord(tx: Tx, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  const noteIds = (await tx.select({ id: notes.id }).from(notes).where(inArray(notes.caseId, caseIds))).map((r) => r.id);
  if (noteIds.length) await tx.delete(noteVersions).where(inArray(noteVersions.noteId, noteIds));
  await tx.delete(notes).where(inArray(notes.caseId, caseIds));
  await tx.delete(psychotherapyNotes).where(inArray(psychotherapyNotes.caseId, caseIds));
  await tx.delete(planProgress).where(inArray(planProgress.caseId, caseIds));
  await tx.delete(treatmentPlans).where(inArray(treatmentPlans.caseId, caseIds));
}
