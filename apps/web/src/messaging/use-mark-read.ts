import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../api/query-keys';
import type { ChatMessage, Conversation } from './messaging.api';
import { messagingApi } from './messaging.api';
import { withReadAt } from './use-chat';

/** Whether the element is on screen now, with the tab in front: measured, not remembered. */
function onScreenNow(element: HTMLElement | null): boolean {
  if (!element || document.visibilityState !== 'visible') return false;
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
}

/**
 * Follows whether the element is on screen with the tab in front. It follows the element itself (given by
 * a callback ref), so a list that is rendered again is observed again rather than through a stale node.
 */
function useVisible(element: HTMLElement | null): boolean {
  const [onScreen, setOnScreen] = useState(false);
  const [tabVisible, setTabVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(Boolean(entry?.isIntersecting)), { threshold: 0.1 });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  useEffect(() => {
    const update = () => setTabVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return onScreen && tabVisible;
}

/** How long a failed read receipt waits before it is sent again. */
const RECEIPT_RETRY_MS = 3000;

/**
 * Sends a read receipt when the conversation is in view and holds a message from someone else newer
 * than what I last read — once per newest message, so a clock difference cannot loop. The observer says
 * when the view changes; when a message comes, the list's place on screen is measured as well, so a
 * missed observer report cannot leave a message on screen unread.
 */
export function useMarkRead(conversationId: string, myId: string, messages: ChatMessage[], conversation: Conversation | undefined, list: HTMLElement | null) {
  const queryClient = useQueryClient();
  const visible = useVisible(list);
  const marked = useRef<string | null>(null);
  // A receipt that failed (a dropped connection, a busy server) is tried again a little later.
  const [retry, setRetry] = useState(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(retryTimer.current), []);
  const newestOther = [...messages].reverse().find((m) => m.sender.id !== myId);
  const myReadAt = conversation?.participants.find((p) => p.id === myId)?.last_read_at ?? null;
  const unread = Boolean(newestOther && conversation && (!myReadAt || myReadAt < newestOther.created_at));
  useEffect(() => {
    if (!unread || !newestOther || marked.current === newestOther.id) return;
    if (!visible && !onScreenNow(list)) return;
    marked.current = newestOther.id;
    const at = new Date().toISOString();
    messagingApi.read(conversationId).then(
      () => {
        queryClient.setQueryData<Conversation>(queryKeys.conversation(conversationId), (data) => withReadAt(data, myId, at));
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
      },
      () => {
        marked.current = null;
        retryTimer.current = setTimeout(() => setRetry((n) => n + 1), RECEIPT_RETRY_MS);
      },
    );
  }, [visible, list, unread, newestOther, conversationId, myId, queryClient, retry]);
}

/** My newest message that another participant has read up to. */
export function seenMessageId(messages: ChatMessage[], myId: string, conversation: Conversation | undefined): string | null {
  const readBy = (conversation?.participants ?? []).filter((p) => p.id !== myId && p.last_read_at).map((p) => p.last_read_at as string);
  if (!readBy.length) return null;
  const furthest = readBy.reduce((a, b) => (a > b ? a : b));
  const mine = messages.filter((m) => m.sender.id === myId && m.created_at <= furthest);
  return mine[mine.length - 1]?.id ?? null;
}
