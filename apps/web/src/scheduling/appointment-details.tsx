import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { CancelDialog, RescheduleDialog } from './appointment-changes';
import { AppointmentBadges } from './appointment-status';
import { schedulingKeys } from './scheduling-keys';
import { type Appointment, schedulingApi } from './scheduling.api';
import { useViewerTime } from './viewer-time';

/** One session from the specialist's calendar: who, what, when, and what can be done with it now. */
export function AppointmentDetails({ appointment, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useTranslation();
  const time = useViewerTime();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'cancel' | 'reschedule' | null>(null);
  const noShow = useMutation({
    mutationFn: () => schedulingApi.noShow(appointment.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      notify({ color: 'teal', message: t('scheduling.markedNoShow') });
      onClose();
    },
  });
  const now = Date.now();
  const future = appointment.status === 'scheduled' && Date.parse(appointment.starts_at) > now;
  const started = appointment.status === 'scheduled' && Date.parse(appointment.starts_at) <= now;
  if (dialog === 'cancel') return <CancelDialog appointment={appointment} opened onClose={onClose} />;
  if (dialog === 'reschedule') return <RescheduleDialog appointment={appointment} opened onClose={onClose} />;
  return (
    <Modal opened onClose={onClose} title={t('scheduling.details')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <FormError error={noShow.error} />
        <dl className="details-list">
          <Text component="dt" fw={600}>
            {t('scheduling.client')}
          </Text>
          <Text component="dd">{appointment.client_name}</Text>
          <Text component="dt" fw={600}>
            {t('scheduling.sessionType')}
          </Text>
          <Text component="dd">
            {appointment.session_type.name} · {t(`scheduling.modality.${appointment.session_type.modality}` as 'scheduling.modality.video')}
          </Text>
          <Text component="dt" fw={600}>
            {t('scheduling.when')}
          </Text>
          <Text component="dd">{`${time.dateTime(appointment.starts_at)} (${time.zoneName})`}</Text>
          <Text component="dt" fw={600}>
            {t('scheduling.statusLabel')}
          </Text>
          <Text component="dd">
            <AppointmentBadges appointment={appointment} />
          </Text>
        </dl>
        <Group gap="xs" wrap="wrap">
          {appointment.status !== 'cancelled' && (
            <Button component={Link} to={`/sessions/${appointment.id}`} size="xs">
              {t('scheduling.openSession')}
            </Button>
          )}
          {future && (
            <Button variant="default" size="xs" onClick={() => setDialog('reschedule')}>
              {t('scheduling.reschedule')}
            </Button>
          )}
          {started && (
            <Button variant="default" size="xs" loading={noShow.isPending} onClick={() => noShow.mutate()}>
              {t('scheduling.markNoShow')}
            </Button>
          )}
          {future && (
            <Button variant="light" color="red" size="xs" onClick={() => setDialog('cancel')}>
              {t('scheduling.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
