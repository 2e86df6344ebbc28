import { BUILTIN_NOTE_TEMPLATES, localDate, type NoteDto, type NoteTemplate, type SessionAfterDto, type SessionFeedbackDto } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../platform/auth/tokens';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, userNames } from '../orgs';
import { appointmentsRepository, feedbackOfCase, feedbackOfSession, nextWeekSlot } from '../scheduling';
import { homeworkOfSession } from '../selfcare';
import { noteAad } from './notes.mapper';
import { type NoteRow, notesRepository } from './notes.repository';
import type { CaseScope, ClinicalDeps, NotesService } from './notes.service';

type Session = NonNullable<Awaited<ReturnType<typeof appointmentsRepository.appointment>>>;

/** The session's specialist, once it has ended: the only one who writes its note and reads its after page. */
async function endedSession(scope: OrgScope, p: Principal, id: string, lock = false): Promise<Session> {
  const session = await appointmentsRepository.appointment(scope.tx, id, lock);
  if (!session) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
  if (session.specialistUserId !== p.userId) throw new AppError('SESSION.NOT_ALLOWED', 'Only the session’s specialist does this');
  if (session.status !== 'completed') throw new AppError('SESSION.NOT_ENDED', 'This session has not ended yet');
  return session;
}

/**
 * After the session (ADR 0019): the note from the case's template, the homework given, the same slot next
 * week, and the client's feedback.
 */
export function createSessionAfterService(deps: ClinicalDeps, notes: NotesService) {
  /** The template the case last used; else the org's own first template; else SOAP. */
  async function templateForCase(tx: Tx, caseId: string, orgId: string): Promise<NoteTemplate> {
    for (const note of await notesRepository.forCase(tx, caseId, 20)) {
      const template = await notes.templateFor(tx, note.templateId).catch(() => null);
      if (template) return template;
    }
    const own = (await notesRepository.templates(tx, orgId)).find((t) => !t.archivedAt);
    return own ? notes.templateFor(tx, own.id) : (BUILTIN_NOTE_TEMPLATES[0] as NoteTemplate);
  }

  async function caseOf(scope: OrgScope, session: Session): Promise<CaseScope> {
    if (!session.caseId) throw new AppError('SESSION.NO_CASE', 'This session is not part of a case; open a case for the client first');
    const { row } = await deps.cases.load(scope, session.caseId, 'write_notes');
    return { ...scope, caseRow: row };
  }

  return {
    after: (p: Principal, id: string, meta: RequestMeta): Promise<SessionAfterDto> =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist'], async (scope) => {
        const session = await endedSession(scope, p, id);
        const loaded = session.caseId ? await deps.cases.load(scope, session.caseId, 'read_notes') : null;
        const names = await userNames(scope.tx, deps.crypto, [session.clientUserId]);
        const caseDto = loaded ? await deps.cases.present(scope.tx, loaded.row, loaded.access, names) : null;
        const [template, note, nextSlot, homework, feedback] = await Promise.all([
          loaded ? templateForCase(scope.tx, loaded.row.id, loaded.row.orgId) : null,
          notesRepository.byAppointment(scope.tx, id),
          nextWeekSlot(scope, session),
          homeworkOfSession(scope.tx, deps.crypto, id),
          feedbackOfSession(scope.tx, deps.crypto, id),
        ]);
        if (loaded) await notes.audit({ ...scope, caseRow: loaded.row }, 'session.after_read', null, { session_id: id });
        return {
          session_id: id,
          status: session.status,
          starts_at: session.startsAt.toISOString(),
          ends_at: session.endsAt.toISOString(),
          client: { id: session.clientUserId, name: names.get(session.clientUserId) ?? '' },
          case: caseDto ? { id: caseDto.id, title: caseDto.title } : null,
          template,
          note_id: note?.id ?? null,
          next_slot: nextSlot,
          homework,
          feedback,
        };
      }),

    /** The session's draft progress note from the case's template; a second call returns the same note. */
    note: (p: Principal, id: string, meta: RequestMeta): Promise<NoteDto> =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist'], async (scope) => {
        // The session row lock makes two concurrent first calls wait for each other: one draft, never two.
        const session = await endedSession(scope, p, id, true);
        const caseScope = await caseOf(scope, session);
        const { tx, caseRow } = caseScope;
        const existing = await notesRepository.byAppointment(tx, id);
        if (existing) {
          await notes.audit(caseScope, 'note.read', existing.id, { session_id: id });
          return notes.present(tx, existing, false);
        }
        if (caseRow.status === 'archived') throw new AppError('CASE.NOT_EDITABLE', 'An archived case takes no new notes');
        const template = await templateForCase(tx, caseRow.id, caseRow.orgId);
        const noteId = uuidv7();
        const zone = (await nextWeekSlot(scope, session)).timezone;
        await notesRepository.insert(tx, {
          id: noteId,
          orgId: caseRow.orgId,
          caseId: caseRow.id,
          authorUserId: p.userId,
          templateId: template.id,
          templateName: template.name_en,
          sections: template.sections,
          contentCiphertext: await deps.crypto.sealForOrg(tx, caseRow.orgId, '{}', noteAad(noteId)),
          sessionDate: localDate(session.startsAt.getTime(), zone),
          appointmentId: id,
        });
        await notes.audit(caseScope, 'note.create', noteId, { template: template.id, session_id: id });
        return notes.present(tx, (await notes.loadNote(caseScope, noteId)) as NoteRow, false);
      }),

    /** The feedback clients gave on a case's sessions, for the care team (audited). */
    caseFeedback: (p: Principal, caseId: string, meta: RequestMeta): Promise<SessionFeedbackDto[]> =>
      notes.inCase(p, caseId, 'read_notes', meta, async (scope) => {
        const items = await feedbackOfCase(scope.tx, deps.crypto, scope.caseRow.id);
        await notes.audit(scope, 'session.feedback_list', null, { count: items.length });
        return items;
      }),
  };
}

export type SessionAfterService = ReturnType<typeof createSessionAfterService>;
