import type { NoteDto } from '@tend/contracts';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { useOrgTime } from '../ui/use-org-time';
import { NoteContentView } from './note-content-view';
import { notesApi } from './notes.api';
import { NoteVersions } from './note-versions';

type Props = { note: NoteDto; canAmend: boolean; canCosign: boolean; cosignerName: string | null; onAmend: () => void };

/** A signed note, read-only: who signed it and when, its content hash, and every version. */
export function SignedNoteView({ note, canAmend, canCosign, cosignerName, onAmend }: Props) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const cosign = useMutation({
    mutationFn: () => notesApi.cosign(note.case_id, note.id),
    onSuccess: async (cosigned) => {
      queryClient.setQueryData(queryKeys.note(note.case_id, note.id), cosigned);
      notify({ color: 'teal', message: t('notes.cosigned') });
      await queryClient.invalidateQueries({ queryKey: queryKeys.notes(note.case_id) });
    },
  });
  const signer = note.versions?.find((version) => version.version === note.version)?.by.name ?? note.author.name;

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap={4}>
          {note.signed_at ? <Text>{t('notes.signedByAt', { name: signer, time: time.dateTime(note.signed_at) })}</Text> : null}
          {note.cosigned_at ? (
            <Text>{t('notes.cosignedByAt', { name: cosignerName ?? t('notes.aSupervisor'), time: time.dateTime(note.cosigned_at) })}</Text>
          ) : null}
          {note.status === 'pending_cosign' ? <Text>{t('notes.waitingForCosign')}</Text> : null}
          {note.content_hash ? (
            <Text size="sm">
              {t('notes.hash')} <code title={note.content_hash}>{note.content_hash.slice(0, 12)}</code>
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <NoteContentView sections={note.sections} content={note.content} />
      <FormError error={cosign.error} />
      <Group gap="xs">
        {canAmend ? (
          <Button variant="default" onClick={onAmend}>
            {t('notes.amend')}
          </Button>
        ) : null}
        {canCosign && note.status === 'pending_cosign' ? (
          <Button onClick={() => cosign.mutate()} loading={cosign.isPending}>
            {t('notes.cosign')}
          </Button>
        ) : null}
      </Group>
      <NoteVersions note={note} />
    </Stack>
  );
}
