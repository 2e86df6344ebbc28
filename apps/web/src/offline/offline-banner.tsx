import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOnline } from './use-online';

/** Says the device is offline and where help still is; shown on every page while the network is off. */
export function OfflineBanner({ unreachable = false, planLink = true }: { unreachable?: boolean; planLink?: boolean }) {
  const { t } = useTranslation();
  const online = useOnline();
  if (online && !unreachable) return null;
  return (
    <Alert color="orange" variant="light" role="status" mb="md" title={online ? t('offline.unreachableTitle') : t('offline.title')}>
      <Text size="sm" mb={6}>
        {t('offline.text')}
      </Text>
      <Group gap="md" wrap="wrap">
        <Anchor component={Link} to="/crisis" size="sm" c="var(--mantine-color-text)">
          {t('offline.crisisLink')}
        </Anchor>
        {planLink ? (
          <Anchor component={Link} to="/safety-plan" size="sm" c="var(--mantine-color-text)">
            {t('offline.planLink')}
          </Anchor>
        ) : null}
        <Anchor component={Link} to="/calm" size="sm" c="var(--mantine-color-text)">
          {t('offline.calmLink')}
        </Anchor>
      </Group>
    </Alert>
  );
}
