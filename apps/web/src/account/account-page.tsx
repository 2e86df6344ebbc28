import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/use-page-title';
import { PasswordChangeForm } from './password-change-form';
import { ProfileForm } from './profile-form';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  return (
    <Stack gap="xl" maw={560}>
      <Title order={1}>{t('account.title')}</Title>
      <ProfileForm />
      <PasswordChangeForm />
    </Stack>
  );
}
