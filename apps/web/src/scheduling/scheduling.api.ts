import type { Appointment, AvailabilityBody, CalendarFeed, CaseSummary } from '@tend/contracts';
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
export type WaitlistWindow = { weekday: number; start: string; end: string };
export type WaitlistOffer = {
  id: string;
  specialist_id: string;
  session_type_id: string;
  starts_at: string;
  expires_at: string;
  status: 'open' | 'accepted' | 'declined' | 'expired';
};
export type WaitlistEntry = {
  id: string;
  specialist_id: string;
  client_id: string;
  session_type_id: string | null;
  preferred_windows: WaitlistWindow[];
  status: 'waiting' | 'booked' | 'left';
  created_at: string;
  client_name?: string | null;
  specialist_name?: string | null;
  session_type_name?: string | null;
  offer: WaitlistOffer | null;
};
export type SeriesBooking = { id: string; rrule: string; timezone: string; appointments: Appointment[] };

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
  openCases: () => api.page<CaseSummary>('/api/v1/cases', { sort: 'updated', page: 1, per_page: 100 }),
  book: (body: { specialist_id: string; session_type_id: string; starts_at: string }) => api.post<Appointment>('/api/v1/scheduling/book', body),
  appointments: (from: string, to: string) => api.get<Appointment[]>('/api/v1/scheduling/appointments', { from, to }),
  cancel: (id: string, reason?: string, scope: 'occurrence' | 'following' = 'occurrence') =>
    api.post<Appointment>(`/api/v1/scheduling/appointments/${id}/cancel`, { ...(reason ? { reason } : {}), scope }),
  /** A weekly or fortnightly series for a client: every occurrence is booked, or none. */
  bookSeries: (body: { specialist_id: string; session_type_id: string; starts_at: string; client_user_id: string; rrule: string }) =>
    api.post<SeriesBooking>('/api/v1/scheduling/series', body),
  waitlist: () => api.get<WaitlistEntry[]>('/api/v1/scheduling/waitlist'),
  joinWaitlist: (body: { specialist_id: string; session_type_id?: string; preferred_windows: WaitlistWindow[] }) =>
    api.post<WaitlistEntry>('/api/v1/scheduling/waitlist', body),
  leaveWaitlist: (id: string) => api.post<WaitlistEntry>(`/api/v1/scheduling/waitlist/${id}/leave`),
  acceptOffer: (offerId: string) => api.post<Appointment>(`/api/v1/scheduling/waitlist/offers/${offerId}/accept`),
  declineOffer: (offerId: string) => api.post<WaitlistOffer>(`/api/v1/scheduling/waitlist/offers/${offerId}/decline`),
  /** The specialist's secret calendar feed URL (issued on first ask); rotating issues a new one and the old one stops working. */
  calendarFeed: () => api.get<CalendarFeed>('/api/v1/scheduling/calendar-feed'),
  rotateCalendarFeed: () => api.post<CalendarFeed>('/api/v1/scheduling/calendar-feed/rotate'),
  reschedule: (id: string, startsAt: string) => api.post<Appointment>(`/api/v1/scheduling/appointments/${id}/reschedule`, { starts_at: startsAt }),
  noShow: (id: string) => api.post<{ session_id: string; status: string }>(`/api/v1/sessions/${id}/no-show`),
};
