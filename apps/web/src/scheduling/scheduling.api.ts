import type { Appointment, AvailabilityBody, CaseDto } from '@tend/contracts';
import { api } from '../api/client';

export type Modality = 'video' | 'audio' | 'in_person' | 'messaging';
export type SessionType = {
  id: string;
  specialist_id: string;
  name: string;
  duration_minutes: number;
  price_minor: number;
  currency: string;
  modality: Modality;
  active: boolean;
};
export type NewSessionType = Omit<SessionType, 'id' | 'specialist_id' | 'active'>;
export type Slot = { start: string; end: string; local_start: string; timezone: string };
export type Availability = AvailabilityBody & { specialist_id: string; specialist_name: string };
export type { Appointment };

export const schedulingApi = {
  availability: (specialistId: string) => api.get<Availability>('/api/v1/scheduling/availability', { specialist_id: specialistId }),
  setAvailability: (body: AvailabilityBody) => api.put<{ ok: true }>('/api/v1/scheduling/availability', body),
  sessionTypes: (specialistId: string) => api.get<SessionType[]>('/api/v1/scheduling/session-types', { specialist_id: specialistId }),
  createSessionType: (body: NewSessionType) => api.post<SessionType>('/api/v1/scheduling/session-types', body),
  slots: (q: { specialistId: string; sessionTypeId: string; from: string; to: string; timezone: string }) =>
    api.get<Slot[]>('/api/v1/scheduling/slots', {
      specialist_id: q.specialistId,
      session_type_id: q.sessionTypeId,
      from: q.from,
      to: q.to,
      timezone: q.timezone,
    }),
  /** A specialist books for a client of their caseload (`POST /api/v1/sessions`). */
  bookForClient: (body: { specialist_id: string; session_type_id: string; starts_at: string; client_user_id: string }) =>
    api.post<Appointment>('/api/v1/sessions', body),
  /** The open cases I lead or am granted, for the client picker (the first 100 by last update). */
  openCases: () => api.page<CaseDto>('/api/v1/cases', { sort: 'updated', page: 1, per_page: 100 }),
  book: (body: { specialist_id: string; session_type_id: string; starts_at: string }) => api.post<Appointment>('/api/v1/scheduling/book', body),
  appointments: (from: string, to: string) => api.get<Appointment[]>('/api/v1/scheduling/appointments', { from, to }),
  cancel: (id: string, reason?: string) => api.post<Appointment>(`/api/v1/scheduling/appointments/${id}/cancel`, reason ? { reason } : {}),
  reschedule: (id: string, startsAt: string) => api.post<Appointment>(`/api/v1/scheduling/appointments/${id}/reschedule`, { starts_at: startsAt }),
  noShow: (id: string) => api.post<{ session_id: string; status: string }>(`/api/v1/sessions/${id}/no-show`),
};
