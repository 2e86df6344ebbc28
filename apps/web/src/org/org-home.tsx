import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HomeGreeting } from '../homes/home-greeting';
import { ResponseTimesPanel } from '../messaging/response-times-panel';
import { HomeLinks } from '../homes/home-links';
import { useAccountLinks } from '../homes/use-account-links';

export function OrgHome() {
  const { t } = useTranslation();
  const links = [
    { to: '/cases', label: t('nav.practiceCases'), description: t('home.practiceCasesDescription') },
    { to: '/org/members', label: t('nav.members'), description: t('home.membersDescription') },
    { to: '/org/invitations', label: t('nav.invitations'), description: t('home.invitationsDescription') },
    { to: '/org/note-templates', label: t('noteTemplates.nav'), description: t('noteTemplates.homeDescription') },
    { to: '/org/audit', label: t('nav.orgAudit'), description: t('home.orgAuditDescription') },
    { to: '/org/settings', label: t('nav.orgSettings'), description: t('home.orgSettingsDescription') },
    ...useAccountLinks(),
  ];
  return (
    <Stack gap="xl">
      <HomeGreeting title={t('home.orgTitle')} />
      <ResponseTimesPanel />
      <HomeLinks label={t('home.shortcuts')} links={links} />
    </Stack>
  );
}
