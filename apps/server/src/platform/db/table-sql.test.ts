import { boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { insertReturning, pickRow, qualifiedName, selectList } from './table-sql';

const demo = pgSchema('demo');
const visits = demo.table('visits', {
  id: uuid('id').primaryKey(),
  note: text('note'),
  minutes: integer('minutes').notNull(),
  done: boolean('done').notNull().default(false),
  at: timestamp('at', { withTimezone: true }).notNull(),
  extra: jsonb('extra'),
});
const days = demo.table('days', { id: uuid('id').primaryKey(), day: date('day').notNull(), at: timestamp('at', { mode: 'string' }) });

describe('SQL text from a drizzle table', () => {
  it('selects every column under its drizzle key, with an optional prefix', () => {
    expect(qualifiedName(visits)).toBe('demo.visits');
    expect(selectList(visits, 'v', 'v.')).toBe(
      'v.id as "v.id", v.note as "v.note", v.minutes as "v.minutes", v.done as "v.done", v.at as "v.at", v.extra as "v.extra"',
    );
  });

  it('reads a date as text, as drizzle does, and refuses a column node-postgres would read differently', () => {
    const dayOnly = demo.table('days', { id: uuid('id').primaryKey(), day: date('day').notNull() });
    expect(selectList(dayOnly, 'd')).toBe('d.id as "id", d.day::text as "day"');
    expect(() => selectList(days, 'd')).toThrow(/at: PgTimestampString/);
  });

  it('picks a joined row by prefix, and null when a left join matched nothing', () => {
    const at = new Date('2026-11-30T10:00:00Z');
    const row = { 'v.id': 'a', 'v.note': null, 'v.minutes': 50, 'v.done': true, 'v.at': at, 'v.extra': { x: 1 }, 'o.id': null };
    expect(pickRow(visits, row, 'v.')).toEqual({ id: 'a', note: null, minutes: 50, done: true, at, extra: { x: 1 } });
    const unmatched = { 'v.id': null, 'v.note': null, 'v.minutes': null, 'v.done': null, 'v.at': null, 'v.extra': null };
    expect(pickRow(visits, unmatched, 'v.')).toBeNull();
  });

  it('inserts the given columns in order, converting values as drizzle sends them', () => {
    const insert = insertReturning(visits, ['id', 'minutes', 'done', 'at', 'extra', 'note']);
    expect(insert.text).toMatch(
      /^insert into demo\.visits \(id, minutes, done, at, extra, note\)\s+values \(\$1, \$2, \$3, \$4, \$5, \$6\) returning visits\.id as "id"/,
    );
    const values = insert.values({ id: 'a', minutes: 50, done: false, at: new Date('2026-11-30T10:00:00Z'), extra: [1, 2], note: undefined });
    expect(values).toEqual(['a', 50, false, '2026-11-30T10:00:00.000Z', '[1,2]', null]);
  });

  it('will not send null for a column left out that has a default', () => {
    const insert = insertReturning(visits, ['id', 'minutes', 'done', 'at']);
    expect(() => insert.values({ id: 'a', minutes: 1, at: new Date() })).toThrow(/done has a default/);
  });
});
