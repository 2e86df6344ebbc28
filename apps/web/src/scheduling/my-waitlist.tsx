import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ConfirmButton } from '../ui/confirm-button';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi, type WaitlistEntry } from './scheduling.api';
import { useViewerTime } from './viewer-time';
import { WaitlistWindows } from './waitlist-windows';

/** The client's places on waitlists: a freed time offered to them is accepted here, and a place can be given up. */
export function MyWaitlist() {
  const { t } = useTranslation();
  const entries = useQuery({ queryKey: schedulingKeys.waitlist, queryFn: schedulingApi.waitlist, refetchInterval: 60_000 });
  const waiting = (entries.data ?? []).filter((e) => e.status === 'waiting');
  if (!entries.isSuccess || waiting.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="waitlist-title" id="waitlist">
      <Title order={2} size="h3" id="waitlist-title">
        {t('scheduling.waitlist.mine')}
      </Title>
      <Stack gap="sm" component="ul" className="plain-list">
        {waiting.map((entry) => (
          <WaitlistItem key={entry.id} entry={entry} />
        ))}
      </Stack>
    </Stack>
  );
}

function WaitlistItem({ entry }: { entry: WaitlistEntry }) {
  const { t } = useTranslation();
  const time = useViewerTime();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
  const leave = useMutation({
    mutationFn: () => schedulingApi.leaveWaitlist(entry.id),
    onSuccess: async () => {
      await refresh();
      notify({ color: 'teal', message: t('scheduling.waitlist.left') });
    },
  });
  const accept = useMutation({
    mutationFn: (offerId: string) => schedulingApi.acceptOffer(offerId),
    onSuccess: async (appointment) => {
      await refresh();
      notify({ color: 'teal', message: t('scheduling.booked', { time: time.dateTime(appointment.starts_at) }) });
    },
    onError: async (error) => {
      if (error instanceof ApiError && (error.code === 'SCHEDULING.SLOT_TAKEN' || error.code === 'SCHEDULING.OFFER_CLOSED')) await refresh();
    },
  });
  const decline = useMutation({
    mutationFn: (offerId: string) => schedulingApi.declineOffer(offerId),
    onSuccess: async () => {
      await refresh();
      notify({ color: 'teal', message: t('scheduling.waitlist.declined') });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'SCHEDULING.OFFER_CLOSED') await refresh();
    },
  });
  const name = entry.specialist_name ?? '';
  const offer = entry.offer && Date.parse(entry.offer.expires_at) > Date.now() ? entry.offer : null;
  return (
    <Paper component="li" withBorder p="md" aria-label={t('scheduling.waitlist.entryLabel', { name })}>
      <Stack gap={6}>
        <Text fw={700}>{t('scheduling.waitlist.waitingFor', { name })}</Text>
        <Text size="sm">
          {entry.session_type_name ?? t('scheduling.waitlist.anyType')} · {t('scheduling.waitlist.since', { date: time.day(entry.created_at) })}
        </Text>
        <WaitlistWindows windows={entry.preferred_windows} />
        <FormError error={accept.error ?? decline.error ?? leave.error} />
        {offer && (
          <Alert color="teal" title={t('scheduling.waitlist.offerTitle')}>
            <Stack gap="xs">
              <Text>{t('scheduling.waitlist.offerText', { time: time.dateTime(offer.starts_at), expires: time.dateTime(offer.expires_at) })}</Text>
              <Group>
                <Button loading={accept.isPending} disabled={decline.isPending} onClick={() => accept.mutate(offer.id)}>
                  {t('scheduling.waitlist.accept')}
                </Button>
                <Button variant="default" loading={decline.isPending} disabled={accept.isPending} onClick={() => decline.mutate(offer.id)}>
                  {t('scheduling.waitlist.decline')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Group>
          <ConfirmButton
            ariaLabel={t('scheduling.waitlist.leaveNamed', { name })}
            title={t('scheduling.waitlist.leaveTitle')}
            question={t('scheduling.waitlist.leaveQuestion', { name })}
            confirmLabel={t('scheduling.waitlist.leave')}
            onConfirm={() => leave.mutate()}
            loading={leave.isPending}
          >
            {t('scheduling.waitlist.leave')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}
