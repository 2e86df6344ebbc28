import type { TestApp } from './harness';

/**
 * Changes rows as the owner with triggers off: no read version (ADR 0030, 0034) moves, so a kept page still
 * shows the old value. Only for proving that a page is kept; the app never writes this way.
 */
export const writeBehindTheVersion = (t: TestApp, sql: string, values: unknown[]) =>
  t.owner.connect().then(async (client) => {
    try {
      await client.query('set session_replication_role = replica');
      await client.query(sql, values);
    } finally {
      await client.query('reset session_replication_role');
      client.release();
    }
  });

/** A read-version counter as stored (0 for one never moved), read as the owner. */
export async function counter(t: TestApp, scope: string): Promise<number> {
  const { rows } = await t.owner.query<{ v: string }>(`select coalesce((select version from app.read_versions where scope = $1), 0)::text as v`, [scope]);
  return Number(rows[0]?.v);
}
