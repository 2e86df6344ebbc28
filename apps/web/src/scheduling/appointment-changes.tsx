import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { schedulingKeys } from './scheduling-keys';
import { type Appointment, schedulingApi, type Slot } from './scheduling.api';
import { isLateChange, useLateWindowHours } from './late-window';
import { SlotPicker } from './slot-picker';
import { useViewerTime } from './viewer-time';

type DialogProps = { appointment: Appointment; opened: boolean; onClose: () => void };

/** Cancel with an optional reason; warns first when the late-cancellation fee applies. */
export function CancelDialog({ appointment, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const time = useViewerTime();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'occurrence' | 'following'>('occurrence');
  const windowHours = useLateWindowHours();
  const cancel = useMutation({
    mutationFn: () => schedulingApi.cancel(appointment.id, reason.trim() || undefined, scope),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      notify({ color: 'teal', message: t(result.late_cancellation ? 'scheduling.cancelledLate' : 'scheduling.cancelled') });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('scheduling.cancelTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <FormError error={cancel.error} />
        <Text>{t('scheduling.cancelQuestion', { type: appointment.session_type.name, time: time.dateTime(appointment.starts_at) })}</Text>
        {isLateChange(appointment, windowHours) && (
          <Alert color="yellow" title={t('scheduling.lateTitle', { count: windowHours })}>
            {t('scheduling.lateCancelWarning', { count: windowHours })}
          </Alert>
        )}
        {appointment.series_id && (
          <Radio.Group label={t('scheduling.series.cancelScope')} value={scope} onChange={(value) => setScope(value as 'occurrence' | 'following')}>
            <Stack gap="xs" mt="xs">
              <Radio value="occurrence" label={t('scheduling.series.onlyThis')} />
              <Radio value="following" label={t('scheduling.series.thisAndLater')} />
            </Stack>
          </Radio.Group>
        )}
        <Textarea
          label={t('scheduling.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('scheduling.keep')}
          </Button>
          <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('scheduling.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Move to another free time: the same slot picker, then one confirm step. */
export function RescheduleDialog({ appointment, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const time = useViewerTime();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Slot | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const windowHours = useLateWindowHours();
  const move = useMutation({
    mutationFn: (slot: Slot) => schedulingApi.reschedule(appointment.id, slot.start),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      notify({ color: 'teal', message: t(result.late_reschedule ? 'scheduling.movedLate' : 'scheduling.moved', { time: time.dateTime(result.starts_at) }) });
      setPicked(null);
      onClose();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'SCHEDULING.SLOT_TAKEN') {
        setPicked(null);
        setNotice(t('scheduling.slotTaken'));
        await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      }
    },
  });
  const close = () => {
    setPicked(null);
    setNotice(null);
    move.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} size="lg" title={t('scheduling.rescheduleTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text>{t('scheduling.nowAt', { type: appointment.session_type.name, time: time.dateTime(appointment.starts_at) })}</Text>
        {isLateChange(appointment, windowHours) && (
          <Alert color="yellow" title={t('scheduling.lateTitle', { count: windowHours })}>
            {t('scheduling.lateMoveWarning', { count: windowHours })}
          </Alert>
        )}
        {notice && (
          <Alert color="yellow" role="alert">
            {notice}
          </Alert>
        )}
        {picked ? (
          <Stack gap="sm">
            <FormError error={move.error} />
            <Text fw={600}>{t('scheduling.moveQuestion', { time: time.dateTime(picked.start) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPicked(null)}>
                {t('scheduling.pickAnother')}
              </Button>
              <Button loading={move.isPending} onClick={() => move.mutate(picked)}>
                {t('scheduling.moveConfirm')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <SlotPicker specialistId={appointment.specialist_id} sessionTypeId={appointment.session_type.id} onPick={setPicked} headingOrder={3} />
        )}
      </Stack>
    </Modal>
  );
}
