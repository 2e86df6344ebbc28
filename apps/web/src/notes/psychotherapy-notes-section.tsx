import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { notesApi } from './notes.api';

/** The author's own process notes: kept apart from the record, sealed with their key, shown to nobody else. */
export function PsychotherapyNotesSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const notes = useQuery({ queryKey: queryKeys.psychotherapyNotes(caseId), queryFn: () => notesApi.psychotherapy(caseId) });
  const write = useMutation({
    mutationFn: (text: string) => notesApi.writePsychotherapy(caseId, text),
    onSuccess: async () => {
      notify({ color: 'teal', message: t('psychotherapy.saved') });
      await queryClient.invalidateQueries({ queryKey: queryKeys.psychotherapyNotes(caseId) });
    },
  });
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('text') ?? '');
    write.mutate(text, { onSuccess: () => form.reset() });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="psychotherapy-heading" className="private-section">
      <Stack gap="sm">
        <Title order={2} size="h4" id="psychotherapy-heading">
          {t('psychotherapy.title')}
        </Title>
        <Text size="sm">{t('psychotherapy.explanation')}</Text>
        <QueryState query={notes}>
          {(items) =>
            items.length === 0 ? (
              <Text size="sm">{t('psychotherapy.empty')}</Text>
            ) : (
              <Stack gap="xs" component="ul" className="plain-list">
                {items.map((note) => (
                  <li key={note.id}>
                    <Text size="sm" c="dimmed">
                      <time dateTime={note.created_at}>{time.dateTime(note.created_at)}</time>
                    </Text>
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{note.text}</Text>
                  </li>
                ))}
              </Stack>
            )
          }
        </QueryState>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <FormError error={write.error} />
            <Textarea name="text" label={t('psychotherapy.newNote')} required autosize minRows={3} maxLength={50_000} />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={write.isPending}>
                {t('psychotherapy.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
