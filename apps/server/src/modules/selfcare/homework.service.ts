import type { HomeworkDto } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { CasesService } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, userNames } from '../orgs';
import { appointmentsRepository } from '../scheduling';
import { type HomeworkRow, homeworkRepository } from './homework.repository';

export type HomeworkDeps = { db: Database; crypto: FieldCrypto; cases: CasesService };
const aad = (id: string, field: 'title' | 'instructions') => `homework:${id}:${field}`;

async function present(tx: Tx, crypto: FieldCrypto, rows: HomeworkRow[]): Promise<HomeworkDto[]> {
  const names = await userNames(
    tx,
    crypto,
    rows.map((r) => r.assignedBy),
  );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      case_id: r.caseId,
      session_id: r.appointmentId,
      title: (await crypto.open(tx, r.titleCiphertext, aad(r.id, 'title'))) ?? '[erased]',
      instructions: r.instructionsCiphertext ? ((await crypto.open(tx, r.instructionsCiphertext, aad(r.id, 'instructions'))) ?? '[erased]') : null,
      due_date: r.dueDate,
      done_at: r.doneAt?.toISOString() ?? null,
      assigned_by: { id: r.assignedBy, name: names.get(r.assignedBy) ?? '' },
      created_at: r.createdAt.toISOString(),
    })),
  );
}

/** The homework given in a session, for its specialist's after page; the caller audits the read. */
export async function homeworkOfSession(tx: Tx, crypto: FieldCrypto, appointmentId: string): Promise<HomeworkDto[]> {
  return present(tx, crypto, await homeworkRepository.ofSession(tx, appointmentId));
}

/** Homework: the specialist gives a task from a session, it shows on the case's timeline, the client ticks it off. */
export function createHomeworkService(deps: HomeworkDeps) {
  const { crypto } = deps;
  return {
    assign: (p: Principal, sessionId: string, body: { title: string; instructions?: string | undefined; due_date?: string | undefined }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist'], async (scope) => {
        const session = await appointmentsRepository.appointment(scope.tx, sessionId);
        if (!session) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
        if (session.specialistUserId !== p.userId) throw new AppError('SESSION.NOT_ALLOWED', 'Only the session’s specialist gives homework from it');
        if (session.status !== 'in_progress' && session.status !== 'completed')
          throw new AppError('SESSION.NOT_ENDED', 'Homework is given during or after the session');
        if (!session.caseId) throw new AppError('SESSION.NO_CASE', 'This session is not part of a case; open a case for the client first');
        const { row: caseRow } = await deps.cases.load(scope, session.caseId, 'write_notes');
        const id = uuidv7();
        await homeworkRepository.insert(scope.tx, {
          id,
          orgId: caseRow.orgId,
          caseId: caseRow.id,
          appointmentId: session.id,
          clientUserId: caseRow.clientUserId,
          assignedBy: p.userId,
          titleCiphertext: await crypto.sealForOrg(scope.tx, caseRow.orgId, body.title, aad(id, 'title')),
          instructionsCiphertext: body.instructions ? await crypto.sealForOrg(scope.tx, caseRow.orgId, body.instructions, aad(id, 'instructions')) : null,
          dueDate: body.due_date ?? null,
        });
        await deps.cases.event(scope.tx, scope.actor, caseRow, 'homework_assigned', {
          homework_id: id,
          session_id: session.id,
          due_date: body.due_date ?? null,
        });
        await recordAudit(scope.tx, scope.actor, {
          action: 'homework.assign',
          resourceType: 'homework',
          resourceId: id,
          subjectUserId: caseRow.clientUserId,
          purpose: 'treatment',
          details: { case_id: caseRow.id, session_id: session.id },
        });
        const [dto] = await present(scope.tx, crypto, [(await homeworkRepository.byId(scope.tx, id)) as HomeworkRow]);
        return dto as HomeworkDto;
      }),

    mine: (p: Principal, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        const rows = await homeworkRepository.ofClient(tx, actor.orgId, p.userId);
        await recordAudit(tx, actor, { action: 'homework.list', resourceType: 'homework', resourceId: null, subjectUserId: p.userId, purpose: 'treatment' });
        return present(tx, crypto, rows);
      }),

    setDone: (p: Principal, id: string, done: boolean, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        const row = await homeworkRepository.byId(tx, id);
        if (!row || row.clientUserId !== p.userId) throw new AppError('HOMEWORK.NOT_FOUND', 'No such homework');
        await homeworkRepository.setDone(tx, id, done ? (row.doneAt ?? new Date()) : null);
        await recordAudit(tx, actor, {
          action: done ? 'homework.done' : 'homework.undone',
          resourceType: 'homework',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'treatment',
        });
        const [dto] = await present(tx, crypto, [(await homeworkRepository.byId(tx, id)) as HomeworkRow]);
        return dto as HomeworkDto;
      }),
  };
}

export type HomeworkService = ReturnType<typeof createHomeworkService>;
