import type { PlanGoal, PlanIntervention, PlanObjective, PlanProblem } from '@tend/contracts';

/** A short id, unique within a plan, that the server keeps across versions (progress is recorded against it). */
export function newPlanId(prefix: 'p' | 'g' | 'o' | 'i'): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

export const emptyObjective = (): PlanObjective => ({ id: newPlanId('o'), text: '', measure: '', target_date: null, status: 'not_started' });
export const emptyIntervention = (): PlanIntervention => ({ id: newPlanId('i'), text: '', frequency: '' });
export const emptyGoal = (): PlanGoal => ({
  id: newPlanId('g'),
  title: '',
  target_date: null,
  status: 'not_started',
  objectives: [emptyObjective()],
  interventions: [emptyIntervention()],
});
export const emptyProblem = (): PlanProblem => ({ id: newPlanId('p'), title: '', description: '', goals: [emptyGoal()] });

/** A copy of `problems` changed by `change`, so React sees a new value and the old one stays intact. */
export function edited(problems: readonly PlanProblem[], change: (draft: PlanProblem[]) => void): PlanProblem[] {
  const draft = structuredClone(problems) as PlanProblem[];
  change(draft);
  return draft;
}

/** What is sent: optional text left empty is dropped rather than saved as "". */
export function forSaving(problems: readonly PlanProblem[]): PlanProblem[] {
  return problems.map((problem) => ({
    ...problem,
    description: problem.description?.trim() || undefined,
    goals: problem.goals.map((goal) => ({
      ...goal,
      target_date: goal.target_date || null,
      objectives: goal.objectives.map((objective) => ({ ...objective, target_date: objective.target_date || null })),
      interventions: goal.interventions.map((intervention) => ({ ...intervention, frequency: intervention.frequency?.trim() || undefined })),
    })),
  }));
}
