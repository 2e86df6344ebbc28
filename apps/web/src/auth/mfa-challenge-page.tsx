import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ApiError, fieldErrors } from '../api/client';
import { AuthCard } from '../ui/auth-card';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { usePageTitle } from '../ui/use-page-title';
import { authApi } from './auth.api';
import { readPendingChallenge } from './mfa-challenge';
import { useCompleteAuth } from './use-complete-auth';

export function MfaChallengePage() {
  const { t } = useTranslation();
  usePageTitle(t('mfaChallenge.title'));
  const [pending] = useState(readPendingChallenge);
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const completeAuth = useCompleteAuth();
  const verify = useMutation({
    mutationFn: authApi.loginWithCode,
    onSuccess: (result) => completeAuth(result, pending?.next ?? null),
  });

  if (!pending) return <Navigate to="/sign-in" replace />;
  const expired = verify.error instanceof ApiError && verify.error.code === 'AUTH.MFA_CHALLENGE_EXPIRED';
  const errors = fieldErrors(verify.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const { code } = formValues(event, ['code']);
    verify.mutate(
      useRecoveryCode ? { challenge: pending.challenge, recovery_code: code.trim() } : { challenge: pending.challenge, code: code.replace(/\s/g, '') },
    );
  };

  return (
    <AuthCard title={t('mfaChallenge.title')}>
      <Text>{useRecoveryCode ? t('mfaChallenge.recoveryHint') : t('mfaChallenge.codeHint')}</Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <FormError error={verify.error} />
          <TextInput
            key={useRecoveryCode ? 'recovery' : 'totp'}
            name="code"
            label={useRecoveryCode ? t('fields.recoveryCode') : t('fields.authenticationCode')}
            autoComplete="one-time-code"
            inputMode={useRecoveryCode ? 'text' : 'numeric'}
            required
            error={errors.code ?? errors.recovery_code}
          />
          <Button type="submit" loading={verify.isPending} fullWidth disabled={expired}>
            {t('mfaChallenge.submit')}
          </Button>
        </Stack>
      </form>
      <Text ta="center">
        <Anchor component="button" type="button" size="sm" onClick={() => setUseRecoveryCode((value) => !value)}>
          {useRecoveryCode ? t('mfaChallenge.useApp') : t('mfaChallenge.useRecoveryCode')}
        </Anchor>
      </Text>
      <Text size="sm" ta="center">
        <Anchor component={Link} to="/sign-in">
          {t('mfaChallenge.startOver')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
