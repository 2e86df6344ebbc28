import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { consentApi } from './consent.api';

/**
 * In the client's way into a video session: a reminder, never a gate, when they have not agreed to sessions
 * by video. Whether to hold a session without it is the specialist's call (they see it on the case); a
 * failed look-up shows nothing rather than stand between a client and their session.
 */
export function TelehealthConsentNotice() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: queryKeys.consentStatus(null), queryFn: () => consentApi.status() });
  const telehealth = status.data?.entries.find((entry) => entry.kind === 'telehealth' && entry.session_id === null);
  if (!status.isSuccess || telehealth?.state === 'granted') return null;
  return (
    <Alert color="blue" role="note" title={t('consent.telehealth.title')}>
      <Text size="sm">
        {t('consent.telehealth.body')}{' '}
        <Anchor component={Link} to="/my-consents" size="sm" fw={600} c="var(--mantine-color-text)" underline="always">
          {t('consent.telehealth.link')}
        </Anchor>
      </Text>
    </Alert>
  );
}
