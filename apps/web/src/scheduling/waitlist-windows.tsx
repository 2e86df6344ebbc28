import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WaitlistWindow } from './scheduling.api';

/** "Mon, Wed 09:00–18:00" — the days and hours a person on the waitlist can come, in the specialist's zone. */
export function WaitlistWindows({ windows }: { windows: WaitlistWindow[] }) {
  const { t } = useTranslation();
  if (windows.length === 0) return <Text size="sm">{t('scheduling.waitlist.anyTime')}</Text>;
  const byHours = new Map<string, number[]>();
  for (const w of windows) byHours.set(`${w.start}–${w.end}`, [...(byHours.get(`${w.start}–${w.end}`) ?? []), w.weekday]);
  const text = [...byHours].map(([hours, days]) => `${days.map((d) => t(`scheduling.weekday.${d}` as 'scheduling.weekday.1')).join(', ')} ${hours}`).join('; ');
  return <Text size="sm">{t('scheduling.waitlist.when', { text })}</Text>;
}
