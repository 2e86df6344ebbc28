import { Button, Fieldset, Group, NativeSelect, NumberInput, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DraftSection, sectionControlId, type SectionField, type SectionType, sectionTypes } from './template-draft';

type Props = {
  section: DraftSection;
  index: number;
  count: number;
  /** The message for one of this section's fields, if it has a problem. */
  errorOf: (field: SectionField) => string | undefined;
  onChange: (patch: Partial<DraftSection>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

const half = { style: { flex: '1 1 14rem' } };

/** One section of a template being made: its names, kind of answer, key, options or scale ends, hints, and its place in the list. */
export function TemplateSectionEditor({ section, index, count, errorOf, onChange, onMove, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const [ownLabel, otherLabel] = i18n.language === 'uk' ? [section.label_uk, section.label_en] : [section.label_en, section.label_uk];
  const label = ownLabel.trim() || otherLabel.trim();
  const name = label ? t('noteTemplates.form.sectionNamed', { number: index + 1, label }) : t('noteTemplates.form.section', { number: index + 1 });
  const text = (field: 'label_en' | 'label_uk' | 'key' | 'hint_en' | 'hint_uk') => ({
    id: sectionControlId(section, field),
    value: section[field],
    error: errorOf(field),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ [field]: event.currentTarget.value }),
  });
  const actionLabel = (action: string) => t('noteTemplates.form.actionOn', { action, section: name });
  return (
    <Fieldset legend={name} id={section.id} p="sm">
      <Stack gap="sm">
        <Group align="flex-start" gap="sm">
          <TextInput label={t('noteTemplates.form.labelEn')} required maxLength={120} lang="en" {...text('label_en')} {...half} />
          <TextInput label={t('noteTemplates.form.labelUk')} required maxLength={120} lang="uk" {...text('label_uk')} {...half} />
        </Group>
        <Group align="flex-start" gap="sm">
          <NativeSelect
            id={sectionControlId(section, 'type')}
            label={t('noteTemplates.form.type')}
            value={section.type}
            onChange={(event) => onChange({ type: event.currentTarget.value as SectionType })}
            data={sectionTypes.map((type) => ({ value: type, label: t(`noteTemplates.types.${type}`) }))}
            {...half}
          />
          <TextInput
            label={t('noteTemplates.form.key')}
            description={t('noteTemplates.form.keyHint')}
            required
            maxLength={40}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...text('key')}
            {...half}
          />
        </Group>
        {section.type === 'choice' ? (
          <Textarea
            id={sectionControlId(section, 'options')}
            label={t('noteTemplates.form.options')}
            description={t('noteTemplates.form.optionsHint')}
            required
            autosize
            minRows={3}
            value={section.options}
            error={errorOf('options')}
            onChange={(event) => onChange({ options: event.currentTarget.value })}
          />
        ) : null}
        {section.type === 'scale' ? (
          <Group align="flex-start" gap="sm">
            {(['min', 'max'] as const).map((end) => (
              <NumberInput
                key={end}
                id={sectionControlId(section, end)}
                label={t(`noteTemplates.form.${end}`)}
                required
                value={section[end]}
                onChange={(value) => onChange({ [end]: value })}
                error={errorOf(end)}
                min={-100}
                max={100}
                allowDecimal={false}
                style={{ flex: '1 1 9rem' }}
              />
            ))}
          </Group>
        ) : null}
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('noteTemplates.form.hintEn')}
            description={t('noteTemplates.form.hintHint')}
            maxLength={300}
            lang="en"
            {...text('hint_en')}
            {...half}
          />
          <TextInput
            label={t('noteTemplates.form.hintUk')}
            description={t('noteTemplates.form.hintHint')}
            maxLength={300}
            lang="uk"
            {...text('hint_uk')}
            {...half}
          />
        </Group>
        <Switch label={t('noteTemplates.form.required')} checked={section.required} onChange={(event) => onChange({ required: event.currentTarget.checked })} />
        <Group gap="xs" justify="flex-end">
          <Button
            id={sectionControlId(section, 'up')}
            variant="default"
            size="xs"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={actionLabel(t('noteTemplates.form.moveUp'))}
          >
            {t('noteTemplates.form.moveUp')}
          </Button>
          <Button
            id={sectionControlId(section, 'down')}
            variant="default"
            size="xs"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={actionLabel(t('noteTemplates.form.moveDown'))}
          >
            {t('noteTemplates.form.moveDown')}
          </Button>
          <Button variant="subtle" color="red" size="xs" onClick={onRemove} aria-label={actionLabel(t('noteTemplates.form.remove'))}>
            {t('noteTemplates.form.remove')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
