import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HomeGreeting } from './home-greeting';
import { HomeLinks } from './home-links';
import { PracticeList } from './practice-list';
import { useAccountLinks } from './use-account-links';

export function ClientHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <HomeGreeting title={t('home.clientTitle')} />
      <Paper withBorder p="md" component="section" aria-labelledby="practices-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="practices-heading">
            {t('home.yourPractices')}
          </Title>
          <Text>{t('home.clientIntro')}</Text>
          <PracticeList />
        </Stack>
      </Paper>
      <HomeLinks
        label={t('home.shortcuts')}
        links={[
          { to: '/my-care', label: t('nav.myCare'), description: t('home.myCareDescription') },
          { to: '/book', label: t('scheduling.nav.book'), description: t('scheduling.bookDescription') },
          { to: '/my-appointments', label: t('scheduling.nav.myAppointments'), description: t('scheduling.myAppointmentsDescription') },
          { to: '/my-homework', label: t('homework.mine'), description: t('homework.navDescription') },
          ...useAccountLinks(),
        ]}
      />
    </Stack>
  );
}
