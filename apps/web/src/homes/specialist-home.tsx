import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/signed-in-user';
import { BookingLink } from '../scheduling/booking-link';
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
  const calendarLinks =
    me.active_role === 'specialist'
      ? [
          { to: '/calendar', label: t('scheduling.nav.calendar'), description: t('scheduling.calendarDescription') },
          { to: '/availability', label: t('scheduling.nav.availability'), description: t('scheduling.availabilityDescription') },
        ]
      : [];
  const teamLinks = supervising ? [{ to: '/org/members', label: t('nav.team'), description: t('home.teamDescription') }] : [];

  return (
    <Stack gap="xl">
      <HomeGreeting title={t('home.specialistTitle')} />
      {me.active_role === 'specialist' && <BookingLink />}
      <WaitingPanel />
      <HomeLinks label={t('home.shortcuts')} links={[...caseLinks, ...calendarLinks, ...teamLinks, ...accountLinks]} />
    </Stack>
  );
}
