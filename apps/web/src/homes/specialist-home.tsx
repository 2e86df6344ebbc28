import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/signed-in-user';
import { WaitingPanel } from '../messaging/waiting-panel';
import { HomeGreeting } from './home-greeting';
import { HomeLinks } from './home-links';
import { useAccountLinks } from './use-account-links';

export function SpecialistHome() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const accountLinks = useAccountLinks();
  const supervising = me.active_role === 'supervisor';
  const caseLinks = [{ to: '/cases', label: t(supervising ? 'nav.practiceCases' : 'nav.caseload'), description: t('home.caseloadDescription') }];
  const teamLinks = supervising ? [{ to: '/org/members', label: t('nav.team'), description: t('home.teamDescription') }] : [];

  return (
    <Stack gap="xl">
      <HomeGreeting title={t('home.specialistTitle')} />
      <WaitingPanel />
      <HomeLinks label={t('home.shortcuts')} links={[...caseLinks, ...teamLinks, ...accountLinks]} />
    </Stack>
  );
}
