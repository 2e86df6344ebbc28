/**
 * Wall-clock time in an IANA zone ↔ UTC instants, with nothing but Intl (Node 20 has no Temporal).
 * Daylight-saving rules come from the runtime's time-zone database.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is a zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR = 15 * 60_000;
/** Per zone: a quarter hour (its index since the epoch) → the zone's offset through all of it. */
const quarterOffsets = new Map<string, Map<number, number>>();

/**
 * Minutes the zone is ahead of UTC at `instant` (Kyiv in summer: +180). Asking Intl is the costly part
 * of slot computation, so the answer is kept per quarter hour when the offset is the same at both of
 * its ends; a quarter hour with a clock change inside it is always asked exactly.
 */
export function offsetMinutes(timeZone: string, instant: number): number {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let zone = quarterOffsets.get(timeZone);
  if (!zone) quarterOffsets.set(timeZone, (zone = new Map()));
  const known = zone.get(quarter);
  if (known !== undefined) return known;
  const first = exactOffsetMinutes(timeZone, quarter * QUARTER_HOUR);
  if (first !== exactOffsetMinutes(timeZone, (quarter + 1) * QUARTER_HOUR - 1000)) return exactOffsetMinutes(timeZone, instant);
  if (zone.size >= 100_000) zone.clear();
  zone.set(quarter, first);
  return first;
}

function exactOffsetMinutes(timeZone: string, instant: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time in a zone. A time skipped by a spring-forward change (02:30 on a
 * day the clocks jump 02:00→03:00) moves forward by the gap; a repeated autumn time takes its first
 * occurrence. `date` is YYYY-MM-DD, `minutes` minutes after local midnight.
 */
export function zonedToUtc(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // The zone's offsets a day either side; they differ only when a clock change falls in between.
  const offsets = [...new Set([offsetMinutes(timeZone, naive - 86_400_000), offsetMinutes(timeZone, naive + 86_400_000)])];
  const shows = (instant: number) => instant + offsetMinutes(timeZone, instant) * 60_000 === naive;
  const valid = offsets.map((o) => naive - o * 60_000).filter(shows);
  if (valid.length) return Math.min(...valid); // the first occurrence of a repeated time
  return naive - Math.min(...offsets) * 60_000; // a skipped time: forward by the gap
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + offsetMinutes(timeZone, instant) * 60_000).toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD date: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant as local wall-clock time with its offset, e.g. 2026-03-30T09:00+03:00. */
export function localIso(instant: number, timeZone: string): string {
  const offset = offsetMinutes(timeZone, instant);
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 16);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The same weekday and local wall-clock time one week after `instant` in a zone: across a clock change it keeps the local time, not the 168 hours. */
export function sameTimeNextWeek(instant: number, timeZone: string): number {
  const minutes = Math.round((instant + offsetMinutes(timeZone, instant) * 60_000 - Date.parse(`${localDate(instant, timeZone)}T00:00:00Z`)) / 60_000);
  return zonedToUtc(addDays(localDate(instant, timeZone), 7), minutes, timeZone);
}
