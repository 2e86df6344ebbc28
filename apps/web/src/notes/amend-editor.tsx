import type { NoteContent, NoteDto } from '@tend/contracts';
import { Alert, Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { ConfirmDialog } from './confirm-dialog';
import { missingSections, NoteFields, useSectionText } from './note-fields';
import { NoteShortcuts } from './note-shortcuts';
import { notesApi } from './notes.api';

type Props = { note: NoteDto; onDone: () => void };

/** Changes a signed note as a new version: the earlier one stays, and the reason is kept with the change. */
export function AmendEditor({ note, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sectionText = useSectionText();
  const [content, setContent] = useState<NoteContent>(note.content);
  const [reason, setReason] = useState('');
  const [confirming, confirm] = useDisclosure(false);
  const amend = useMutation({
    mutationFn: () => notesApi.amend(note.case_id, note.id, content, reason),
    onSuccess: async (amended) => {
      queryClient.setQueryData(queryKeys.note(note.case_id, note.id), amended);
      await queryClient.invalidateQueries({ queryKey: queryKeys.notes(note.case_id) });
      notify({ color: 'teal', message: t('notes.amended') });
      onDone();
    },
  });
  const missing = missingSections(amend.error);
  const reasonError = fieldErrors(amend.error).reason;
  useHotkeys([['mod+Enter', confirm.open]], []);

  return (
    <Stack gap="md" component="section" aria-labelledby="amend-heading">
      <Title order={2} size="h3" id="amend-heading">
        {t('notes.amendTitle', { version: note.version + 1 })}
      </Title>
      <NoteShortcuts shortcuts={[{ keys: 'Enter', action: t('notes.signAmendment') }]} />
      {missing.length > 0 ? (
        <Alert color="red" role="alert" title={t('notes.incompleteTitle')}>
          {t('notes.incomplete', {
            sections: note.sections
              .filter((s) => missing.includes(s.key))
              .map(sectionText.label)
              .join(', '),
          })}
        </Alert>
      ) : (
        <FormError error={amend.error} />
      )}
      <Textarea
        label={t('notes.amendReason')}
        description={t('notes.amendReasonHint')}
        required
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={reasonError}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <NoteFields sections={note.sections} content={content} missing={missing} onChange={setContent} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={confirm.open} loading={amend.isPending}>
          {t('notes.signAmendment')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('notes.signAmendment')}
        question={t('notes.amendQuestion')}
        confirmLabel={t('notes.signAmendment')}
        onConfirm={() => amend.mutate()}
        onClose={confirm.close}
      />
    </Stack>
  );
}
