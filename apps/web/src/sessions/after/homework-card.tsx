import { Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { HomeworkDto, SessionAfterDto } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { FormError } from '../../ui/form-error';
import { notify } from '../../ui/notify';
import { useOrgTime } from '../../ui/use-org-time';
import { afterApi } from './after.api';

/** Gives the client a task from this session: a title, instructions and a due date. */
export function HomeworkCard({ after }: { after: SessionAfterDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [due, setDue] = useState('');
  const assign = useMutation({
    mutationFn: () =>
      afterApi.assignHomework(after.session_id, { title: title.trim(), instructions: instructions.trim() || undefined, due_date: due || undefined }),
    onSuccess: async (given) => {
      setTitle('');
      setInstructions('');
      setDue('');
      notify({ color: 'teal', message: t('homework.assigned', { title: given.title }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessionAfter(after.session_id) });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="after-homework-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="after-homework-heading">
          {t('homework.assignTitle')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            assign.mutate();
          }}
        >
          <Stack gap="xs">
            <TextInput label={t('homework.titleLabel')} required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea
              label={t('homework.instructions')}
              autosize
              minRows={2}
              maxLength={4000}
              value={instructions}
              onChange={(e) => setInstructions(e.currentTarget.value)}
            />
            <TextInput type="date" label={t('homework.due')} value={due} onChange={(e) => setDue(e.currentTarget.value)} maw={220} />
            <FormError error={assign.error} />
            <Button type="submit" variant="light" loading={assign.isPending} disabled={!title.trim()} style={{ alignSelf: 'flex-start' }}>
              {t('homework.assign')}
            </Button>
          </Stack>
        </form>
        <GivenHomework items={after.homework} />
      </Stack>
    </Paper>
  );
}

function GivenHomework({ items }: { items: HomeworkDto[] }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {t('homework.given')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('homework.none')}</Text>
      ) : (
        <Stack gap={4} component="ul" className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <Text fw={600}>{item.title}</Text>
              {item.due_date ? <Text size="sm">{t('homework.dueOn', { date: time.date(`${item.due_date}T12:00:00Z`) })}</Text> : null}
              {item.done_at ? <Text size="sm">{t('homework.doneAt', { date: time.dateTime(item.done_at) })}</Text> : null}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
