import { z } from 'zod';

/** `POST /api/v1/selfcare/mood`: how I feel, 0 (worst) to 10 (best), with an optional note. */
export const logMoodBody = z.object({ score: z.number().int().min(0).max(10), note: z.string().trim().max(2000).optional() }).strict();
export type LogMoodBody = z.infer<typeof logMoodBody>;
export const moodEntry = z.object({ id: z.uuid(), score: z.number().int(), note: z.string().nullable(), at: z.iso.datetime() });
export type MoodEntry = z.infer<typeof moodEntry>;
/** The stretch of a mood log to read: from one instant to a later one. */
export const moodRange = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] });
export type MoodRange = z.infer<typeof moodRange>;
