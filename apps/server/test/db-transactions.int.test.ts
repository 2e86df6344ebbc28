// How a transaction talks to PostgreSQL: its opening statements ride on BEGIN's round trip once the connection has
// prepared them, each seeing the settings the ones before it set (entering an org sets the org for what the page
// reads next); and queries asked for at once go one at a time, in order, without node-postgres' deprecated queue.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/platform/db/database';
import { withNamedStatements } from '../src/platform/db/statements';
import { cloneDatabase } from './harness';

let pool: pg.Pool;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await cloneDatabase(), max: 1 });
});
afterAll(() => pool.end());

const openings = [
  { text: `select set_config('app.org_id', $1, true) as entered`, values: ['org-a'] },
  { text: `select current_setting('app.org_id') as seen, $1::text as asked`, values: ["it's"] },
  { text: `select n from generate_series(1, $1::int) n`, values: ['3'] },
];

/** Opens a transaction with the openings and returns their rows and how many queries the connection was sent. */
async function open(): Promise<{ opened: pg.QueryResultRow[][]; queries: number }> {
  let queries = 0;
  const opened = await inTransaction(
    pool,
    (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      // Counts what reaches the connection while the transaction opens (the wrapper goes with the transaction).
      (client as { query: unknown }).query = (...args: unknown[]) => {
        queries++;
        return query(...args);
      };
      return 'begin';
    },
    async (client, rows) => {
      (client as { query: unknown }).query = Object.getPrototypeOf(client).query;
      return rows;
    },
    openings,
  );
  return { opened, queries };
}

describe('opening a transaction with statements', () => {
  it('prepares them one by one on a fresh connection, then sends them with BEGIN in one round trip; each sees the settings before it', async () => {
    const expected = [[{ entered: 'org-a' }], [{ seen: 'org-a', asked: "it's" }], [{ n: 1 }, { n: 2 }, { n: 3 }]];
    const first = await open();
    expect(first.opened).toEqual(expected);
    expect(first.queries).toBe(1 + openings.length);
    const again = await open();
    expect(again.opened).toEqual(expected);
    expect(again.queries).toBe(1);
    // The settings were the transaction's own.
    expect((await pool.query(`select current_setting('app.org_id', true) as org`)).rows[0].org).toBe('');
  });

  it('rolls back and leaves the connection usable when an opening fails', async () => {
    const failing = [...openings.slice(0, 2), { text: 'select 1 / $1::int as x', values: ['0'] }];
    // The first time prepares them one by one; the second sends them in the one round trip. Both roll back.
    for (const attempt of ['preparing', 'prepared']) {
      const outcome = await inTransaction(
        pool,
        () => 'begin',
        async () => 'worked',
        failing,
      ).catch((error: { code?: string }) => error.code);
      expect(outcome, attempt).toBe('22012');
    }
    expect(
      await inTransaction(
        pool,
        () => 'begin',
        async (_client, rows) => rows[1],
        openings,
      ),
    ).toEqual([{ seen: 'org-a', asked: "it's" }]);
  });
});

describe('queries asked for at once inside a transaction', () => {
  it('go one at a time, in the order asked, each with its own answer or error, and node-postgres warns of nothing', async () => {
    const warnings: Error[] = [];
    const listen = (warning: Error) => warnings.push(warning);
    process.on('warning', listen);
    try {
      const answers = await inTransaction(
        pool,
        () => 'begin',
        async (raw) => {
          const client = withNamedStatements(raw);
          const slow = client.query<{ n: number }>({ text: 'select $1::int as n, pg_sleep(0.05)', values: [1] });
          const failing = client.query({ text: 'select 1 / $1::int', values: [0] }).catch((error: { code?: string }) => error.code);
          const fast = client.query<{ n: number }>({ text: 'select $1::int as n', values: [2] });
          const order = await client.query<{ n: string }>('select 3 as n');
          return [(await slow).rows[0]?.n, await failing, (await fast).rows[0]?.n, order.rows[0]?.n];
        },
      ).catch((error: unknown) => error);
      // The division by zero aborted the transaction: what came after it was refused, and nothing was committed.
      expect(answers).toMatchObject({ code: '25P02' });
      const fine = await inTransaction(
        pool,
        () => 'begin',
        async (raw) => {
          const client = withNamedStatements(raw);
          const [a, b, c] = await Promise.all([1, 2, 3].map((n) => client.query<{ n: number }>({ text: 'select $1::int as n, pg_sleep(0.01)', values: [n] })));
          return [a?.rows[0]?.n, b?.rows[0]?.n, c?.rows[0]?.n];
        },
      );
      expect(fine).toEqual([1, 2, 3]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      process.off('warning', listen);
    }
  });
});
