import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { consentApi, standingKinds } from './consent.api';
import { ConsentStateLine } from './consent-row';

/**
 * For the care team on a case: where the client's consents stand, read-only (the client alone gives and
 * withdraws them, in their portal). Each look is audited and shows in the client's "who viewed my record".
 */
export function ClientConsentsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: queryKeys.consentStatus(clientId), queryFn: () => consentApi.status(clientId) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-consents-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="client-consents-heading">
          {t('consent.team.title')}
        </Title>
        <Text size="sm">{t('consent.team.intro')}</Text>
        <QueryState query={status}>
          {({ entries }) => {
            const shares = entries.filter((entry) => entry.kind === 'data_sharing' && entry.recipient && entry.state === 'granted');
            return (
              <Stack gap={6} component="ul" className="plain-list">
                {standingKinds.map((kind) => {
                  const entry = entries.find((candidate) => candidate.kind === kind && candidate.session_id === null);
                  return (
                    <li key={kind}>
                      <Text span fw={600} mr="xs">
                        {t(`consent.kinds.${kind}`)}
                      </Text>
                      <ConsentStateLine entry={entry ?? { state: 'none', granted_at: null, revoked_at: null, expires_at: null }} />
                    </li>
                  );
                })}
                {shares.map((entry) => (
                  <li key={entry.grant_id}>
                    <Text span fw={600} mr="xs">
                      {t('consent.team.shares', {
                        name: entry.recipient?.name,
                        what: entry.scope.map((category) => t(`consent.categories.${category}`)).join(', '),
                      })}
                    </Text>
                    <ConsentStateLine entry={entry} />
                  </li>
                ))}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}
