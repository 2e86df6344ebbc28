import { describe, expect, it } from 'vitest';
import { COUNT_CAP, totalFromCount, totalFromPage } from './page-total';

describe('page totals', () => {
  it('a short page tells the exact total by itself, at any size', () => {
    expect(totalFromPage(0, 7, 50)).toBe(7);
    expect(totalFromPage(0, 0, 50)).toBe(0);
    expect(totalFromPage(5000, 12, 50)).toBe(5012);
  });

  it('a full page, or an empty one past the end, needs a count', () => {
    expect(totalFromPage(0, 50, 50)).toBeUndefined();
    expect(totalFromPage(100, 0, 50)).toBeUndefined();
  });

  it('a count up to the cap is exact; past it, the total is at least the cap and at least what was paged through', () => {
    expect(totalFromCount(COUNT_CAP, 0, 50)).toEqual({ total: COUNT_CAP, capped: false });
    expect(totalFromCount(COUNT_CAP + 1, 0, 50)).toEqual({ total: COUNT_CAP, capped: true });
    expect(totalFromCount(COUNT_CAP + 1, 2000, 50)).toEqual({ total: 2050, capped: true });
    expect(totalFromCount(3, 100, 0)).toEqual({ total: 3, capped: false });
  });
});
