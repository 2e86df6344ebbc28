import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { QueryState } from '../../ui/query-state';
import { useOrgTime } from '../../ui/use-org-time';
import { usePageTitle } from '../../ui/use-page-title';
import { afterApi } from './after.api';
import { FeedbackView } from './feedback-view';
import { HomeworkCard } from './homework-card';
import { NextSessionCard } from './next-session-card';
import { NoteCard } from './note-card';

/** What the specialist does once a session has ended: the note, homework, the next booking, and the client's feedback. */
export function AfterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const time = useOrgTime();
  usePageTitle(t('afterSession.title'));
  const query = useQuery({ queryKey: queryKeys.sessionAfter(id), queryFn: () => afterApi.after(id) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('afterSession.title')}</Title>
      <QueryState query={query}>
        {(after) => (
          <Stack gap="lg">
            <Stack gap={4}>
              <Text fw={700}>{t('afterSession.with', { name: after.client.name })}</Text>
              <Text>{t('afterSession.when', { start: time.dateTime(after.starts_at), end: time.time(after.ends_at) })}</Text>
              {after.case ? (
                <Anchor component={Link} to={`/cases/${after.case.id}`}>
                  {after.case.title}
                </Anchor>
              ) : null}
              <Text size="sm">{t('afterSession.timesIn', { zone: time.zone })}</Text>
            </Stack>
            {after.case ? null : <Text>{t('afterSession.noCase')}</Text>}
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {after.case && after.template ? <NoteCard after={after} caseId={after.case.id} template={after.template} /> : null}
              {after.case ? <HomeworkCard after={after} /> : null}
              <NextSessionCard after={after} />
              <FeedbackView feedback={after.feedback} />
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
