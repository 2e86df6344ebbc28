import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HomeGreeting } from '../homes/home-greeting';
import { HomeLinks } from '../homes/home-links';
import { useAccountLinks } from '../homes/use-account-links';

export function AdminHome() {
  const { t } = useTranslation();
  const links = [
    { to: '/admin/orgs', label: t('nav.adminOrgs'), description: t('home.adminOrgsDescription') },
    { to: '/admin/audit', label: t('nav.adminAudit'), description: t('home.adminAuditDescription') },
    { to: '/admin/mail', label: t('nav.mailbox'), description: t('home.mailboxDescription') },
    ...useAccountLinks(),
  ];
  return (
    <Stack gap="xl">
      <HomeGreeting title={t('home.adminTitle')} />
      <Text>{t('home.adminIntro')}</Text>
      <HomeLinks label={t('home.shortcuts')} links={links} />
    </Stack>
  );
}
