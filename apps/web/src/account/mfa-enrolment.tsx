import { Alert, Button, Code, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { reissueAccessToken } from '../auth/auth.api';
import { useSignedInUser } from '../auth/signed-in-user';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { accountApi } from './account.api';

/** Scan or type the secret, then prove it with a first code. */
export function MfaEnrolment({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const start = useMutation({ mutationFn: accountApi.startMfaEnrolment });
  const verify = useMutation({
    mutationFn: accountApi.verifyMfa,
    onSuccess: async ({ recovery_codes }) => {
      onEnabled(recovery_codes);
      await reissueAccessToken();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });

  if (!start.data) {
    return (
      <Stack gap="sm" align="flex-start">
        {me.mfa_enrolment_required ? (
          <Alert color="red" role="status">
            {t('security.mfaRequired')}
          </Alert>
        ) : null}
        <FormError error={start.error} />
        <Button loading={start.isPending} onClick={() => start.mutate()}>
          {t('security.mfaStart')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>{t('security.mfaStepScan')}</List.Item>
        <List.Item>{t('security.mfaStepCode')}</List.Item>
      </List>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <div className="qr-code">
          <QRCodeSVG value={start.data.otpauth_url} size={176} marginSize={2} title={t('security.qrTitle')} />
        </div>
        <Stack gap={4} miw={0} style={{ flex: '1 1 200px' }}>
          <Text size="sm">{t('security.mfaSecretLabel')}</Text>
          <Code block data-testid="mfa-secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
            {start.data.secret}
          </Code>
        </Stack>
      </Group>
      <form onSubmit={(event) => verify.mutate(formValues(event, ['code']).code.replace(/\s/g, ''))}>
        <Stack gap="sm" maw={320}>
          <FormError error={verify.error} />
          <TextInput
            name="code"
            label={t('fields.authenticationCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            error={fieldErrors(verify.error).code}
          />
          <Button type="submit" loading={verify.isPending}>
            {t('security.mfaVerify')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
