import type { NoteContent, NoteDto } from '@tend/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { errorMessage } from '../i18n/error-message';
import { FormError } from '../ui/form-error';
import { useOrgTime } from '../ui/use-org-time';
import { ConfirmDialog } from './confirm-dialog';
import { missingSections, NoteFields, useSectionText } from './note-fields';
import { NoteShortcuts } from './note-shortcuts';
import { notesApi } from './notes.api';
import { type AutosaveState, useAutosave } from './use-autosave';

function SaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const text: Record<AutosaveState['status'], string> = {
    idle: t('notes.autosave.idle'),
    saving: t('notes.autosave.saving'),
    saved: state.status === 'saved' ? t('notes.autosave.savedAt', { time: time.time(state.at) }) : '',
    failed: state.status === 'failed' ? t('notes.autosave.failed', { reason: errorMessage(t, state.error) }) : '',
  };
  return (
    <Text size="sm" role="status" aria-live="polite" c={state.status === 'failed' ? 'var(--mantine-color-error)' : 'dimmed'}>
      {text[state.status]}
    </Text>
  );
}

/** A draft progress note: saved as it is typed, signed when complete. Only its author sees this editor. */
export function DraftEditor({ note }: { note: NoteDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sectionText = useSectionText();
  const [content, setContent] = useState<NoteContent>(note.content);
  const [confirming, confirm] = useDisclosure(false);
  const save = useCallback((next: NoteContent) => notesApi.saveDraft(note.case_id, note.id, next), [note.case_id, note.id]);
  const autosave = useAutosave(save);
  const sign = useMutation({
    mutationFn: async () => {
      await autosave.flush();
      return notesApi.sign(note.case_id, note.id);
    },
    onSuccess: async (signed) => {
      queryClient.setQueryData(queryKeys.note(note.case_id, note.id), signed);
      await queryClient.invalidateQueries({ queryKey: queryKeys.notes(note.case_id) });
    },
  });
  const missing = missingSections(sign.error);
  useHotkeys(
    [
      ['mod+S', () => void autosave.flush().catch(() => undefined)],
      ['mod+Enter', confirm.open],
    ],
    [],
  );

  const change = (next: NoteContent) => {
    setContent(next);
    autosave.change(next);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <SaveStatus state={autosave.state} />
        <NoteShortcuts
          shortcuts={[
            { keys: 'S', action: t('notes.saveNow') },
            { keys: 'Enter', action: t('notes.sign') },
          ]}
        />
      </Group>
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
        <FormError error={sign.error} />
      )}
      <NoteFields sections={note.sections} content={content} missing={missing} onChange={change} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={() => void autosave.flush().catch(() => undefined)}>
          {t('notes.saveNow')}
        </Button>
        <Button onClick={confirm.open} loading={sign.isPending}>
          {t('notes.sign')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('notes.signTitle')}
        question={t('notes.signQuestion')}
        confirmLabel={t('notes.sign')}
        onConfirm={() => sign.mutate()}
        onClose={confirm.close}
      />
    </Stack>
  );
}
