import { useTranslation } from 'react-i18next';

/** Formats ISO timestamps in the UI language and the browser's time zone. */
export function useFormatDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}
