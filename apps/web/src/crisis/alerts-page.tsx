import { Anchor, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { AlertStatusBadge } from './alert-badges';
import { crisisApi } from './crisis.api';

/** Crisis alerts of clients in my care (all of them for admins and supervisors), open ones first. */
export function AlertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('alerts.title'));
  const time = useOrgTime();
  const [show, setShow] = useState<'open' | 'all'>('open');
  const open = show === 'open';
  const alerts = useQuery({ queryKey: queryKeys.crisisAlertList(open), queryFn: () => crisisApi.alerts(open), refetchInterval: 60_000 });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('alerts.title')}</Title>
      <SegmentedControl
        value={show}
        onChange={(value) => setShow(value as 'open' | 'all')}
        data={[
          { value: 'open', label: t('alerts.showOpen') },
          { value: 'all', label: t('alerts.showAll') },
        ]}
        aria-label={t('alerts.show')}
        style={{ alignSelf: 'flex-start' }}
      />
      <Text size="sm">{t('cases.timesIn', { zone: time.zone })}</Text>
      <QueryState query={alerts}>
        {(items) =>
          items.length === 0 ? (
            <Text>{open ? t('alerts.noneOpen') : t('alerts.none')}</Text>
          ) : (
            <Stack gap="sm" component="ul" className="plain-list">
              {items.map((alert) => (
                <Paper component="li" withBorder p="md" key={alert.id}>
                  <Stack gap={6}>
                    <Group gap="xs" wrap="wrap">
                      <AlertStatusBadge status={alert.status} />
                      <Text size="sm">{time.dateTime(alert.created_at)}</Text>
                    </Group>
                    <Anchor component={Link} to={`/crisis/alerts/${alert.id}`} fw={700}>
                      {t(`alerts.kind.${alert.kind}`, { name: alert.client.name })}
                    </Anchor>
                    {alert.note ? <Text size="sm">{alert.note}</Text> : null}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
