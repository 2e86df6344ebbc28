import { Alert, Button, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown once, right after 2FA is turned on: the server never shows these codes again. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="teal" role="status" title={t('security.mfaEnabled')}>
        {t('security.recoveryIntro')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" component="ul" data-testid="recovery-codes" aria-label={t('security.recoveryCodes')} className="recovery-codes">
        {codes.map((code) => (
          <Text component="li" key={code} ff="monospace">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('security.copied') : t('security.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('security.savedCodes')}</Button>
      </Group>
    </Stack>
  );
}
