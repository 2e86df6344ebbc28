import { z } from 'zod';

export const formFieldType = z.enum(['text', 'long_text', 'single_choice', 'multi_choice', 'scale', 'date', 'yes_no', 'signature']);
export type FormFieldType = z.infer<typeof formFieldType>;

export const formField = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _'),
    label: z.string().trim().min(1).max(300),
    help: z.string().trim().max(500).optional(),
    type: formFieldType,
    required: z.boolean().default(false),
    /** single_choice and multi_choice */
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(30).optional(),
    /** scale: inclusive bounds, e.g. 0–10 */
    min: z.number().int().min(-100).max(100).optional(),
    max: z.number().int().min(-100).max(100).optional(),
  })
  .refine((f) => !['single_choice', 'multi_choice'].includes(f.type) || (f.options?.length ?? 0) >= 2, 'A choice field needs at least two options')
  .refine((f) => f.type !== 'scale' || (f.min !== undefined && f.max !== undefined && f.min < f.max), 'A scale needs min < max');
export type FormField = z.infer<typeof formField>;

export const createFormBody = z
  .object({
    title: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000).optional(),
    fields: z
      .array(formField)
      .min(1, 'Add at least one field')
      .max(100)
      .refine((f) => new Set(f.map((x) => x.key)).size === f.length, 'Field keys must be unique')
      .refine((f) => f.filter((x) => x.type === 'signature').length <= 1, 'A form has at most one signature'),
  })
  .strict();

export const formDto = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  fields: z.array(formField),
  created_at: z.iso.datetime(),
});

/** Answers by field key: text, a number (scale), true/false (yes_no), a list (multi_choice), an ISO date. */
export const formAnswers = z.record(z.string().max(40), z.union([z.string().max(20_000), z.number(), z.boolean(), z.array(z.string().max(200)).max(30)]));
export type FormAnswers = z.infer<typeof formAnswers>;

export const assignmentStatus = z.enum(['sent', 'in_progress', 'submitted', 'cancelled']);
export const formAssignment = z.object({
  id: z.uuid(),
  case_id: z.uuid(),
  form_id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  fields: z.array(formField),
  status: assignmentStatus,
  answers: formAnswers,
  sent_at: z.iso.datetime(),
  submitted_at: z.iso.datetime().nullable(),
  signature: z.object({ name: z.string(), signed_at: z.iso.datetime(), ip: z.string().nullable(), hash: z.string() }).nullable(),
});
export type FormAssignment = z.infer<typeof formAssignment>;

export const sendFormBody = z.object({ form_id: z.uuid() }).strict();
export const saveAnswersBody = z.object({ answers: formAnswers }).strict();
export const submitFormBody = z.object({ answers: formAnswers.optional(), signature_name: z.string().trim().min(2).max(200).optional() }).strict();

export type AnswerProblems = { unknown: string[]; invalid: { key: string; reason: string }[]; missing: string[] };

/**
 * Checks answers against a form's fields. Drafts (`final: false`) may leave required fields empty;
 * a submission may not. The signature field is answered by the signer's typed name at submission.
 */
export function checkAnswers(fields: readonly FormField[], answers: FormAnswers, final: boolean): AnswerProblems {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: AnswerProblems = { unknown: Object.keys(answers).filter((k) => !byKey.has(k)), invalid: [], missing: [] };
  for (const field of fields) {
    const value = answers[field.key];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (field.type === 'signature') continue;
    if (empty) {
      if (final && field.required) problems.missing.push(field.key);
      continue;
    }
    const reason = invalidReason(field, value);
    if (reason) problems.invalid.push({ key: field.key, reason });
  }
  return problems;
}

function invalidReason(field: FormField, value: FormAnswers[string]): string | null {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000 ? null : 'Expected a short text (up to 1,000 characters)';
    case 'long_text':
      return typeof value === 'string' ? null : 'Expected text';
    case 'single_choice':
      return typeof value === 'string' && field.options?.includes(value) ? null : 'Choose one of the options';
    case 'multi_choice':
      return Array.isArray(value) && value.every((v) => field.options?.includes(v)) && new Set(value).size === value.length ? null : 'Choose from the options';
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= (field.min ?? 0) && value <= (field.max ?? 10)
        ? null
        : `Choose a whole number from ${field.min} to ${field.max}`;
    case 'date':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? null
        : 'Expected a date (YYYY-MM-DD)';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'Answer yes or no';
    case 'signature':
      return null;
  }
}
