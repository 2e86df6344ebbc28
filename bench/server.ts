import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../apps/server/src/platform/db/embedded';
import { benchSettings } from './settings';

export const DEMO_PASSWORD = 'bench-demo-password';
const root = path.resolve(import.meta.dirname, '..');

export type BenchServer = { url: string; ownerUrl: string; pid: number | undefined; stop(): Promise<void> };

/**
 * Starts the real server as `npm start` does (embedded PostgreSQL in a temp dir, or BENCH_DATABASE_URL)
 * and returns its URL and the owner database URL it logs at debug level.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tend-bench-'));
  const profile = benchSettings.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${benchSettings.profileDir}`] : [];
  // The same V8 flag as `npm start` (package.json): a 32 MB young generation lets most of a request's objects
  // die young under load instead of being promoted (8-9 % less server CPU per request, docs/performance.md).
  const child: ChildProcess = spawn(process.execPath, [...profile, '--max-semi-space-size=32', '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      TEND_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      TEND_MASTER_KEY: '',
      DATABASE_URL: benchSettings.databaseUrl ?? '',
      TEND_SEED_DEMO: 'true',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bench server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const password = (await fs.readFile(path.join(dataDir, 'postgres.password'), 'utf8').catch(() => '')).trim();
  // postmaster.pid: line 4 is the port, line 5 the socket directory (empty when there is none).
  const postmaster = (await fs.readFile(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const socket = postmaster[4] ? `?host=${encodeURIComponent(postmaster[4])}` : '';
  // The ceilings connect as the server does, through the socket when there is one.
  const ownerUrl = benchSettings.databaseUrl ?? `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(postmaster[3])}/tend${socket}`;
  return {
    url,
    ownerUrl,
    pid: child.pid,
    async stop() {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
