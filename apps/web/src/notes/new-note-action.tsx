import { NativeSelect } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { FormModal } from '../ui/form-modal';
import { notesApi } from './notes.api';
import { templateName } from './use-template-name';

/** Starts a draft progress note from a template chosen in a dialog, then opens it in the editor. */
export function NewNoteAction({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: queryKeys.noteTemplates, queryFn: notesApi.templates, staleTime: 300_000 });
  const create = useMutation({
    mutationFn: (templateId: string) => notesApi.create(caseId, templateId),
    onSuccess: async (note) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.notes(caseId) });
      await navigate(`/cases/${caseId}/notes/${note.id}`);
    },
  });
  if (!templates.data) return null;
  return (
    <FormModal
      buttonLabel={t('notes.new')}
      buttonProps={{ variant: 'filled' }}
      title={t('notes.new')}
      submitLabel={t('notes.start')}
      pending={create.isPending}
      error={create.error}
      onOpen={create.reset}
      onSubmit={(form) => create.mutateAsync(String(form.get('template') ?? ''))}
    >
      <NativeSelect
        name="template"
        label={t('notes.template')}
        data={templates.data.map((template) => ({ value: template.id, label: templateName(template, i18n.language) }))}
      />
    </FormModal>
  );
}
