import type { RiskLevel } from '@tend/contracts';
import { Alert, Center, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { errorMessage } from '../i18n/error-message';
import { ChatPanel } from './chat-panel';
import { messagingApi } from './messaging.api';

type Props = { caseId: string; title: string; flags?: Map<string, RiskLevel> };

/** The chat of a case: opened (or found) for the client and their care team, then shown. */
export function CaseChat({ caseId, title, flags }: Props) {
  const { t } = useTranslation();
  const opened = useQuery({
    queryKey: queryKeys.conversationForCase(caseId),
    queryFn: () => messagingApi.openForCase(caseId),
    staleTime: Infinity,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  if (opened.isPending) {
    return (
      <Center py="md" role="status">
        <Loader size="sm" />
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      </Center>
    );
  }
  if (opened.isError) {
    const outsider = opened.error instanceof ApiError && (opened.error.code === 'MESSAGING.NOT_ALLOWED' || opened.error.code === 'MESSAGING.NOT_FOUND');
    return outsider ? (
      <Text c="dimmed">{t('chat.notParticipant')}</Text>
    ) : (
      <Alert color="red" role="alert">
        {errorMessage(t, opened.error)}
      </Alert>
    );
  }
  return <ChatPanel conversationId={opened.data.id} title={title} flags={flags} />;
}
