import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Appointment, SessionAfterDto } from '@tend/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { useSignedInUser } from '../../auth/signed-in-user';
import { FormError } from '../../ui/form-error';
import { useOrgTime } from '../../ui/use-org-time';
import { afterApi } from './after.api';

const DAY = 86_400_000;

/** The same slot next week, one click to book; when it is taken, the free times of another day. */
export function NextSessionCard({ after }: { after: SessionAfterDto }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const me = useSignedInUser();
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [day, setDay] = useState('');
  const slot = after.next_slot;
  const book = useMutation({
    mutationFn: (startsAt: string) =>
      afterApi.book({
        specialist_id: me.id,
        session_type_id: slot.session_type_id,
        starts_at: startsAt,
        client_user_id: after.client.id,
        case_id: after.case?.id,
      }),
    onSuccess: setBooked,
  });
  const taken = !slot.free || (book.error as { code?: string } | null)?.code === 'SCHEDULING.SLOT_TAKEN';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="after-next-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="after-next-heading">
          {t('afterSession.next.title')}
        </Title>
        {booked ? (
          <Alert color="teal" role="status">
            {t('afterSession.next.booked', { time: time.dateTime(booked.starts_at) })}
          </Alert>
        ) : (
          <>
            <Text>{t('afterSession.next.suggested', { time: time.dateTime(slot.starts_at) })}</Text>
            {taken ? (
              <Text role="status">{t('afterSession.next.taken')}</Text>
            ) : (
              <Button onClick={() => book.mutate(slot.starts_at)} loading={book.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('afterSession.next.book')}
              </Button>
            )}
            {book.error && !taken ? <FormError error={book.error} /> : null}
            <TextInput type="date" label={t('afterSession.next.otherDay')} value={day} onChange={(e) => setDay(e.currentTarget.value)} maw={220} />
            {day ? <DaySlots after={after} day={day} onPick={(start) => book.mutate(start)} pending={book.isPending} /> : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Free starts on one calendar day of the specialist's zone. */
function DaySlots({ after, day, onPick, pending }: { after: SessionAfterDto; day: string; onPick: (start: string) => void; pending: boolean }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const me = useSignedInUser();
  const { session_type_id: typeId, timezone } = after.next_slot;
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const slots = useQuery({
    queryKey: queryKeys.freeSlots(typeId, day),
    queryFn: () =>
      afterApi.slots({
        specialist_id: me.id,
        session_type_id: typeId,
        from: new Date(Math.max(Date.now(), midnight - DAY)).toISOString(),
        to: new Date(midnight + 2 * DAY).toISOString(),
        timezone,
      }),
    enabled: Number.isFinite(midnight) && midnight + 2 * DAY > Date.now(),
  });
  const onDay = (slots.data ?? []).filter((s) => s.local_start.startsWith(day));
  return (
    <Stack gap={4} role="group" aria-label={t('afterSession.next.slotsOn')}>
      <Text size="sm" fw={600}>
        {t('afterSession.next.slotsOn')}
      </Text>
      {slots.isSuccess && onDay.length === 0 ? <Text size="sm">{t('afterSession.next.noSlots')}</Text> : null}
      <Group gap="xs" wrap="wrap">
        {onDay.slice(0, 24).map((s) => (
          <Button key={s.start} variant="default" size="xs" disabled={pending} onClick={() => onPick(s.start)}>
            {t('afterSession.next.bookAt', { time: time.time(s.start) })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
