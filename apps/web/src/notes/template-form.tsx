import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { notesApi } from './notes.api';
import { checkDraft, MAX_SECTIONS, type Problem } from './template-draft';
import { TemplateSectionEditor } from './template-section-editor';
import { ADD_SECTION_BUTTON_ID, useTemplateDraft } from './use-template-draft';
import { templateName } from './use-template-name';

const half = { style: { flex: '1 1 14rem' } };

/**
 * A new template for the practice, section by section. It is checked against the contract before it is
 * sent; after the first try to save, each problem stays beside its field and goes as soon as it is fixed.
 */
export function TemplateForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { draft, announcement, setName, update, move, add, remove, reset } = useTemplateDraft();
  const [checked, setChecked] = useState(false);
  const [failedTries, setFailedTries] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: notesApi.createTemplate,
    onSuccess: async (template) => {
      notify({ color: 'teal', message: t('noteTemplates.form.saved', { name: templateName(template, i18n.language) }) });
      reset();
      setChecked(false);
      // The note editor's template picker reads the same query.
      await queryClient.invalidateQueries({ queryKey: queryKeys.noteTemplates });
    },
  });
  useEffect(() => {
    if (failedTries > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failedTries]);

  const problems = checked ? (checkDraft(draft).problems ?? {}) : {};
  const serverErrors = fieldErrors(create.error);
  const problemText = (problem: Problem) => t(`noteTemplates.problems.${problem.name}`, { count: problem.count ?? 0 });
  const errorOf = (path: string): string | undefined => (problems[path] ? problemText(problems[path]) : serverErrors[path]);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = checkDraft(draft);
    setChecked(true);
    if (result.body) {
      create.mutate(result.body);
    } else {
      create.reset();
      setFailedTries((tries) => tries + 1);
    }
  };

  const hasProblems = Object.keys(problems).length > 0;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('noteTemplates.form.nameEn')}
              required
              maxLength={120}
              lang="en"
              value={draft.name_en}
              error={errorOf('name_en')}
              onChange={(event) => setName('name_en', event.currentTarget.value)}
              {...half}
            />
            <TextInput
              label={t('noteTemplates.form.nameUk')}
              required
              maxLength={120}
              lang="uk"
              value={draft.name_uk}
              error={errorOf('name_uk')}
              onChange={(event) => setName('name_uk', event.currentTarget.value)}
              {...half}
            />
          </Group>
          <div>
            <Title order={3} size="h4">
              {t('noteTemplates.form.sectionsTitle')}
            </Title>
            <Text size="sm">{t('noteTemplates.form.sectionsHint')}</Text>
          </div>
          {draft.sections.map((section, index) => (
            <TemplateSectionEditor
              key={section.id}
              section={section}
              index={index}
              count={draft.sections.length}
              errorOf={(field) => errorOf(`sections.${index}.${field}`)}
              onChange={(patch) => update(section.id, patch)}
              onMove={(by) => move(section, by)}
              onRemove={() => remove(section.id)}
            />
          ))}
          {errorOf('sections') ? (
            <Text size="sm" c="var(--mantine-color-error)">
              {errorOf('sections')}
            </Text>
          ) : null}
          <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
          <div>
            <Button id={ADD_SECTION_BUTTON_ID} variant="light" onClick={add} disabled={draft.sections.length >= MAX_SECTIONS}>
              {t('noteTemplates.form.add')}
            </Button>
            {draft.sections.length >= MAX_SECTIONS ? <Text size="sm">{t('noteTemplates.form.limitReached')}</Text> : null}
          </div>
          {hasProblems ? (
            <Alert color="red" role="alert">
              {t('noteTemplates.form.checkFields')}
            </Alert>
          ) : null}
          <FormError error={create.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('noteTemplates.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
