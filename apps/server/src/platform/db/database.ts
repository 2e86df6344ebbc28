import crypto from 'node:crypto';
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { commitTransaction, endTransaction, openTransaction, statementName, withNamedStatements } from './statements';

/** A transaction repositories run their queries on; `$client` is its connection (for pg-boss). */
export type Tx = NodePgDatabase & { $client: pg.PoolClient };

/** Who a transaction acts for. Row-level security policies read these values. */
export type DbContext = {
  userId: string | null;
  orgId: string | null;
  role: string | null;
  platformAdmin: boolean;
  /** Unauthenticated identity flows, jobs and the CLI; never set from a request's claims. */
  system: boolean;
};

export const systemContext: DbContext = { userId: null, orgId: null, role: null, platformAdmin: false, system: true };

/**
 * A statement a transaction opens with, right after its settings: entering an org as a membership, which
 * sets the org's settings from the membership row, and then what the work reads first (under those settings).
 * `work` gets each one's rows.
 */
export type Opening = { text: string; values: (string | null)[] };

export type Database = {
  /**
   * Runs `work` in one transaction as tend_app with the context's settings (ARCHITECTURE §4), after
   * the `openings`, in the same round trip.
   */
  inContext<T>(context: DbContext, work: (tx: Tx, opened: pg.QueryResultRow[][]) => Promise<T>, openings?: readonly Opening[]): Promise<T>;
  /** The owner pool: migrations, pg-boss, the CLI. Bypasses RLS; never used for a request. */
  owner: pg.Pool;
  app: pg.Pool;
  close(): Promise<void>;
};

const onCommit = new WeakMap<pg.PoolClient, (() => void)[]>();

/**
 * Runs `effect` once the transaction of `tx` has committed, and never if it rolls back: for telling
 * people live about what the transaction wrote (a socket event must not announce a row that never was).
 */
export function afterCommit(tx: Tx, effect: () => void): void {
  const effects = onCommit.get(tx.$client) ?? [];
  effects.push(effect);
  onCommit.set(tx.$client, effects);
}

/** One transaction on one pooled connection: `begin` opens it, commit on success, rollback on error. */
export async function inTransaction<T>(
  pool: pg.Pool,
  begin: (client: pg.PoolClient) => string,
  work: (client: pg.PoolClient, opened: pg.QueryResultRow[][]) => Promise<T>,
  openings: readonly Opening[] = [],
): Promise<T> {
  const client = await pool.connect();
  let effects: (() => void)[] = [];
  try {
    const opened = await openTransaction(
      client,
      begin(client),
      openings.map((o) => ({ name: statementName(o.text), ...o })),
    );
    const result = await work(client, opened);
    await commitTransaction(client);
    effects = onCommit.get(client) ?? [];
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    endTransaction(client);
    onCommit.delete(client);
    client.release();
    for (const effect of effects) {
      try {
        effect();
      } catch {
        // A live event that cannot be sent is not the transaction's failure: what it wrote is stored.
      }
    }
  }
}

/**
 * Opens the transaction and sets the role and context for it only (is_local = true), in one round
 * trip: the simple protocol takes several statements but no parameters, so values are escaped by pg.
 * The pooled connection returns to tend_server with no settings when the transaction ends.
 */
function beginAsApp(client: pg.PoolClient, context: DbContext): string {
  const literal = (value: string | null) => client.escapeLiteral(value ?? '');
  return `begin; select set_config('role', 'tend_app', true), set_config('app.user_id', ${literal(context.userId)}, true),
    set_config('app.org_id', ${literal(context.orgId)}, true), set_config('app.role', ${literal(context.role)}, true),
    set_config('app.platform_admin', '${context.platformAdmin ? 'on' : ''}', true), set_config('app.system', '${context.system ? 'on' : ''}', true)`;
}

const MIGRATIONS = path.resolve(import.meta.dirname, '../../../migrations');
const MIGRATION_LOCK = 7_411_026_001;

/**
 * How long a request connection may sit idle before the pool closes it. node-postgres closes them after 10 s;
 * a new one then starts cold (its statements prepared again, the row-level policies' catalog entries loaded
 * again), and a burst that needs it waited 100-300 ms in the bench. Ten minutes, as PgBouncer keeps its server
 * connections (docs/performance.md, seventh run).
 */
const POOL_IDLE_MS = 10 * 60_000;

export function createDatabase(ownerUrl: string, appUrl: string, poolSize: number): Database {
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 4, application_name: 'tend-owner' });
  const app = new pg.Pool({ connectionString: appUrl, max: poolSize, application_name: 'tend', idleTimeoutMillis: POOL_IDLE_MS });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  owner.on('error', () => undefined);
  app.on('error', () => undefined);
  return {
    owner,
    app,
    inContext: (context, work, openings) =>
      inTransaction(
        app,
        (client) => beginAsApp(client, context),
        (client, opened) => work(drizzle({ client: withNamedStatements(client) }) as Tx, opened),
        openings,
      ),
    close: async () => {
      await Promise.all([app.end(), owner.end()]);
    },
  };
}

/**
 * Applies pending migrations under an advisory lock (drizzle's migrator takes none, and two instances
 * may start together), then gives the request role its password.
 */
export async function migrateDatabase(ownerUrl: string, appPassword: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'tend-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('set client_min_messages = warning');
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS, migrationsSchema: 'drizzle' });
    await setRolePassword(client, appPassword);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Roles are shared by every database on the server, and the advisory lock above only covers one
 * database: two databases migrating at once may update the role together ("tuple concurrently
 * updated"). The password is the same for both, so trying again is safe.
 */
async function setRolePassword(client: pg.Client, password: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`alter role tend_server with login password '${password.replaceAll("'", "''")}'`);
      return;
    } catch (error) {
      if (attempt >= 5 || !/tuple concurrently updated/.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * The request role's password, derived from the owner's credentials and server so every instance
 * agrees without storing another secret (whoever holds them already holds more than this role can
 * do). Not from the database name: the role is cluster-wide, shared by every database on the server.
 */
export function appRolePassword(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const identity = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}@${url.hostname}:${url.port || '5432'}`;
  return crypto.createHmac('sha256', identity).update('tend:db:tend_server').digest('base64url');
}

export function appUrlFrom(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = 'tend_server';
  url.password = password;
  return url.toString();
}
