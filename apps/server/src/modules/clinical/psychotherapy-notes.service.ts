import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../platform/auth/tokens';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { psychotherapyAad } from './notes.mapper';
import { type PsychotherapyNoteRow, notesRepository } from './notes.repository';
import type { CaseScope, ClinicalDeps, NotesService } from './notes.service';

type PsychotherapyNote = { id: string; case_id: string; text: string; created_at: string; updated_at: string };

/**
 * Psychotherapy notes: only their author ever reads them (the database enforces it), sealed with the
 * author's own data key, kept out of every list, export and FHIR resource. Every access is audited.
 */
export function createPsychotherapyNotesService(deps: ClinicalDeps, notes: NotesService) {
  const { crypto } = deps;

  const present = async (scope: CaseScope, row: PsychotherapyNoteRow): Promise<PsychotherapyNote> => ({
    id: row.id,
    case_id: row.caseId,
    text: (await crypto.open(scope.tx, row.textCiphertext, psychotherapyAad(row.id))) ?? '[erased]',
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  });

  const audit = (scope: CaseScope, action: string, id: string | null, details?: Record<string, unknown>) =>
    notes.audit(scope, action, id, { kind: 'psychotherapy_note', ...details });

  async function mine(scope: CaseScope, id: string): Promise<PsychotherapyNoteRow> {
    const row = await notesRepository.psychotherapy(scope.tx, id);
    if (!row || row.caseId !== scope.caseRow.id) throw new AppError('NOTE.NOT_FOUND', 'No such note');
    return row;
  }

  return {
    list: (p: Principal, caseId: string, meta: RequestMeta): Promise<PsychotherapyNote[]> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const rows = await notesRepository.psychotherapyForCase(scope.tx, scope.caseRow.id);
        const items = await Promise.all(rows.map((r) => present(scope, r)));
        await audit(scope, 'psychotherapy_note.list', null, { count: rows.length });
        return items;
      }),

    create: (p: Principal, caseId: string, text: string, meta: RequestMeta): Promise<PsychotherapyNote> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const id = uuidv7();
        await notesRepository.insertPsychotherapy(scope.tx, {
          id,
          orgId: scope.caseRow.orgId,
          caseId: scope.caseRow.id,
          authorUserId: p.userId,
          textCiphertext: await crypto.sealForUser(scope.tx, p.userId, text, psychotherapyAad(id)),
        });
        await audit(scope, 'psychotherapy_note.create', id);
        return present(scope, await mine(scope, id));
      }),

    get: (p: Principal, caseId: string, id: string, meta: RequestMeta): Promise<PsychotherapyNote> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const note = await present(scope, await mine(scope, id));
        await audit(scope, 'psychotherapy_note.read', id);
        return note;
      }),

    update: (p: Principal, caseId: string, id: string, text: string, meta: RequestMeta): Promise<PsychotherapyNote> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        await mine(scope, id);
        await notesRepository.updatePsychotherapy(scope.tx, id, await crypto.sealForUser(scope.tx, p.userId, text, psychotherapyAad(id)));
        await audit(scope, 'psychotherapy_note.update', id);
        return present(scope, await mine(scope, id));
      }),
  };
}

export type PsychotherapyNotesService = ReturnType<typeof createPsychotherapyNotesService>;
