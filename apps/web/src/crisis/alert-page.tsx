import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { AlertActions } from './alert-actions';
import { AlertStatusBadge } from './alert-badges';
import { AlertLog } from './alert-log';
import { crisisApi } from './crisis.api';

/** One crisis alert for the care team: what happened, what to do now, and the escalation log. */
export function AlertPage() {
  const { t } = useTranslation();
  const { alertId = '' } = useParams();
  const time = useOrgTime();
  const query = useQuery({ queryKey: queryKeys.crisisAlert(alertId), queryFn: () => crisisApi.alert(alertId) });
  usePageTitle(t('alerts.alertTitle'));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/crisis/alerts" size="sm">
        {t('alerts.back')}
      </Anchor>
      <QueryState query={query}>
        {(alert) => (
          <Stack gap="lg">
            <Title order={1}>{t(`alerts.kind.${alert.kind}`, { name: alert.client.name })}</Title>
            <Paper withBorder p="md">
              <Stack gap={6}>
                <Group gap="xs">
                  <AlertStatusBadge status={alert.status} />
                </Group>
                <Text>{t('alerts.raisedAt', { time: time.dateTime(alert.created_at) })}</Text>
                {alert.jurisdiction ? (
                  <Text>
                    {t('alerts.where', { place: t(`crisis.places.${alert.jurisdiction}` as 'crisis.places.UA', { defaultValue: alert.jurisdiction }) })}
                  </Text>
                ) : null}
                {alert.acknowledged_at ? <Text>{t('alerts.acknowledgedAt', { time: time.dateTime(alert.acknowledged_at) })}</Text> : null}
                {alert.escalated_at ? <Text>{t('alerts.escalatedAt', { time: time.dateTime(alert.escalated_at) })}</Text> : null}
                {alert.resolved_at ? <Text>{t('alerts.resolvedAt', { time: time.dateTime(alert.resolved_at) })}</Text> : null}
                {alert.note ? <Text>{t('alerts.clientNote', { note: alert.note })}</Text> : null}
              </Stack>
            </Paper>
            <AlertActions alert={alert} />
            <AlertLog log={alert.log ?? []} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
