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

export const dataCategory = z.enum(['clinical_record', 'forms', 'profile']);
export type DataCategory = z.infer<typeof dataCategory>;

export const legalHold = z.object({
  category: dataCategory,
  basis: z.string().trim().min(3).max(300),
  reason: z.string().trim().min(3).max(1000),
  expires_on: z.iso.date(),
});
export type LegalHold = z.infer<typeof legalHold>;

/** A hold the practice should consider, from the client's jurisdictions. The period is the practice's to set. */
export const suggestedHold = z.object({ category: dataCategory, jurisdiction: z.string(), basis: z.string(), verified: z.boolean() });

export const erasureRequest = z.object({
  id: z.uuid(),
  client: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(['requested', 'approved', 'rejected', 'completed']),
  reason: z.string().nullable(),
  requested_at: z.iso.datetime(),
  decided_at: z.iso.datetime().nullable(),
  decision_note: z.string().nullable(),
  completed_at: z.iso.datetime().nullable(),
  holds: z.array(legalHold.extend({ released_at: z.iso.datetime().nullable() })),
  /** For the org admin deciding it. */
  suggested_holds: z.array(suggestedHold),
});
export type ErasureRequest = z.infer<typeof erasureRequest>;

export const requestErasureBody = z.object({ reason: z.string().trim().max(2000).optional() }).strict();
export const decideErasureBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().min(3, 'Explain the decision to the client').max(2000),
    holds: z.array(legalHold).max(3).default([]),
  })
  .strict()
  .refine((b) => b.decision === 'approve' || b.holds.length === 0, 'Holds apply only when approving')
  .refine((b) => new Set(b.holds.map((h) => h.category)).size === b.holds.length, 'One hold per category');
