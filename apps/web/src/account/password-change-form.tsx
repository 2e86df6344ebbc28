import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { NewPasswordFields, usePasswordConfirmation } from '../ui/new-password-fields';
import { PasswordField } from '../ui/password-field';
import { accountApi } from './account.api';
import { notify } from '../ui/notify';

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirmation = usePasswordConfirmation();
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
    if (!confirmation.matches(values)) return;
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
          <NewPasswordFields name="new_password" error={errors.new_password} confirmation={confirmation} />
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
