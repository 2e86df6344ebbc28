import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useSignedInUser } from '../auth/signed-in-user';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi, type Slot } from './scheduling.api';
import { sessionTypeDetails } from './session-type-label';
import { type Repeat, RepeatFields, rruleOf, seriesProblem } from './repeat-fields';
import { SlotPicker } from './slot-picker';
import { useViewerTime } from './viewer-time';

const OPEN = new Set(['draft', 'active', 'paused']);

/** The specialist books a client of their caseload into one of their own free times. */
export function BookForClient() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('scheduling.bookForClient')}
      </Button>
      {opened && <BookForClientDialog onClose={() => setOpened(false)} />}
    </>
  );
}

function BookForClientDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useSignedInUser();
  const time = useViewerTime();
  const queryClient = useQueryClient();
  const cases = useQuery({ queryKey: [...schedulingKeys.all, 'caseload'], queryFn: schedulingApi.openCases });
  const types = useQuery({ queryKey: schedulingKeys.sessionTypes(me.id), queryFn: () => schedulingApi.sessionTypes(me.id) });
  const clients = [...new Map((cases.data?.items ?? []).filter((c) => OPEN.has(c.status)).map((c) => [c.client.id, c.client])).values()];
  const activeTypes = (types.data ?? []).filter((type) => type.active);
  const [clientId, setClientId] = useState('');
  const [typeId, setTypeId] = useState('');
  const [picked, setPicked] = useState<Slot | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [repeat, setRepeat] = useState<Repeat>({ every: 0, ends: 'count', count: 6, until: '' });
  const client = clients.find((c) => c.id === clientId) ?? clients[0];
  const type = activeTypes.find((x) => x.id === typeId) ?? activeTypes[0];
  const book = useMutation({
    mutationFn: async (slot: Slot) => {
      const body = { specialist_id: me.id, session_type_id: type!.id, starts_at: slot.start, client_user_id: client!.id };
      const rrule = rruleOf(repeat);
      if (!rrule) return { first: await schedulingApi.bookForClient(body), count: 1 };
      const series = await schedulingApi.bookSeries({ ...body, rrule });
      return { first: series.appointments[0]!, count: series.appointments.length };
    },
    onSuccess: async ({ first, count }) => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      const message =
        count > 1
          ? t('scheduling.series.booked', { name: client!.name, time: time.dateTime(first.starts_at), count })
          : t('scheduling.bookedFor', { name: client!.name, time: time.dateTime(first.starts_at) });
      notify({ color: 'teal', message });
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
  const ready = cases.isSuccess && types.isSuccess;
  return (
    <Modal opened onClose={onClose} size="lg" title={t('scheduling.bookForClient')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        {ready && clients.length === 0 && <Alert color="gray">{t('scheduling.noClientsToBook')}</Alert>}
        {ready && activeTypes.length === 0 && <Alert color="gray">{t('scheduling.noTypesYet')}</Alert>}
        {notice && (
          <Alert color="yellow" role="alert">
            {notice}
          </Alert>
        )}
        {client && type && (
          <>
            <NativeSelect
              label={t('scheduling.client')}
              value={client.id}
              onChange={(event) => setClientId(event.currentTarget.value)}
              data={clients.map((c) => ({ value: c.id, label: c.name }))}
            />
            <NativeSelect
              label={t('scheduling.chooseType')}
              value={type.id}
              onChange={(event) => {
                setTypeId(event.currentTarget.value);
                setPicked(null);
              }}
              data={activeTypes.map((x) => ({ value: x.id, label: `${x.name} (${sessionTypeDetails(t, i18n.language, x)})` }))}
            />
            {picked ? (
              <Stack gap="sm">
                {seriesProblem(t, book.error) ?? <FormError error={book.error} />}
                <Text fw={600}>{t('scheduling.bookForQuestion', { name: client.name, type: type.name, time: time.dateTime(picked.start) })}</Text>
                <RepeatFields value={repeat} onChange={setRepeat} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setPicked(null)}>
                    {t('scheduling.pickAnother')}
                  </Button>
                  <Button
                    loading={book.isPending}
                    disabled={repeat.every > 0 && repeat.ends === 'until' && repeat.until === ''}
                    onClick={() => book.mutate(picked)}
                  >
                    {t('scheduling.confirmBooking')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <SlotPicker key={type.id} specialistId={me.id} sessionTypeId={type.id} onPick={setPicked} headingOrder={3} />
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
