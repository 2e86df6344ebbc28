import { describe, expect, it } from 'vitest';
import { poorConnection } from './call-quality';

describe('when the built-in call falls back to audio only', () => {
  const start = { received: 1000, lost: 10 };
  it('keeps video on a clean connection with enough bandwidth', () => {
    expect(poorConnection(start, { received: 1100, lost: 12 }, 1_500_000)).toBe(false);
    expect(poorConnection(start, { received: 1100, lost: 12 }, null)).toBe(false);
  });
  it('falls back on heavy loss over the last interval, not on loss long ago', () => {
    expect(poorConnection(start, { received: 1080, lost: 30 }, 1_500_000)).toBe(true); // 20 of 100
    expect(poorConnection({ received: 1000, lost: 500 }, { received: 1100, lost: 505 }, null)).toBe(false);
  });
  it('judges no loss from a handful of packets or from counters that restarted', () => {
    expect(poorConnection(start, { received: 1010, lost: 15 }, null)).toBe(false);
    expect(poorConnection(start, { received: 40, lost: 20 }, null)).toBe(false);
  });
  it('falls back when the outgoing bandwidth estimate cannot carry video', () => {
    expect(poorConnection(start, { received: 1100, lost: 10 }, 80_000)).toBe(true);
    expect(poorConnection(start, { received: 1100, lost: 10 }, 120_000)).toBe(false);
  });
});
