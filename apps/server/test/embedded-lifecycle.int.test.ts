import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isAlive } from '../src/platform/db/embedded';

const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = path.join(os.tmpdir(), `tend-lifecycle-${process.pid}`);
const password = 'lifecycle-demo-password';
let port = 0;
const running: ChildProcess[] = [];

/** Starts the real server (`main.ts`, as `npm start` does) on the embedded PostgreSQL. */
async function startServer(): Promise<{ child: ChildProcess; log: () => string }> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), TEND_DEMO_PASSWORD: password, LOG_LEVEL: 'info', TEND_MASTER_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Tend is ready')) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, log: () => output };
}

const api = async (method: string, url: string, body?: object) => {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as { data: Record<string, unknown> } };
};

const postmasterPid = async () => Number((await fs.readFile(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8')).split('\n')[0]);
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  const pid = await postmasterPid().catch(() => 0);
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  await new Promise((r) => setTimeout(r, 500));
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('npm start on the embedded PostgreSQL', () => {
  it('seeds once, survives kill -9 of the server without losing committed data, and stops cleanly on SIGINT', async () => {
    port = await freePort();
    const first = await startServer();
    expect(first.log()).toContain('Demo Practice created');
    expect((await api('POST', '/api/v1/auth/login', { email: 'admin@demo.tend.local', password })).status).toBe(200);
    const registered = await api('POST', '/api/v1/auth/register', { email: 'survivor@example.test', password: 'committed passphrase', name: 'Survivor' });
    expect(registered.status).toBe(201);

    const orphan = await postmasterPid();
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(isAlive(orphan)).toBe(true); // the postgres child outlives a SIGKILLed server

    const second = await startServer();
    expect(second.log()).toContain('left running by an earlier run');
    expect(second.log()).not.toContain('Demo Practice created');
    expect(isAlive(orphan)).toBe(false);
    expect((await api('POST', '/api/v1/auth/login', { email: 'survivor@example.test', password: 'committed passphrase' })).status).toBe(200);

    const pid = await postmasterPid();
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
    expect(isAlive(pid)).toBe(false);

    const third = await startServer();
    expect(third.log()).not.toContain('left running by an earlier run');
    expect((await api('POST', '/api/v1/auth/login', { email: 'survivor@example.test', password: 'committed passphrase' })).status).toBe(200);
    third.child.kill('SIGINT');
    expect(await exited(third.child)).toBe(0);
  }, 180_000);
});
