import type { CaseDto, CaseEvent, FormAssignment, NoteDto } from '@tend/contracts';
import { Anchor, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { NoteStatusBadge } from './case-badges';
import { filesApi } from '../files/files.api';
import { formsApi } from '../forms/forms.api';
import { notesApi } from '../notes/notes.api';
import { useTemplateName } from '../notes/use-template-name';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { can } from './case-access';
import { caseEventText } from './case-event-text';
import { casesApi } from './cases.api';
import { timelineEntries } from './timeline-entries';
import { usePracticePeople } from './use-practice-people';

function NoteLine({ note }: { note: NoteDto }) {
  const { t } = useTranslation();
  const templateName = useTemplateName();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/cases/${note.case_id}/notes/${note.id}`} fw={600}>
          {t('cases.timeline.note', { template: templateName(note.template) })}
        </Anchor>
        <NoteStatusBadge status={note.status} />
        {note.version > 1 ? <Text size="sm">{t('notes.amendedVersion', { version: note.version })}</Text> : null}
      </Group>
      <Text size="sm">{t('cases.timeline.noteBy', { name: note.author.name })}</Text>
    </Stack>
  );
}

/** One history line; a submitted form's line leads to its answers in the case's forms section. */
function EventLine({ event, text, form }: { event: CaseEvent; text: string; form: FormAssignment | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={600}>{text}</Text>
      {event.actor ? <Text size="sm">{t('cases.timeline.by', { name: event.actor.name })}</Text> : null}
      {event.kind === 'form_submitted' && form?.status === 'submitted' ? (
        <Anchor component={Link} to={{ hash: `form-${form.id}` }} size="sm">
          {t('cases.timeline.seeAnswers')}
        </Anchor>
      ) : null}
      {event.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {event.note}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Everything that happened on the case, newest first: history (files and forms among it) and, for those who may read them, progress notes. */
export function CaseTimeline({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const people = usePracticePeople();
  const readNotes = can(item.my_access, 'readNotes');
  const history = useQuery({ queryKey: queryKeys.caseHistory(item.id), queryFn: () => casesApi.history(item.id) });
  const notes = useQuery({ queryKey: queryKeys.notes(item.id), queryFn: () => notesApi.list(item.id), enabled: readNotes });
  const noteList = readNotes ? (notes.data ?? []) : [];
  // Same key as the files section, so the names come from the list already loaded there.
  const files = useQuery({ queryKey: queryKeys.caseFiles(item.id), queryFn: () => filesApi.list(item.id), enabled: can(item.my_access, 'readFiles') });
  const fileName = (fileId: string | null | undefined) => files.data?.find((file) => file.id === fileId)?.filename ?? null;
  // Likewise the forms section's list gives sent forms their titles.
  const forms = useQuery({ queryKey: queryKeys.caseForms(item.id), queryFn: () => formsApi.forCase(item.id), enabled: readNotes });
  const formOf = (assignmentId: string | null | undefined) => forms.data?.find((form) => form.id === assignmentId);
  const lookups = { fileName, formTitle: (assignmentId: string | null | undefined) => formOf(assignmentId)?.title ?? null };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="timeline-heading">
          {t('cases.timeline.title')}
        </Title>
        <QueryState query={history}>
          {(events) => (
            <Timeline bulletSize={14} lineWidth={2} component="ol" className="plain-list">
              {timelineEntries(events, noteList).map((entry) => (
                <Timeline.Item key={entry.kind === 'note' ? entry.note.id : entry.event.id} component="li">
                  <Text size="sm" c="dimmed">
                    <time dateTime={entry.at}>{time.dateTime(entry.at)}</time>
                  </Text>
                  {entry.kind === 'note' ? (
                    <NoteLine note={entry.note} />
                  ) : (
                    <EventLine event={entry.event} text={caseEventText(entry.event, t, people.nameOf, lookups)} form={formOf(entry.event.data.assignment_id)} />
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
