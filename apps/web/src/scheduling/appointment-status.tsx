import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Appointment } from './scheduling.api';

const colours: Record<Appointment['status'], string> = {
  scheduled: 'blue',
  in_progress: 'teal',
  completed: 'gray',
  cancelled: 'red',
  no_show: 'orange',
};

/** Status, and the late flags the fee depends on. */
export function AppointmentBadges({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge color={colours[appointment.status]} variant="light">
        {t(`scheduling.status.${appointment.status}`)}
      </Badge>
      {appointment.series_id && (
        <Badge color="grape" variant="light">
          {t('scheduling.series.badge')}
        </Badge>
      )}
      {appointment.late_cancellation && (
        <Badge color="orange" variant="light">
          {t('scheduling.lateCancellation')}
        </Badge>
      )}
      {appointment.late_reschedule && (
        <Badge color="orange" variant="light">
          {t('scheduling.lateReschedule')}
        </Badge>
      )}
    </Group>
  );
}

/** The session room opens 15 minutes before the start and stays open until its end. */
export const canJoin = (appointment: Appointment, now = Date.now()) =>
  (appointment.status === 'scheduled' || appointment.status === 'in_progress') &&
  Date.parse(appointment.starts_at) - now <= 15 * 60_000 &&
  Date.parse(appointment.ends_at) > now;
