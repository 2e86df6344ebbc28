import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { DeliveryLogSection } from './delivery-log-section';
import { notificationsApi } from './notifications.api';
import { PreferencesForm } from './preferences-form';
import { PushDeviceSection } from './push-device-section';

/** How Tend reaches this person outside the app: channels, quiet hours, this device, and what was sent. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notificationSettings.title'));
  const preferences = useQuery({ queryKey: queryKeys.notificationPreferences, queryFn: notificationsApi.preferences });
  return (
    <Stack gap="xl" maw={760}>
      <Stack gap="xs">
        <Title order={1}>{t('notificationSettings.title')}</Title>
        <Text>{t('notificationSettings.intro')}</Text>
      </Stack>
      <QueryState query={preferences}>{(data) => <PreferencesForm preferences={data} />}</QueryState>
      <PushDeviceSection />
      <DeliveryLogSection />
    </Stack>
  );
}
