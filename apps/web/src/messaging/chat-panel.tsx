import type { RiskLevel } from '@tend/contracts';
import { Alert, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../api/query-keys';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/signed-in-user';
import type { CrisisResources } from '../crisis/crisis.api';
import { errorMessage } from '../i18n/error-message';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { ProgramMembers } from './program-members';
import { SupportResources } from './support-resources';
import { useChat, useTypingSignal } from './use-chat';
import { seenMessageId, useMarkRead } from './use-mark-read';

type Props = { conversationId: string; title: string; flags?: Map<string, RiskLevel> };

/** One conversation: history, live messages, "… is typing", "Seen", the send box and, after a risky message, support. */
export function ChatPanel({ conversationId, title, flags }: Props) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const { conversation, history, messages, typing, incoming, added } = useChat(conversationId, me.id);
  const signalTyping = useTypingSignal(conversationId);
  const [support, setSupport] = useState<CrisisResources | null>(null);
  useMarkRead(conversationId, me.id, messages, conversation.data, list);

  const others = (conversation.data?.participants ?? []).filter((p) => p.id !== me.id).map((p) => p.name);
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby={`chat-title-${conversationId}`}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id={`chat-title-${conversationId}`}>
            {title}
          </Title>
          {others.length ? (
            <Text size="sm" c="dimmed">
              {t('chat.with', { names: others.join(', ') })}
            </Text>
          ) : null}
        </div>
        {conversation.data?.kind === 'program' ? <ProgramMembers conversation={conversation.data} title={title} myId={me.id} /> : null}
        {history.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(t, history.error)}
          </Alert>
        ) : (
          <MessageList
            messages={messages}
            myId={me.id}
            seenId={seenMessageId(messages, me.id, conversation.data)}
            flags={flags}
            hasOlder={history.hasNextPage}
            loadingOlder={history.isFetchingNextPage}
            onLoadOlder={() => void history.fetchNextPage()}
            onElement={setList}
          />
        )}
        <Text size="sm" fs="italic" aria-live="polite" mih="1.4em">
          {typing.length ? t('chat.typing', { count: typing.length, names: typing.join(', ') }) : ''}
        </Text>
        {/* Only messages that arrive while the page is open are read out, not the history. */}
        <VisuallyHidden aria-live="polite">{incoming ? t('chat.newMessage', { name: incoming.sender.name, body: incoming.body }) : ''}</VisuallyHidden>
        {support ? <SupportResources resources={support} onClose={() => setSupport(null)} /> : null}
        <Composer
          conversationId={conversationId}
          onTyping={signalTyping}
          onSent={(message) => {
            const { support: resources, ...plain } = message;
            added(plain);
            void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
            if (resources) setSupport(resources);
          }}
        />
      </Stack>
    </Paper>
  );
}
