import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { PasswordField } from '../ui/password-field';
import { accountApi } from './account.api';
import { notify } from '../ui/notify';

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: accountApi.changePassword,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
      notify({ color: 'teal', message: t('account.passwordChanged') });
    },
  });
  const errors = fieldErrors(change.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const values = formValues(event, ['current_password', 'new_password', 'confirm_password']);
    const same = values.new_password === values.confirm_password;
    setMismatch(!same);
    if (!same) return;
    change.mutate({ current_password: values.current_password, new_password: values.new_password }, { onSuccess: () => form.reset() });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="password-heading">
            {t('account.changePassword')}
          </Title>
          <FormError error={change.error} />
          <PasswordField name="current_password" label={t('fields.currentPassword')} autoComplete="current-password" required error={errors.current_password} />
          <PasswordField
            name="new_password"
            label={t('fields.newPassword')}
            description={t('fields.passwordRule')}
            autoComplete="new-password"
            required
            error={errors.new_password}
          />
          <PasswordField
            name="confirm_password"
            label={t('fields.confirmPassword')}
            autoComplete="new-password"
            required
            error={mismatch ? t('fields.passwordsDiffer') : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('account.changePasswordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
