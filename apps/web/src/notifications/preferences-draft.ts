import type { NotificationCategory, NotificationChannel, NotificationPreferences, UpdateNotificationPreferences } from '@tend/contracts';

export type ChannelChoices = Record<NotificationCategory, Record<NotificationChannel, { enabled: boolean; locked: boolean }>>;
/** Quiet hours as the form holds them: empty times mean none. */
export type QuietHoursDraft = { starts_at: string; ends_at: string; timezone: string };
export type PreferencesDraft = { channels: ChannelChoices; quietHours: QuietHoursDraft };

export function draftOf(preferences: NotificationPreferences, defaultTimeZone: string): PreferencesDraft {
  const channels = {} as ChannelChoices;
  for (const { category, channel, enabled, locked } of preferences.channels) {
    channels[category] = { ...channels[category], [channel]: { enabled, locked } };
  }
  const quiet = preferences.quiet_hours;
  return { channels, quietHours: quiet ? { ...quiet } : { starts_at: '', ends_at: '', timezone: defaultTimeZone } };
}

/** Half a window (a start without an end) cannot be saved; the form says so before asking the server. */
export const quietHoursIncomplete = (quiet: QuietHoursDraft): boolean => (quiet.starts_at === '') !== (quiet.ends_at === '');

/** The whole choice, as PUT takes it: every changeable channel, and quiet hours set or cleared. */
export function changeOf(draft: PreferencesDraft): UpdateNotificationPreferences {
  const channels = Object.entries(draft.channels).flatMap(([category, byChannel]) =>
    Object.entries(byChannel)
      .filter(([, choice]) => !choice.locked)
      .map(([channel, choice]) => ({ category: category as NotificationCategory, channel: channel as NotificationChannel, enabled: choice.enabled })),
  );
  const { starts_at, ends_at, timezone } = draft.quietHours;
  return { channels, quiet_hours: starts_at && ends_at ? { starts_at, ends_at, timezone } : null };
}

/** SMS chosen for something while the account has no number to send it to. */
export const smsWithoutPhone = (channels: ChannelChoices, phone: string | null): boolean =>
  !phone && Object.values(channels).some((byChannel) => byChannel.sms.enabled);
