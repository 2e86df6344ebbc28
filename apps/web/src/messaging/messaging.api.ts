import { api } from '../api/client';
import type { CrisisResources } from '../crisis/crisis.api';

export type ChatMessage = { id: string; conversation_id: string; sender: { id: string; name: string }; body: string; created_at: string };
export type SentMessage = ChatMessage & { support: CrisisResources | null };
export type Participant = { id: string; name: string; last_read_at: string | null };
export type Conversation = { id: string; kind: 'case' | 'direct'; case_id: string | null; participants: Participant[] };
export type ReadReceipt = { conversation_id: string; user_id: string; at: string };
export type TypingEvent = { conversation_id: string; user_id: string; name: string };

/** Messages per page of history; a shorter page means there is nothing older. */
export const messagePageSize = 30;
/** The server's limit on one message. */
export const maxMessageLength = 10_000;

export const messagingApi = {
  openForCase: (caseId: string) => api.post<{ id: string; case_id: string }>(`/api/v1/cases/${caseId}/conversation`),
  get: (conversationId: string) => api.get<Conversation>(`/api/v1/conversations/${conversationId}`),
  history: (conversationId: string, before?: string) =>
    api.get<ChatMessage[]>(`/api/v1/conversations/${conversationId}/messages`, { before, limit: messagePageSize }),
  send: (conversationId: string, body: string) => api.post<SentMessage>(`/api/v1/conversations/${conversationId}/messages`, { body }),
  read: (conversationId: string) => api.post<{ ok: true }>(`/api/v1/conversations/${conversationId}/read`),
};
