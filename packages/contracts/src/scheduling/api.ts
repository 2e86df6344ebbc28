import { z } from 'zod';
import { isTimeZone } from './zoned-time';

export const ianaZone = z.string().refine(isTimeZone, 'Use an IANA time zone such as Europe/Kyiv');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM');
const window = z.object({ start: clock, end: clock }).refine((w) => w.start < w.end, 'A window ends after it starts');

export const availabilityBody = z
  .object({
    timezone: ianaZone,
    buffer_before_minutes: z.number().int().min(0).max(240).default(0),
    buffer_after_minutes: z.number().int().min(0).max(240).default(10),
    min_notice_minutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30)
      .default(720),
    horizon_days: z.number().int().min(1).max(365).default(60),
    step_minutes: z.number().int().min(5).max(240).default(60),
    rules: z.array(z.object({ weekday: z.number().int().min(1).max(7) }).and(window)).max(70),
    /** Dates that replace the weekly rules; no windows = a day off. */
    overrides: z
      .array(z.object({ date: z.iso.date(), windows: z.array(window).max(10) }))
      .max(366)
      .default([]),
  })
  .strict();
export type AvailabilityBody = z.infer<typeof availabilityBody>;
export const availability = availabilityBody.safeExtend({ specialist_id: z.uuid(), specialist_name: z.string() });

export const sessionTypeBody = z
  .object({
    name: z.string().trim().min(2).max(120),
    duration_minutes: z.number().int().min(10).max(480),
    price_minor: z.number().int().min(0).max(100_000_000).default(0),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as UAH'),
    modality: z.enum(['video', 'audio', 'in_person', 'messaging']),
  })
  .strict();
export const sessionType = sessionTypeBody.safeExtend({ id: z.uuid(), specialist_id: z.uuid(), active: z.boolean() });

export const slotsQuery = z
  .object({
    specialist_id: z.uuid(),
    session_type_id: z.uuid(),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    /** The viewer's zone, for `local` labels; defaults to the specialist's. */
    timezone: ianaZone.optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, { message: 'Ask for at most 62 days at a time', path: ['to'] });
export const slot = z.object({ start: z.iso.datetime(), end: z.iso.datetime(), local_start: z.string(), timezone: z.string() });

export const bookBody = z
  .object({
    specialist_id: z.uuid(),
    session_type_id: z.uuid(),
    starts_at: z.iso.datetime({ offset: true }),
    /** When a specialist or admin books for a client. */
    client_user_id: z.uuid().optional(),
    case_id: z.uuid().optional(),
  })
  .strict();

/** `POST /api/v1/sessions`: a specialist (or org admin) books a session for a client of their caseload. */
export const sessionBookBody = bookBody.safeExtend({ client_user_id: z.uuid() }).strict();
export const appointment = z.object({
  id: z.uuid(),
  specialist_id: z.uuid(),
  client_id: z.uuid(),
  case_id: z.uuid().nullable(),
  session_type: z.object({ id: z.uuid(), name: z.string(), modality: z.string(), duration_minutes: z.number().int() }),
  starts_at: z.iso.datetime(),
  ends_at: z.iso.datetime(),
  status: z.enum(['scheduled', 'in_progress', 'completed', 'cancelled', 'no_show']),
  late_cancellation: z.boolean(),
  /** Moved inside the late-cancellation window: the same fee applies. */
  late_reschedule: z.boolean(),
  series_id: z.uuid().nullable(),
  created_at: z.iso.datetime(),
  /** In lists for the calendar: who the session is with. */
  client_name: z.string().optional(),
  specialist_name: z.string().optional(),
});
export type Appointment = z.infer<typeof appointment>;
export const cancelBody = z
  .object({
    reason: z.string().trim().max(500).optional(),
    /** For an occurrence of a series: `following` also cancels every later occurrence. */
    scope: z.enum(['occurrence', 'following']).default('occurrence'),
  })
  .strict();
export const rescheduleBody = z.object({ starts_at: z.iso.datetime({ offset: true }) }).strict();

export const seriesBody = bookBody
  .safeExtend({
    /** RFC 5545 RRULE, FREQ=WEEKLY subset: `FREQ=WEEKLY;INTERVAL=2;COUNT=8` or `FREQ=WEEKLY;UNTIL=20261231`. */
    rrule: z.string().trim().min(1).max(200),
  })
  .strict();
export const series = z.object({
  id: z.uuid(),
  rrule: z.string(),
  timezone: z.string(),
  appointments: z.array(appointment),
});

/** The specialist's secret iCalendar feed address; whoever holds it reads their calendar. */
export const calendarFeed = z.object({ url: z.string() });
export type CalendarFeed = z.infer<typeof calendarFeed>;
