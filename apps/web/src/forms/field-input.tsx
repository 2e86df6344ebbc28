import { Checkbox, NativeSelect, Radio, Stack, Textarea, TextInput, Group } from '@mantine/core';
import type { FormAnswers, FormField } from '@tend/contracts';
import { useTranslation } from 'react-i18next';

type Value = FormAnswers[string] | undefined;
type Props = { field: FormField; value: Value; onChange: (value: Value) => void; error?: string };

/** One question of a form, as the control its type calls for. The signature is asked for at signing. */
export function FieldInput({ field, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const common = { label: field.label, description: field.help, required: field.required, error };
  switch (field.type) {
    case 'text':
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} maxLength={1000} />;
    case 'long_text':
      return <Textarea {...common} autosize minRows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'single_choice':
      return (
        <Radio.Group {...common} value={typeof value === 'string' ? value : null} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            {(field.options ?? []).map((option) => (
              <Radio key={option} value={option} label={option} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multi_choice':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            {(field.options ?? []).map((option) => (
              <Checkbox key={option} value={option} label={option} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'yes_no':
      return (
        <Radio.Group {...common} value={value === true ? 'yes' : value === false ? 'no' : null} onChange={(v) => onChange(v === 'yes')}>
          <Group gap="lg" mt="xs">
            <Radio value="yes" label={t('forms.yes')} />
            <Radio value="no" label={t('forms.no')} />
          </Group>
        </Radio.Group>
      );
    case 'scale': {
      const min = field.min ?? 0;
      const max = field.max ?? 10;
      return (
        <NativeSelect
          {...common}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}
          data={[{ value: '', label: t('forms.chooseNumber', { min, max }) }, ...Array.from({ length: max - min + 1 }, (_, i) => String(min + i))]}
          maw={240}
        />
      );
    }
    case 'signature':
      return null;
  }
}

/** Answers read back: text as written, yes/no and lists in words. */
export function answerText(field: FormField, value: Value, t: (key: 'forms.yes' | 'forms.no' | 'forms.noAnswer') => string): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('forms.noAnswer');
  if (typeof value === 'boolean') return value ? t('forms.yes') : t('forms.no');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
