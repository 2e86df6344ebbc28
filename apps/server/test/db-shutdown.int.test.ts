// A database told to stop ends its sessions with 57P01; long-lived connections log that as news, not an error.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseShuttingDown } from '../src/platform/db/shutdown';
import { type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a database that stops', () => {
  it('ends a session with an error the server recognises as a shutdown; other errors are not', async () => {
    const session = new pg.Client({ connectionString: t.databaseUrl });
    await session.connect();
    const ended = new Promise<unknown>((resolve) => session.on('error', resolve));
    const { rows } = await session.query<{ pid: number }>('select pg_backend_pid() as pid');
    await t.owner.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
    const error = await ended;
    expect(isDatabaseShuttingDown(error)).toBe(true);
    await session.end().catch(() => undefined);

    const mistake = await t.owner.query('select * from no_such_table').catch((e: unknown) => e);
    expect(isDatabaseShuttingDown(mistake)).toBe(false);
    expect(isDatabaseShuttingDown(new Error('terminating connection'))).toBe(false);
    expect(isDatabaseShuttingDown(null)).toBe(false);
  });
});
