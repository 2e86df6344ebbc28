import type { AvailabilityBody } from '@tend/contracts';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Rule = AvailabilityBody['rules'][number];
type Override = AvailabilityBody['overrides'][number];
type Errors = Record<string, string>;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A window's own error, or the error of one of its ends. */
const windowError = (errors: Errors, path: string) => errors[`${path}.start`] ?? errors[`${path}.end`] ?? errors[path];

/** Opening hours per weekday; a day with none is closed. */
export function WeeklyHours({ rules, errors, onChange }: { rules: Rule[]; errors: Errors; onChange: (rules: Rule[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Rule>) => onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="weekly-hours">
      <Title order={2} size="h3" id="weekly-hours" mb="sm">
        {t('scheduling.weeklyHours')}
      </Title>
      <Stack gap="sm">
        {WEEKDAYS.map((weekday) => {
          const day = t(`scheduling.weekday.${weekday}`);
          const windows = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.weekday === weekday);
          return (
            <Stack gap={4} key={weekday} role="group" aria-label={day}>
              <Text fw={700}>{day}</Text>
              {windows.length === 0 && <Text size="sm">{t('scheduling.closedDay')}</Text>}
              {windows.map(({ rule, index }) => (
                <Group key={index} gap="xs" align="flex-start" wrap="wrap">
                  <TextInput
                    type="time"
                    label={t('scheduling.opens')}
                    aria-label={`${day}: ${t('scheduling.opens')}`}
                    value={rule.start}
                    onChange={(event) => update(index, { start: event.currentTarget.value })}
                    error={windowError(errors, `rules.${index}`)}
                    w={{ base: 125, sm: 140 }}
                  />
                  <TextInput
                    type="time"
                    label={t('scheduling.closes')}
                    aria-label={`${day}: ${t('scheduling.closes')}`}
                    value={rule.end}
                    onChange={(event) => update(index, { end: event.currentTarget.value })}
                    w={{ base: 125, sm: 140 }}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    aria-label={t('scheduling.removeHours', { day, start: rule.start, end: rule.end })}
                    onClick={() => onChange(rules.filter((_, i) => i !== index))}
                  >
                    ×
                  </Button>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  aria-label={t('scheduling.addHoursOn', { day })}
                  onClick={() => onChange([...rules, { weekday, start: '09:00', end: '17:00' }])}
                >
                  {t('scheduling.addHours')}
                </Button>
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** Dates that replace the weekly hours: other hours that day, or none for time off. */
export function DateChanges({ overrides, errors, onChange }: { overrides: Override[]; errors: Errors; onChange: (overrides: Override[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, next: Override) => onChange(overrides.map((o, i) => (i === index ? next : o)));
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="date-changes">
      <Title order={2} size="h3" id="date-changes" mb="xs">
        {t('scheduling.dateChanges')}
      </Title>
      <Text size="sm" mb="sm">
        {t('scheduling.dateChangesIntro')}
      </Text>
      <Stack gap="md">
        {overrides.length === 0 && <Text size="sm">{t('scheduling.noDateChanges')}</Text>}
        {overrides.map((override, index) => (
          <Stack key={index} gap={4} role="group" aria-label={override.date || t('scheduling.date')}>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                type="date"
                label={t('scheduling.date')}
                value={override.date}
                onChange={(event) => update(index, { ...override, date: event.currentTarget.value })}
                error={errors[`overrides.${index}.date`] ?? errors[`overrides.${index}`]}
                w={170}
              />
              <Button variant="subtle" color="red" mt={24} onClick={() => onChange(overrides.filter((_, i) => i !== index))}>
                {t('scheduling.removeDate', { date: override.date })}
              </Button>
            </Group>
            {override.windows.length === 0 && <Text size="sm">{t('scheduling.closedDay')}</Text>}
            {override.windows.map((window, w) => (
              <Group key={w} gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  type="time"
                  label={t('scheduling.opens')}
                  value={window.start}
                  onChange={(event) =>
                    update(index, { ...override, windows: override.windows.map((x, i) => (i === w ? { ...x, start: event.currentTarget.value } : x)) })
                  }
                  error={windowError(errors, `overrides.${index}.windows.${w}`)}
                  w={{ base: 125, sm: 140 }}
                />
                <TextInput
                  type="time"
                  label={t('scheduling.closes')}
                  value={window.end}
                  onChange={(event) =>
                    update(index, { ...override, windows: override.windows.map((x, i) => (i === w ? { ...x, end: event.currentTarget.value } : x)) })
                  }
                  w={{ base: 125, sm: 140 }}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => update(index, { ...override, windows: [...override.windows, { start: '09:00', end: '13:00' }] })}
              >
                {t('scheduling.addHours')}
              </Button>
            </Group>
          </Stack>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...overrides, { date: tomorrow, windows: [] }])}>
            {t('scheduling.addDate')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
