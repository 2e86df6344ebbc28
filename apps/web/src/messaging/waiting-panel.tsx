import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { useRealtimeEvent } from '../shell/realtime-socket';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { messagingApi } from './messaging.api';

/** "3 h 20 min", "45 min": a span of time as a clinician reads it. */
export function spanOf(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours ? t('asyncCare.hoursMinutes', { hours, minutes: minutes % 60 }) : t('asyncCare.minutes', { count: minutes });
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A specialist's asynchronous-therapy clients waiting for a reply: overdue first, then by time left. */
export function WaitingPanel() {
  const { t } = useTranslation();
  const time = useOrgTime();
  const now = useNow(60_000);
  const queryClient = useQueryClient();
  const waiting = useQuery({ queryKey: queryKeys.waitingThreads, queryFn: () => messagingApi.waiting(), refetchInterval: 300_000 });
  useRealtimeEvent('message', () => void queryClient.invalidateQueries({ queryKey: queryKeys.waitingThreads }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="waiting-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="waiting-title">
            {t('asyncCare.waitingTitle')}
          </Title>
          <Text size="sm">{t('asyncCare.waitingIntro', { zone: time.zone })}</Text>
        </div>
        <QueryState query={waiting}>
          {(items) =>
            items.length ? (
              <Stack gap="xs" component="ol" className="plain-list" m={0} p={0}>
                {items.map((w) => {
                  const left = Date.parse(w.due_at) - now;
                  const overdue = left <= 0;
                  return (
                    <Paper key={w.conversation_id} component="li" withBorder p="sm">
                      <Group justify="space-between" gap="xs" wrap="wrap">
                        <Anchor component={Link} to={`/cases/${w.case_id}`} fw={600}>
                          {w.client.name}
                        </Anchor>
                        <Badge
                          color={overdue ? 'red' : left < 4 * 3_600_000 ? 'yellow' : 'gray'}
                          variant={overdue ? 'filled' : 'light'}
                          c={overdue ? undefined : 'var(--mantine-color-text)'}
                        >
                          {overdue ? t('asyncCare.overdueBy', { span: spanOf(t, -left) }) : t('asyncCare.left', { span: spanOf(t, left) })}
                        </Badge>
                      </Group>
                      <Text size="sm">
                        {t('asyncCare.waitingSince', { since: time.dateTime(w.waiting_since), due: time.dateTime(w.due_at), hours: w.target_hours })}
                      </Text>
                    </Paper>
                  );
                })}
              </Stack>
            ) : (
              <Text c="dimmed">{t('asyncCare.noneWaiting')}</Text>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
