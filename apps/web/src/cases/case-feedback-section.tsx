import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { afterApi } from '../sessions/after/after.api';
import { FeedbackAnswers } from '../sessions/after/feedback-view';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';

/** The client's answers after each session of the case, newest first (care team only). */
export function CaseFeedbackSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const query = useQuery({ queryKey: queryKeys.caseFeedback(caseId), queryFn: () => afterApi.caseFeedback(caseId) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-feedback-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="case-feedback-heading">
          {t('afterSession.feedback.title')}
        </Title>
        <QueryState query={query}>
          {(items) =>
            items.length === 0 ? (
              <Text>{t('afterSession.feedback.waiting')}</Text>
            ) : (
              <Stack gap="sm" component="ul" className="plain-list">
                {items.map((item) => (
                  <li key={item.session_id}>
                    <Text size="sm" fw={600}>
                      {time.dateTime(item.created_at)}
                    </Text>
                    <FeedbackAnswers feedback={item} />
                  </li>
                ))}
              </Stack>
            )
          }
        </QueryState>
        <Text size="sm">{t('afterSession.feedback.ownQuestions')}</Text>
      </Stack>
    </Paper>
  );
}
