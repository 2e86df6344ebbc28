import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi } from './scheduling.api';
import { useViewerTime } from './viewer-time';
import { WaitlistWindows } from './waitlist-windows';

/** Who waits for a freed time with this specialist, first come first served (a freed time is offered to them in turn). */
export function WaitingList() {
  const { t } = useTranslation();
  const time = useViewerTime();
  const entries = useQuery({ queryKey: schedulingKeys.waitlist, queryFn: schedulingApi.waitlist });
  const waiting = (entries.data ?? []).filter((e) => e.status === 'waiting');
  return (
    <Stack gap="sm" component="section" aria-labelledby="waiting-list">
      <Title order={2} size="h3" id="waiting-list">
        {t('scheduling.waitlist.whoWaits')}
      </Title>
      {entries.isSuccess && waiting.length === 0 && <Text>{t('scheduling.waitlist.nobodyWaits')}</Text>}
      {waiting.length > 0 && (
        <Stack gap="xs" component="ol" className="plain-list">
          {waiting.map((entry) => (
            <Paper component="li" withBorder p="sm" key={entry.id}>
              <Stack gap={2}>
                <Text fw={700}>{entry.client_name ?? t('scheduling.waitlist.aClient')}</Text>
                <Text size="sm">
                  {entry.session_type_name ?? t('scheduling.waitlist.anyType')} · {t('scheduling.waitlist.since', { date: time.day(entry.created_at) })}
                </Text>
                <WaitlistWindows windows={entry.preferred_windows} />
                {entry.offer && (
                  <Badge color="teal" variant="light">
                    {t('scheduling.waitlist.offered', { time: time.dateTime(entry.offer.starts_at) })}
                  </Badge>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
