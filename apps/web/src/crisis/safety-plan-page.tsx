import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { SafetyPlan, SafetyPlanContent } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { notify } from '../ui/notify';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { crisisApi } from './crisis.api';
import { SafetyPlanEditor } from './safety-plan-editor';
import { emptyPlan } from './safety-plan-steps';
import { SafetyPlanView } from './safety-plan-view';
import { useSafetyPlan } from './use-safety-plan';

/** The client's Stanley–Brown safety plan: read it, print it, change it (each save is a new version). */
export function SafetyPlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('safetyPlan.title'));
  const query = useSafetyPlan();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('safetyPlan.title')}</Title>
      <Text className="no-print">{t('safetyPlan.intro')}</Text>
      <QueryState query={query}>{(plan) => <PlanBody current={plan} />}</QueryState>
    </Stack>
  );
}

function PlanBody({ current }: { current: SafetyPlan | null }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (plan: SafetyPlanContent) => crisisApi.saveSafetyPlan(current?.version ?? 0, plan),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.safetyPlan, saved);
      setEditing(false);
      notify({ message: t('safetyPlan.saved', { version: saved.version }), color: 'teal' });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'CRISIS.PLAN_VERSION_CONFLICT';

  if (editing) {
    return (
      <Stack gap="sm">
        {conflict ? (
          <Alert color="orange" role="alert" title={t('safetyPlan.conflictTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text>{t('safetyPlan.conflict')}</Text>
              <Button variant="default" onClick={() => window.location.reload()}>
                {t('safetyPlan.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        <SafetyPlanEditor
          initial={current?.plan ?? emptyPlan()}
          saving={save.isPending}
          error={conflict ? null : save.error}
          onSave={(plan) => save.mutate(plan)}
          onCancel={() => {
            save.reset();
            setEditing(false);
          }}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Group gap="xs" className="no-print">
        <Button onClick={() => setEditing(true)}>{current ? t('safetyPlan.edit') : t('safetyPlan.start')}</Button>
        {current ? (
          <Button variant="default" onClick={() => window.print()}>
            {t('safetyPlan.print')}
          </Button>
        ) : null}
      </Group>
      {current ? (
        <>
          <Text size="sm">{t('safetyPlan.version', { version: current.version, name: current.updated_by.name, time: time.dateTime(current.updated_at) })}</Text>
          <SafetyPlanView plan={current.plan} />
        </>
      ) : (
        <Text>{t('safetyPlan.none')}</Text>
      )}
    </Stack>
  );
}
