import { type NoteContent, type NoteSection, scaleOf, sectionProblem } from '@tend/contracts';
import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The section keys a NOTE.INCOMPLETE answer names. */
export function missingSections(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'NOTE.INCOMPLETE') return [];
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  return Array.isArray(missing) ? missing.filter((key): key is string => typeof key === 'string') : [];
}

export function useSectionText() {
  const { i18n } = useTranslation();
  const uk = i18n.language === 'uk';
  return {
    label: (section: NoteSection) => (uk ? section.label_uk : section.label_en),
    hint: (section: NoteSection) => (uk ? section.hint_uk : section.hint_en),
  };
}

type Props = { sections: NoteSection[]; content: NoteContent; missing: string[]; onChange: (content: NoteContent) => void };
type FieldProps = { section: NoteSection; value: string; error: string | undefined; onChange: (value: string) => void };

/** The choices of a scale or choice section, with an empty first one: a section may be left for later. */
function choicesOf(section: NoteSection): string[] {
  if (section.type === 'choice') return ['', ...(section.options ?? [])];
  const { min, max } = scaleOf(section);
  return ['', ...Array.from({ length: max - min + 1 }, (_, i) => String(min + i))];
}

/** One section, drawn for its type: a text area, a one-line answer, a number, or a pick from a scale or a list. */
function NoteField({ section, value, error, onChange }: FieldProps) {
  const text = useSectionText();
  const common = { label: text.label(section), description: text.hint(section), required: section.required, error };
  if (section.type === 'choice' || section.type === 'scale') {
    return <NativeSelect {...common} data={choicesOf(section)} value={value} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
  if (section.type === 'text' || section.type === 'number') {
    return (
      <TextInput
        {...common}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        inputMode={section.type === 'number' ? 'decimal' : undefined}
        maxLength={500}
      />
    );
  }
  return <Textarea {...common} value={value} onChange={(event) => onChange(event.currentTarget.value)} autosize minRows={4} maxLength={20_000} />;
}

/** One labelled field per section of the note's template, with the template's hint under the label. */
export function NoteFields({ sections, content, missing, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {sections.map((section) => {
        const value = content[section.key] ?? '';
        // A number typed badly is said at once, beside the field; the server refuses it the same way.
        const problem = section.type === 'number' ? sectionProblem(section, value) : null;
        return (
          <NoteField
            key={section.key}
            section={section}
            value={value}
            error={missing.includes(section.key) ? t('notes.sectionMissing') : problem ? t('notes.notANumber') : undefined}
            onChange={(next) => onChange({ ...content, [section.key]: next })}
          />
        );
      })}
    </Stack>
  );
}
