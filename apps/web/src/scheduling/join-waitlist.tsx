import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../api/client';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi, type SessionType } from './scheduling.api';
import { zoneName } from './viewer-time';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type Props = { type: SessionType; specialistName: string; specialistZone: string };

/** For a client who finds no time that suits them: wait for a freed time of this specialist, optionally on some days and hours. */
export function JoinWaitlist({ type, specialistName, specialistZone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const entries = useQuery({ queryKey: schedulingKeys.waitlist, queryFn: schedulingApi.waitlist });
  const [onlyThisType, setOnlyThisType] = useState(true);
  const [days, setDays] = useState<string[]>([]);
  const [from, setFrom] = useState('09:00');
  const [until, setUntil] = useState('18:00');
  const join = useMutation({
    mutationFn: () =>
      schedulingApi.joinWaitlist({
        specialist_id: type.specialist_id,
        ...(onlyThisType ? { session_type_id: type.id } : {}),
        preferred_windows: days.map((day) => ({ weekday: Number(day), start: from, end: until })),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.waitlist });
      notify({ color: 'teal', message: t('scheduling.waitlist.joined', { name: specialistName }) });
    },
  });
  const waiting = (entries.data ?? []).find((e) => e.status === 'waiting' && e.specialist_id === type.specialist_id);
  const errors = fieldErrors(join.error);
  const windowError = Object.entries(errors).find(([path]) => path.startsWith('preferred_windows'))?.[1];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="join-waitlist">
      <Stack gap="sm">
        <Title order={2} size="h3" id="join-waitlist">
          {t('scheduling.waitlist.noTimeTitle')}
        </Title>
        {waiting ? (
          <Alert color="teal">
            <Stack gap={4}>
              <Text>{t('scheduling.waitlist.alreadyWaiting', { name: specialistName })}</Text>
              <Anchor component={Link} to="/my-appointments#waitlist" c="inherit" fw={600}>
                {t('scheduling.waitlist.seeMine')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <>
            <Text>{t('scheduling.waitlist.explain', { name: specialistName })}</Text>
            <FormError error={join.error} />
            <Checkbox
              checked={onlyThisType}
              onChange={(event) => setOnlyThisType(event.currentTarget.checked)}
              label={t('scheduling.waitlist.onlyThisType', { type: type.name })}
            />
            <Checkbox.Group
              label={t('scheduling.waitlist.days')}
              description={t('scheduling.waitlist.daysHint', { zone: zoneName(specialistZone) })}
              value={days}
              onChange={setDays}
            >
              <Group gap="sm" mt="xs">
                {WEEKDAYS.map((day) => (
                  <Checkbox key={day} value={String(day)} label={t(`scheduling.weekday.${day}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            {days.length > 0 && (
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  type="time"
                  label={t('scheduling.waitlist.from')}
                  value={from}
                  onChange={(event) => setFrom(event.currentTarget.value)}
                  error={windowError}
                  w={140}
                />
                <TextInput type="time" label={t('scheduling.waitlist.until')} value={until} onChange={(event) => setUntil(event.currentTarget.value)} w={140} />
              </Group>
            )}
            <Group>
              <Button variant="light" loading={join.isPending} onClick={() => join.mutate()}>
                {t('scheduling.waitlist.join')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
