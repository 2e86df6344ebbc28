import {
  type Attachment,
  type CaseResponseTarget,
  type ChatMessage,
  type Conversation,
  type ConversationKind,
  type ConversationLeft,
  type ConversationSummary,
  MAX_ATTACHMENTS,
  type ResponseTimes,
  type StartConversation,
  type WaitingThread,
} from '@tend/contracts';
import { api } from '../api/client';
import type { CrisisResources } from '../crisis/crisis.api';
import { uploadFile } from '../files/files.api';

export type { Attachment, CaseResponseTarget, ChatMessage, Conversation, ConversationKind, ConversationSummary, Participant } from '@tend/contracts';
export type SentMessage = ChatMessage & { support: CrisisResources | null };
/** Someone taken out of a conversation, or its people changed (live events). */
export type MembershipEvent = { conversation_id: string; user_id: string };
export type { ResponseFigures, ResponseTimes, StartConversation, WaitingThread } from '@tend/contracts';
export type ReadReceipt = { conversation_id: string; user_id: string; at: string };
export type TypingEvent = { conversation_id: string; user_id: string; name: string };

/** Messages per page of history; a shorter page means there is nothing older. */
export const messagePageSize = 30;
/** Files one message may carry. */
export const maxAttachments = MAX_ATTACHMENTS;
/** The server's limit on one message. */
export const maxMessageLength = 10_000;

export const messagingApi = {
  openForCase: (caseId: string) => api.post<{ id: string; case_id: string }>(`/api/v1/cases/${caseId}/conversation`),
  get: (conversationId: string) => api.get<Conversation>(`/api/v1/conversations/${conversationId}`),
  history: (conversationId: string, before?: string) =>
    api.get<ChatMessage[]>(`/api/v1/conversations/${conversationId}/messages`, { before, limit: messagePageSize }),
  send: (conversationId: string, body: string, attachmentIds: string[] = []) =>
    api.post<SentMessage>(`/api/v1/conversations/${conversationId}/messages`, { body, attachment_ids: attachmentIds }),
  attach: (conversationId: string, file: File, onProgress: (fraction: number) => void) =>
    uploadFile<Attachment>(`/api/v1/conversations/${conversationId}/attachments`, file, {}, onProgress),
  attachmentLink: (conversationId: string, attachmentId: string) =>
    api.post<{ url: string; expires_at: string }>(`/api/v1/conversations/${conversationId}/attachments/${attachmentId}/link`),
  mine: () => api.get<ConversationSummary[]>('/api/v1/conversations'),
  start: (input: StartConversation) => api.post<{ id: string; kind: ConversationKind; created: boolean }>('/api/v1/conversations', input),
  waiting: () => api.get<WaitingThread[]>('/api/v1/messaging/waiting'),
  responseTimes: () => api.get<ResponseTimes>('/api/v1/messaging/response-times'),
  setResponseTarget: (hours: number) => api.put<{ target_hours: number }>('/api/v1/messaging/response-target', { target_hours: hours }),
  addPeople: (conversationId: string, userIds: string[]) =>
    api.post<{ added: string[] }>(`/api/v1/conversations/${conversationId}/participants`, { user_ids: userIds }),
  removePerson: (conversationId: string, userId: string) => api.delete<{ removed: string }>(`/api/v1/conversations/${conversationId}/participants/${userId}`),
  leave: (conversationId: string) => api.post<ConversationLeft>(`/api/v1/conversations/${conversationId}/leave`),
  caseResponseTarget: (caseId: string) => api.get<CaseResponseTarget>(`/api/v1/cases/${caseId}/response-target`),
  setCaseResponseTarget: (caseId: string, input: { messaging_only: boolean; target_hours: number | null }) =>
    api.put<Omit<CaseResponseTarget, 'org_target_hours' | 'booked_messaging_sessions'>>(`/api/v1/cases/${caseId}/response-target`, input),
  read: (conversationId: string) => api.post<{ ok: true }>(`/api/v1/conversations/${conversationId}/read`),
};
