import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateOrgForm } from './create-org-form';
import { HomeGreeting } from './home-greeting';
import { HomeLinks } from './home-links';
import { useAccountLinks } from './use-account-links';

/** Home of a user who belongs to no practice yet: wait for an invitation or open a practice. */
export function WelcomePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <HomeGreeting title={t('welcome.title')} />
      <Text>{t('welcome.intro')}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="create-org-heading" maw={560}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="create-org-heading">
            {t('welcome.createTitle')}
          </Title>
          <Text>{t('welcome.createIntro')}</Text>
          <CreateOrgForm />
        </Stack>
      </Paper>
      <HomeLinks label={t('home.shortcuts')} links={useAccountLinks()} />
    </Stack>
  );
}
