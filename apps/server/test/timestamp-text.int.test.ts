import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoFromTimestamptz, isoTimestamps } from '../src/platform/db/timestamp-text';
import { createTestApp, type TestApp } from './harness';

// Timestamps read as ISO text (platform/db/timestamp-text.ts) must say exactly what node-postgres' Date would,
// whatever the session's time zone: checked against PostgreSQL's own text for a spread of instants.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const INSTANTS = `select x from (values
    ('2026-11-30 09:35:15.263123+00'::timestamptz), ('2026-11-30 09:35:15+00'), ('2026-11-30 09:35:15.5+00'),
    ('2026-11-30 09:35:15.000999+00'), ('2024-02-29 23:59:59.999999+00'), ('1970-01-01 00:00:00+00'),
    ('0099-06-01 12:00:00+00'), ('2026-03-29 01:30:00.57+00'), ('2026-10-25 00:30:00.291+00')
  ) v(x)
  union all select '2026-11-30 09:48:04.161987+00'::timestamptz
  union all select '2020-01-01'::timestamptz + n * interval '37 hours 11 minutes 13.123457 seconds' from generate_series(1, 400) n`;

describe('timestamps as ISO text', () => {
  for (const zone of ['UTC', 'Europe/Kyiv', 'America/St_Johns', 'Asia/Kathmandu']) {
    it(`reads the same instants as Date would, in a ${zone} session`, async () => {
      const client = await t.owner.connect();
      try {
        await client.query(`set timezone = '${zone}'`);
        const dates = (await client.query<{ x: Date }>(INSTANTS)).rows.map((r) => r.x.toISOString());
        const texts = (await client.query<{ x: string }>({ text: INSTANTS, types: isoTimestamps })).rows.map((r) => r.x);
        expect(texts).toHaveLength(410);
        expect(texts).toEqual(dates);
      } finally {
        await client.query('reset timezone');
        client.release();
      }
    });
  }

  it('other types keep their usual parsers', async () => {
    const row = (
      await t.owner.query({
        text: `select 1::int as n, true as b, '\\x0102'::bytea as bytes, '{"a":1}'::jsonb as j, null::timestamptz as none`,
        types: isoTimestamps,
      })
    ).rows[0];
    expect(row).toEqual({ n: 1, b: true, bytes: Buffer.from([1, 2]), j: { a: 1 }, none: null });
  });

  it('refuses what is not a finite instant instead of inventing one', () => {
    expect(() => isoFromTimestamptz('infinity')).toThrow(RangeError);
    expect(() => isoFromTimestamptz('-infinity')).toThrow(RangeError);
    expect(isoFromTimestamptz('2026-11-30 09:35:15.1+02')).toBe('2026-11-30T07:35:15.100Z');
    expect(isoFromTimestamptz('2026-11-30 09:35:15+05:45')).toBe('2026-11-30T03:50:15.000Z');
  });
});
