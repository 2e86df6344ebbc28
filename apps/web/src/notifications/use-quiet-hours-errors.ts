import { useTranslation } from 'react-i18next';

/** Known server messages in the interface language; anything else in the server's own words. */
const knownMessages: Record<string, 'notificationSettings.quietHours.sameTimes'> = {
  'quiet hours must start and end at different times': 'notificationSettings.quietHours.sameTimes',
};

/** What to show under each quiet-hours field, from the server's 400 or the form's own check. */
export function useQuietHoursErrors(fields: Record<string, string>, incomplete: boolean) {
  const { t } = useTranslation();
  const message = (path: string) => {
    const text = fields[`quiet_hours.${path}`];
    if (!text) return undefined;
    const key = knownMessages[text];
    return key ? t(key) : text;
  };
  return {
    starts_at: message('starts_at'),
    ends_at: incomplete ? t('notificationSettings.quietHours.incomplete') : message('ends_at'),
    timezone: message('timezone'),
  };
}
