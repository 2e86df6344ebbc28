import { api } from '../api/client';
import type { CrisisResources } from '../crisis/crisis.api';
import { uploadFile } from '../files/files.api';

export type Attachment = { id: string; filename: string; size: number; mime_type: string };
export type ChatMessage = {
  id: string;
  conversation_id: string;
  sender: { id: string; name: string };
  body: string;
  attachments: Attachment[];
  created_at: string;
};
export type SentMessage = ChatMessage & { support: CrisisResources | null };
export type Participant = { id: string; name: string; last_read_at: string | null };
export type ConversationKind = 'case' | 'direct' | 'program';
export type Conversation = {
  id: string;
  kind: ConversationKind;
  case_id: string | null;
  title: string | null;
  /** Whoever started it: in a program chat, the one who adds and removes people. */
  created_by: string;
  participants: Participant[];
};
/** A case's written-therapy settings: marked messaging-only, its own reply target (null: the practice's). */
export type CaseResponseTarget = {
  case_id: string;
  messaging_only: boolean;
  target_hours: number | null;
  org_target_hours: number;
  effective_target_hours: number;
  booked_messaging_sessions: boolean;
};
/** Someone taken out of a conversation, or its people changed (live events). */
export type MembershipEvent = { conversation_id: string; user_id: string };
/** A row of my conversation list: the others in it, what I have not read yet, and when it last moved. */
export type ConversationSummary = {
  id: string;
  kind: ConversationKind;
  case_id: string | null;
  title: string | null;
  participants: { id: string; name: string }[];
  unread: number;
  last_read_at: string | null;
  last_message_at: string | null;
};
/** A thread of asynchronous therapy waiting for a reply, with when it is due. */
export type WaitingThread = {
  conversation_id: string;
  case_id: string;
  client: { id: string; name: string };
  target_hours: number;
  waiting_since: string;
  due_at: string;
  overdue: boolean;
};
export type ResponseFigures = {
  threads: number;
  answered: number;
  median_first_response_seconds: number | null;
  p90_first_response_seconds: number | null;
  within_target_share: number | null;
};
export type ResponseTimes = {
  from: string;
  to: string;
  target_hours: number;
  overall: ResponseFigures;
  specialists: (ResponseFigures & { specialist: { id: string; name: string } })[];
};
export type StartConversation = { kind: 'direct'; with_user_id: string } | { kind: 'program'; title: string; participant_ids: string[] };
export type ReadReceipt = { conversation_id: string; user_id: string; at: string };
export type TypingEvent = { conversation_id: string; user_id: string; name: string };

/** Messages per page of history; a shorter page means there is nothing older. */
export const messagePageSize = 30;
/** Files one message may carry. */
export const maxAttachments = 5;
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
  caseResponseTarget: (caseId: string) => api.get<CaseResponseTarget>(`/api/v1/cases/${caseId}/response-target`),
  setCaseResponseTarget: (caseId: string, input: { messaging_only: boolean; target_hours: number | null }) =>
    api.put<Omit<CaseResponseTarget, 'org_target_hours' | 'booked_messaging_sessions'>>(`/api/v1/cases/${caseId}/response-target`, input),
  read: (conversationId: string) => api.post<{ ok: true }>(`/api/v1/conversations/${conversationId}/read`),
};
