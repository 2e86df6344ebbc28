import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * Named statements, and riding on BEGIN's and COMMIT's round trips.
 *
 * Each parameterised query is named by a hash of its text, so a pooled connection parses and plans it
 * once. A statement the connection has prepared can also run inside a simple-protocol query as
 * `EXECUTE name(literals…)`, next to BEGIN or COMMIT: a transaction's opening statements (entering an org, and what a page reads first)
 * and its writes left for the end (audit rows) then cost no round trip of their own. Values go in as
 * literals escaped by pg, as the transaction's settings already do.
 */

/** A named statement with text values (or null), as it may run by EXECUTE. */
export type Statement = { name: string; text: string; values: (string | null)[] };

const NAMED = Symbol('tend.namedStatements');
const statementNames = new Map<string, string>();
const prepared = new WeakMap<pg.PoolClient, Set<string>>();
const deferred = new WeakMap<pg.PoolClient, Statement[]>();
const managed = new WeakSet<pg.PoolClient>();

/** A statement's name: a hash of its text, the same on every connection. */
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `tend_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Names every parameterised query by a hash of its text, so each pooled connection parses it once
 * and PostgreSQL can reuse its plan (planning under the RLS policies costs more than running these
 * queries). PostgreSQL re-plans by itself when the role or the policies change.
 *
 * Also sends a transaction's queries one at a time: work inside a transaction may ask for two things at
 * once (names and keys opened under `Promise.all`), and node-postgres only queues such queries itself with
 * a deprecation warning (pg 9 will refuse them). A query waits for the one before it to settle.
 */
export function withNamedStatements(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { [NAMED]?: true };
  if (marked[NAMED]) return client;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let previous: Promise<unknown> = Promise.resolve();
  // Every argument passes through: pool.query() calls with a callback as the third one.
  marked.query = ((...args: unknown[]) => {
    const config = args[0];
    if (config && typeof config === 'object' && 'text' in config && !('name' in config && config.name)) {
      (config as unknown as { name: string }).name = statementName((config as { text: string }).text);
    }
    // A callback or a submittable (a cursor, a stream) is node-postgres' own flow: it goes straight through.
    if (typeof args.at(-1) === 'function' || (config && typeof config === 'object' && 'submit' in config)) return query(...args);
    const send = () => query(...args);
    const result = previous.then(send, send);
    previous = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }) as typeof client.query;
  marked[NAMED] = true;
  return client;
}

const isPrepared = (client: pg.PoolClient, name: string) => prepared.get(client)?.has(name) ?? false;

/** Runs a statement on its own, which prepares it on this connection. */
async function runPreparing(client: pg.PoolClient, statement: Statement): Promise<pg.QueryResultRow[]> {
  const { rows } = await client.query({ name: statement.name, text: statement.text, values: statement.values });
  prepared.set(client, (prepared.get(client) ?? new Set()).add(statement.name));
  return rows;
}

const executeOf = (client: pg.PoolClient, s: Statement) =>
  `execute ${s.name}(${s.values.map((v) => (v === null ? 'null' : client.escapeLiteral(v))).join(', ')})`;

/**
 * Sends `begin`, then the `openings` in order (all in the same round trip once this connection has prepared
 * them), and returns each opening's rows. Each opening sees the settings the ones before it set.
 */
export async function openTransaction(client: pg.PoolClient, begin: string, openings: readonly Statement[]): Promise<pg.QueryResultRow[][]> {
  managed.add(client);
  if (!openings.length) {
    await client.query(begin);
    return [];
  }
  if (openings.every((s) => isPrepared(client, s.name))) {
    const results = (await client.query([begin, ...openings.map((s) => executeOf(client, s))].join('; '))) as unknown as pg.QueryResult[];
    return results.slice(-openings.length).map((result) => result.rows);
  }
  await client.query(begin);
  const rows: pg.QueryResultRow[][] = [];
  for (const opening of openings) rows.push(await runPreparing(client, opening));
  return rows;
}

/**
 * Leaves a write for the end of the transaction on `client`: it runs just before COMMIT, in COMMIT's
 * round trip once prepared, and only if the transaction gets that far. For rows the transaction itself
 * never reads back (the audit trail). Outside a transaction opened here it runs at once.
 */
export async function atCommit(client: pg.PoolClient, statement: Statement): Promise<void> {
  if (!managed.has(client)) {
    await client.query({ name: statement.name, text: statement.text, values: statement.values });
    return;
  }
  const list = deferred.get(client) ?? [];
  list.push(statement);
  deferred.set(client, list);
}

/** Runs the writes left for the end, in order, and commits. */
export async function commitTransaction(client: pg.PoolClient): Promise<void> {
  const pending = deferred.get(client) ?? [];
  deferred.delete(client);
  let next = 0;
  // A statement this connection has not prepared yet runs on its own (once per connection), in its turn.
  while (next < pending.length && pending.slice(next).some((s) => !isPrepared(client, s.name))) {
    await runPreparing(client, pending[next] as Statement);
    next++;
  }
  await client.query([...pending.slice(next).map((s) => executeOf(client, s)), 'commit'].join('; '));
}

/** Forgets the writes left for a transaction that rolls back, and that the connection was in one. */
export function endTransaction(client: pg.PoolClient): void {
  deferred.delete(client);
  managed.delete(client);
}
