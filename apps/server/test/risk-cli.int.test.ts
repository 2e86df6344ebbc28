import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs `tend risk classify` with no database and a configuration that would not load. */
function classify(stdin: string): Promise<{ code: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'apps/server/src/cli/tend.ts', 'risk', 'classify'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', TEND_MASTER_KEY: 'not-a-key', PORT: 'not-a-port' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stderr,
        lines: stdout
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      }),
    );
    child.stdin.end(stdin);
  });
}

describe('tend risk classify', () => {
  it('classifies JSON lines from stdin, reports bad lines and carries on, without a database', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: "I have the pills and I'm going to take them all tonight" }),
      '{not json',
      JSON.stringify({ id: 2, text: 'Помираю зі сміху' }),
      '',
      JSON.stringify({ id: 'c', text: 'Не хочу жить' }),
      JSON.stringify({ text: 'no id' }),
    ].join('\n');
    const { code, lines } = await classify(`${input}\n`);
    expect(code).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a', level: 'crisis', language: 'en' });
    expect(lines[0]?.matched).toEqual(expect.arrayContaining(['timeline:tonight']));
    expect(lines[1]).toEqual({ id: null, error: expect.any(String) });
    expect(lines[2]).toEqual({ id: 2, level: 'none', language: 'uk', matched: [] });
    expect(lines[3]).toMatchObject({ id: 'c', level: 'high', language: 'ru' });
    expect(lines[4]).toEqual({ id: null, error: expect.any(String) });
  });
});
