import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/client';
import { AuthCard } from '../ui/auth-card';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { PasswordField } from '../ui/password-field';
import { usePageTitle } from '../ui/use-page-title';
import { authApi } from './auth.api';
import { useCompleteAuth } from './use-complete-auth';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const completeAuth = useCompleteAuth();
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (result) => completeAuth(result, params.get('next')),
  });
  const errors = fieldErrors(login.error);

  return (
    <AuthCard title={t('signIn.title')}>
      <form onSubmit={(event) => login.mutate(formValues(event, ['email', 'password']))}>
        <Stack gap="sm">
          <FormError error={login.error} />
          <TextInput name="email" type="email" label={t('fields.email')} autoComplete="username" required error={errors.email} />
          <PasswordField name="password" label={t('fields.password')} autoComplete="current-password" required error={errors.password} />
          <Group justify="flex-end">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('signIn.forgotPassword')}
            </Anchor>
          </Group>
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        {t('signIn.noAccount')}{' '}
        <Anchor component={Link} to="/register">
          {t('signIn.register')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
