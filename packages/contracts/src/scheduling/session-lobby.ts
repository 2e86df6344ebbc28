import { z } from 'zod';

/** A country (ISO 3166-1 alpha-2) or a country's state or region, such as UA or US-NY. */
export const jurisdictionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'Use a country code such as UA or US-NY');

/** `PUT /api/v1/scheduling/licences`: where a specialist is licensed to practise (the whole list, replaced). */
export const licencesBody = z
  .object({ licences: z.array(z.object({ jurisdiction: jurisdictionCode, licence_number: z.string().trim().max(100).optional() })).max(100) })
  .strict();
export type LicencesBody = z.infer<typeof licencesBody>;

/** `POST /api/v1/sessions/:id/join`: the client enters the waiting room, saying where they are now. */
export const joinSessionBody = z
  .object({ location: jurisdictionCode, device_check: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional() })
  .strict();
export type JoinSessionBody = z.infer<typeof joinSessionBody>;
export const sessionJoined = z.object({ session_id: z.uuid(), status: z.enum(['waiting', 'admitted']) });
export type SessionJoined = z.infer<typeof sessionJoined>;

/** The waiting room as the specialist sees it: who waits, from where, and whether they are licensed there. */
export const waitingRoom = z.object({
  session_id: z.uuid(),
  status: z.string(),
  waiting: z.boolean(),
  client_location: z.string().nullable(),
  licence_warning: z.boolean(),
  /**
   * Whether the client has agreed to sessions by video (the consent engine's answer for this specialist now):
   * `granted`, or why not. It never stops the call; the specialist decides, and only the client gives it.
   */
  telehealth_consent: z.enum(['granted', 'no_grant', 'revoked', 'expired']),
  /** What the client's browser reported before joining, as it sent it. */
  device_check: z.record(z.string(), z.unknown()).nullable(),
  joined_at: z.iso.datetime().nullable(),
});
export type WaitingRoom = z.infer<typeof waitingRoom>;

/** A session moved on by the specialist: admitted, or marked as not attended. */
export const sessionTransition = z.object({ session_id: z.uuid(), status: z.enum(['in_progress', 'completed', 'no_show']) });
export type SessionTransition = z.infer<typeof sessionTransition>;
/** A session ended: its case, and the same time next week to suggest. */
export const sessionEnded = sessionTransition.extend({
  case_id: z.uuid().nullable(),
  next_week: z.object({ starts_at: z.iso.datetime(), session_type_id: z.uuid() }),
});
export type SessionEnded = z.infer<typeof sessionEnded>;
