import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../api/client';
import { asLocale } from '../i18n/language';
import { AuthCard } from '../ui/auth-card';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { NewPasswordFields } from '../ui/new-password-fields';
import { usePageTitle } from '../ui/use-page-title';
import { authApi } from './auth.api';
import { useCompleteAuth } from './use-complete-auth';

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('register.title'));
  const completeAuth = useCompleteAuth();
  const register = useMutation({ mutationFn: authApi.register, onSuccess: (result) => completeAuth(result) });
  const errors = fieldErrors(register.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const values = formValues(event, ['name', 'email', 'password']);
    register.mutate({ ...values, locale: asLocale(i18n.language) });
  };

  return (
    <AuthCard title={t('register.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <FormError error={register.error} />
          <TextInput name="name" label={t('fields.name')} autoComplete="name" required error={errors.name} />
          <TextInput name="email" type="email" label={t('fields.email')} autoComplete="email" required error={errors.email} />
          <NewPasswordFields name="password" error={errors.password} />
          <Button type="submit" loading={register.isPending} fullWidth>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/sign-in">
          {t('register.signIn')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
