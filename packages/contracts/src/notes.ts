import { z } from 'zod';
import { caseDto } from './cases';

/** A field of a note template; `long_text` is the usual clinical section. */
export const noteSection = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _'),
  label_en: z.string().trim().min(1).max(120),
  label_uk: z.string().trim().min(1).max(120),
  type: z.enum(['text', 'long_text', 'number', 'scale', 'choice']),
  required: z.boolean().default(false),
  /** For `choice`. */
  options: z.array(z.string().trim().min(1).max(120)).max(30).optional(),
  /** For `scale`: its ends, 0 to 10 unless the template says otherwise. */
  min: z.number().int().min(-100).max(100).optional(),
  max: z.number().int().min(-100).max(100).optional(),
  hint_en: z.string().max(300).optional(),
  hint_uk: z.string().max(300).optional(),
});
export type NoteSection = z.infer<typeof noteSection>;

/** The ends of a `scale` section. */
export function scaleOf(section: Pick<NoteSection, 'min' | 'max'>): { min: number; max: number } {
  return { min: section.min ?? 0, max: section.max ?? 10 };
}

/**
 * Why a section's text does not fit its type, or null when it does (an empty section always fits: whether
 * it must be filled is `required`'s business, checked at signing). Content stays text, so a number, a point
 * on a scale or a choice is kept as written.
 */
export function sectionProblem(section: NoteSection, value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  switch (section.type) {
    case 'text':
      return text.length > 500 || /[\r\n]/.test(text) ? 'A short answer is one line of at most 500 characters' : null;
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(text) ? null : 'Enter a number';
    case 'scale': {
      const { min, max } = scaleOf(section);
      const point = Number(text);
      return /^-?\d+$/.test(text) && point >= min && point <= max ? null : `Choose a whole number from ${min} to ${max}`;
    }
    case 'choice':
      return section.options?.includes(text) ? null : 'Choose one of the options';
    case 'long_text':
      return null;
  }
}

export const noteTemplate = z.object({
  id: z.string(),
  name_en: z.string(),
  name_uk: z.string(),
  builtin: z.boolean(),
  sections: z.array(noteSection),
});
export type NoteTemplate = z.infer<typeof noteTemplate>;

export const createNoteTemplateBody = z
  .object({
    name_en: z.string().trim().min(2).max(120),
    name_uk: z.string().trim().min(2).max(120),
    sections: z
      .array(noteSection)
      .min(1, 'Add at least one section')
      .max(30)
      .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'Section keys must be unique')
      .refine((s) => s.every((x) => x.type !== 'choice' || (x.options?.length ?? 0) > 0), 'A choice section needs options')
      .refine((s) => s.every((x) => x.type !== 'scale' || scaleOf(x).min < scaleOf(x).max), 'A scale’s lower end must be below its upper end'),
  })
  .strict();

const long = (key: string, en: string, uk: string, hintEn: string, hintUk: string): NoteSection => ({
  key,
  label_en: en,
  label_uk: uk,
  type: 'long_text',
  required: true,
  hint_en: hintEn,
  hint_uk: hintUk,
});
const plan = long('plan', 'Plan', 'План', 'Next steps, homework, next session', 'Наступні кроки, домашнє завдання, наступна сесія');

/** SOAP, DAP, BIRP and GIRP (domain reference §4: conventions, not standards). */
export const BUILTIN_NOTE_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'soap',
    name_en: 'SOAP',
    name_uk: 'SOAP',
    builtin: true,
    sections: [
      long('subjective', 'Subjective', 'Суб’єктивні дані', 'What the client reports', 'Що повідомляє клієнт'),
      long('objective', 'Objective', 'Об’єктивні дані', 'Observation, mental status, scores', 'Спостереження, психічний статус, бали'),
      long('assessment', 'Assessment', 'Оцінка', 'Interpretation, risk, progress', 'Інтерпретація, ризик, прогрес'),
      plan,
    ],
  },
  {
    id: 'dap',
    name_en: 'DAP',
    name_uk: 'DAP',
    builtin: true,
    sections: [
      long('data', 'Data', 'Дані', 'What the client reports and what you observed', 'Що повідомляє клієнт і що ви спостерігали'),
      long('assessment', 'Assessment', 'Оцінка', 'Interpretation, risk, progress', 'Інтерпретація, ризик, прогрес'),
      plan,
    ],
  },
  {
    id: 'birp',
    name_en: 'BIRP',
    name_uk: 'BIRP',
    builtin: true,
    sections: [
      long('behavior', 'Behavior', 'Поведінка', 'Presentation and behaviour in session', 'Стан і поведінка на сесії'),
      long('intervention', 'Intervention', 'Втручання', 'What you did', 'Що ви робили'),
      long('response', 'Response', 'Відповідь', 'How the client responded', 'Як відреагував клієнт'),
      plan,
    ],
  },
  {
    id: 'girp',
    name_en: 'GIRP',
    name_uk: 'GIRP',
    builtin: true,
    sections: [
      long('goal', 'Goal', 'Ціль', 'Treatment-plan goal addressed', 'Ціль плану лікування, над якою працювали'),
      long('intervention', 'Intervention', 'Втручання', 'What you did', 'Що ви робили'),
      long('response', 'Response', 'Відповідь', 'How the client responded', 'Як відреагував клієнт'),
      plan,
    ],
  },
];

export const noteContent = z.record(z.string().max(40), z.string().max(20_000, 'A section has at most 20,000 characters'));
export type NoteContent = z.infer<typeof noteContent>;

export const noteStatus = z.enum(['draft', 'signed', 'pending_cosign', 'cosigned']);
export const noteVersion = z.object({
  version: z.number().int(),
  kind: z.enum(['signed', 'amendment']),
  content: noteContent,
  content_hash: z.string(),
  reason: z.string().nullable(),
  by: z.object({ id: z.uuid(), name: z.string() }),
  at: z.iso.datetime(),
});
export const noteDto = z.object({
  id: z.uuid(),
  case_id: z.uuid(),
  template: z.object({ id: z.string(), name: z.string() }),
  sections: z.array(noteSection),
  status: noteStatus,
  content: noteContent,
  session_date: z.iso.date().nullable(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  version: z.number().int(),
  signed_at: z.iso.datetime().nullable(),
  signed_by: z.uuid().nullable(),
  content_hash: z.string().nullable(),
  cosigned_at: z.iso.datetime().nullable(),
  cosigned_by: z.uuid().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  versions: z.array(noteVersion).optional(),
});
export type NoteDto = z.infer<typeof noteDto>;

export const createNoteBody = z
  .object({ template_id: z.string().min(1).max(64), content: noteContent.default({}), session_date: z.iso.date().optional() })
  .strict();
export const saveDraftBody = z.object({ content: noteContent, session_date: z.iso.date().nullable().optional() }).strict();
export const amendNoteBody = z.object({ content: noteContent, reason: z.string().trim().min(3, 'Say why the note is amended').max(2000) }).strict();
export const noteParams = z.object({ id: z.uuid(), noteId: z.uuid() });

export const psychotherapyNote = z.object({
  id: z.uuid(),
  case_id: z.uuid(),
  text: z.string(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type PsychotherapyNote = z.infer<typeof psychotherapyNote>;
export const psychotherapyNoteBody = z.object({ text: z.string().trim().min(1).max(50_000) }).strict();

export const caseOverview = z.object({ case: caseDto, latest_notes: z.array(noteDto) });
