import { createNoteTemplateBody, type NoteSection, scaleOf } from '@tend/contracts';
import { linesToItems } from '../crisis/safety-plan-steps';

export type SectionType = NoteSection['type'];
/** The kinds of answer, the usual clinical one first. */
export const sectionTypes: SectionType[] = ['long_text', 'text', 'number', 'scale', 'choice'];
export const MAX_SECTIONS = 30;

/** A section as the admin is writing it: every field as typed, options as lines, scale ends as typed. */
export type DraftSection = {
  /** Stable across moves, for React and for focus; never sent. */
  id: string;
  key: string;
  /** Once the admin types a key, the English name no longer suggests one. */
  keyEdited: boolean;
  label_en: string;
  label_uk: string;
  type: SectionType;
  required: boolean;
  options: string;
  min: number | string;
  max: number | string;
  hint_en: string;
  hint_uk: string;
};
/** The fields of a section the admin fills in; a problem is reported against one of them. */
export type SectionField = 'label_en' | 'label_uk' | 'type' | 'key' | 'options' | 'min' | 'max' | 'hint_en' | 'hint_uk';
/** The id of a section's field or button, so focus can be moved to it after a move, an addition or a removal. */
export const sectionControlId = (section: DraftSection, control: SectionField | 'up' | 'down') => `${section.id}-${control}`;
export type TemplateDraft = { name_en: string; name_uk: string; sections: DraftSection[] };
export type CreateNoteTemplate = { name_en: string; name_uk: string; sections: NoteSection[] };

let nextId = 0;
export const newDraftSection = (): DraftSection => ({
  id: `note-template-section-${++nextId}`,
  key: '',
  keyEdited: false,
  label_en: '',
  label_uk: '',
  type: 'long_text',
  required: false,
  options: '',
  min: 0,
  max: 10,
  hint_en: '',
  hint_uk: '',
});
export const emptyDraft = (): TemplateDraft => ({ name_en: '', name_uk: '', sections: [newDraftSection()] });

/** A key from an English name ("Mood today" → "mood_today"), made unique among `taken` with a number. */
export function suggestKey(label: string, taken: readonly string[]): string {
  const base = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (!base || !taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 40 - `_${n}`.length).replace(/_+$/, '')}_${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** Changes one section; a new English name suggests the key until the admin has typed one. */
export function changeSection(draft: TemplateDraft, id: string, patch: Partial<DraftSection>): TemplateDraft {
  const sections = draft.sections.map((section) => {
    if (section.id !== id) return section;
    const next = { ...section, ...patch };
    // Clearing the key hands it back to the suggestion.
    if ('key' in patch) next.keyEdited = next.key.trim() !== '';
    if (!next.keyEdited && 'label_en' in patch) {
      next.key = suggestKey(
        next.label_en,
        draft.sections.filter((other) => other.id !== id).map((other) => other.key),
      );
    }
    return next;
  });
  return { ...draft, sections };
}

/** Moves a section one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveSection(draft: TemplateDraft, id: string, by: -1 | 1): TemplateDraft {
  const from = draft.sections.findIndex((section) => section.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.sections.length) return draft;
  const sections = [...draft.sections];
  [sections[from], sections[to]] = [sections[to] as DraftSection, sections[from] as DraftSection];
  return { ...draft, sections };
}

/** A typed scale end as a number; an empty or non-numeric one becomes NaN, so the schema refuses it. */
const scaleEnd = (value: number | string): number => (value === '' ? Number.NaN : Number(value));

/** The request body the draft stands for: only the fields its type uses, blank hints left out. */
export function toBody(draft: TemplateDraft): CreateNoteTemplate {
  return {
    name_en: draft.name_en,
    name_uk: draft.name_uk,
    sections: draft.sections.map((section) => ({
      key: section.key,
      label_en: section.label_en,
      label_uk: section.label_uk,
      type: section.type,
      required: section.required,
      ...(section.type === 'choice' ? { options: linesToItems(section.options) } : {}),
      ...(section.type === 'scale' ? { min: scaleEnd(section.min), max: scaleEnd(section.max) } : {}),
      ...(section.hint_en.trim() ? { hint_en: section.hint_en.trim() } : {}),
      ...(section.hint_uk.trim() ? { hint_uk: section.hint_uk.trim() } : {}),
    })),
  };
}

/** What is wrong with one field, as a message name under `noteTemplates.problems` and its count. */
export type Problem = { name: ProblemName; count?: number };
export type ProblemName =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'keyRule'
  | 'keyTaken'
  | 'needsOptions'
  | 'optionTooLong'
  | 'tooManyOptions'
  | 'scaleOrder'
  | 'wholeNumber'
  | 'noSections'
  | 'tooManySections'
  | 'invalid';
/** Problems by the field's path as the API names it: `name_en`, `sections.2.options`, `sections`. */
export type Problems = Record<string, Problem>;

type Issue = NonNullable<ReturnType<typeof createNoteTemplateBody.safeParse>['error']>['issues'][number];

/** The value the body holds at an issue's path, to tell an empty field from a badly filled one. */
function valueAt(body: CreateNoteTemplate, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, step) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined), body);
}

function problemOf(issue: Issue, path: string, value: unknown): Problem {
  const field = path.split('.').pop() ?? '';
  if (typeof value === 'string' && value.trim() === '') return { name: 'required' };
  if (issue.code === 'too_small') {
    if (path === 'sections') return { name: 'noSections' };
    return issue.minimum === 1 ? { name: 'required' } : { name: 'tooShort', count: Number(issue.minimum) };
  }
  if (issue.code === 'too_big') {
    if (path === 'sections') return { name: 'tooManySections', count: MAX_SECTIONS };
    if (field === 'options') return { name: 'tooManyOptions', count: Number(issue.maximum) };
    if (field === 'min' || field === 'max') return { name: 'wholeNumber' };
    return { name: 'tooLong', count: Number(issue.maximum) };
  }
  if (issue.code === 'invalid_format' && field === 'key') return { name: 'keyRule' };
  if (field === 'min' || field === 'max') return { name: 'wholeNumber' };
  return { name: 'invalid' };
}

/**
 * The contract's rules across sections (unique keys, options for a choice, a scale's ends in order) name
 * only the list, and only once every section parses; these say which section breaks them, so the message
 * stands beside that section's field even while other fields still have problems.
 */
function sectionRuleProblems(sections: readonly NoteSection[]): Problems {
  const problems: Problems = {};
  sections.forEach((section, index) => {
    const { min, max } = scaleOf(section);
    if (section.key && sections.findIndex((other) => other.key.trim() === section.key.trim()) !== index)
      problems[`sections.${index}.key`] = { name: 'keyTaken' };
    if (section.type === 'choice' && (section.options?.length ?? 0) === 0) problems[`sections.${index}.options`] = { name: 'needsOptions' };
    if (section.type === 'scale' && Number.isFinite(min) && Number.isFinite(max) && min >= max) problems[`sections.${index}.max`] = { name: 'scaleOrder' };
  });
  return problems;
}

/** The draft checked against the contract's `createNoteTemplateBody`: the body to send, or each field's problem. */
export function checkDraft(draft: TemplateDraft): { body: CreateNoteTemplate; problems: null } | { body: null; problems: Problems } {
  const body = toBody(draft);
  const result = createNoteTemplateBody.safeParse(body);
  if (result.success) return { body: result.data, problems: null };
  const problems: Problems = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    const option = /^(sections\.\d+\.options)\.\d+$/.exec(path);
    // An option's own problem is shown on the box the options are typed in.
    if (option?.[1]) problems[option[1]] ??= { name: 'optionTooLong', count: 120 };
    else if (issue.code !== 'custom' || path !== 'sections') problems[path] ??= problemOf(issue, path, valueAt(body, issue.path));
  }
  for (const [path, problem] of Object.entries(sectionRuleProblems(body.sections))) problems[path] ??= problem;
  // A rule on the whole list that no section could be blamed for still says something.
  if (Object.keys(problems).length === 0) problems.sections = { name: 'invalid' };
  return { body: null, problems };
}
