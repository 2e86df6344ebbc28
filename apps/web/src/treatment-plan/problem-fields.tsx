import { Button, Fieldset, Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { PlanProblem } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { GoalFields, type Part } from './goal-fields';
import { emptyGoal } from './plan-draft';

/** A problem in the client's words or the clinician's formulation, and the goals that answer it. */
export function ProblemFields({ value, number, path, errorAt, onChange, onRemove }: Part<PlanProblem>) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanProblem>) => onChange({ ...value, ...patch });
  return (
    <Fieldset legend={t('plan.problemNumber', { number })} p={{ base: 'xs', sm: 'md' }}>
      <Stack gap="sm">
        <TextInput
          label={t('plan.problem')}
          required
          value={value.title}
          error={errorAt(`${path}.title`)}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <Textarea
          label={t('plan.description')}
          autosize
          minRows={2}
          value={value.description ?? ''}
          error={errorAt(`${path}.description`)}
          onChange={(e) => set({ description: e.currentTarget.value })}
        />
        {value.goals.map((goal, index) => (
          <GoalFields
            key={goal.id}
            value={goal}
            number={`${number}.${index + 1}`}
            path={`${path}.goals.${index}`}
            errorAt={errorAt}
            onChange={(next) => set({ goals: value.goals.map((old, i) => (i === index ? next : old)) })}
            onRemove={() => set({ goals: value.goals.filter((_, i) => i !== index) })}
          />
        ))}
        <Group gap="xs" wrap="wrap">
          <Button variant="default" size="xs" onClick={() => set({ goals: [...value.goals, emptyGoal()] })}>
            {t('plan.addGoal')}
          </Button>
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('plan.removeProblem', { number })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
