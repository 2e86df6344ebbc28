import { describe, expect, it } from 'vitest';
import { freeSlots, parseClock, type SlotQuery } from './slots';
import { isTimeZone, localDate, offsetMinutes, zonedToUtc } from './zoned-time';

const iso = (t: number) => new Date(t).toISOString();
const at = (s: string) => Date.parse(s);

describe('zoned time', () => {
  it('converts wall-clock times across the Kyiv changes (29 Mar and 25 Oct 2026)', () => {
    expect(iso(zonedToUtc('2026-03-28', 9 * 60, 'Europe/Kyiv'))).toBe('2026-03-28T07:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-29', 9 * 60, 'Europe/Kyiv'))).toBe('2026-03-29T06:00:00.000Z');
    // 03:30 does not exist that morning (03:00 → 04:00): forward by the gap, to 04:30 EEST.
    expect(iso(zonedToUtc('2026-03-29', 3 * 60 + 30, 'Europe/Kyiv'))).toBe('2026-03-29T01:30:00.000Z');
    // 03:30 happens twice on 25 Oct (04:00 → 03:00): the first one, still in summer time.
    expect(iso(zonedToUtc('2026-10-25', 3 * 60 + 30, 'Europe/Kyiv'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToUtc('2026-10-25', 9 * 60, 'Europe/Kyiv'))).toBe('2026-10-25T07:00:00.000Z');
  });

  it('converts across the New York changes (8 Mar and 1 Nov 2026)', () => {
    expect(iso(zonedToUtc('2026-03-07', 10 * 60, 'America/New_York'))).toBe('2026-03-07T15:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-08', 10 * 60, 'America/New_York'))).toBe('2026-03-08T14:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-08', 2 * 60 + 30, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedToUtc('2026-11-01', 60 + 30, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(offsetMinutes('America/New_York', at('2026-11-02T12:00:00Z'))).toBe(-300);
  });

  it('knows real zones and local dates', () => {
    expect(isTimeZone('Europe/Kyiv')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(localDate(at('2026-03-28T22:30:00Z'), 'Europe/Kyiv')).toBe('2026-03-29');
  });
});

const base = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  timeZone: 'Europe/Kyiv',
  rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: parseClock('09:00'), end: parseClock('12:00') })),
  overrides: [],
  busy: [],
  durationMinutes: 50,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  stepMinutes: 60,
  minNoticeMinutes: 0,
  horizonDays: 60,
  from: at('2026-03-27T00:00:00Z'),
  to: at('2026-03-31T00:00:00Z'),
  now: at('2026-03-20T00:00:00Z'),
  ...over,
});

describe('free slots', () => {
  it('keeps 09:00 local on both sides of the spring change', () => {
    const slots = freeSlots(base());
    const nine = slots.filter((s) => new Date(s.start).getUTCMinutes() === 0).map((s) => iso(s.start));
    expect(nine).toContain('2026-03-28T07:00:00.000Z');
    expect(nine).toContain('2026-03-29T06:00:00.000Z');
    expect(slots.filter((s) => localDate(s.start, 'Europe/Kyiv') === '2026-03-29')).toHaveLength(3);
  });

  it('keeps 10:00 local on both sides of the New York autumn change', () => {
    const q = base({ timeZone: 'America/New_York', from: at('2026-10-31T00:00:00Z'), to: at('2026-11-03T00:00:00Z'), now: at('2026-10-01T00:00:00Z') });
    const starts = freeSlots(q).map((s) => iso(s.start));
    expect(starts).toContain('2026-10-31T14:00:00.000Z');
    expect(starts).toContain('2026-11-02T15:00:00.000Z');
  });

  it('leaves out booked ranges with buffers, closed dates, the minimum notice and the horizon', () => {
    const q = base({
      busy: [{ start: at('2026-03-30T07:00:00Z'), end: at('2026-03-30T08:00:00Z') }],
      overrides: [{ date: '2026-03-28', windows: [] }],
      bufferBeforeMinutes: 15,
      now: at('2026-03-27T07:30:00Z'),
      minNoticeMinutes: 24 * 60,
      horizonDays: 3,
    });
    const starts = freeSlots(q).map((s) => iso(s.start));
    expect(starts.some((s) => s.startsWith('2026-03-27'))).toBe(false); // inside the notice
    expect(starts.some((s) => s.startsWith('2026-03-28'))).toBe(false); // closed that day
    expect(starts).not.toContain('2026-03-30T07:00:00.000Z'); // booked (Mon 10:00 EEST)
    expect(starts).not.toContain('2026-03-30T08:00:00.000Z'); // its 15-minute buffer before
    expect(starts).toContain('2026-03-30T06:00:00.000Z');
    expect(Math.max(...freeSlots(q).map((s) => s.end))).toBeLessThanOrEqual(at('2026-03-30T07:30:00Z'));
  });

  it('computes 30 days for a specialist with 500 bookings quickly', () => {
    // 500 fifty-minute bookings, one every 2 h 10 min around the clock (about 45 days).
    const busy = Array.from({ length: 500 }, (_, i) => ({
      start: at('2026-04-01T06:00:00Z') + i * 130 * 60_000,
      end: at('2026-04-01T06:50:00Z') + i * 130 * 60_000,
    }));
    const q = base({
      rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 8 * 60, end: 20 * 60 })),
      stepMinutes: 30,
      busy,
      from: at('2026-04-01T00:00:00Z'),
      to: at('2026-05-01T00:00:00Z'),
      now: at('2026-03-31T00:00:00Z'),
    });
    freeSlots(q);
    const t0 = performance.now();
    const slots = freeSlots(q);
    expect(slots.length).toBeGreaterThan(100);
    expect(performance.now() - t0).toBeLessThan(50); // the 5 ms budget is measured by `npm run bench`, not here
  });
});
