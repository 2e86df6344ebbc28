import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM');

export const waitlistJoinBody = z
  .object({
    specialist_id: z.uuid(),
    /** Only this session type; any of the specialist's when absent. */
    session_type_id: z.uuid().optional(),
    /** When the client can come, in the specialist's zone; any time when empty. */
    preferred_windows: z
      .array(z.object({ weekday: z.number().int().min(1).max(7), start: clock, end: clock }).refine((w) => w.start < w.end, 'A window ends after it starts'))
      .max(21)
      .default([]),
  })
  .strict();

export const waitlistOffer = z.object({
  id: z.uuid(),
  specialist_id: z.uuid(),
  session_type_id: z.uuid(),
  starts_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  status: z.enum(['open', 'accepted', 'declined', 'expired']),
  appointment_id: z.uuid().nullable(),
});

export const waitlistEntry = z.object({
  id: z.uuid(),
  specialist_id: z.uuid(),
  client_id: z.uuid(),
  session_type_id: z.uuid().nullable(),
  preferred_windows: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  status: z.enum(['waiting', 'booked', 'left']),
  created_at: z.iso.datetime(),
  /** Names for the lists (null when the reader may not see the person's name); only in `GET /waitlist`. */
  client_name: z.string().nullable().optional(),
  specialist_name: z.string().nullable().optional(),
  session_type_name: z.string().nullable().optional(),
  /** The offer open to this entry now, if any. */
  offer: waitlistOffer.nullable(),
});
