import { useTranslation } from 'react-i18next';

/** Times in the viewer's own zone (where they sit for the call), with the zone named once. */
export function useViewerTime() {
  const { i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  return {
    time: (iso: string) => time.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    zone: time.resolvedOptions().timeZone,
  };
}
