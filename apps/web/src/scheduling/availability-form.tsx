import type { AvailabilityBody } from '@tend/contracts';
import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { DateChanges, WeeklyHours } from './availability-windows';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi } from './scheduling.api';

type Props = { initial: AvailabilityBody };

function zones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, ...known])].sort();
}

/** Hours and booking rules as one form, saved at once; the server's field errors show beside each field. */
export function AvailabilityForm({ initial }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<AvailabilityBody>({
    timezone: initial.timezone,
    buffer_before_minutes: initial.buffer_before_minutes,
    buffer_after_minutes: initial.buffer_after_minutes,
    min_notice_minutes: initial.min_notice_minutes,
    horizon_days: initial.horizon_days,
    step_minutes: initial.step_minutes,
    rules: initial.rules,
    overrides: initial.overrides,
  });
  const save = useMutation({
    mutationFn: () => schedulingApi.setAvailability(form),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      notify({ color: 'teal', message: t('scheduling.saved') });
    },
  });
  const errors = fieldErrors(save.error);
  const set = <K extends keyof AvailabilityBody>(key: K, value: AvailabilityBody[K]) => setForm((current) => ({ ...current, [key]: value }));
  const whole = (value: string | number) => (typeof value === 'number' ? value : Number.parseInt(value, 10) || 0);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="lg">
        <FormError error={save.error} />
        <NativeSelect
          label={t('scheduling.timezone')}
          data={zones(form.timezone)}
          value={form.timezone}
          onChange={(event) => set('timezone', event.currentTarget.value)}
          error={errors.timezone}
          maw={360}
        />
        <WeeklyHours rules={form.rules} errors={errors} onChange={(rules) => set('rules', rules)} />
        <DateChanges overrides={form.overrides} errors={errors} onChange={(overrides) => set('overrides', overrides)} />
        <Paper withBorder p="md" component="section" aria-labelledby="booking-rules">
          <Title order={2} size="h3" id="booking-rules" mb="sm">
            {t('scheduling.bookingRules')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <NumberInput
              label={t('scheduling.bufferBefore')}
              value={form.buffer_before_minutes}
              onChange={(v) => set('buffer_before_minutes', whole(v))}
              error={errors.buffer_before_minutes}
              allowDecimal={false}
            />
            <NumberInput
              label={t('scheduling.bufferAfter')}
              value={form.buffer_after_minutes}
              onChange={(v) => set('buffer_after_minutes', whole(v))}
              error={errors.buffer_after_minutes}
              allowDecimal={false}
            />
            <NumberInput
              label={t('scheduling.minNotice')}
              value={form.min_notice_minutes / 60}
              onChange={(v) => set('min_notice_minutes', Math.round(Number(v) * 60) || 0)}
              error={errors.min_notice_minutes}
              decimalScale={2}
            />
            <NumberInput
              label={t('scheduling.horizon')}
              value={form.horizon_days}
              onChange={(v) => set('horizon_days', whole(v))}
              error={errors.horizon_days}
              allowDecimal={false}
            />
            <NumberInput
              label={t('scheduling.step')}
              value={form.step_minutes}
              onChange={(v) => set('step_minutes', whole(v))}
              error={errors.step_minutes}
              allowDecimal={false}
            />
          </SimpleGrid>
        </Paper>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('scheduling.saveAvailability')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
