import type { NoteContent, NoteSection } from '@tend/contracts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSectionText } from './note-fields';

/** A note's sections as read-only text, under their labels in the UI language. */
export function NoteContentView({ sections, content }: { sections: NoteSection[]; content: NoteContent }) {
  const { t } = useTranslation();
  const text = useSectionText();
  return (
    <Stack gap="sm" component="dl" m={0}>
      {sections.map((section) => (
        <div key={section.key}>
          <Text component="dt" fw={600}>
            {text.label(section)}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
            {content[section.key]?.trim() ? content[section.key] : t('notes.sectionEmpty')}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
