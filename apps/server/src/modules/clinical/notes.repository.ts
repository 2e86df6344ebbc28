import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { type Statement, statementName } from '../../platform/db/statements';
import { qualifiedName, selectList } from '../../platform/db/table-sql';
import { noteTemplates, notes, noteVersions, psychotherapyNotes } from './clinical.table';

export type NoteRow = typeof notes.$inferSelect;
export type NoteVersionRow = typeof noteVersions.$inferSelect;
export type NoteTemplateRow = typeof noteTemplates.$inferSelect;
export type PsychotherapyNoteRow = typeof psychotherapyNotes.$inferSelect;

/** A case's notes by one statement text per page size, written once (platform/db/table-sql): the case page reads them on every open. */
const forCaseTexts = new Map<number, string>();
function forCaseText(limit = 0): string {
  let text = forCaseTexts.get(limit);
  if (!text) {
    // The page size goes into the text (it comes from code, not from a request): see caseload.query.ts on LIMIT $n.
    text = `select ${selectList(notes, 'n')} from ${qualifiedName(notes)} n where n.case_id = $1 order by n.created_at desc${limit ? ` limit ${Math.trunc(limit)}` : ''}`;
    forCaseTexts.set(limit, text);
  }
  return text;
}

/** Row-level security decides who sees what; these are plain queries. */
export const notesRepository = {
  templates: (tx: Tx, orgId: string) => tx.select().from(noteTemplates).where(eq(noteTemplates.orgId, orgId)).orderBy(noteTemplates.createdAt),
  async template(tx: Tx, id: string): Promise<NoteTemplateRow | undefined> {
    const [row] = await tx.select().from(noteTemplates).where(eq(noteTemplates.id, id));
    return row;
  },
  insertTemplate: (tx: Tx, row: typeof noteTemplates.$inferInsert) => tx.insert(noteTemplates).values(row),

  insert: (tx: Tx, row: typeof notes.$inferInsert) => tx.insert(notes).values(row),
  /** A case's notes, newest first; the first `limit` of them when given (a case page shows three). */
  async forCase(tx: Tx, caseId: string, limit?: number): Promise<NoteRow[]> {
    const result = await tx.$client.query<NoteRow>(notesRepository.forCaseStatement(caseId, limit));
    return result.rows;
  },
  /** The statement behind `forCase`, to run alongside another (its rows are `NoteRow`s). */
  forCaseStatement(caseId: string, limit?: number): Statement {
    const text = forCaseText(limit);
    return { name: statementName(text), text, values: [caseId] };
  },
  async byId(tx: Tx, caseId: string, id: string, lock = false): Promise<NoteRow | undefined> {
    const query = tx
      .select()
      .from(notes)
      .where(and(eq(notes.id, id), eq(notes.caseId, caseId)));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  async byAppointment(tx: Tx, appointmentId: string, lock = false): Promise<NoteRow | undefined> {
    const query = tx.select().from(notes).where(eq(notes.appointmentId, appointmentId));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  update: (tx: Tx, id: string, patch: Partial<typeof notes.$inferInsert>) =>
    tx
      .update(notes)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(notes.id, id)),

  addVersion: (tx: Tx, row: typeof noteVersions.$inferInsert) => tx.insert(noteVersions).values(row),
  versions: (tx: Tx, noteId: string) => tx.select().from(noteVersions).where(eq(noteVersions.noteId, noteId)).orderBy(noteVersions.version),

  insertPsychotherapy: (tx: Tx, row: typeof psychotherapyNotes.$inferInsert) => tx.insert(psychotherapyNotes).values(row),
  psychotherapyForCase: (tx: Tx, caseId: string) =>
    tx.select().from(psychotherapyNotes).where(eq(psychotherapyNotes.caseId, caseId)).orderBy(desc(psychotherapyNotes.createdAt)),
  async psychotherapy(tx: Tx, id: string): Promise<PsychotherapyNoteRow | undefined> {
    const [row] = await tx.select().from(psychotherapyNotes).where(eq(psychotherapyNotes.id, id));
    return row;
  },
  updatePsychotherapy: (tx: Tx, id: string, textCiphertext: Buffer) =>
    tx.update(psychotherapyNotes).set({ textCiphertext, updatedAt: new Date() }).where(eq(psychotherapyNotes.id, id)),
};
