import type { Org } from '@tend/contracts';
import { Button, Group, NumberInput, Paper, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { orgApi, type OrgChanges } from './org.api';
import { notify } from '../ui/notify';

export function OrgSettingsForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (changes: OrgChanges) => orgApi.update(org.id, changes),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.org(org.id), updated);
      notify({ color: 'teal', message: t('orgSettings.saved') });
      // The practice name and the 2FA rule both show up in the signed-in user's own data.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
  const errors = fieldErrors(update.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const values = formValues(event, ['name', 'timezone', 'require_specialist_mfa', 'require_note_cosign', 'late_cancellation_hours']);
    update.mutate({
      name: values.name,
      timezone: values.timezone.trim(),
      require_specialist_mfa: values.require_specialist_mfa !== '',
      require_note_cosign: values.require_note_cosign !== '',
      // Sent as typed: a number outside 0–168 comes back as the server's field error.
      late_cancellation_hours: values.late_cancellation_hours === '' ? Number.NaN : Number(values.late_cancellation_hours),
    });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <FormError error={update.error} />
          <TextInput name="name" label={t('orgSettings.name')} defaultValue={org.name} required error={errors.name} />
          <TextInput
            name="timezone"
            label={t('orgSettings.timezone')}
            description={t('orgSettings.timezoneHint')}
            defaultValue={org.timezone}
            required
            error={errors.timezone}
          />
          <Switch
            name="require_specialist_mfa"
            label={t('orgSettings.requireMfa')}
            description={t('orgSettings.requireMfaHint')}
            defaultChecked={org.require_specialist_mfa}
          />
          <Switch
            name="require_note_cosign"
            label={t('orgSettings.requireCosign')}
            description={t('orgSettings.requireCosignHint')}
            defaultChecked={org.require_note_cosign}
          />
          <NumberInput
            name="late_cancellation_hours"
            label={t('orgSettings.lateCancellationHours')}
            description={t('orgSettings.lateCancellationHoursHint')}
            defaultValue={org.late_cancellation_hours}
            min={0}
            max={168}
            allowDecimal={false}
            allowNegative={false}
            required
            error={errors.late_cancellation_hours}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
