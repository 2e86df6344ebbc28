import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { RiskBadge } from '../cases/case-badges';
import { errorMessage } from '../i18n/error-message';
import { notify } from '../ui/notify';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { crisisApi, type RiskFlag } from './crisis.api';

/** Open risk flags raised from this case's chat; live, because a risk notification refreshes them. */
export function RiskFlagsSection({ caseId, flags }: { caseId: string; flags: UseQueryResult<RiskFlag[]> }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: crisisApi.acknowledgeFlag,
    onSuccess: () => {
      notify({ message: t('chat.flags.acknowledgedDone'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.riskFlags });
    },
    onError: (error) => notify({ message: errorMessage(t, error), color: 'red' }),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="risk-flags-title">
      <Title order={2} size="h3" id="risk-flags-title">
        {t('chat.flags.title')}
      </Title>
      <QueryState query={flags}>
        {(all) => {
          const mine = all.filter((flag) => flag.case_id === caseId);
          if (!mine.length) return <Text c="dimmed">{t('chat.flags.none')}</Text>;
          return (
            <Stack gap="xs">
              <Text size="sm">{t('chat.flags.intro')}</Text>
              <Stack gap="xs" component="ul" className="plain-list" m={0} p={0} data-testid="risk-flags">
                {mine.map((flag) => (
                  <Paper component="li" withBorder p="sm" key={flag.id}>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Stack gap={4}>
                        <Group gap="xs">
                          <RiskBadge level={flag.level} />
                          <Text size="sm">{t('chat.flags.raised', { time: time.dateTime(flag.created_at) })}</Text>
                        </Group>
                        {flag.matched.length ? (
                          <Text size="sm">{t('chat.flags.matched', { signals: flag.matched.map((m) => signalText(m, t)).join(', ') })}</Text>
                        ) : null}
                      </Stack>
                      {flag.status === 'open' ? (
                        <Button
                          size="compact-md"
                          variant="light"
                          loading={acknowledge.isPending && acknowledge.variables === flag.id}
                          onClick={() => acknowledge.mutate(flag.id)}
                        >
                          {t('chat.flags.acknowledge')}
                        </Button>
                      ) : (
                        <Text size="sm">{t('chat.flags.acknowledged')}</Text>
                      )}
                    </Group>
                  </Paper>
                ))}
              </Stack>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** A classifier signal (`kind:phrase`) in the clinician's words: the phrase quoted, then what kind of signal it is. */
export function signalText(signal: string, t: TFunction): string {
  const colon = signal.indexOf(':');
  if (colon < 0) return signal;
  const kind = signal.slice(0, colon);
  const label = t(`chat.flags.signalKind.${kind}`, { defaultValue: kind.replaceAll('_', ' ') });
  return t('chat.flags.signal', { phrase: signal.slice(colon + 1), kind: label });
}
