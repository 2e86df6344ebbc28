import { z } from 'zod';

/** One access to a person's record by someone else, for "who viewed my record". */
export const recordAccessEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  org: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The name shows when the viewer may know it (their care team); otherwise the role in that practice. */
  actor: z.object({ id: z.uuid(), name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  action: z.string(),
  resource_type: z.string(),
  purpose: z.string(),
});
export type RecordAccessEntry = z.infer<typeof recordAccessEntry>;
