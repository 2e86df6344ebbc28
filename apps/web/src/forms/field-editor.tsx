import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, Textarea, TextInput } from '@mantine/core';
import type { FormFieldType } from '@tend/contracts';
import { useTranslation } from 'react-i18next';

export type DraftField = { label: string; help: string; type: FormFieldType; required: boolean; options: string; min: number; max: number };
export const fieldTypes: FormFieldType[] = ['text', 'long_text', 'single_choice', 'multi_choice', 'scale', 'date', 'yes_no', 'signature'];
export const newDraftField = (type: FormFieldType = 'text'): DraftField => ({ label: '', help: '', type, required: false, options: '', min: 0, max: 10 });

type Props = { index: number; field: DraftField; onChange: (field: DraftField) => void; onRemove: () => void; error?: string };

/** One question in the builder: its wording, type, whether it must be answered, and options or bounds. */
export function FieldEditor({ index, field, onChange, onRemove, error }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<DraftField>) => onChange({ ...field, ...patch });
  const choice = field.type === 'single_choice' || field.type === 'multi_choice';
  return (
    <Fieldset legend={t('forms.builder.fieldNumber', { number: index + 1 })}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('forms.builder.question')}
          value={field.label}
          onChange={(e) => set({ label: e.currentTarget.value })}
          error={error}
          style={{ flex: '2 1 16rem' }}
        />
        <NativeSelect
          label={t('forms.builder.type')}
          value={field.type}
          onChange={(e) => set({ type: e.currentTarget.value as FormFieldType })}
          data={fieldTypes.map((type) => ({ value: type, label: t(`forms.types.${type}`) }))}
          style={{ flex: '1 1 10rem' }}
        />
      </Group>
      <TextInput mt="sm" label={t('forms.builder.help')} value={field.help} onChange={(e) => set({ help: e.currentTarget.value })} />
      {choice ? (
        <Textarea
          mt="sm"
          label={t('forms.builder.options')}
          description={t('forms.builder.optionsHint')}
          autosize
          minRows={2}
          value={field.options}
          onChange={(e) => set({ options: e.currentTarget.value })}
        />
      ) : null}
      {field.type === 'scale' ? (
        <Group mt="sm" gap="sm">
          <NumberInput label={t('forms.builder.min')} value={field.min} onChange={(v) => set({ min: Number(v) || 0 })} min={-100} max={100} w={120} />
          <NumberInput label={t('forms.builder.max')} value={field.max} onChange={(v) => set({ max: Number(v) || 0 })} min={-100} max={100} w={120} />
        </Group>
      ) : null}
      <Group mt="sm" justify="space-between">
        {field.type === 'signature' ? (
          <span />
        ) : (
          <Checkbox label={t('forms.builder.required')} checked={field.required} onChange={(e) => set({ required: e.currentTarget.checked })} />
        )}
        <Button variant="subtle" color="red" onClick={onRemove}>
          {t('forms.builder.remove', { number: index + 1 })}
        </Button>
      </Group>
    </Fieldset>
  );
}
