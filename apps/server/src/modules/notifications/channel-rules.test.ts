import { describe, expect, it } from 'vitest';
import { categoryOf, quietUntil } from './channel-rules';

describe('quiet hours', () => {
  const night = { startsAt: '22:00', endsAt: '07:00', timezone: 'Europe/Kyiv' };

  it('holds a notification inside a window that crosses midnight until the window ends, in the person’s zone', () => {
    // 23:30 in Kyiv (UTC+2 in winter) → 07:00 local = 05:00 UTC next day.
    expect(quietUntil(new Date('2026-12-01T21:30:15Z'), night)?.toISOString()).toBe('2026-12-02T05:00:00.000Z');
    // 03:10 local → same morning.
    expect(quietUntil(new Date('2026-12-02T01:10:00Z'), night)?.toISOString()).toBe('2026-12-02T05:00:00.000Z');
  });

  it('lets a notification through outside the window, and at the minute it ends', () => {
    expect(quietUntil(new Date('2026-12-01T12:00:00Z'), night)).toBeNull();
    expect(quietUntil(new Date('2026-12-02T05:00:00Z'), night)).toBeNull();
  });

  it('handles a window inside one day and summer time', () => {
    const lunch = { startsAt: '12:00', endsAt: '13:00', timezone: 'America/New_York' };
    // 12:30 EDT = 16:30 UTC in July.
    expect(quietUntil(new Date('2026-07-01T16:30:00Z'), lunch)?.toISOString()).toBe('2026-07-01T17:00:00.000Z');
    expect(quietUntil(new Date('2026-07-01T17:30:00Z'), lunch)).toBeNull();
  });
});

describe('categories', () => {
  it('puts crisis and risk kinds in the crisis category and unknown kinds in care', () => {
    expect(['crisis.alert', 'risk.flag', 'session.reminder', 'message.new', 'form.assigned'].map(categoryOf)).toEqual([
      'crisis',
      'crisis',
      'sessions',
      'messages',
      'care',
    ]);
  });
});
