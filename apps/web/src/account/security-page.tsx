import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/use-page-title';
import { MfaSection } from './mfa-section';
import { SessionsSection } from './sessions-section';

export function SecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.title'));
  return (
    <Stack gap="xl" maw={720}>
      <Title order={1}>{t('security.title')}</Title>
      <MfaSection />
      <SessionsSection />
    </Stack>
  );
}
