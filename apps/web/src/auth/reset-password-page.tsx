import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { AuthCard } from '../ui/auth-card';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { NewPasswordFields, usePasswordConfirmation } from '../ui/new-password-fields';
import { usePageTitle } from '../ui/use-page-title';
import { authApi } from './auth.api';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('resetPassword.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const confirmation = usePasswordConfirmation();
  const reset = useMutation({
    mutationFn: authApi.resetPassword,
    // Every session ends with a reset, this tab's included.
    onSuccess: () => queryClient.setQueryData(queryKeys.me, null),
  });
  const errors = fieldErrors(reset.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const values = formValues(event, ['new_password', 'confirm_password']);
    if (confirmation.matches(values)) reset.mutate({ token, new_password: values.new_password });
  };

  if (!token) {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <Alert color="red" role="alert">
          {t('resetPassword.missingToken')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('resetPassword.requestNew')}
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('resetPassword.title')}>
      {reset.isSuccess ? (
        <Stack gap="md">
          <Alert color="green" role="status">
            {t('resetPassword.done')}
          </Alert>
          <Button component={Link} to="/sign-in">
            {t('resetPassword.signIn')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <FormError error={reset.error} />
            <NewPasswordFields name="new_password" error={errors.new_password} confirmation={confirmation} />
            <Button type="submit" loading={reset.isPending} fullWidth>
              {t('resetPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
      {reset.isSuccess ? null : (
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/forgot-password">
            {t('resetPassword.requestNew')}
          </Anchor>
        </Text>
      )}
    </AuthCard>
  );
}
