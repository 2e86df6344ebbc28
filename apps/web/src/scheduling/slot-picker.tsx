import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi, type Slot } from './scheduling.api';
import { QueryState } from '../ui/query-state';
import { localDay, useViewerTime } from './viewer-time';

const WEEK = 7 * 86_400_000;

type Props = {
  specialistId: string;
  sessionTypeId: string;
  onPick: (slot: Slot) => void;
  /** Heading level of "Free times", to fit the page or dialog around it. */
  headingOrder?: 2 | 3;
};

/** Free times a week at a time, day by day, in the viewer's zone with the zone named. */
export function SlotPicker({ specialistId, sessionTypeId, onPick, headingOrder = 2 }: Props) {
  const { t } = useTranslation();
  const time = useViewerTime();
  const headingId = useId();
  const [opened] = useState(() => Date.now());
  const [week, setWeek] = useState(0);
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const from = new Date(opened + week * WEEK).toISOString();
  const to = new Date(opened + (week + 1) * WEEK).toISOString();
  const slots = useQuery({
    queryKey: schedulingKeys.slots(specialistId, sessionTypeId, from, time.zone),
    queryFn: () => schedulingApi.slots({ specialistId, sessionTypeId, from, to, timezone: time.zone }),
  });
  const moveWeek = (by: number) => {
    setWeek(week + by);
    setChosenDay(null);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={headingOrder} size="h4" id={headingId}>
        {t('scheduling.freeTimes')}
      </Title>
      <Text size="sm">{t('scheduling.timesIn', { zone: time.zoneName })}</Text>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" size="xs" onClick={() => moveWeek(-1)} disabled={week === 0}>
          {t('scheduling.earlierWeek')}
        </Button>
        <Text size="sm" fw={600} aria-live="polite">
          {t('scheduling.weekRange', { from: time.day(from), to: time.day(new Date(Date.parse(to) - 1).toISOString()) })}
        </Text>
        <Button variant="default" size="xs" onClick={() => moveWeek(1)}>
          {t('scheduling.laterWeek')}
        </Button>
      </Group>
      <QueryState query={slots}>{(list) => <DaysAndTimes slots={list} chosenDay={chosenDay} onChooseDay={setChosenDay} onPick={onPick} />}</QueryState>
    </Stack>
  );
}

type DaysProps = { slots: Slot[]; chosenDay: string | null; onChooseDay: (day: string) => void; onPick: (slot: Slot) => void };

function DaysAndTimes({ slots, chosenDay, onChooseDay, onPick }: DaysProps) {
  const { t } = useTranslation();
  const time = useViewerTime();
  if (slots.length === 0) return <Alert color="gray">{t('scheduling.noFreeTimes')}</Alert>;
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = localDay(slot.start, time.zone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  const day = chosenDay && days.has(chosenDay) ? chosenDay : (days.keys().next().value as string);
  const daySlots = days.get(day) ?? [];
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('scheduling.days')}>
        {[...days].map(([key, list]) => (
          <Button key={key} size="xs" variant={key === day ? 'filled' : 'default'} aria-pressed={key === day} onClick={() => onChooseDay(key)}>
            {t('scheduling.dayWithCount', { day: time.day(list[0]!.start), count: list.length })}
          </Button>
        ))}
      </Group>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('scheduling.timesOn', { day: time.day(daySlots[0]!.start) })}>
        {daySlots.map((slot) => (
          <Button key={slot.start} variant="light" aria-label={t('scheduling.pickTime', { time: time.dateTime(slot.start) })} onClick={() => onPick(slot)}>
            {time.time(slot.start)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
