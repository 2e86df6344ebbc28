/*
 * Read versions (ADR 0030, migration 0051): counters that every committed write to what a read shows moves on,
 * one per org and one for people (names, keys). A reader reads its org's inside its transaction, before the
 * data a page is built from: a page built after reading version v shows data at least as new as v, so serving
 * it again while the version still reads v never shows anything older than a fresh build would. The cases
 * module reads it as it enters the org (orgs' `EnterOptions`).
 */

type Entry<V> = { version: string; value: V; expires: number };

/**
 * Values built for a read version, kept while that version holds: at most `capacity` (least recently used
 * go first), each for at most `ttlMs`. A capacity of 0 keeps nothing. What it keeps may be decrypted data, so
 * the limits are small and a cleared cache (`clear`) is always safe.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private hitCount = 0;
  private missCount = 0;

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** False when it keeps nothing (capacity 0): then there is no version to read either. */
  get enabled(): boolean {
    return this.capacity > 0;
  }

  /** The value kept under `key` for exactly this version, if it has not expired. */
  get(key: string, version: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version || entry.expires <= this.now()) {
      if (entry) this.entries.delete(key);
      this.missCount++;
      return undefined;
    }
    this.entries.delete(key); // most recently used last
    this.entries.set(key, entry);
    this.hitCount++;
    return entry.value;
  }

  /** Keeps a value just built for `version`; it expires `ttlMs` from now, however often it is served. */
  set(key: string, version: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    while (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { version, value, expires: this.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** How often `get` found a value, for tests and metrics. */
  stats(): { hits: number; misses: number } {
    return { hits: this.hitCount, misses: this.missCount };
  }
}
