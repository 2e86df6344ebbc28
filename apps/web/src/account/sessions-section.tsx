import { Badge, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { errorMessage } from '../i18n/error-message';
import { ConfirmButton } from '../ui/confirm-button';
import { QueryState } from '../ui/query-state';
import { ScrollTable } from '../ui/scroll-table';
import { useFormatDate } from '../ui/use-format-date';
import { accountApi } from './account.api';
import { describeDevice } from './describe-device';
import { notify } from '../ui/notify';

/** Every device signed in to this account, with a way to sign any other one out. */
export function SessionsSection() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: accountApi.sessions });
  const revoke = useMutation({
    mutationFn: accountApi.revokeSession,
    onSuccess: () => notify({ color: 'teal', message: t('security.sessionRevoked') }),
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="sessions-heading">
          {t('security.sessionsTitle')}
        </Title>
        <Text>{t('security.sessionsIntro')}</Text>
        <QueryState query={sessions}>
          {(list) => (
            <ScrollTable label={t('security.sessionsTitle')} minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('security.device')}</Table.Th>
                  <Table.Th>{t('security.ip')}</Table.Th>
                  <Table.Th>{t('security.signedIn')}</Table.Th>
                  <Table.Th>{t('security.lastActive')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>{describeDevice(session.user_agent) ?? t('security.unknownDevice')}</Table.Td>
                    <Table.Td>{session.ip ?? '—'}</Table.Td>
                    <Table.Td>{formatDate(session.created_at)}</Table.Td>
                    <Table.Td>{formatDate(session.last_used_at)}</Table.Td>
                    <Table.Td>
                      {session.current ? (
                        <Badge variant="light">{t('security.thisDevice')}</Badge>
                      ) : (
                        <ConfirmButton
                          title={t('security.revokeTitle')}
                          question={t('security.revokeQuestion')}
                          confirmLabel={t('security.revoke')}
                          ariaLabel={t('security.revokeSession', { device: describeDevice(session.user_agent) ?? session.ip ?? '' })}
                          loading={revoke.isPending && revoke.variables === session.id}
                          onConfirm={() => revoke.mutate(session.id)}
                        >
                          {t('security.revoke')}
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
