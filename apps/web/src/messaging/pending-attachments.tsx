import { Button, CloseButton, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';
import { fileSize } from '../files/file-size';
import { type Attachment, maxAttachments, messagingApi } from './messaging.api';

type Pending = { key: string; name: string; progress: number; done: Attachment | null; error: unknown };

/** Files chosen for the next message: each uploads as soon as it is picked, and goes with the message once sent. */
export function usePendingAttachments(conversationId: string) {
  const [items, setItems] = useState<Pending[]>([]);
  const update = (key: string, change: Partial<Pending>) => setItems((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const add = (files: File[]) => {
    const room = Math.max(0, maxAttachments - items.length);
    const chosen = files.slice(0, room).map((file) => ({ file, key: `${file.name}-${crypto.randomUUID()}` }));
    setItems((all) => [...all, ...chosen.map(({ file, key }) => ({ key, name: file.name, progress: 0, done: null, error: null }))]);
    for (const { file, key } of chosen)
      messagingApi
        .attach(conversationId, file, (progress) => update(key, { progress }))
        .then(
          (done) => update(key, { done, progress: 1 }),
          (error: unknown) => update(key, { error }),
        );
    return files.length > room;
  };
  const remove = (key: string) => setItems((all) => all.filter((p) => p.key !== key));
  const clear = useCallback(() => setItems([]), []);
  return {
    items,
    add,
    remove,
    clear,
    ids: items.flatMap((p) => (p.done ? [p.done.id] : [])),
    uploading: items.some((p) => !p.done && !p.error),
    failed: items.some((p) => p.error),
  };
}

type Props = { pending: ReturnType<typeof usePendingAttachments>; onTooMany: () => void };

/** The "Attach files" button and the files waiting to be sent, each with its progress and a way to take it off. */
export function PendingAttachments({ pending, onTooMany }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4}>
      {pending.items.length ? (
        <Stack gap={4} component="ul" className="plain-list" m={0} p={0} aria-label={t('attachments.pending')}>
          {pending.items.map((p) => (
            <Group key={p.key} component="li" gap="xs" wrap="nowrap" justify="space-between">
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" truncate>
                  {p.done ? `${p.name} · ${fileSize(p.done.size, i18n.language)}` : p.name}
                </Text>
                {p.error ? (
                  <Text size="xs" c="red" role="alert">
                    {t('attachments.failed', { name: p.name })} {errorMessage(t, p.error)}
                  </Text>
                ) : !p.done ? (
                  <Progress value={Math.round(p.progress * 100)} size="sm" aria-label={t('attachments.uploading', { name: p.name })} />
                ) : null}
              </Stack>
              <CloseButton aria-label={t('attachments.remove', { name: p.name })} onClick={() => pending.remove(p.key)} />
            </Group>
          ))}
        </Stack>
      ) : null}
      <FileButton
        multiple
        onChange={(files) => {
          if (pending.add(files)) onTooMany();
        }}
      >
        {(props) => (
          <Button {...props} variant="default" size="xs" disabled={pending.items.length >= maxAttachments}>
            {t('attachments.attach')}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}
