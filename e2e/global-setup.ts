import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
const DEMO_PASSWORD = 'e2e-demo-password';

/** Builds the web app if needed and runs the real server, as `npm start` does, on a fresh data dir. */
export default async function setup(project: TestProject) {
  try {
    await fs.access(path.join(root, 'apps/web/dist/index.html'));
  } catch {
    const build = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the web app did not build');
  }
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
      TEND_DEMO_PASSWORD: DEMO_PASSWORD,
      DATABASE_URL: '',
      TEND_MASTER_KEY: '',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
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
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', DEMO_PASSWORD);
  return async () => {
    server.kill('SIGINT');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    await fs.rm(dataDir, { recursive: true, force: true });
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
