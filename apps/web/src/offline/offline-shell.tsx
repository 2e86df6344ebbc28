import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PublicLayout } from '../shell/public-layout';
import { usePageTitle } from '../ui/use-page-title';
import { OfflineCrisisPage } from './offline-crisis-page';
import { OfflineSafetyPlanPage } from './offline-safety-plan-page';

/**
 * What a signed-in page shows when the server cannot be reached and so nobody can be signed in: the crisis
 * page and the safety plan from what this device kept, any other page a pointer to them.
 */
export function OfflineShell() {
  const { pathname } = useLocation();
  return (
    <PublicLayout size={720} unreachable>
      {pathname === '/crisis' ? <OfflineCrisisPage /> : pathname === '/safety-plan' ? <OfflineSafetyPlanPage /> : <NeedsConnection />}
    </PublicLayout>
  );
}

function NeedsConnection() {
  const { t } = useTranslation();
  usePageTitle(t('offline.needsConnectionTitle'));
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1}>{t('offline.needsConnectionTitle')}</Title>
      <Text>{t('offline.needsConnection')}</Text>
      <Anchor component={Link} to="/crisis">
        {t('offline.crisisLink')}
      </Anchor>
    </Stack>
  );
}
