import { describe, expect, it } from 'vitest';
import { VersionedCache } from './read-versions';

describe('VersionedCache', () => {
  it('serves a value only for the version it was kept under, and drops it once that version has moved on', () => {
    const cache = new VersionedCache<string>(10, 60_000);
    cache.set('page', '3.1', 'built at 3.1');
    expect(cache.get('page', '3.1')).toBe('built at 3.1');
    expect(cache.get('page', '4.1')).toBeUndefined();
    expect(cache.get('page', '3.1')).toBeUndefined(); // gone, not kept for an older version
    expect(cache.get('other', '3.1')).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 1, misses: 3 });
  });

  it('expires a value ttl after it was kept, however often it was served', () => {
    let now = 0;
    const cache = new VersionedCache<string>(10, 1_000, () => now);
    cache.set('page', '1.1', 'v');
    now = 999;
    expect(cache.get('page', '1.1')).toBe('v');
    now = 1_000;
    expect(cache.get('page', '1.1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently used first', () => {
    const cache = new VersionedCache<number>(2, 60_000);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    expect(cache.get('a', '1')).toBe(1); // a is now the most recently used
    cache.set('c', '1', 3);
    expect(cache.get('b', '1')).toBeUndefined();
    expect([cache.get('a', '1'), cache.get('c', '1')]).toEqual([1, 3]);
  });

  it('with capacity 0 keeps nothing and says it is off', () => {
    const cache = new VersionedCache<number>(0, 60_000);
    cache.set('a', '1', 1);
    expect(cache.enabled).toBe(false);
    expect(cache.get('a', '1')).toBeUndefined();
  });
});
