import { Button, Group, NativeSelect, NumberInput, Stack, Textarea } from '@mantine/core';
import type { TreatmentPlan } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { treatmentPlanApi } from './treatment-plan.api';

/** Each goal and objective of the plan as a choice; the value is "goalId" or "goalId/objectiveId". */
function targets(plan: TreatmentPlan, label: (kind: 'goal' | 'objective', text: string) => string) {
  return plan.problems.flatMap((problem) =>
    problem.goals.flatMap((goal) => [
      { value: goal.id, label: label('goal', goal.title) },
      ...goal.objectives.map((objective) => ({ value: `${goal.id}/${objective.id}`, label: label('objective', objective.text) })),
    ]),
  );
}

/** Records how far along the client is with one goal or objective, with an optional note. */
export function ProgressForm({ caseId, plan }: { caseId: string; plan: TreatmentPlan }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = targets(plan, (kind, text) => t(kind === 'goal' ? 'plan.goalOption' : 'plan.objectiveOption', { text }));
  const [target, setTarget] = useState(options[0]?.value ?? '');
  const [progress, setProgress] = useState<number | string>(0);
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () => {
      const [goalId = '', objectiveId] = target.split('/');
      return treatmentPlanApi.recordProgress(caseId, {
        goal_id: goalId,
        objective_id: objectiveId,
        progress: Number(progress),
        note: note.trim() || undefined,
      });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.treatmentPlan(caseId), saved);
      setNote('');
      notify({ color: 'teal', message: t('plan.progressSaved') });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate();
      }}
    >
      <Stack gap="xs">
        <NativeSelect label={t('plan.progressFor')} value={target} onChange={(e) => setTarget(e.currentTarget.value)} data={options} />
        <NumberInput
          label={t('plan.progressPercent')}
          min={0}
          max={100}
          step={5}
          clampBehavior="strict"
          allowDecimal={false}
          value={progress}
          onChange={setProgress}
          maw={200}
        />
        <Textarea label={t('plan.progressNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <FormError error={record.error} />
        <Group>
          <Button type="submit" variant="light" loading={record.isPending} disabled={!target}>
            {t('plan.recordProgress')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
