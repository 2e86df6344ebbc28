import { Alert, NativeSelect, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** `every`: 0 books one session, 1 every week, 2 every two weeks; a series ends after `count` sessions or on `until` (YYYY-MM-DD). */
export type Repeat = { every: 0 | 1 | 2; ends: 'count' | 'until'; count: number; until: string };

/** The RRULE the series API takes (FREQ=WEEKLY subset, ADR 0013), or null for a single session. */
export function rruleOf(repeat: Repeat): string | null {
  if (repeat.every === 0) return null;
  const end = repeat.ends === 'count' ? `COUNT=${repeat.count}` : `UNTIL=${repeat.until.replaceAll('-', '')}`;
  return `FREQ=WEEKLY;INTERVAL=${repeat.every};${end}`;
}

/** Whether to repeat a booking weekly or fortnightly, and until when. */
export function RepeatFields({ value, onChange }: { value: Repeat; onChange: (next: Repeat) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('scheduling.series.repeat')}
        value={String(value.every)}
        onChange={(event) => onChange({ ...value, every: Number(event.currentTarget.value) as Repeat['every'] })}
        data={[
          { value: '0', label: t('scheduling.series.once') },
          { value: '1', label: t('scheduling.series.weekly') },
          { value: '2', label: t('scheduling.series.fortnightly') },
        ]}
      />
      {value.every > 0 && (
        <Radio.Group label={t('scheduling.series.ends')} value={value.ends} onChange={(ends) => onChange({ ...value, ends: ends as Repeat['ends'] })}>
          <Stack gap="xs" mt="xs">
            <Radio value="count" label={t('scheduling.series.afterCount')} />
            {value.ends === 'count' && (
              <NumberInput
                label={t('scheduling.series.count')}
                min={2}
                max={52}
                clampBehavior="strict"
                allowDecimal={false}
                value={value.count}
                onChange={(count) => onChange({ ...value, count: typeof count === 'number' ? count : 2 })}
                w={160}
              />
            )}
            <Radio value="until" label={t('scheduling.series.onDate')} />
            {value.ends === 'until' && (
              <TextInput
                type="date"
                label={t('scheduling.series.until')}
                value={value.until}
                onChange={(event) => onChange({ ...value, until: event.currentTarget.value })}
                required
                w={180}
              />
            )}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}

/** A series refused for some of its dates names them, so the specialist can pick another start or fewer sessions. */
export function seriesProblem(t: TFunction, error: unknown) {
  if (!(error instanceof ApiError) || !error.details || Array.isArray(error.details)) return null;
  const details = error.details as { conflicting_dates?: string[]; dates?: string[] };
  const dates = details.conflicting_dates ?? details.dates;
  if (!dates?.length) return null;
  const key = error.code === 'SCHEDULING.SERIES_CONFLICT' ? 'scheduling.series.conflict' : 'scheduling.series.notAvailable';
  return (
    <Alert color="red" role="alert">
      {t(key, { dates: dates.join(', ') })}
    </Alert>
  );
}
