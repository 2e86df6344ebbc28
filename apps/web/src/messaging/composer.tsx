import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../i18n/error-message';
import { maxAttachments, maxMessageLength, messagingApi, type SentMessage } from './messaging.api';
import { PendingAttachments, usePendingAttachments } from './pending-attachments';

/** What went wrong with a send, in words that say what to do; the typed text is always kept. */
function sendError(t: TFunction, error: unknown, sentLength: number): string {
  if (error instanceof ApiError && (error.status === 413 || (error.status === 400 && sentLength > maxMessageLength)))
    return t('chat.errors.tooLong', { max: maxMessageLength.toLocaleString() });
  if (error instanceof ApiError && error.status === 429)
    return error.retryAfterSeconds ? t('chat.errors.rateLimitedFor', { count: error.retryAfterSeconds }) : t('chat.errors.rateLimited');
  return `${t('chat.errors.notSent')} ${errorMessage(t, error)}`;
}

type Props = { conversationId: string; onSent: (message: SentMessage) => void; onTyping: () => void };

/** The send box: Enter sends, Shift+Enter starts a new line; a failed send keeps the text and says why. */
export function Composer({ conversationId, onSent, onTyping }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tooLong, setTooLong] = useState(false);
  const [tooMany, setTooMany] = useState(false);
  const pending = usePendingAttachments(conversationId);
  const hintId = useId();
  const errorId = useId();
  const send = useMutation({
    mutationFn: (body: string) => messagingApi.send(conversationId, body, pending.ids),
    onSuccess: (message, body) => {
      setText((current) => (current === body ? '' : current));
      pending.clear();
      setTooMany(false);
      onSent(message);
    },
  });

  function submit() {
    const body = text.trim();
    if ((!body && !pending.ids.length) || send.isPending || pending.uploading) return;
    if (body.length > maxMessageLength) {
      setTooLong(true);
      return;
    }
    setTooLong(false);
    send.mutate(body);
  }

  const error = tooLong
    ? t('chat.errors.tooLong', { max: maxMessageLength.toLocaleString() })
    : tooMany
      ? t('attachments.tooMany', { max: maxAttachments })
      : send.isError
        ? sendError(t, send.error, send.variables?.length ?? 0)
        : null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        {error ? (
          <Alert color="red" role="alert" id={errorId} p="xs">
            {error}
          </Alert>
        ) : null}
        <Textarea
          label={t('chat.messageLabel')}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (tooLong && event.currentTarget.value.trim().length <= maxMessageLength) setTooLong(false);
            if (event.currentTarget.value.trim()) onTyping();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
          autosize
          minRows={2}
          maxRows={8}
        />
        <PendingAttachments pending={pending} onTooMany={() => setTooMany(true)} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed" id={hintId}>
            {t('chat.keysHint')}
          </Text>
          <Button type="submit" loading={send.isPending} disabled={(!text.trim() && !pending.ids.length) || pending.uploading}>
            {t('chat.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
