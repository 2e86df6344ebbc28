import { Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { PlanGoal, PlanIntervention, PlanObjective } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { emptyIntervention, emptyObjective } from './plan-draft';
import { type ErrorAt, StatusSelect, TargetDateInput } from './plan-fields';

type Part<T> = { value: T; number: string; path: string; errorAt: ErrorAt; onChange: (next: T) => void; onRemove: () => void };

function ObjectiveFields({ value, number, path, errorAt, onChange, onRemove }: Part<PlanObjective>) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanObjective>) => onChange({ ...value, ...patch });
  return (
    <Fieldset legend={t('plan.objectiveNumber', { number })} variant="filled" p={{ base: 'xs', sm: 'md' }}>
      <Stack gap="xs">
        <TextInput
          label={t('plan.objective')}
          required
          value={value.text}
          error={errorAt(`${path}.text`)}
          onChange={(e) => set({ text: e.currentTarget.value })}
        />
        <TextInput
          label={t('plan.measure')}
          description={t('plan.measureHint')}
          required
          value={value.measure}
          error={errorAt(`${path}.measure`)}
          onChange={(e) => set({ measure: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TargetDateInput value={value.target_date} error={errorAt(`${path}.target_date`)} onChange={(target_date) => set({ target_date })} />
          <StatusSelect value={value.status} onChange={(status) => set({ status })} />
        </SimpleGrid>
        <Group>
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('plan.removeObjective', { number })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function InterventionFields({ value, number, path, errorAt, onChange, onRemove }: Part<PlanIntervention>) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanIntervention>) => onChange({ ...value, ...patch });
  return (
    <Fieldset legend={t('plan.interventionNumber', { number })} variant="filled" p={{ base: 'xs', sm: 'md' }}>
      <Stack gap="xs">
        <TextInput
          label={t('plan.intervention')}
          required
          value={value.text}
          error={errorAt(`${path}.text`)}
          onChange={(e) => set({ text: e.currentTarget.value })}
        />
        <TextInput
          label={t('plan.frequency')}
          description={t('plan.frequencyHint')}
          value={value.frequency ?? ''}
          error={errorAt(`${path}.frequency`)}
          onChange={(e) => set({ frequency: e.currentTarget.value })}
        />
        <Group>
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('plan.removeIntervention', { number })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** A goal with how it is measured (objectives) and what will be done about it (interventions). */
export function GoalFields({ value, number, path, errorAt, onChange, onRemove }: Part<PlanGoal>) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanGoal>) => onChange({ ...value, ...patch });
  const replace = <T,>(list: T[], index: number, item: T) => list.map((old, i) => (i === index ? item : old));
  return (
    <Fieldset legend={t('plan.goalNumber', { number })} p={{ base: 'xs', sm: 'md' }}>
      <Stack gap="sm">
        <TextInput
          label={t('plan.goal')}
          required
          value={value.title}
          error={errorAt(`${path}.title`)}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TargetDateInput value={value.target_date} error={errorAt(`${path}.target_date`)} onChange={(target_date) => set({ target_date })} />
          <StatusSelect value={value.status} onChange={(status) => set({ status })} />
        </SimpleGrid>
        {value.objectives.map((objective, index) => (
          <ObjectiveFields
            key={objective.id}
            value={objective}
            number={`${number}.${index + 1}`}
            path={`${path}.objectives.${index}`}
            errorAt={errorAt}
            onChange={(next) => set({ objectives: replace(value.objectives, index, next) })}
            onRemove={() => set({ objectives: value.objectives.filter((_, i) => i !== index) })}
          />
        ))}
        {value.interventions.map((intervention, index) => (
          <InterventionFields
            key={intervention.id}
            value={intervention}
            number={`${number}.${index + 1}`}
            path={`${path}.interventions.${index}`}
            errorAt={errorAt}
            onChange={(next) => set({ interventions: replace(value.interventions, index, next) })}
            onRemove={() => set({ interventions: value.interventions.filter((_, i) => i !== index) })}
          />
        ))}
        <Group gap="xs" wrap="wrap">
          <Button variant="default" size="xs" onClick={() => set({ objectives: [...value.objectives, emptyObjective()] })}>
            {t('plan.addObjective')}
          </Button>
          <Button variant="default" size="xs" onClick={() => set({ interventions: [...value.interventions, emptyIntervention()] })}>
            {t('plan.addIntervention')}
          </Button>
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('plan.removeGoal', { number })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export type { Part };
