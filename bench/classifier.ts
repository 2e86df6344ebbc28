// Per-message cost of the local risk classifier over the labelled set; needs no server.
import fs from 'node:fs';
import path from 'node:path';
import { classifyRisk } from '@tend/contracts';

export type ClassifierFigures = {
  messages: number;
  classifications: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  budget: { p99Ms: number };
  pass: boolean;
};

const TEST_SET = path.join(import.meta.dirname, '../packages/contracts/src/risk/risk-test-set.jsonl');

export function benchClassifier(classifications = 20_000, budget = { p99Ms: 1 }): ClassifierFigures {
  const texts = fs
    .readFileSync(TEST_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  for (let i = 0; i < 2_000; i += 1) classifyRisk(texts[i % texts.length] ?? ''); // warm up the JIT
  const latencies = new Float64Array(classifications);
  const started = performance.now();
  for (let i = 0; i < classifications; i += 1) {
    const t0 = performance.now();
    classifyRisk(texts[i % texts.length] ?? '');
    latencies[i] = performance.now() - t0;
  }
  const elapsed = performance.now() - started;
  latencies.sort();
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 1000) / 1000;
  const p99Ms = at(0.99);
  return {
    messages: texts.length,
    classifications,
    perSecond: Math.round((classifications / elapsed) * 1000),
    p50Ms: at(0.5),
    p99Ms,
    maxMs: at(1),
    budget,
    pass: p99Ms < budget.p99Ms,
  };
}

export function printClassifier(f: ClassifierFigures) {
  process.stdout.write(`\nRisk classifier (${f.classifications} classifications over ${f.messages} labelled messages, no server)\n`);
  process.stdout.write(
    `  ${String(f.perSecond).padStart(6)} msg/s   p50 ${f.p50Ms} ms   p99 ${f.p99Ms} ms   max ${f.maxMs} ms   (budget p99 < ${f.budget.p99Ms} ms): ${f.pass ? 'PASS' : 'MISS'}\n`,
  );
}
