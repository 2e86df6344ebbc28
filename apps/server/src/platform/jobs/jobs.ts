import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Tx } from '../db/database';
import { isDatabaseShuttingDown } from '../db/shutdown';

export type JobHandler<T> = (data: T) => Promise<void>;

export type Jobs = {
  /** Enqueues in the caller's transaction: the job exists only if the change commits. */
  send<T extends object>(tx: Tx, name: string, data: T, options?: PgBoss.SendOptions): Promise<void>;
  /** Several jobs in one statement, in the caller's transaction; a duplicate singleton key is skipped. */
  sendMany<T extends object>(tx: Tx, name: string, jobs: { data: T; startAfter: Date; singletonKey: string }[]): Promise<void>;
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Runs `handler` on a cron schedule (UTC) on worker instances; one run per tick across instances. */
  schedule(name: string, cron: string, handler: JobHandler<object>): Promise<void>;
  stop(): Promise<void>;
};

/**
 * pg-boss's statements on the caller's transaction. As a query config they are named like every other
 * statement of the transaction (platform/db), so PostgreSQL parses and plans pg-boss's insert once per
 * connection rather than on every booking (a quarter of a millisecond of planning each time).
 */
const inTransaction = (tx: Tx) => ({ executeSql: (text: string, values: unknown[]) => tx.$client.query({ text, values }) });

/** Queues the platform knows; modules add theirs through `queues`. */
export async function startJobs(ownerUrl: string, queues: string[], logger: Logger, runWorkers: boolean): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: ownerUrl, max: 4, schema: 'pgboss', supervise: runWorkers, schedule: runWorkers, migrate: true });
  boss.on('error', (error) => {
    if (isDatabaseShuttingDown(error)) logger.info('job queue: the database is shutting down');
    else logger.error({ err: error }, 'job queue error');
  });
  await boss.start();
  const ensureQueue = async (name: string) => {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  };
  for (const name of queues) await ensureQueue(name);
  // tend_app may add jobs inside its own transactions, and nothing else in the queue schema.
  for (const grant of [
    'grant usage on schema pgboss to tend_app',
    'grant select on pgboss.queue to tend_app',
    'grant insert, select (id) on pgboss.job to tend_app',
  ]) {
    await boss.getDb().executeSql(grant, []);
  }
  const jobs: Jobs = {
    async send(tx, name, data, options = {}) {
      const db = inTransaction(tx);
      await boss.send(name, data, { ...options, db } as PgBoss.SendOptions);
    },
    async sendMany(tx, name, list) {
      if (!list.length) return;
      const db = inTransaction(tx);
      const rows = list.map((j) => ({ name, data: j.data, startAfter: j.startAfter.toISOString(), singletonKey: j.singletonKey }));
      await boss.insert(rows, { db } as PgBoss.InsertOptions);
    },
    async work(name, handler) {
      await ensureQueue(name); // every instance may enqueue; only workers consume
      if (!runWorkers) return;
      await boss.work<object>(name, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
    },
    async schedule(name, cron, handler) {
      await ensureQueue(name);
      if (!runWorkers) return;
      await boss.schedule(name, cron, {}, { tz: 'UTC' });
      await jobs.work(name, handler);
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
  return jobs;
}
