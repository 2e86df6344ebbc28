import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuietHoursDraft } from './preferences-draft';
import { browserTimeZone, timeZoneOptions } from './time-zones';

type Props = {
  value: QuietHoursDraft;
  onChange: (value: QuietHoursDraft) => void;
  errors: { starts_at?: string; ends_at?: string; timezone?: string };
};

/** A nightly window in the person's own zone; email, SMS and push wait for its end, crisis alerts do not. */
export function QuietHoursFields({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZoneOptions(browserTimeZone(), value.timezone), [value.timezone]);
  const set = (change: Partial<QuietHoursDraft>) => onChange({ ...value, ...change });
  const isSet = value.starts_at !== '' || value.ends_at !== '';
  return (
    <Stack gap="sm" component="fieldset" className="plain-fieldset" aria-describedby="quiet-hours-intro">
      <Text component="legend" fw={700} size="lg" p={0}>
        {t('notificationSettings.quietHours.title')}
      </Text>
      <Text size="sm" id="quiet-hours-intro">
        {t('notificationSettings.quietHours.intro')}
      </Text>
      <Alert color="blue" variant="light" p="xs">
        {t('notificationSettings.quietHours.crisisNote')}
      </Alert>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          type="time"
          label={t('notificationSettings.quietHours.startsAt')}
          value={value.starts_at}
          onChange={(event) => set({ starts_at: event.currentTarget.value })}
          error={errors.starts_at}
          w={140}
        />
        <TextInput
          type="time"
          label={t('notificationSettings.quietHours.endsAt')}
          value={value.ends_at}
          onChange={(event) => set({ ends_at: event.currentTarget.value })}
          error={errors.ends_at}
          w={140}
        />
      </Group>
      <NativeSelect
        label={t('notificationSettings.quietHours.timezone')}
        value={value.timezone}
        onChange={(event) => set({ timezone: event.currentTarget.value })}
        data={zones}
        error={errors.timezone}
        maw={320}
      />
      {isSet ? (
        <Group>
          <Button variant="default" size="xs" onClick={() => set({ starts_at: '', ends_at: '' })}>
            {t('notificationSettings.quietHours.clear')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('notificationSettings.quietHours.none')}
        </Text>
      )}
    </Stack>
  );
}
