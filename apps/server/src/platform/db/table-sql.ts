import { type Column, getTableColumns, type InferSelectModel } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * SQL text for a drizzle table, written once, for statements on a hot path that run as plain named
 * statements instead of being built by drizzle on every request (building them was about a third of
 * a booking's server CPU). The column lists come from the table definitions, so they cannot drift from
 * the schema; node-postgres' own parsers then give the values drizzle's columns would, for the column
 * kinds allowed below (a table with any other kind is refused when the module loads).
 */

const PASS_THROUGH = new Set(['PgUUID', 'PgText', 'PgInteger', 'PgBoolean', 'PgTimestamp', 'PgJsonb', 'PgCustomColumn']);
/** Read as text, which is what drizzle gives for them (node-postgres would make a local-midnight Date). */
const AS_TEXT = new Set(['PgDateString']);

type Columns = [string, Column][];
const checked = new WeakMap<PgTable, Columns>();

function columnsOf(table: PgTable): Columns {
  const known = checked.get(table);
  if (known) return known;
  const columns: Columns = Object.entries(getTableColumns(table));
  for (const [key, column] of columns) {
    if (!PASS_THROUGH.has(column.columnType) && !AS_TEXT.has(column.columnType)) {
      throw new Error(`${qualifiedName(table)}.${key}: ${column.columnType} is not read the same way by node-postgres; use drizzle for it`);
    }
  }
  checked.set(table, columns);
  return columns;
}

/** `schema.table`, as it goes into SQL text. */
export function qualifiedName(table: PgTable): string {
  const { schema, name } = getTableConfig(table);
  return schema ? `${schema}.${name}` : name;
}

/** `alias.column as "prefix.key", …` for every column of the table: rows come back keyed as drizzle's would. */
export function selectList(table: PgTable, alias: string, prefix = ''): string {
  return columnsOf(table)
    .map(([key, column]) => `${alias}.${column.name}${AS_TEXT.has(column.columnType) ? '::text' : ''} as "${prefix}${key}"`)
    .join(', ');
}

/** The columns read with `prefix` (by `selectList`) out of a joined row; null when a left join found none. */
export function pickRow<T extends PgTable>(table: T, row: Record<string, unknown>, prefix: string): InferSelectModel<T> | null {
  const picked: Record<string, unknown> = {};
  let found = false;
  for (const [key] of columnsOf(table)) {
    const value = row[`${prefix}${key}`];
    picked[key] = value;
    if (value !== null) found = true;
  }
  return found ? (picked as InferSelectModel<T>) : null;
}

/**
 * `insert into table (columns of keys) values ($1, …) returning` every column, with the values in that
 * order, each converted as drizzle would send it. `keys` fixes the text, so one statement serves every call;
 * a key left undefined is sent as null.
 */
export function insertReturning<T extends PgTable>(table: T, keys: readonly (keyof T['$inferInsert'] & string)[]) {
  const all = new Map(columnsOf(table));
  const columns = keys.map((key) => {
    const column = all.get(key);
    if (!column) throw new Error(`${qualifiedName(table)} has no column ${key}`);
    return column;
  });
  const text = `insert into ${qualifiedName(table)} (${columns.map((c) => c.name).join(', ')})
    values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning ${selectList(table, getTableConfig(table).name)}`;
  return {
    text,
    values: (row: T['$inferInsert']): unknown[] =>
      keys.map((key, i) => {
        const value = (row as Record<string, unknown>)[key];
        const column = columns[i]!;
        // Drizzle would let the column's default apply; a fixed text cannot, so leaving one out is a bug here.
        if (value === undefined && column.hasDefault) throw new Error(`${qualifiedName(table)}.${key} has a default: give it a value`);
        return value === null || value === undefined ? null : column.mapToDriverValue(value);
      }),
  };
}
