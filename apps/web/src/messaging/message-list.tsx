import type { RiskLevel } from '@tend/contracts';
import { Badge, Box, Button, Center, Group, Stack, Text } from '@mantine/core';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkifiedText } from '../ui/linkified-text';
import { useOrgTime } from '../ui/use-org-time';
import { MessageAttachments } from './message-attachments';
import type { ChatMessage } from './messaging.api';

type Props = {
  messages: ChatMessage[];
  myId: string;
  /** The id of my newest message someone else has read, to mark it "Seen". */
  seenId: string | null;
  /** Risk flags raised on client messages, by message id (care team only). */
  flags?: Map<string, RiskLevel>;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** Told the history's scrolling box whenever it is put on the page or taken off. */
  onElement: (element: HTMLDivElement | null) => void;
};

/** The history, oldest at the top; it stays at the bottom as messages arrive and keeps its place when older ones load. */
export function MessageList({ messages, myId, seenId, flags, hasOlder, loadingOlder, onLoadOlder, onElement }: Props) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const edges = useRef({ first: '', last: '', height: 0 });
  const listRef = useRef<HTMLDivElement | null>(null);
  const attach = useCallback(
    (element: HTMLDivElement | null) => {
      listRef.current = element;
      onElement(element);
    },
    [onElement],
  );

  useLayoutEffect(() => {
    const box = listRef.current;
    if (!box) return;
    const first = messages[0]?.id ?? '';
    const last = messages[messages.length - 1]?.id ?? '';
    const before = edges.current;
    if (before.first && first !== before.first && last === before.last) {
      box.scrollTop += box.scrollHeight - before.height; // older messages came in above
    } else if (last !== before.last) {
      const nearBottom = box.scrollHeight - box.clientHeight - box.scrollTop < 160 + (box.lastElementChild?.clientHeight ?? 0);
      if (!before.last || nearBottom || messages[messages.length - 1]?.sender.id === myId) box.scrollTop = box.scrollHeight;
    }
    edges.current = { first, last, height: box.scrollHeight };
  }, [messages, myId]);

  return (
    <Box
      ref={attach}
      className="chat-history"
      tabIndex={0}
      role="region"
      aria-label={t('chat.history')}
      style={{ overflowY: 'auto', maxHeight: 'min(60vh, 560px)', minHeight: 160 }}
      p="xs"
    >
      {hasOlder ? (
        <Center mb="xs">
          <Button variant="subtle" size="compact-sm" onClick={onLoadOlder} loading={loadingOlder}>
            {t('chat.loadOlder')}
          </Button>
        </Center>
      ) : null}
      {messages.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('chat.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" className="plain-list" m={0} p={0}>
          {messages.map((m) => {
            const mine = m.sender.id === myId;
            const flag = flags?.get(m.id);
            return (
              <Box component="li" key={m.id} className={mine ? 'chat-message chat-message-mine' : 'chat-message'} data-testid="chat-message">
                <Group gap={6} justify="space-between" wrap="nowrap" mb={2}>
                  <Text size="sm" fw={600}>
                    {mine ? t('chat.you') : m.sender.name}
                  </Text>
                  <Text size="xs" c="dimmed" component="time" dateTime={m.created_at}>
                    {time.time(m.created_at)}
                  </Text>
                </Group>
                {m.body ? <LinkifiedText text={m.body} /> : null}
                <MessageAttachments conversationId={m.conversation_id} attachments={m.attachments ?? []} />
                {flag ? (
                  <Badge mt={4} color={flag === 'moderate' ? 'yellow' : 'red'} variant={flag === 'crisis' ? 'filled' : 'light'}>
                    {t('chat.flagged', { level: t(`cases.risk.${flag}`) })}
                  </Badge>
                ) : null}
                {m.id === seenId ? (
                  <Text size="xs" c="dimmed" ta="right" mt={2}>
                    {t('chat.seen')}
                  </Text>
                ) : null}
              </Box>
            );
          })}
        </Stack>
      )}
    </Box>
  );
}
