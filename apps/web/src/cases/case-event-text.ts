import type { CaseEvent, CaseStatus, RiskLevel } from '@tend/contracts';
import type { TFunction } from 'i18next';

type NameOf = (id: string | null | undefined) => string | null;
/** Names the history keeps out of its events: a file's name and a sent form's title, from the case's lists when the reader may see them. */
export type CaseEventLookups = { fileName?: NameOf; formTitle?: NameOf };

/** One line saying what happened, in the clinician's words; ids become names where the practice list (or the case's files and forms) knows them. */
export function caseEventText(event: CaseEvent, t: TFunction, nameOf: NameOf, lookups: CaseEventLookups = {}): string {
  const data = event.data;
  const person = (key: string) => nameOf(data[key]) ?? t('cases.timeline.someone');
  const fileName = (id: string | null | undefined) => lookups.fileName?.(id) ?? t('cases.timeline.aFile');
  const title = lookups.formTitle?.(data.assignment_id) ?? null;
  const form = (key: 'formSent' | 'formSigned' | 'formSubmitted' | 'formCancelled') =>
    title ? t(`cases.timeline.${key}`, { title }) : t(`cases.timeline.${key}Untitled`);
  switch (event.kind) {
    case 'created':
      return t('cases.timeline.created');
    case 'updated':
      return t('cases.timeline.updated');
    case 'status_changed':
      return t(data.by === 'auto_pause' ? 'cases.timeline.autoPaused' : 'cases.timeline.statusChanged', {
        from: t(`cases.status.${data.from as CaseStatus}`),
        to: t(`cases.status.${data.to as CaseStatus}`),
      });
    case 'risk_changed':
      return t('cases.timeline.riskChanged', { from: t(`cases.risk.${data.from as RiskLevel}`), to: t(`cases.risk.${data.to as RiskLevel}`) });
    case 'transferred':
      return t('cases.timeline.transferred', { from: person('from'), to: person('to') });
    case 'access_granted':
      return t('cases.timeline.accessGranted', { name: person('user_id'), role: t(`roles.${data.role === 'supervisor' ? 'supervisor' : 'co_specialist'}`) });
    case 'access_revoked':
      return t('cases.timeline.accessRevoked', { name: person('user_id') });
    case 'file_added':
      return t('cases.timeline.fileAdded', { name: fileName(data.file_id) });
    case 'file_removed':
      return t('cases.timeline.fileRemoved', { name: fileName(data.file_id) });
    case 'plan_saved':
      return t('cases.timeline.planSaved', { version: Number(data.version), count: Number(data.goals) });
    case 'plan_progress':
      return t(data.objective_id ? 'cases.timeline.objectiveProgress' : 'cases.timeline.goalProgress', { progress: Number(data.progress) });
    case 'homework_assigned':
      return data.due_date ? t('cases.timeline.homeworkAssigned', { due: data.due_date }) : t('cases.timeline.homeworkAssignedNoDue');
    case 'form_sent':
      return form('formSent');
    case 'form_submitted':
      return form(data.signed === 'true' ? 'formSigned' : 'formSubmitted');
    case 'form_cancelled':
      return form('formCancelled');
  }
}
