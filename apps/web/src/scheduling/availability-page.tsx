import type { AvailabilityBody } from '@tend/contracts';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useSignedInUser } from '../auth/signed-in-user';
import { errorMessage } from '../i18n/error-message';
import { PageLoader } from '../ui/page-loader';
import { usePageTitle } from '../ui/use-page-title';
import { AvailabilityForm } from './availability-form';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi } from './scheduling.api';
import { SessionTypesSection } from './session-types-section';
import { viewerZone } from './viewer-time';

/** What a specialist starts from before saving any hours: weekdays 09:00–17:00 in their browser's zone. */
function firstHours(): AvailabilityBody {
  return {
    timezone: viewerZone(),
    buffer_before_minutes: 0,
    buffer_after_minutes: 10,
    min_notice_minutes: 720,
    horizon_days: 60,
    step_minutes: 60,
    rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    overrides: [],
  };
}

/** The specialist's weekly hours in their own zone, date changes, booking rules and session types. */
export function AvailabilityPage() {
  const { t } = useTranslation();
  usePageTitle(t('scheduling.availabilityTitle'));
  const me = useSignedInUser();
  const hours = useQuery({ queryKey: schedulingKeys.availability(me.id), queryFn: () => schedulingApi.availability(me.id), retry: false });
  const notSetYet = hours.error instanceof ApiError && hours.error.code === 'SCHEDULING.SPECIALIST_NOT_FOUND';
  return (
    <Stack gap="lg">
      <Title order={1}>{t('scheduling.availabilityTitle')}</Title>
      <Text>{t('scheduling.availabilityIntro')}</Text>
      {hours.isPending && <PageLoader />}
      {hours.isError && !notSetYet && (
        <Alert color="red" role="alert">
          {errorMessage(t, hours.error)}
        </Alert>
      )}
      {notSetYet && <Alert color="yellow">{t('scheduling.noAvailabilityYet')}</Alert>}
      {(hours.data || notSetYet) && <AvailabilityForm initial={hours.data ?? firstHours()} />}
      <SessionTypesSection specialistId={me.id} />
    </Stack>
  );
}
