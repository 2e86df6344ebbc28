import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTendServer } from './server';

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
  if (await webBuildIsStale()) {
    // A production build, as `npm install` makes: vitest sets NODE_ENV=test, and vite would then bundle
    // React's development build and leave out the service worker (the offline and push specs need it).
    const build = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) throw new Error('the web app did not build');
  }
  const server = await startTendServer(DEMO_PASSWORD);
  project.provide('baseUrl', server.baseUrl);
  project.provide('demoPassword', DEMO_PASSWORD);
  return server.stop;
}

/** No build yet, or a source of the web app (or of the contracts it imports) changed after the last one. */
async function webBuildIsStale(): Promise<boolean> {
  const built = await fs.stat(path.join(root, 'apps/web/dist/index.html')).catch(() => null);
  if (!built) return true;
  const sources = ['apps/web/src', 'apps/web/public', 'apps/web/build', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'];
  for (const source of sources) if ((await newestChange(path.join(root, source))) > built.mtimeMs) return true;
  return false;
}

async function newestChange(target: string): Promise<number> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = await fs.readdir(target);
  const times = await Promise.all(entries.map((entry) => newestChange(path.join(target, entry))));
  return Math.max(stat.mtimeMs, ...times);
}
