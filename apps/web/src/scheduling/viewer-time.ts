import { useTranslation } from 'react-i18next';

/** The zone this browser is in: every time on the scheduling pages is shown in it, and named. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone's name for people: some browsers still answer with the pre-2022 alias of Kyiv. */
export const zoneName = (zone: string) => (zone === 'Europe/Kiev' ? 'Europe/Kyiv' : zone);

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDay(iso: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export type ViewerTime = {
  /** The browser's own zone, for Intl and the API. */
  zone: string;
  /** The same, named for people ("Europe/Kyiv"). */
  zoneName: string;
  /** "Mon, 30 Nov" */
  day: (iso: string) => string;
  /** "14:00" */
  time: (iso: string) => string;
  /** "Mon, 30 Nov 2026, 14:00 EET" */
  dateTime: (iso: string) => string;
  /** "14:00–14:50" */
  range: (startIso: string, endIso: string) => string;
};

/** Formats in the UI language and the viewer's own zone (not the practice's): a client abroad sees their own clock. */
export function useViewerTime(): ViewerTime {
  const { i18n } = useTranslation();
  const zone = viewerZone();
  const locale = i18n.language;
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  });
  return {
    zone,
    zoneName: zoneName(zone),
    day: (iso) => day.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    range: (a, b) => `${time.format(new Date(a))}–${time.format(new Date(b))}`,
  };
}

/** A price in minor units, in the UI language: "1 200,00 ₴". */
export function formatPrice(locale: string, minor: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
}
