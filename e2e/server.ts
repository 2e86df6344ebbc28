import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export type TendServer = { baseUrl: string; stop: () => Promise<void> };

/** The real server, as `npm start` runs it, on a fresh data dir with the demo practice; `env` adds settings (LiveKit, say). */
export async function startTendServer(demoPassword: string, env: Record<string, string> = {}): Promise<TendServer> {
  const port = await freePort();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tend-e2e-'));
  const baseUrl = `http://localhost:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: baseUrl,
      TEND_DEMO_PASSWORD: demoPassword,
      DATABASE_URL: '',
      TEND_MASTER_KEY: '',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      // Every browser of the run signs in from 127.0.0.1; the lockout after failed sign-ins still applies.
      AUTH_RATE_LIMIT_PER_MINUTE: '600',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 90_000;
  while (
    !(await fetch(`${baseUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error('the server did not start for the E2E run');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      server.kill('SIGINT');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
