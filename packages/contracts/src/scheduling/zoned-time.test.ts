import { describe, expect, it } from 'vitest';
import { localDate, offsetMinutes, sameTimeNextWeek } from './zoned-time';

const at = (iso: string) => new Date(sameTimeNextWeek(Date.parse(iso), 'Europe/Kyiv')).toISOString();

describe('the same slot next week', () => {
  it('is 7 × 24 hours later when no clock change falls in between', () => {
    expect(at('2026-06-03T07:00:00Z')).toBe('2026-06-10T07:00:00.000Z');
  });
  it('keeps 10:00 local time across the spring change (Kyiv moves to +03:00 on 29 March 2026)', () => {
    // Wednesday 25 March 10:00 +02:00 → Wednesday 1 April 10:00 +03:00
    expect(at('2026-03-25T08:00:00Z')).toBe('2026-04-01T07:00:00.000Z');
  });
  it('keeps 18:30 local time across the autumn change (back to +02:00 on 25 October 2026)', () => {
    expect(at('2026-10-21T15:30:00Z')).toBe('2026-10-28T16:30:00.000Z');
  });
  it('keeps a late-evening session on the next local weekday, not a UTC one', () => {
    // Monday 23:30 in New York is Tuesday in UTC; next week it is again Monday 23:30 local.
    const next = sameTimeNextWeek(Date.parse('2026-11-03T04:30:00Z'), 'America/New_York');
    expect(new Date(next).toISOString()).toBe('2026-11-10T04:30:00.000Z');
    expect(sameTimeNextWeek(Date.parse('2026-10-27T03:30:00Z'), 'America/New_York')).toBe(Date.parse('2026-11-03T04:30:00Z'));
  });
});

describe('offsets kept per quarter hour', () => {
  // An oracle independent of offsetMinutes: Intl's own "GMT+05:45" naming of the offset.
  const namers = new Map<string, Intl.DateTimeFormat>();
  const named = (timeZone: string, instant: number) => {
    if (!namers.has(timeZone)) namers.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }));
    const name = namers
      .get(timeZone)!
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')!.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };

  it('agree with Intl every 17 minutes through a year of clock changes, half-hour ones included', () => {
    const zones = ['Europe/Kyiv', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    const from = Date.UTC(2026, 0, 1);
    const wrong: string[] = [];
    for (const zone of zones)
      for (let instant = from; instant < from + 366 * 86_400_000; instant += 17 * 60_000 + 13_000)
        if (offsetMinutes(zone, instant) !== named(zone, instant)) wrong.push(`${zone} at ${new Date(instant).toISOString()}`);
    expect(wrong).toEqual([]);
  });

  it('give the local date on both sides of midnight and of a clock change', () => {
    expect(localDate(Date.UTC(2026, 2, 28, 21, 59), 'Europe/Kyiv')).toBe('2026-03-28');
    expect(localDate(Date.UTC(2026, 2, 28, 22, 0), 'Europe/Kyiv')).toBe('2026-03-29');
    expect(localDate(Date.UTC(2026, 2, 29, 21, 0), 'Europe/Kyiv')).toBe('2026-03-30'); // 00:00 EEST
    expect(localDate(Date.UTC(2026, 10, 1, 3, 59), 'America/New_York')).toBe('2026-10-31');
    expect(localDate(Date.UTC(2026, 10, 1, 4, 0), 'America/New_York')).toBe('2026-11-01');
  });
});
