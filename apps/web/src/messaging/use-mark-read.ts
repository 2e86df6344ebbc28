import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../api/query-keys';
import type { ChatMessage, Conversation } from './messaging.api';
import { messagingApi } from './messaging.api';
import { withReadAt } from './use-chat';

/** True while the element is on screen and the tab is in front. */
function useVisible(ref: React.RefObject<HTMLElement | null>): boolean {
  const [onScreen, setOnScreen] = useState(false);
  const [tabVisible, setTabVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(Boolean(entry?.isIntersecting)), { threshold: 0.1 });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  useEffect(() => {
    const update = () => setTabVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return onScreen && tabVisible;
}

/**
 * Sends a read receipt when the conversation is in view and holds a message from someone else newer
 * than what I last read — once per newest message, so a clock difference cannot loop.
 */
export function useMarkRead(
  conversationId: string,
  myId: string,
  messages: ChatMessage[],
  conversation: Conversation | undefined,
  ref: React.RefObject<HTMLElement | null>,
) {
  const queryClient = useQueryClient();
  const visible = useVisible(ref);
  const marked = useRef<string | null>(null);
  const newestOther = [...messages].reverse().find((m) => m.sender.id !== myId);
  const myReadAt = conversation?.participants.find((p) => p.id === myId)?.last_read_at ?? null;
  const unread = Boolean(newestOther && conversation && (!myReadAt || myReadAt < newestOther.created_at));
  useEffect(() => {
    if (!visible || !unread || !newestOther || marked.current === newestOther.id) return;
    marked.current = newestOther.id;
    const at = new Date().toISOString();
    messagingApi.read(conversationId).then(
      () => {
        queryClient.setQueryData<Conversation>(queryKeys.conversation(conversationId), (data) => withReadAt(data, myId, at));
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
      },
      () => {
        marked.current = null; // try again on the next change
      },
    );
  }, [visible, unread, newestOther, conversationId, myId, queryClient]);
}

/** My newest message that another participant has read up to. */
export function seenMessageId(messages: ChatMessage[], myId: string, conversation: Conversation | undefined): string | null {
  const readBy = (conversation?.participants ?? []).filter((p) => p.id !== myId && p.last_read_at).map((p) => p.last_read_at as string);
  if (!readBy.length) return null;
  const furthest = readBy.reduce((a, b) => (a > b ? a : b));
  const mine = messages.filter((m) => m.sender.id === myId && m.created_at <= furthest);
  return mine[mine.length - 1]?.id ?? null;
}
