import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormField } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { type DraftField, FieldEditor, newDraftField } from './field-editor';
import { formsApi } from './forms.api';
import { linesToItems } from '../crisis/safety-plan-steps';

const toField = (draft: DraftField, index: number): FormField => ({
  key: `q${index + 1}`,
  label: draft.label.trim(),
  ...(draft.help.trim() ? { help: draft.help.trim() } : {}),
  type: draft.type,
  required: draft.type === 'signature' ? false : draft.required,
  ...(draft.type === 'single_choice' || draft.type === 'multi_choice' ? { options: linesToItems(draft.options) } : {}),
  ...(draft.type === 'scale' ? { min: draft.min, max: draft.max } : {}),
});

/** Builds a new intake form question by question; the practice's staff can then send it to clients. */
export function FormBuilder({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [fields, setFields] = useState<DraftField[]>([newDraftField()]);
  const create = useMutation({
    mutationFn: () => formsApi.create({ title: title.trim(), description: description.trim() || undefined, fields: fields.map(toField) }),
    onSuccess: () => {
      notify({ message: t('forms.builder.created'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.forms });
      onDone();
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('forms.builder.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <Textarea label={t('forms.builder.description')} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        {fields.map((field, index) => (
          <FieldEditor
            key={index}
            index={index}
            field={field}
            error={errors[`fields.${index}.label`] ?? errors[`fields.${index}`]}
            onChange={(next) => setFields((current) => current.map((f, i) => (i === index ? next : f)))}
            onRemove={() => setFields((current) => current.filter((_, i) => i !== index))}
          />
        ))}
        <Button variant="light" onClick={() => setFields((current) => [...current, newDraftField()])} style={{ alignSelf: 'flex-start' }}>
          {t('forms.builder.addField')}
        </Button>
        <FormError error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('forms.builder.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
