import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { classifyRisk } from '@tend/contracts';

type Id = string | number;
type Output = { id: Id; level: string; language: string; matched: string[] } | { id: Id | null; error: string };

/** One JSON line `{"id","text"}` in, one result line out; a bad line gets an error line and the stream goes on. */
export function classifyLine(line: string): Output {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'line is not valid JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { id: null, error: 'expected an object {"id","text"}' };
  const { id, text } = input as { id?: unknown; text?: unknown };
  const validId = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (validId === null) return { id: null, error: '"id" must be a string or a number' };
  if (typeof text !== 'string') return { id: validId, error: '"text" must be a string' };
  const { level, language, matched } = classifyRisk(text);
  return { id: validId, level, language, matched };
}

/** `tend risk classify`: JSON lines from `input` to `output`; needs no database or config. */
export async function classifyStream(input: Readable, output: Writable): Promise<void> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (!output.write(`${JSON.stringify(classifyLine(line))}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}
