import type { NoteContent } from '@tend/contracts';
import type { Principal } from '../../platform/auth/tokens';
import { AppError } from '../../platform/http/app-error';
import { crisisRepository } from '../crisis';
import type { RequestMeta } from '../identity';
import { inActiveOrg } from '../orgs';
import { appointmentsRepository } from '../scheduling';
import { noteAad } from './notes.mapper';
import { notesRepository } from './notes.repository';
import type { ClinicalDeps, NotesService } from './notes.service';
import { plansRepository } from './treatment-plans.repository';
import { planAad } from './treatment-plans.service';
import type { PlanProblem } from '@tend/contracts';

/** What the specialist reads before a session: the last signed note's plan, the goals, open risk. */
export function createSessionBriefService(deps: ClinicalDeps, notes: NotesService) {
  return {
    brief: (p: Principal, appointmentId: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor'], async (scope) => {
        const appointment = await appointmentsRepository.appointment(scope.tx, appointmentId);
        if (!appointment) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
        if (!appointment.caseId)
          return { session_id: appointment.id, case_id: null, last_plan: null, last_note_at: null, goals: [], open_alerts: 0, open_flags: [] };
        const { row } = await deps.cases.load(scope, appointment.caseId, 'read_notes');
        const signed = (await notesRepository.forCase(scope.tx, row.id)).find((n) => n.status !== 'draft');
        const content = signed ? (JSON.parse((await deps.crypto.open(scope.tx, signed.contentCiphertext, noteAad(signed.id))) ?? '{}') as NoteContent) : null;
        const plan = await plansRepository.current(scope.tx, row.id);
        const problems = plan
          ? (JSON.parse((await deps.crypto.open(scope.tx, plan.contentCiphertext, planAad(row.id, plan.version))) ?? '[]') as PlanProblem[])
          : [];
        const alerts = (await crisisRepository.alerts(scope.tx, row.orgId, ['open', 'acknowledged', 'escalated'])).filter(
          (a) => a.clientUserId === row.clientUserId,
        );
        const flags = (await crisisRepository.flags(scope.tx, row.orgId, ['open', 'acknowledged'])).filter((f) => f.clientUserId === row.clientUserId);
        await notes.audit({ ...scope, caseRow: row }, 'session.brief_read', null, { session_id: appointment.id });
        return {
          session_id: appointment.id,
          case_id: row.id,
          last_plan: content ? (content.plan ?? null) : null,
          last_note_at: signed?.signedAt?.toISOString() ?? null,
          goals: problems.flatMap((x) => x.goals).map((g) => ({ id: g.id, title: g.title, status: g.status })),
          open_alerts: alerts.length,
          open_flags: flags.map((f) => ({ id: f.id, level: f.level, at: f.createdAt.toISOString() })),
        };
      }),
  };
}
