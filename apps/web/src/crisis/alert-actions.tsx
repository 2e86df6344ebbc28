import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { CrisisAlert } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { crisisApi } from './crisis.api';

/** Acknowledge (stops the escalation timer) and resolve, each with an optional note for the log. */
export function AlertActions({ alert }: { alert: CrisisAlert }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: (action: 'acknowledge' | 'resolve') => crisisApi[action](alert.id, note.trim() || undefined),
    onSuccess: (updated, action) => {
      queryClient.setQueryData(queryKeys.crisisAlert(alert.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.crisisAlerts });
      setNote('');
      notify({ message: t(action === 'acknowledge' ? 'alerts.acknowledged' : 'alerts.resolved'), color: 'teal' });
    },
  });
  if (alert.status === 'resolved') return null;
  const canAcknowledge = alert.status === 'open' || alert.status === 'escalated';
  return (
    <Stack gap="sm">
      <Textarea
        label={t('alerts.note')}
        description={t('alerts.noteHint')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <FormError error={act.error} />
      <Group gap="xs">
        {canAcknowledge ? (
          <Button onClick={() => act.mutate('acknowledge')} loading={act.isPending && act.variables === 'acknowledge'}>
            {t('alerts.acknowledge')}
          </Button>
        ) : null}
        <Button variant={canAcknowledge ? 'default' : 'filled'} onClick={() => act.mutate('resolve')} loading={act.isPending && act.variables === 'resolve'}>
          {t('alerts.resolve')}
        </Button>
      </Group>
    </Stack>
  );
}
