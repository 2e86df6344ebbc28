import { addDays, localDate, offsetMinutes, zonedToUtc } from './zoned-time';

/** The most occurrences one series materialises (a year of weekly sessions). */
export const MAX_OCCURRENCES = 52;

/** The FREQ=WEEKLY subset of RFC 5545 Tend books: every `interval` weeks, `count` times or until an instant. */
export type Recurrence = { interval: number; count: number | null; until: number | null };

const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/;

function parseUntil(value: string): number | null {
  const m = UNTIL.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '23', mi = '59', s = '59'] = m;
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return new Date(at).getUTCDate() === Number(d) ? at : null;
}

/** Parses `FREQ=WEEKLY;INTERVAL=2;COUNT=8` (or UNTIL=20261231T235959Z); a reason instead when unsupported. */
export function parseRecurrence(rrule: string): Recurrence | { error: string } {
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value, extra] = part.split('=');
    if (!key || value === undefined || extra !== undefined || parts.has(key.toUpperCase())) return { error: `Malformed rule part "${part}"` };
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY') return { error: freq ? `FREQ=${freq} is not supported; use FREQ=WEEKLY` : 'FREQ is required' };
  const unknown = [...parts.keys()].filter((k) => !['FREQ', 'INTERVAL', 'COUNT', 'UNTIL'].includes(k));
  if (unknown.length) return { error: `Unsupported rule parts: ${unknown.join(', ')}` };
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!/^\d+$/.test(parts.get('INTERVAL') ?? '1') || interval < 1 || interval > 4) return { error: 'INTERVAL must be 1 to 4 weeks' };
  if (parts.has('COUNT') === parts.has('UNTIL')) return { error: 'Give exactly one of COUNT or UNTIL' };
  if (parts.has('COUNT')) {
    const count = Number(parts.get('COUNT'));
    if (!/^\d+$/.test(parts.get('COUNT') ?? '') || count < 1) return { error: 'COUNT must be a positive whole number' };
    if (count > MAX_OCCURRENCES) return { error: `A series has at most ${MAX_OCCURRENCES} occurrences` };
    return { interval, count, until: null };
  }
  const until = parseUntil(parts.get('UNTIL') ?? '');
  if (until === null) return { error: 'UNTIL must look like 20261231 or 20261231T235959Z' };
  return { interval, count: null, until };
}

/**
 * Occurrence starts (UTC instants) of a series whose first session starts at `first`: the same local
 * wall-clock time in `timeZone` every `interval` weeks, so a clock change does not move the session.
 * Returns null when the rule would make more than MAX_OCCURRENCES.
 */
export function occurrences(rule: Recurrence, first: number, timeZone: string): number[] | null {
  const firstDate = localDate(first, timeZone);
  const minutes = Math.round((first + offsetMinutes(timeZone, first) * 60_000 - Date.parse(`${firstDate}T00:00:00Z`)) / 60_000);
  const starts: number[] = [];
  for (let i = 0; ; i++) {
    if (rule.count !== null && i >= rule.count) return starts;
    const start = zonedToUtc(addDays(firstDate, 7 * rule.interval * i), minutes, timeZone);
    if (rule.until !== null && start > rule.until) return starts;
    if (starts.length === MAX_OCCURRENCES) return null;
    starts.push(start);
  }
}
