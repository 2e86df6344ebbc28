import { Paper, Stack, Text, Title } from '@mantine/core';
import type { CrisisAlert } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../ui/use-org-time';

/** The escalation log: who was told, how, and what they did, oldest first. */
export function AlertLog({ log }: { log: NonNullable<CrisisAlert['log']> }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  return (
    <section aria-labelledby="alert-log-heading">
      <Title order={2} size="h3" id="alert-log-heading" mb="sm">
        {t('alerts.log')}
      </Title>
      {log.length === 0 ? (
        <Text>{t('alerts.logEmpty')}</Text>
      ) : (
        <Stack gap="xs" component="ol" className="plain-list">
          {log.map((entry, index) => (
            <Paper component="li" withBorder p="sm" key={index}>
              <Text size="sm">{time.dateTime(entry.at)}</Text>
              <Text fw={600}>
                {t(`alerts.steps.${entry.step}` as 'alerts.steps.created', { defaultValue: entry.step })}
                {entry.channel ? ` · ${t(`alerts.channels.${entry.channel}` as 'alerts.channels.in_app', { defaultValue: entry.channel })}` : ''}
              </Text>
              {entry.detail ? <Text size="sm">{entry.detail}</Text> : null}
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
