import { z } from 'zod';

const id = z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, 'Use letters, digits, _ or -');
const text = (max: number) => z.string().trim().min(1, 'Required').max(max);
const targetDate = z.iso.date().nullable().optional();
export const goalStatus = z.enum(['not_started', 'in_progress', 'achieved', 'discontinued']);

export const planObjective = z.object({
  id,
  text: text(500),
  /** How it is measured, e.g. "PHQ-9 below 10" or "3 activities a week". */
  measure: text(300),
  target_date: targetDate,
  status: goalStatus.default('not_started'),
});
export const planIntervention = z.object({ id, text: text(500), frequency: z.string().trim().max(120).optional() });
export const planGoal = z.object({
  id,
  title: text(300),
  target_date: targetDate,
  status: goalStatus.default('not_started'),
  objectives: z.array(planObjective).max(20).default([]),
  interventions: z.array(planIntervention).max(20).default([]),
});
export const planProblem = z.object({
  id,
  title: text(300),
  description: z.string().trim().max(4000).optional(),
  goals: z.array(planGoal).min(1, 'A problem needs a goal').max(10),
});

function uniqueIds(problems: z.infer<typeof planProblem>[]): boolean {
  const ids = problems.flatMap((p) => [p.id, ...p.goals.flatMap((g) => [g.id, ...g.objectives.map((o) => o.id), ...g.interventions.map((i) => i.id)])]);
  return new Set(ids).size === ids.length;
}

export const savePlanBody = z
  .object({
    /** The version this edit starts from; 0 for the first plan. A stale base answers 409. */
    base_version: z.number().int().min(0),
    problems: z.array(planProblem).min(1).max(20).refine(uniqueIds, 'Every problem, goal, objective and intervention needs its own id'),
    review_date: z.iso.date().nullable().optional(),
  })
  .strict();
export type SavePlanBody = z.infer<typeof savePlanBody>;
export type PlanProblem = z.infer<typeof planProblem>;

export const progressUpdateBody = z
  .object({
    goal_id: id,
    objective_id: id.optional(),
    /** 0–100, how far along. */
    progress: z.number().int().min(0).max(100),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const progressUpdate = z.object({
  id: z.uuid(),
  goal_id: z.string(),
  objective_id: z.string().nullable(),
  progress: z.number().int(),
  note: z.string().nullable(),
  by: z.object({ id: z.uuid(), name: z.string() }),
  at: z.iso.datetime(),
});

export const treatmentPlan = z.object({
  case_id: z.uuid(),
  version: z.number().int(),
  problems: z.array(planProblem),
  review_date: z.iso.date().nullable(),
  updated_by: z.object({ id: z.uuid(), name: z.string() }),
  updated_at: z.iso.datetime(),
  progress: z.array(progressUpdate),
});
export type TreatmentPlan = z.infer<typeof treatmentPlan>;

/** What a client sees of their plan: their goals, how they are measured, and progress. */
export const clientPlanView = z.object({
  case_id: z.uuid(),
  version: z.number().int(),
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      target_date: z.iso.date().nullable(),
      status: goalStatus,
      progress: z.number().int().nullable(),
      objectives: z.array(z.object({ id: z.string(), text: z.string(), measure: z.string(), status: goalStatus, progress: z.number().int().nullable() })),
    }),
  ),
  updated_at: z.iso.datetime(),
});
export const planVersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });
export type PlanObjective = z.infer<typeof planObjective>;
export type PlanIntervention = z.infer<typeof planIntervention>;
export type PlanGoal = z.infer<typeof planGoal>;
export type GoalStatus = z.infer<typeof goalStatus>;
export type ProgressUpdate = z.infer<typeof progressUpdate>;
export type ClientPlanView = z.infer<typeof clientPlanView>;

export const planVersionSummary = z.object({
  version: z.number().int(),
  by: z.object({ id: z.uuid(), name: z.string() }),
  at: z.iso.datetime(),
  goals: z.number().int(),
});
export type PlanVersionSummary = z.infer<typeof planVersionSummary>;
