import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { QueryState } from '../ui/query-state';
import { type CaseResponseTarget, messagingApi } from './messaging.api';

/** Written therapy on a case: the care team marks it messaging-only and may give it its own reply target. */
export function CaseResponseTargetSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: queryKeys.caseResponseTarget(caseId), queryFn: () => messagingApi.caseResponseTarget(caseId) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="async-care-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="async-care-heading">
          {t('asyncCare.case.title')}
        </Title>
        <QueryState query={query}>{(settings) => <ResponseTargetForm caseId={caseId} settings={settings} />}</QueryState>
      </Stack>
    </Paper>
  );
}

function ResponseTargetForm({ caseId, settings }: { caseId: string; settings: CaseResponseTarget }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [messagingOnly, setMessagingOnly] = useState(settings.messaging_only);
  const [hours, setHours] = useState<number | string>(settings.target_hours ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => messagingApi.setCaseResponseTarget(caseId, { messaging_only: messagingOnly, target_hours: typeof hours === 'number' ? hours : null }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseResponseTarget(caseId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.waitingThreads });
      setSaved(result.messaging_only ? t('asyncCare.case.savedOn', { hours: result.effective_target_hours }) : t('asyncCare.case.savedOff'));
    },
  });
  const counts = messagingOnly || settings.booked_messaging_sessions;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('asyncCare.case.intro')}</Text>
        <Checkbox
          label={t('asyncCare.case.messagingOnly')}
          description={t('asyncCare.case.messagingOnlyHint')}
          checked={messagingOnly}
          onChange={(event) => setMessagingOnly(event.currentTarget.checked)}
        />
        {settings.booked_messaging_sessions ? <Text size="sm">{t('asyncCare.case.bookedSessions')}</Text> : null}
        <NumberInput
          label={t('asyncCare.case.targetLabel')}
          description={t('asyncCare.case.targetHint', { hours: settings.org_target_hours })}
          placeholder={t('asyncCare.case.targetPlaceholder', { hours: settings.org_target_hours })}
          min={1}
          max={168}
          allowDecimal={false}
          allowNegative={false}
          value={hours}
          onChange={setHours}
          maw={320}
        />
        <Text size="sm" fw={600}>
          {counts ? t('asyncCare.case.effective', { hours: typeof hours === 'number' ? hours : settings.org_target_hours }) : t('asyncCare.case.notCounted')}
        </Text>
        <FormError error={save.error} />
        <Group gap="sm" align="center">
          <Button type="submit" loading={save.isPending}>
            {t('asyncCare.case.save')}
          </Button>
          <Text size="sm" role="status">
            {saved ?? ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
