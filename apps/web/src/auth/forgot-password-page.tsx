import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../api/client';
import { AuthCard } from '../ui/auth-card';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { usePageTitle } from '../ui/use-page-title';
import { authApi } from './auth.api';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgotPassword.title'));
  const request = useMutation({ mutationFn: authApi.forgotPassword });
  const errors = fieldErrors(request.error);

  return (
    <AuthCard title={t('forgotPassword.title')}>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('forgotPassword.sent', { email: request.variables.email })}
        </Alert>
      ) : (
        <form onSubmit={(event) => request.mutate(formValues(event, ['email']))}>
          <Stack gap="sm">
            <Text>{t('forgotPassword.hint')}</Text>
            <FormError error={request.error} />
            <TextInput name="email" type="email" label={t('fields.email')} autoComplete="email" required error={errors.email} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('forgotPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Text size="sm" ta="center">
        <Anchor component={Link} to="/sign-in">
          {t('forgotPassword.backToSignIn')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
