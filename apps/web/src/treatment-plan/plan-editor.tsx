import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { PlanProblem, TreatmentPlan } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { emptyProblem, forSaving } from './plan-draft';
import { ProblemFields } from './problem-fields';
import { isVersionConflict, treatmentPlanApi } from './treatment-plan.api';

type Props = { caseId: string; plan: TreatmentPlan | null; onDone: () => void };

function ConflictAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('plan.conflictTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text>{t('plan.conflict')}</Text>
        <Button variant="default" onClick={() => window.location.reload()}>
          {t('plan.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Writes the next version of the plan, starting from the version the clinician opened. */
export function PlanEditor({ caseId, plan, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<PlanProblem[]>(() => (plan ? structuredClone(plan.problems) : [emptyProblem()]));
  const [reviewDate, setReviewDate] = useState(plan?.review_date ?? '');
  const save = useMutation({
    mutationFn: () => treatmentPlanApi.save(caseId, { base_version: plan?.version ?? 0, problems: forSaving(problems), review_date: reviewDate || null }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.treatmentPlan(caseId), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.treatmentPlanVersions(caseId) });
      notify({ color: 'teal', message: t('plan.saved', { version: saved.version }) });
      onDone();
    },
  });
  const conflict = isVersionConflict(save.error);
  const errors = fieldErrors(save.error);
  const errorAt = (path: string) => errors[path];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {problems.map((problem, index) => (
          <ProblemFields
            key={problem.id}
            value={problem}
            number={String(index + 1)}
            path={`problems.${index}`}
            errorAt={errorAt}
            onChange={(next) => setProblems(problems.map((old, i) => (i === index ? next : old)))}
            onRemove={() => setProblems(problems.filter((_, i) => i !== index))}
          />
        ))}
        <Group>
          <Button variant="default" onClick={() => setProblems([...problems, emptyProblem()])}>
            {t('plan.addProblem')}
          </Button>
        </Group>
        <TextInput
          type="date"
          label={t('plan.reviewDate')}
          value={reviewDate}
          error={errorAt('review_date')}
          onChange={(e) => setReviewDate(e.currentTarget.value)}
          maw={260}
        />
        {conflict ? <ConflictAlert /> : <FormError error={save.error} />}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('plan.save', { version: (plan?.version ?? 0) + 1 })}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
