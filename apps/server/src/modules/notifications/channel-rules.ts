import type { NotificationCategory, NotificationChannel } from '@tend/contracts';

export const CATEGORIES: readonly NotificationCategory[] = ['crisis', 'sessions', 'messages', 'care'];
export const CHANNELS: readonly NotificationChannel[] = ['email', 'sms', 'push'];

/**
 * What each category sends when the person has not chosen. Session reminders already arrive by
 * email a day ahead (with the .ics), so their later nudges go to the device only.
 */
const DEFAULTS: Record<NotificationCategory, Record<NotificationChannel, boolean>> = {
  crisis: { email: true, sms: true, push: true },
  sessions: { email: false, sms: false, push: true },
  messages: { email: true, sms: false, push: true },
  care: { email: true, sms: false, push: true },
};

/** Crisis alerts always reach the in-app centre and the inbox; a person may mute only SMS and push for them. */
export const isLocked = (category: NotificationCategory, channel: NotificationChannel): boolean => category === 'crisis' && channel === 'email';

export const defaultFor = (category: NotificationCategory, channel: NotificationChannel): boolean => DEFAULTS[category][channel];

export function categoryOf(kind: string): NotificationCategory {
  const prefix = kind.split('.')[0] ?? '';
  switch (prefix) {
    case 'crisis':
    case 'risk':
      return 'crisis';
    case 'session':
    case 'scheduling':
      return 'sessions';
    case 'message':
    case 'chat':
      return 'messages';
    default:
      return 'care';
  }
}

export type QuietWindow = { startsAt: string; endsAt: string; timezone: string };

const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function localMinutes(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/**
 * When the quiet window that contains `at` ends, or null when `at` is outside it. Windows may cross
 * midnight. On a night the clocks change the end can be an hour off; the notification then waits
 * an hour more or less, which is acceptable for non-crisis mail (crisis ignores quiet hours).
 */
export function quietUntil(at: Date, window: QuietWindow): Date | null {
  const now = localMinutes(at, window.timezone);
  const start = minutesOf(window.startsAt);
  const end = minutesOf(window.endsAt);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const wait = (end - now + 1440) % 1440;
  const until = new Date(at.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}
