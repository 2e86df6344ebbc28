import { describe, expect, it } from 'vitest';
import { MAX_OCCURRENCES, occurrences, parseRecurrence, type Recurrence } from './recurrence';

const iso = (t: number) => new Date(t).toISOString();
const rule = (rrule: string) => parseRecurrence(rrule) as Recurrence;

describe('recurrence (FREQ=WEEKLY subset)', () => {
  it('keeps the Kyiv wall-clock time across 25 Oct 2026, every two weeks', () => {
    const starts = occurrences(rule('FREQ=WEEKLY;INTERVAL=2;COUNT=4'), Date.parse('2026-10-14T07:00:00Z'), 'Europe/Kyiv') as number[];
    // 10:00 EEST (UTC+3) before the change, 10:00 EET (UTC+2) after it.
    expect(starts.map(iso)).toEqual(['2026-10-14T07:00:00.000Z', '2026-10-28T08:00:00.000Z', '2026-11-11T08:00:00.000Z', '2026-11-25T08:00:00.000Z']);
  });

  it('keeps the New York wall-clock time across 1 Nov 2026, weekly until a date', () => {
    const starts = occurrences(rule('RRULE:FREQ=WEEKLY;UNTIL=20261110'), Date.parse('2026-10-22T13:00:00Z'), 'America/New_York') as number[];
    expect(starts.map(iso)).toEqual(['2026-10-22T13:00:00.000Z', '2026-10-29T13:00:00.000Z', '2026-11-05T14:00:00.000Z']);
  });

  it('refuses malformed rules, other frequencies, open-ended and oversized series', () => {
    for (const bad of [
      '',
      'FREQ=WEEKLY',
      'FREQ=DAILY;COUNT=3',
      'FREQ=WEEKLY;COUNT=0',
      'FREQ=WEEKLY;COUNT=53',
      'FREQ=WEEKLY;COUNT=3;UNTIL=20270101',
      'FREQ=WEEKLY;INTERVAL=0;COUNT=2',
      'FREQ=WEEKLY;BYDAY=MO;COUNT=2',
      'FREQ=WEEKLY;UNTIL=20261340',
      'FREQ=WEEKLY;;COUNT=2',
      'FREQ=WEEKLY;COUNT=2;COUNT=3',
    ])
      expect(parseRecurrence(bad), bad).toHaveProperty('error');
    expect(parseRecurrence('freq=weekly;interval=2;count=8')).toEqual({ interval: 2, count: 8, until: null });
    expect(occurrences(rule('FREQ=WEEKLY;UNTIL=20300101'), Date.parse('2026-10-22T13:00:00Z'), 'Europe/Kyiv')).toBeNull();
    expect(occurrences(rule(`FREQ=WEEKLY;COUNT=${MAX_OCCURRENCES}`), Date.parse('2026-10-22T13:00:00Z'), 'Europe/Kyiv')).toHaveLength(MAX_OCCURRENCES);
  });
});
