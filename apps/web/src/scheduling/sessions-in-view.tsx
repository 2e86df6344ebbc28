import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppointmentBadges } from './appointment-status';
import type { Appointment } from './scheduling.api';
import { useViewerTime } from './viewer-time';

/** The same sessions as the calendar grid, as a list: the keyboard and screen-reader way to open one. */
export function SessionsInView({ appointments, onOpen }: { appointments: Appointment[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const time = useViewerTime();
  return (
    <Stack gap="sm" component="section" aria-labelledby="sessions-in-view">
      <Title order={2} size="h3" id="sessions-in-view">
        {t('scheduling.listTitle')}
      </Title>
      {appointments.length === 0 ? (
        <Text>{t('scheduling.noneInView')}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="plain-list">
          {appointments.map((a) => {
            const name = `${a.client_name ?? ''}, ${time.dateTime(a.starts_at)}`;
            return (
              <Paper component="li" withBorder p="sm" key={a.id}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Stack gap={2}>
                    <Text fw={700}>{time.dateTime(a.starts_at)}</Text>
                    <Text size="sm">
                      {a.client_name} · {a.session_type.name}
                    </Text>
                    <AppointmentBadges appointment={a} />
                  </Stack>
                  <Button variant="default" size="xs" aria-label={t('scheduling.detailsNamed', { name })} onClick={() => onOpen(a.id)}>
                    {t('scheduling.details')}
                  </Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
