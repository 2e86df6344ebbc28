import type { NoteContent, NoteDto, NoteTemplate, PsychotherapyNote } from '@tend/contracts';
import { api } from '../api/client';
import type { CreateNoteTemplate } from './template-draft';

const notesPath = (caseId: string) => `/api/v1/cases/${caseId}/notes`;
const notePath = (caseId: string, noteId: string) => `${notesPath(caseId)}/${noteId}`;

export const notesApi = {
  templates: () => api.get<NoteTemplate[]>('/api/v1/note-templates'),
  createTemplate: (body: CreateNoteTemplate) => api.post<NoteTemplate>('/api/v1/note-templates', body),
  list: (caseId: string) => api.get<NoteDto[]>(notesPath(caseId)),
  create: (caseId: string, templateId: string) => api.post<NoteDto>(notesPath(caseId), { template_id: templateId }),
  get: (caseId: string, noteId: string) => api.get<NoteDto>(notePath(caseId, noteId)),
  saveDraft: (caseId: string, noteId: string, content: NoteContent) => api.patch<NoteDto>(notePath(caseId, noteId), { content }),
  sign: (caseId: string, noteId: string) => api.post<NoteDto>(`${notePath(caseId, noteId)}/sign`),
  amend: (caseId: string, noteId: string, content: NoteContent, reason: string) => api.post<NoteDto>(`${notePath(caseId, noteId)}/amend`, { content, reason }),
  cosign: (caseId: string, noteId: string) => api.post<NoteDto>(`${notePath(caseId, noteId)}/cosign`),
  psychotherapy: (caseId: string) => api.get<PsychotherapyNote[]>(`/api/v1/cases/${caseId}/psychotherapy-notes`),
  writePsychotherapy: (caseId: string, text: string) => api.post<PsychotherapyNote>(`/api/v1/cases/${caseId}/psychotherapy-notes`, { text }),
};
