import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { NoteTemplate, SessionAfterDto } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { FormError } from '../../ui/form-error';
import { afterApi } from './after.api';
import { templateName } from '../../notes/use-template-name';

/** Starts (or reopens) the session's draft note from the case's template and opens it in the note editor. */
export function NoteCard({ after, caseId, template }: { after: SessionAfterDto; caseId: string; template: NoteTemplate }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => afterApi.startNote(after.session_id),
    onSuccess: async (note) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.notes(caseId) });
      await navigate(`/cases/${caseId}/notes/${note.id}`);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="after-note-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="after-note-heading">
          {t('afterSession.note.title')}
        </Title>
        <Text>{t('afterSession.note.template', { name: templateName(template, i18n.language) })}</Text>
        <Text size="sm">{t('afterSession.note.hint')}</Text>
        <FormError error={start.error} />
        <Button onClick={() => start.mutate()} loading={start.isPending} style={{ alignSelf: 'flex-start' }}>
          {after.note_id ? t('afterSession.note.open') : t('afterSession.note.start')}
        </Button>
      </Stack>
    </Paper>
  );
}
