import { type InfiniteData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { queryKeys } from '../api/query-keys';
import { useRealtimeEvent, useRealtimeSocket } from '../shell/realtime-socket';
import { type ChatMessage, type Conversation, messagePageSize, messagingApi, type ReadReceipt, type TypingEvent } from './messaging.api';

type Pages = InfiniteData<ChatMessage[], string | undefined>;

/** Adds a message to the newest page of the history unless it is already there. */
export function addMessage(data: Pages | undefined, message: ChatMessage): Pages | undefined {
  if (!data || data.pages.some((page) => page.some((m) => m.id === message.id))) return data;
  const [newest = [], ...older] = data.pages;
  return { ...data, pages: [[message, ...newest], ...older] };
}

/**
 * A conversation's history (newest page first, older pages on demand) kept live from the socket: new
 * messages, read receipts and typing. Messages come back oldest first for display.
 */
export function useChat(conversationId: string, myId: string) {
  const queryClient = useQueryClient();
  const conversation = useQuery({ queryKey: queryKeys.conversation(conversationId), queryFn: () => messagingApi.get(conversationId) });
  const history = useInfiniteQuery({
    queryKey: queryKeys.conversationMessages(conversationId),
    queryFn: ({ pageParam }) => messagingApi.history(conversationId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length < messagePageSize ? undefined : last[last.length - 1]?.created_at),
    // Live events keep it current; a refetch would drop the older pages the person loaded.
    staleTime: Infinity,
  });
  const messages = useMemo(() => {
    const seen = new Set<string>();
    return (history.data?.pages.flat() ?? []).filter((m) => !seen.has(m.id) && seen.add(m.id)).reverse();
  }, [history.data]);

  const typing = useTypingFrom(conversationId);
  const [incoming, setIncoming] = useState<ChatMessage | null>(null);
  useRealtimeEvent<ChatMessage>('message', (message) => {
    if (message.conversation_id !== conversationId) return;
    queryClient.setQueryData<Pages>(queryKeys.conversationMessages(conversationId), (data) => addMessage(data, message));
    typing.stopped(message.sender.id);
    if (message.sender.id !== myId) setIncoming(message);
  });
  useRealtimeEvent<ReadReceipt>('message.read', (receipt) => {
    if (receipt.conversation_id !== conversationId) return;
    queryClient.setQueryData<Conversation>(queryKeys.conversation(conversationId), (data) => withReadAt(data, receipt.user_id, receipt.at));
  });
  // After a reconnect, events may have been missed (messages, read receipts): fetch the newest page and the
  // participants' read marks again.
  const socket = useRealtimeSocket();
  useEffect(() => {
    if (!socket) return;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversationMessages(conversationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId), exact: true });
    };
    socket.on('connect', refresh);
    return () => {
      socket.off('connect', refresh);
    };
  }, [socket, queryClient, conversationId]);

  const added = useCallback(
    (message: ChatMessage) => queryClient.setQueryData<Pages>(queryKeys.conversationMessages(conversationId), (data) => addMessage(data, message)),
    [queryClient, conversationId],
  );
  return { conversation, history, messages, typing: typing.names, incoming, added };
}

export function withReadAt(data: Conversation | undefined, userId: string, at: string): Conversation | undefined {
  if (!data) return data;
  return {
    ...data,
    participants: data.participants.map((p) => (p.id === userId && (!p.last_read_at || p.last_read_at < at) ? { ...p, last_read_at: at } : p)),
  };
}

/** How long "… is typing" stays without a fresh event (the sender repeats every 2 s). */
const TYPING_SHOWN_MS = 5000;

/** Who is typing in this conversation now, from `chat.typing` events. */
function useTypingFrom(conversationId: string) {
  const [typists, setTypists] = useState<Record<string, string>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const stopped = useCallback((userId: string) => {
    clearTimeout(timers.current.get(userId));
    timers.current.delete(userId);
    setTypists((current) => {
      if (!(userId in current)) return current;
      const next = { ...current };
      delete next[userId];
      return next;
    });
  }, []);
  useRealtimeEvent<TypingEvent>('chat.typing', (event) => {
    if (event.conversation_id !== conversationId) return;
    setTypists((current) => (current[event.user_id] === event.name ? current : { ...current, [event.user_id]: event.name }));
    clearTimeout(timers.current.get(event.user_id));
    timers.current.set(
      event.user_id,
      setTimeout(() => stopped(event.user_id), TYPING_SHOWN_MS),
    );
  });
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);
  return { names: Object.values(typists), stopped };
}

/** Tells the others "I am typing", at most every 2 s (the server throttles the same way). */
export function useTypingSignal(conversationId: string): () => void {
  const socket = useRealtimeSocket();
  const last = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (!socket || now - last.current < 2000) return;
    last.current = now;
    socket.emit('chat.typing', { conversation_id: conversationId });
  }, [socket, conversationId]);
}
