import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/signed-in-user';
import { MfaDisableForm } from './mfa-disable-form';
import { MfaEnrolment } from './mfa-enrolment';
import { RecoveryCodes } from './recovery-codes';

/** Two-factor sign-in: set it up, show the recovery codes once, or turn it off. */
export function MfaSection() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const body = () => {
    if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
    if (me.mfa_enabled) return <MfaDisableForm />;
    return <MfaEnrolment onEnabled={setRecoveryCodes} />;
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mfa-heading">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="mfa-heading">
            {t('security.mfaTitle')}
          </Title>
          <Badge variant="light" color={me.mfa_enabled ? 'teal' : 'gray'}>
            {me.mfa_enabled ? t('security.mfaOn') : t('security.mfaOff')}
          </Badge>
        </Group>
        <Text>{t('security.mfaIntro')}</Text>
        {body()}
      </Stack>
    </Paper>
  );
}
