import type { SafetyPlanContent } from '@tend/contracts';

export type ListStep = 'warning_signs' | 'internal_coping' | 'social_distractions' | 'environment_safety';
export type ContactStep = 'help_contacts' | 'professional_contacts';
export type PlanStep = { key: ListStep; kind: 'list' } | { key: ContactStep; kind: 'contacts' };

/** Stanley–Brown's six steps, in the order a person works through them. */
export const planSteps: PlanStep[] = [
  { key: 'warning_signs', kind: 'list' },
  { key: 'internal_coping', kind: 'list' },
  { key: 'social_distractions', kind: 'list' },
  { key: 'help_contacts', kind: 'contacts' },
  { key: 'professional_contacts', kind: 'contacts' },
  { key: 'environment_safety', kind: 'list' },
];

export const emptyPlan = (): SafetyPlanContent => ({
  warning_signs: [],
  internal_coping: [],
  social_distractions: [],
  help_contacts: [],
  professional_contacts: [],
  environment_safety: [],
  worth_living_for: '',
});

/** "one per line" text into list items, dropping blank lines. */
export const linesToItems = (text: string): string[] =>
  text
    .split('\n')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
