import { Alert, Anchor, Button, Group, Modal, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSignedInUser } from '../auth/signed-in-user';
import { errorMessage } from '../i18n/error-message';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { schedulingKeys } from './scheduling-keys';
import { type Availability, schedulingApi, type SessionType, type Slot } from './scheduling.api';
import { sessionTypeDetails } from './session-type-label';
import { JoinWaitlist } from './join-waitlist';
import { SlotPicker } from './slot-picker';
import { useViewerTime } from './viewer-time';

/** A specialist's shareable booking page: pick a kind of session, a free time, confirm once. */
export function BookingPage() {
  const { t } = useTranslation();
  const { specialistId = '' } = useParams();
  const me = useSignedInUser();
  usePageTitle(t('scheduling.bookTitle'));
  const availability = useQuery({
    queryKey: schedulingKeys.availability(specialistId),
    queryFn: () => schedulingApi.availability(specialistId),
    enabled: me.active_role === 'client',
    retry: false,
  });

  if (me.active_role !== 'client') {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('scheduling.bookTitle')}</Title>
        <Alert color="yellow" role="alert">
          {t('scheduling.clientsOnly')}
        </Alert>
      </Stack>
    );
  }
  if (availability.isError) {
    const unknown = availability.error instanceof ApiError && availability.error.status === 404;
    return (
      <Stack gap="lg">
        <Title order={1}>{t('scheduling.bookTitle')}</Title>
        <Alert color="yellow" role="alert">
          {unknown ? t('scheduling.linkNotForYou') : errorMessage(t, availability.error)}
        </Alert>
        <Anchor component={Link} to="/book">
          {t('scheduling.seeMySpecialists')}
        </Anchor>
      </Stack>
    );
  }
  return <QueryState query={availability}>{(hours) => <BookWith hours={hours} />}</QueryState>;
}

function BookWith({ hours }: { hours: Availability }) {
  const { t, i18n } = useTranslation();
  const specialistId = hours.specialist_id;
  const types = useQuery({ queryKey: schedulingKeys.sessionTypes(specialistId), queryFn: () => schedulingApi.sessionTypes(specialistId) });
  const [typeId, setTypeId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const active = (types.data ?? []).filter((type) => type.active);
  const chosen = active.find((type) => type.id === typeId) ?? active[0];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('scheduling.bookWith', { name: hours.specialist_name })}</Title>
      <QueryState query={types}>
        {() =>
          active.length === 0 ? (
            <Alert color="gray">{t('scheduling.noSessionTypes')}</Alert>
          ) : (
            <>
              <Radio.Group
                label={t('scheduling.chooseType')}
                value={chosen?.id ?? null}
                onChange={(value) => {
                  setTypeId(value);
                  setNotice(null);
                }}
              >
                <Stack gap="xs" mt="xs">
                  {active.map((type) => (
                    <Radio key={type.id} value={type.id} label={type.name} description={sessionTypeDetails(t, i18n.language, type)} />
                  ))}
                </Stack>
              </Radio.Group>
              {notice && (
                <Alert color="yellow" role="alert">
                  {notice}
                </Alert>
              )}
              {chosen && <BookSlot key={chosen.id} type={chosen} specialistName={hours.specialist_name} onTaken={setNotice} />}
              {chosen && <JoinWaitlist key={`waitlist-${chosen.id}`} type={chosen} specialistName={hours.specialist_name} specialistZone={hours.timezone} />}
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

function BookSlot({ type, specialistName, onTaken }: { type: SessionType; specialistName: string; onTaken: (message: string) => void }) {
  const { t } = useTranslation();
  const time = useViewerTime();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<Slot | null>(null);
  const book = useMutation({
    mutationFn: (slot: Slot) => schedulingApi.book({ specialist_id: type.specialist_id, session_type_id: type.id, starts_at: slot.start }),
    onSuccess: async (appointment) => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      notify({ color: 'teal', message: t('scheduling.booked', { time: time.dateTime(appointment.starts_at) }) });
      await navigate('/my-appointments');
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'SCHEDULING.SLOT_TAKEN') {
        setPicked(null);
        onTaken(t('scheduling.slotTaken'));
        await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      }
    },
  });
  const close = () => {
    setPicked(null);
    book.reset();
  };
  return (
    <>
      <SlotPicker specialistId={type.specialist_id} sessionTypeId={type.id} onPick={setPicked} />
      <Modal opened={picked !== null} onClose={close} title={t('scheduling.confirmTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {picked && (
          <Stack gap="sm">
            <FormError error={book.error} />
            <Text>{t('scheduling.confirmQuestion', { type: type.name, name: specialistName, time: time.dateTime(picked.start) })}</Text>
            <Text size="sm">{t('scheduling.timesIn', { zone: time.zoneName })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button loading={book.isPending} onClick={() => book.mutate(picked)}>
                {t('scheduling.confirmBooking')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
