import { z } from 'zod';

/** Metadata carried by every successful response. */
export const responseMeta = z.object({
  request_id: z.string(),
  page: z.number().int().optional(),
  per_page: z.number().int().optional(),
  total: z.number().int().optional(),
  /** Counting stopped at a cap: there are more than `total` rows (long lists such as the audit log). */
  total_capped: z.literal(true).optional(),
});
export type ResponseMeta = z.infer<typeof responseMeta>;

/** Wraps a data schema in the success envelope `{ success: true, data, meta }`. */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ success: z.literal(true), data, meta: responseMeta });

export const errorBody = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    request_id: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const uuidParam = z.object({ id: z.uuid() });
export const emptyObject = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
