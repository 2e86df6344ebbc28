import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { PlanEditor } from './plan-editor';
import { PlanVersions } from './plan-versions';
import { PlanView } from './plan-view';
import { ProgressForm } from './progress-form';
import { treatmentPlanApi } from './treatment-plan.api';

type Props = { caseId: string; canEdit: boolean };

/** On the case page: the current treatment plan, its progress, its earlier versions, and (for writers) the editor. */
export function TreatmentPlanSection({ caseId, canEdit }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const plan = useQuery({ queryKey: queryKeys.treatmentPlan(caseId), queryFn: () => treatmentPlanApi.current(caseId) });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="plan-heading">
          {t('plan.title')}
        </Title>
        <QueryState query={plan}>
          {(current) =>
            editing ? (
              <PlanEditor caseId={caseId} plan={current} onDone={() => setEditing(false)} />
            ) : (
              <Stack gap="md">
                {current ? <PlanView plan={current} /> : <Text>{t('plan.none')}</Text>}
                {canEdit ? (
                  <Group>
                    <Button onClick={() => setEditing(true)}>{current ? t('plan.edit') : t('plan.write')}</Button>
                  </Group>
                ) : null}
                {current && canEdit ? (
                  <Stack gap="xs">
                    <Title order={3} size="h5">
                      {t('plan.recordProgress')}
                    </Title>
                    <ProgressForm caseId={caseId} plan={current} />
                  </Stack>
                ) : null}
                {current ? (
                  <Stack gap="xs">
                    <Title order={3} size="h5">
                      {t('plan.versions')}
                    </Title>
                    <PlanVersions caseId={caseId} currentVersion={current.version} />
                  </Stack>
                ) : null}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
