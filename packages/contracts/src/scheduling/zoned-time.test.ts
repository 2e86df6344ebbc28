import { describe, expect, it } from 'vitest';
import { sameTimeNextWeek } from './zoned-time';

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
