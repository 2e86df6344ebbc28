import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { NotificationPreferences } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { ChannelChoicesTable } from './channel-choices-table';
import { notificationsApi } from './notifications.api';
import { changeOf, draftOf, quietHoursIncomplete, smsWithoutPhone, type PreferencesDraft } from './preferences-draft';
import { QuietHoursFields } from './quiet-hours-fields';
import { browserTimeZone } from './time-zones';
import { useQuietHoursErrors } from './use-quiet-hours-errors';

/** The person's channels per category and quiet hours, saved together. */
export function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PreferencesDraft>(() => draftOf(preferences, browserTimeZone()));
  const [incomplete, setIncomplete] = useState(false);
  const save = useMutation({
    mutationFn: notificationsApi.updatePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.notificationPreferences, saved);
      setDraft(draftOf(saved, draft.quietHours.timezone));
      notify({ color: 'teal', message: t('notificationSettings.saved') });
    },
  });
  const quietErrors = useQuietHoursErrors(fieldErrors(save.error), incomplete);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const halfWindow = quietHoursIncomplete(draft.quietHours);
    setIncomplete(halfWindow);
    if (!halfWindow) save.mutate(changeOf(draft));
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="channels-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="channels-heading">
            {t('notificationSettings.channelsTitle')}
          </Title>
          <Text>{t('notificationSettings.channelsIntro')}</Text>
          <ChannelChoicesTable
            choices={draft.channels}
            onChange={(category, channel, enabled) =>
              setDraft((current) => ({
                ...current,
                channels: {
                  ...current.channels,
                  [category]: { ...current.channels[category], [channel]: { ...current.channels[category][channel], enabled } },
                },
              }))
            }
          />
          {smsWithoutPhone(draft.channels, me.phone) ? (
            <Alert color="yellow" variant="light" role="status">
              {t('notificationSettings.smsNoPhone')}{' '}
              <Anchor component={Link} to="/account" c="var(--mantine-color-text)" underline="always">
                {t('notificationSettings.addPhone')}
              </Anchor>
            </Alert>
          ) : null}
          <QuietHoursFields value={draft.quietHours} onChange={(quietHours) => setDraft((current) => ({ ...current, quietHours }))} errors={quietErrors} />
          <SaveProblem error={save.error} fieldMessages={Object.values(quietErrors).filter((m) => m !== undefined)} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A refused save: the fields' own messages in the interface language, or the server's error. */
function SaveProblem({ error, fieldMessages }: { error: unknown; fieldMessages: string[] }) {
  const { t } = useTranslation();
  const validation = error instanceof ApiError && error.code === 'REQUEST.VALIDATION';
  if (fieldMessages.length === 0 && !validation) return <FormError error={error} />;
  return (
    <Alert color="red" role="alert" title={t('errors.checkFields')}>
      {fieldMessages.length > 0 ? fieldMessages.join(' ') : (error as ApiError).message}
    </Alert>
  );
}
