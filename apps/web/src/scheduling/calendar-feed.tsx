import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ConfirmButton } from '../ui/confirm-button';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { schedulingKeys } from './scheduling-keys';
import { schedulingApi } from './scheduling.api';

/** The specialist's secret iCalendar feed for their own calendar app; a new address makes the old one stop working. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: schedulingKeys.calendarFeed, queryFn: () => schedulingApi.calendarFeed(), retry: false, staleTime: Infinity });
  const rotate = useMutation({
    mutationFn: schedulingApi.rotateCalendarFeed,
    onSuccess: (fresh) => {
      queryClient.setQueryData(schedulingKeys.calendarFeed, fresh);
      notify({ color: 'teal', message: t('scheduling.feed.rotated') });
    },
  });
  const copy = (url: string) =>
    navigator.clipboard.writeText(url).then(
      () => notify({ color: 'teal', message: t('scheduling.feed.copied') }),
      () => undefined,
    );
  // Without availability there is no feed yet: the page says so instead of an error.
  if (feed.error instanceof ApiError && feed.error.code === 'SCHEDULING.SPECIALIST_NOT_FOUND')
    return <Text size="sm">{t('scheduling.feed.setHoursFirst')}</Text>;
  return (
    <Stack gap={4}>
      <FormError error={feed.error ?? rotate.error} />
      {/* Drawn before the address arrives, so the calendar below does not jump when it does. */}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={t('scheduling.feed.label')}
          description={t('scheduling.feed.hint')}
          value={feed.data?.url ?? ''}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          style={{ flex: '1 1 16rem' }}
        />
        <Button variant="light" disabled={!feed.data} onClick={() => feed.data && copy(feed.data.url)}>
          {t('scheduling.feed.copy')}
        </Button>
        <ConfirmButton
          title={t('scheduling.feed.rotateTitle')}
          question={t('scheduling.feed.rotateQuestion')}
          confirmLabel={t('scheduling.feed.rotate')}
          onConfirm={() => rotate.mutate()}
          loading={rotate.isPending}
          disabled={!feed.data}
          size="sm"
          variant="default"
          color="gray"
        >
          {t('scheduling.feed.rotate')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
