import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HomeGreeting } from './home-greeting';
import { HomeLinks } from './home-links';
import { useAccountLinks } from './use-account-links';

export function EapHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <HomeGreeting title={t('home.eapTitle')} />
      <HomeLinks label={t('home.shortcuts')} links={useAccountLinks()} />
    </Stack>
  );
}
