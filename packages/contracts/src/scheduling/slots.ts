import { addDays, isoWeekday, localDate, zonedToUtc } from './zoned-time';

/** A weekly opening in the specialist's own zone: weekday 1 (Mon) … 7 (Sun), minutes after midnight. */
export type WeeklyRule = { weekday: number; start: number; end: number };
/** A date that replaces the weekly rules: closed, or open in the given windows only. */
export type DateOverride = { date: string; windows: { start: number; end: number }[] };
export type Busy = { start: number; end: number };

export type SlotQuery = {
  timeZone: string;
  rules: readonly WeeklyRule[];
  overrides: readonly DateOverride[];
  /** Existing bookings as blocked ranges (already widened by their own buffers), any order. */
  busy: readonly Busy[];
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Slots start on this grid inside each opening (e.g. every 30 minutes from its start). */
  stepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  from: number;
  to: number;
  now: number;
};

export type Slot = { start: number; end: number };
const MIN = 60_000;

/**
 * Free slots: openings from the weekly rules (or that date's override) in the specialist's zone, on
 * the step grid, that start after the minimum notice and within the horizon, and whose buffered range
 * overlaps no booking. `busy` is sorted once; each candidate is checked by binary search.
 */
export function freeSlots(q: SlotQuery): Slot[] {
  const busy = [...q.busy].sort((a, b) => a.start - b.start);
  // Prefix maximum of ends, so one binary search answers "does anything before here reach past t?".
  const maxEnd: number[] = [];
  for (let i = 0; i < busy.length; i++) maxEnd[i] = Math.max(busy[i]!.end, i ? maxEnd[i - 1]! : -Infinity);
  const overlaps = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = busy.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (busy[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > start;
  };

  const earliest = Math.max(q.from, q.now + q.minNoticeMinutes * MIN);
  const latest = Math.min(q.to, q.now + q.horizonDays * 86_400_000);
  if (earliest >= latest) return [];
  const overrides = new Map(q.overrides.map((o) => [o.date, o.windows]));
  const slots: Slot[] = [];
  // Walk local dates from the day before `from` to the day after `to`, so edge days in any zone are covered.
  const lastDate = addDays(localDate(latest, q.timeZone), 1);
  for (let date = addDays(localDate(earliest, q.timeZone), -1); date <= lastDate; date = addDays(date, 1)) {
    const windows = overrides.get(date) ?? q.rules.filter((r) => r.weekday === isoWeekday(date));
    if (!windows.length) continue;
    // Most days have one offset: convert with arithmetic. Days with a clock change convert each time.
    const midnight = zonedToUtc(date, 0, q.timeZone);
    const nextMidnight = zonedToUtc(addDays(date, 1), 0, q.timeZone);
    const steady = nextMidnight - midnight === 86_400_000;
    const toUtc = (minute: number) => (steady ? midnight + minute * MIN : zonedToUtc(date, minute, q.timeZone));
    for (const w of windows) {
      // A window that spans a clock change keeps its wall-clock end, not its length in instants.
      const windowEnd = toUtc(w.end);
      for (let m = w.start; m + q.durationMinutes <= w.end; m += q.stepMinutes) {
        const start = toUtc(m);
        const end = start + q.durationMinutes * MIN;
        if (end > windowEnd) break;
        if (start < earliest || end > latest) continue;
        if (overlaps(start - q.bufferBeforeMinutes * MIN, end + q.bufferAfterMinutes * MIN)) continue;
        slots.push({ start, end });
      }
    }
  }
  slots.sort((a, b) => a.start - b.start);
  return slots.filter((s, i) => i === 0 || s.start !== slots[i - 1]!.start);
}

/** "09:30" → 570. */
export function parseClock(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`not a time: ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
