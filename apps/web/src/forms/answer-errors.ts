import type { FormField } from '@tend/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

type Problems = { unknown?: string[]; invalid?: { key: string; reason: string }[]; missing?: string[]; field?: string };

/** FORM.INCOMPLETE / FORM.INVALID_ANSWER details as messages on the fields they are about, in the UI language. */
export function answerErrors(error: unknown, fields: FormField[], t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return {};
  const problems = error.details as Problems;
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const result: Record<string, string> = {};
  for (const key of problems.missing ?? []) result[key] = t('forms.required');
  for (const { key } of problems.invalid ?? []) {
    const field = byKey.get(key);
    result[key] = field ? t(`forms.invalid.${field.type}`, { min: field.min, max: field.max }) : t('forms.invalid.text');
  }
  return result;
}
