import { z } from 'zod';

/** Before the session (care team): the last signed note's plan, the goals, open alerts and risk flags. */
export const sessionBrief = z.object({
  session_id: z.uuid(),
  case_id: z.uuid().nullable(),
  last_plan: z.string().nullable(),
  last_note_at: z.iso.datetime().nullable(),
  goals: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  open_alerts: z.number().int(),
  open_flags: z.array(z.object({ id: z.uuid(), level: z.string(), at: z.iso.datetime() })),
});
export type SessionBrief = z.infer<typeof sessionBrief>;
