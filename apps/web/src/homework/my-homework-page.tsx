import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import type { HomeworkDto } from '@tend/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { afterApi } from '../sessions/after/after.api';
import { FormError } from '../ui/form-error';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';

/** The client's homework from their sessions, each ticked off when done. */
export function MyHomeworkPage() {
  const { t } = useTranslation();
  usePageTitle(t('homework.mine'));
  const query = useQuery({ queryKey: queryKeys.myHomework, queryFn: afterApi.myHomework });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('homework.mine')}</Title>
      <Text>{t('homework.mineIntro')}</Text>
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('homework.mineNone')}</Text>
          ) : (
            <Stack gap="md" component="ul" className="plain-list">
              {items.map((item) => (
                <HomeworkItem key={item.id} item={item} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function HomeworkItem({ item }: { item: HomeworkDto }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  // The tick shows at once and stays until the saved answer replaces it (or an error takes it back): the
  // mutation's own pending state arrives a tick later, and the box would blink back unticked in between.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const toggle = useMutation({
    mutationFn: (done: boolean) => afterApi.setDone(item.id, done),
    onSuccess: (saved) => queryClient.setQueryData<HomeworkDto[]>(queryKeys.myHomework, (list) => list?.map((h) => (h.id === saved.id ? saved : h))),
    onSettled: () => setTicked(null),
  });
  return (
    <Paper withBorder p="md" component="li">
      <Stack gap={6}>
        <Checkbox
          checked={ticked ?? item.done_at !== null}
          disabled={toggle.isPending}
          onChange={(e) => {
            const done = e.currentTarget.checked;
            setTicked(done);
            toggle.mutate(done);
          }}
          label={<Text fw={700}>{item.title}</Text>}
          aria-label={t('homework.done', { title: item.title })}
        />
        {item.instructions ? <Text style={{ whiteSpace: 'pre-wrap' }}>{item.instructions}</Text> : null}
        <Text size="sm">
          {[
            item.due_date ? t('homework.dueOn', { date: time.date(`${item.due_date}T12:00:00Z`) }) : null,
            item.done_at ? t('homework.doneAt', { date: time.dateTime(item.done_at) }) : null,
            item.assigned_by.name,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <FormError error={toggle.error} />
      </Stack>
    </Paper>
  );
}
