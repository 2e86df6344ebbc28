import type { Appointment, HomeworkDto, NoteDto, SessionAfterDto, SessionFeedbackDto } from '@tend/contracts';
import { api } from '../../api/client';

export type HomeworkInput = { title: string; instructions?: string | undefined; due_date?: string | undefined };
export type FeedbackInput = { helpful: number; heard: number; comment?: string | undefined };
export type FreeSlot = { start: string; end: string; local_start: string; timezone: string };
export type BookInput = { specialist_id: string; session_type_id: string; starts_at: string; client_user_id: string; case_id?: string | undefined };

export const afterApi = {
  after: (sessionId: string) => api.get<SessionAfterDto>(`/api/v1/sessions/${sessionId}/after`),
  startNote: (sessionId: string) => api.post<NoteDto>(`/api/v1/sessions/${sessionId}/note`),
  assignHomework: (sessionId: string, body: HomeworkInput) => api.post<HomeworkDto>(`/api/v1/sessions/${sessionId}/homework`, body),
  slots: (query: { specialist_id: string; session_type_id: string; from: string; to: string; timezone: string }) =>
    api.get<FreeSlot[]>('/api/v1/scheduling/slots', query),
  book: (body: BookInput) => api.post<Appointment>('/api/v1/scheduling/book', body),
  feedback: (sessionId: string) => api.get<{ status: string; feedback: SessionFeedbackDto | null }>(`/api/v1/sessions/${sessionId}/feedback`),
  giveFeedback: (sessionId: string, body: FeedbackInput) => api.post<SessionFeedbackDto>(`/api/v1/sessions/${sessionId}/feedback`, body),
  caseFeedback: (caseId: string) => api.get<SessionFeedbackDto[]>(`/api/v1/cases/${caseId}/session-feedback`),
  myHomework: () => api.get<HomeworkDto[]>('/api/v1/homework'),
  setDone: (homeworkId: string, done: boolean) => api.post<HomeworkDto>(`/api/v1/homework/${homeworkId}/done`, { done }),
};
