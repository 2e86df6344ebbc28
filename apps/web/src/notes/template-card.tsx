import { type NoteSection, type NoteTemplate, scaleOf } from '@tend/contracts';
import { Badge, Group, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSectionText } from './note-fields';

/** A section in a line: its kind of answer (with a scale's ends or a choice's options), whether it must be filled, and its key. */
function useSectionSummary() {
  const { t } = useTranslation();
  return (section: NoteSection): string => {
    const kind =
      section.type === 'scale'
        ? t('noteTemplates.scaleRange', scaleOf(section))
        : section.type === 'choice'
          ? `${t('noteTemplates.types.choice')}. ${t('noteTemplates.optionsList', { options: (section.options ?? []).join(', ') })}`
          : t(`noteTemplates.types.${section.type}`);
    return [kind, section.required ? t('noteTemplates.required') : null, t('noteTemplates.key', { key: section.key })].filter(Boolean).join(' · ');
  };
}

/** A template as specialists will get it: its name in both languages and its sections in order. Read-only: templates are never changed. */
export function TemplateCard({ template }: { template: NoteTemplate }) {
  const { t, i18n } = useTranslation();
  const sectionText = useSectionText();
  const summary = useSectionSummary();
  const uk = i18n.language === 'uk';
  const name = uk ? template.name_uk : template.name_en;
  const otherName = uk ? template.name_en : template.name_uk;
  return (
    <Paper component="li" withBorder p="md">
      <Group gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {name}
        </Title>
        {template.builtin ? (
          <Badge variant="light" c="var(--mantine-color-text)">
            {t('noteTemplates.builtin')}
          </Badge>
        ) : null}
      </Group>
      {otherName === name ? null : (
        <Text size="sm" c="dimmed">
          {t('noteTemplates.otherName')} <span lang={uk ? 'en' : 'uk'}>{otherName}</span>
        </Text>
      )}
      <List type="ordered" size="sm" spacing={6} mt="sm" aria-label={t('noteTemplates.sectionsOf', { name })}>
        {template.sections.map((section) => (
          <List.Item key={section.key}>
            <Text size="sm" fw={600} span>
              {sectionText.label(section)}
            </Text>
            <Text size="sm" c="dimmed">
              {summary(section)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
