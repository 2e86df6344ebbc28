import type { NoteContent, NoteSection } from '@tend/contracts';
import { Stack, Textarea } from '@mantine/core';
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

/** One labelled text area per section of the note's template, with the template's hint under the label. */
export function NoteFields({ sections, content, missing, onChange }: Props) {
  const { t } = useTranslation();
  const text = useSectionText();
  return (
    <Stack gap="md">
      {sections.map((section) => (
        <Textarea
          key={section.key}
          label={text.label(section)}
          description={text.hint(section)}
          required={section.required}
          value={content[section.key] ?? ''}
          onChange={(event) => onChange({ ...content, [section.key]: event.currentTarget.value })}
          error={missing.includes(section.key) ? t('notes.sectionMissing') : undefined}
          autosize
          minRows={section.type === 'long_text' ? 4 : 1}
          maxLength={20_000}
        />
      ))}
    </Stack>
  );
}
