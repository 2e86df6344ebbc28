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

export const notificationCategories = ['crisis', 'sessions', 'messages', 'care'] as const;
export const notificationChannels = ['email', 'sms', 'push'] as const;
export type NotificationCategory = (typeof notificationCategories)[number];
export type NotificationChannel = (typeof notificationChannels)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM');
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

export const quietHours = z
  .object({ starts_at: clock, ends_at: clock, timezone: timeZone })
  .refine((q) => q.starts_at !== q.ends_at, { message: 'quiet hours must start and end at different times', path: ['ends_at'] });

export const channelChoice = z.object({
  category: z.enum(notificationCategories),
  channel: z.enum(notificationChannels),
  enabled: z.boolean(),
});
export const notificationPreferences = z.object({
  /** One entry per category and outside channel; in-app is always on. */
  channels: z.array(channelChoice.extend({ locked: z.boolean() })),
  quiet_hours: quietHours.nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;
export const updateNotificationPreferences = z.object({
  channels: z
    .array(channelChoice)
    .max(notificationCategories.length * notificationChannels.length)
    .optional(),
  quiet_hours: quietHours.nullable().optional(),
});
export type UpdateNotificationPreferences = z.infer<typeof updateNotificationPreferences>;

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url')
    .refine((s) => Math.floor((s.replace(/=+$/, '').length * 3) / 4) === bytes, `must decode to ${bytes} bytes`);
export const pushSubscription = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2048),
  keys: z.object({ p256dh: base64url(65), auth: base64url(16) }),
});
export type PushSubscriptionBody = z.infer<typeof pushSubscription>;
export const pushKey = z.object({ public_key: z.string() });
export const pushSubscriptionCreated = z.object({ id: z.uuid() });

export const delivery = z.object({
  id: z.uuid(),
  notification_id: z.uuid(),
  channel: z.enum(notificationChannels),
  category: z.enum(notificationCategories),
  status: z.enum(['queued', 'sending', 'sent', 'captured', 'skipped', 'failed']),
  attempts: z.number().int(),
  detail: z.string().nullable(),
  not_before: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  sent_at: z.iso.datetime().nullable(),
});
export type Delivery = z.infer<typeof delivery>;
export const deliveriesQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});
