import type { FormAnswers, FormAssignment, FormField } from '@tend/contracts';
import { api } from '../api/client';

export type IntakeForm = { id: string; title: string; description: string | null; fields: FormField[]; created_at: string };
export type NewForm = { title: string; description?: string; fields: FormField[] };

export const formsApi = {
  list: () => api.get<IntakeForm[]>('/api/v1/forms'),
  create: (body: NewForm) => api.post<IntakeForm>('/api/v1/forms', body),
  forCase: (caseId: string) => api.get<FormAssignment[]>(`/api/v1/cases/${caseId}/forms`),
  send: (caseId: string, formId: string) => api.post<FormAssignment>(`/api/v1/cases/${caseId}/forms`, { form_id: formId }),
  cancel: (caseId: string, assignmentId: string) => api.post<FormAssignment>(`/api/v1/cases/${caseId}/forms/${assignmentId}/cancel`),
  mine: (all: boolean) => api.get<FormAssignment[]>('/api/v1/my/forms', all ? { all: 'true' } : undefined),
  assignment: (assignmentId: string) => api.get<FormAssignment>(`/api/v1/form-assignments/${assignmentId}`),
  save: (assignmentId: string, answers: FormAnswers) => api.patch<FormAssignment>(`/api/v1/form-assignments/${assignmentId}`, { answers }),
  submit: (assignmentId: string, answers: FormAnswers, signatureName?: string) =>
    api.post<FormAssignment>(`/api/v1/form-assignments/${assignmentId}/submit`, { answers, signature_name: signatureName }),
};
