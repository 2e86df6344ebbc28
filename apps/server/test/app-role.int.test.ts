import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { appRolePassword, appUrlFrom, systemContext } from '../src/platform/db/database';
import { startRuntime, type Runtime } from '../src/platform/runtime';
import { cloneDatabase, testConfig } from './harness';
import { withDatabase } from './urls';
import { testSettings } from './settings';

const logger = pino({ level: 'silent' });
const started: Runtime[] = [];
afterAll(async () => {
  for (const runtime of started.reverse()) await runtime.stop();
});

/**
 * tend_server is one cluster-wide role: every database on the server shares it and its password.
 * Regression: the password was derived from the database name too, so starting a second database's
 * runtime (which re-sets the password at migration) locked the first one's new connections out.
 */
describe('the request role is shared by every database on one server', () => {
  it('derives the same password for two databases on one server, and a different one for other owner credentials', async () => {
    const first = withDatabase(inject('templateUrl'), 'tend_one');
    const second = withDatabase(inject('templateUrl'), 'tend_two');
    expect(appRolePassword(second)).toBe(appRolePassword(first));

    const otherPassword = new URL(first);
    otherPassword.password = `${decodeURIComponent(otherPassword.password)}x`;
    expect(appRolePassword(otherPassword.toString())).not.toBe(appRolePassword(first));
    const otherPort = new URL(first);
    otherPort.port = String(Number(otherPort.port || '5432') + 1);
    expect(appRolePassword(otherPort.toString())).not.toBe(appRolePassword(first));
  });

  it("keeps the first database's runtime able to open new connections after a second database's runtime starts", { timeout: 120_000 }, async () => {
    const firstUrl = await cloneDatabase();
    const secondUrl = await cloneDatabase();
    const first = await startRuntime(testConfig(firstUrl), logger);
    started.push(first);
    await first.db.app.query('select 1');

    const second = await startRuntime(testConfig(secondUrl), logger);
    started.push(second);
    await second.db.app.query('select 1');

    // End the first runtime's request connections so its pool must log in again, as it does after an
    // idle timeout or a database restart; the pool drops a client whose backend went away.
    const firstDatabase = new URL(firstUrl).pathname.slice(1);
    await first.db.owner.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and usename = 'tend_server' and pid <> pg_backend_pid()`,
      [firstDatabase],
    );
    await waitFor(async () => first.db.app.totalCount === 0);

    const who = await first.db.app.query<{ session_user: string; db: string }>('select session_user, current_database() as db');
    expect(who.rows).toEqual([{ session_user: 'tend_server', db: firstDatabase }]);

    // And a brand-new pool with the URL the first runtime derives logs in too.
    const fresh = new pg.Pool({ connectionString: appUrlFrom(firstUrl, appRolePassword(firstUrl)), max: 1 });
    try {
      const row = await fresh.query<{ session_user: string; db: string }>('select session_user, current_database() as db');
      expect(row.rows).toEqual([{ session_user: 'tend_server', db: firstDatabase }]);
    } finally {
      await fresh.end();
    }

    // The embedded server checks passwords (so the logins above prove the derived one is current);
    // CI's PostgreSQL service uses trust authentication, where any password is accepted.
    if (!testSettings.databaseUrl) {
      const wrong = new pg.Client({ connectionString: appUrlFrom(firstUrl, 'not-the-password') });
      await expect(wrong.connect()).rejects.toMatchObject({ code: '28P01' });
      await wrong.end().catch(() => undefined);
    }

    // Requests of the first runtime still work end to end (SET ROLE tend_app inside a transaction).
    const count = await first.db.inContext(
      systemContext,
      async (tx) => (await tx.$client.query<{ n: number }>('select count(*)::int as n from identity.users')).rows[0],
    );
    expect(count).toEqual({ n: expect.any(Number) });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
