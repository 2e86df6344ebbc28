import { z } from 'zod';

export const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.object({ uk: z.string(), en: z.string() }),
  link: z.string().nullable(),
  data: z.record(z.string(), z.string()),
  urgent: z.boolean(),
  created_at: z.iso.datetime(),
  read_at: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notification>;
export const notificationsQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
  unread: z.enum(['true', 'false']).default('false'),
});
export const unreadCount = z.object({ unread: z.number().int() });
