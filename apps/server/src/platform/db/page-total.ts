import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './database';

/**
 * How many rows a list has, for its pager, without counting all of them on every page.
 *
 * An exact count walks every matching row (under row-level security, evaluating the policy on each): the audit
 * log grows by a row per request and would cost more to count than to page after a few weeks, and a 5,000-case
 * caseload spent more on its count than on its page. So a list counts at most `COUNT_CAP` + 1 rows. Below the
 * cap the total is exact, and on the last page it is exact at any size (the rows before it plus the page);
 * otherwise the answer is "more than `COUNT_CAP`" (`capped`), which is what a person paging 50 at a time can use.
 */
export const COUNT_CAP = 1000;

export type PageTotal = { total: number; capped: boolean };

/** The exact total when the page itself shows it (a short page that is not past the end); else undefined. */
export function totalFromPage(offset: number, rowsOnPage: number, perPage: number): number | undefined {
  return rowsOnPage < perPage && (rowsOnPage > 0 || offset === 0) ? offset + rowsOnPage : undefined;
}

/** The total from a count that stopped after `COUNT_CAP` + 1 rows; past the cap, at least what has been seen. */
export function totalFromCount(counted: number, offset: number, rowsOnPage: number): PageTotal {
  return counted > COUNT_CAP ? { total: Math.max(COUNT_CAP, offset + rowsOnPage), capped: true } : { total: counted, capped: false };
}

/** `count(*)` of at most `COUNT_CAP` + 1 rows as SQL text over a FROM … WHERE clause (for hand-written statements). */
export const countUpToSql = (fromWhere: string) => `(select count(*)::int from (select 1 from ${fromWhere} limit ${COUNT_CAP + 1}) counted)`;

/** A page's total for a drizzle-built list: from the page when it can, else by a capped count. */
export async function pageTotal(tx: Tx, table: PgTable, where: SQL | undefined, offset: number, rowsOnPage: number, perPage: number): Promise<PageTotal> {
  const known = totalFromPage(offset, rowsOnPage, perPage);
  if (known !== undefined) return { total: known, capped: false };
  const result = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${table} ${where ? sql`where ${where}` : sql``} limit ${sql.raw(String(COUNT_CAP + 1))}) counted`,
  );
  return totalFromCount(result.rows[0]?.n ?? 0, offset, rowsOnPage);
}
