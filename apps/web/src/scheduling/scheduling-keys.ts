/** Query keys of the scheduling pages; a change invalidates `all` (slots and appointments move together). */
export const schedulingKeys = {
  all: ['scheduling'] as const,
  availability: (specialistId: string) => ['scheduling', 'availability', specialistId] as const,
  sessionTypes: (specialistId: string) => ['scheduling', 'session-types', specialistId] as const,
  slots: (specialistId: string, sessionTypeId: string, from: string, zone: string) => ['scheduling', 'slots', specialistId, sessionTypeId, from, zone] as const,
  waitlist: ['scheduling', 'waitlist'] as const,
  calendarFeed: ['scheduling', 'calendar-feed'] as const,
  appointments: (from: string, to: string) => ['scheduling', 'appointments', from, to] as const,
};
