import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { CancelDialog, RescheduleDialog } from './appointment-changes';
import { AppointmentBadges, canJoin } from './appointment-status';
import { schedulingKeys } from './scheduling-keys';
import { MyWaitlist } from './my-waitlist';
import { type Appointment, schedulingApi } from './scheduling.api';
import { useViewerTime } from './viewer-time';

const DAY = 86_400_000;

/** The client's sessions from a month back to three months ahead: join, move or cancel the coming ones. */
export function MyAppointmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('scheduling.myAppointments'));
  const time = useViewerTime();
  const [range] = useState(() => {
    const now = Date.now();
    return { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + 90 * DAY).toISOString() };
  });
  const appointments = useQuery({
    queryKey: schedulingKeys.appointments(range.from, range.to),
    queryFn: () => schedulingApi.appointments(range.from, range.to),
    refetchInterval: 60_000,
  });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('scheduling.myAppointments')}</Title>
      <Group gap="sm" wrap="wrap">
        <Text>{t('scheduling.timesIn', { zone: time.zoneName })}</Text>
        <Button component={Link} to="/book" variant="light" size="xs">
          {t('scheduling.bookSession')}
        </Button>
      </Group>
      <MyWaitlist />
      <QueryState query={appointments}>
        {(list) => {
          const now = Date.now();
          const coming = list.filter((a) => Date.parse(a.ends_at) > now && a.status !== 'cancelled');
          const other = list.filter((a) => !coming.includes(a)).reverse();
          return (
            <>
              <AppointmentList title={t('scheduling.coming')} empty={t('scheduling.noComing')} items={coming} />
              {other.length > 0 && <AppointmentList title={t('scheduling.pastAndCancelled')} empty="" items={other} />}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function AppointmentList({ title, empty, items }: { title: string; empty: string; items: Appointment[] }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Stack gap="sm" component="ul" className="plain-list">
          {items.map((appointment) => (
            <AppointmentItem key={appointment.id} appointment={appointment} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function AppointmentItem({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const time = useViewerTime();
  const [dialog, setDialog] = useState<'cancel' | 'reschedule' | null>(null);
  const changeable = appointment.status === 'scheduled' && Date.parse(appointment.starts_at) > Date.now();
  const label = `${appointment.session_type.name}, ${time.dateTime(appointment.starts_at)}`;
  return (
    <Paper component="li" withBorder p="md" aria-label={label}>
      <Stack gap={6}>
        <Text fw={700}>{time.dateTime(appointment.starts_at)}</Text>
        <Text>
          {appointment.session_type.name} · {t(`scheduling.modality.${appointment.session_type.modality}` as 'scheduling.modality.video')}
          {appointment.specialist_name ? ` · ${t('scheduling.withName', { name: appointment.specialist_name })}` : ''}
        </Text>
        <AppointmentBadges appointment={appointment} />
        <Group gap="xs" wrap="wrap">
          {canJoin(appointment) && (
            <Button component={Link} to={`/sessions/${appointment.id}`} size="xs">
              {t('scheduling.join')}
            </Button>
          )}
          {changeable && (
            <>
              <Button variant="default" size="xs" aria-label={t('scheduling.rescheduleNamed', { name: label })} onClick={() => setDialog('reschedule')}>
                {t('scheduling.reschedule')}
              </Button>
              <Button variant="light" color="red" size="xs" aria-label={t('scheduling.cancelNamed', { name: label })} onClick={() => setDialog('cancel')}>
                {t('scheduling.cancel')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
      {dialog === 'cancel' && <CancelDialog appointment={appointment} opened onClose={() => setDialog(null)} />}
      {dialog === 'reschedule' && <RescheduleDialog appointment={appointment} opened onClose={() => setDialog(null)} />}
    </Paper>
  );
}
