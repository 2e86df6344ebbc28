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
  try {
    await fs.access(path.join(root, 'apps/web/dist/index.html'));
  } catch {
    const build = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the web app did not build');
  }
  const server = await startTendServer(DEMO_PASSWORD);
  project.provide('baseUrl', server.baseUrl);
  project.provide('demoPassword', DEMO_PASSWORD);
  return server.stop;
}
