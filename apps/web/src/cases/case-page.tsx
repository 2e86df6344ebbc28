import { Anchor, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { ClientConsentsSection } from '../consent/client-consents-section';
import { crisisApi } from '../crisis/crisis.api';
import { RiskFlagsSection } from '../crisis/risk-flags-section';
import { CaseFilesSection } from '../files/case-files-section';
import { CaseFormsSection } from '../forms/case-forms-section';
import { CaseChat } from '../messaging/case-chat';
import { CaseResponseTargetSection } from '../messaging/case-response-target';
import { NewNoteAction } from '../notes/new-note-action';
import { PsychotherapyNotesSection } from '../notes/psychotherapy-notes-section';
import { TreatmentPlanSection } from '../treatment-plan/treatment-plan-section';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { can, isOpen } from './case-access';
import { CaseActions } from './case-actions';
import { CaseHeader } from './case-header';
import { CaseTimeline } from './case-timeline';
import { casesApi } from './cases.api';
import { CaseFeedbackSection } from './case-feedback-section';
import { CareTeamSection } from './care-team-section';

/** One case for its care team: the facts, what may be done now, risk flags, the chat with the client, the timeline, the treatment plan, files, the client's consents and the author's private notes. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const query = useQuery({ queryKey: queryKeys.case(caseId), queryFn: () => casesApi.get(caseId) });
  usePageTitle(query.data?.title ?? t('cases.title'));
  const flags = useQuery({ queryKey: queryKeys.riskFlags, queryFn: crisisApi.riskFlags });
  const flagged = new Map((flags.data ?? []).map((flag) => [flag.source_id, flag.level] as const));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        {t('cases.backToCaseload')}
      </Anchor>
      <QueryState query={query}>
        {(item) => (
          <Stack gap="lg">
            <CaseHeader item={item} />
            <Group gap="xs" wrap="wrap">
              {can(item.my_access, 'writeNotes') && item.status !== 'archived' ? <NewNoteAction caseId={item.id} /> : null}
              <CaseActions item={item} />
            </Group>
            <RiskFlagsSection caseId={item.id} flags={flags} />
            <CaseChat caseId={item.id} title={t('chat.caseTitle')} flags={flagged} />
            {can(item.my_access, 'setResponseTarget') ? <CaseResponseTargetSection caseId={item.id} /> : null}
            {can(item.my_access, 'readHistory') ? <CaseTimeline item={item} /> : null}
            {can(item.my_access, 'readNotes') ? (
              <TreatmentPlanSection caseId={item.id} canEdit={can(item.my_access, 'writeNotes') && item.status !== 'archived'} />
            ) : null}
            {can(item.my_access, 'readNotes') ? <CaseFeedbackSection caseId={item.id} /> : null}
            {can(item.my_access, 'readFiles') ? (
              <CaseFilesSection
                caseId={item.id}
                title={t('files.title')}
                canUpload={can(item.my_access, 'writeFiles') && item.status !== 'archived'}
                canShare={can(item.my_access, 'writeFiles')}
              />
            ) : null}
            <CaseFormsSection caseId={item.id} canSend={can(item.my_access, 'writeNotes') && isOpen(item.status)} />
            <CareTeamSection item={item} />
            {can(item.my_access, 'readHistory') ? <ClientConsentsSection clientId={item.client.id} /> : null}
            {can(item.my_access, 'writeNotes') ? <PsychotherapyNotesSection caseId={item.id} /> : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
