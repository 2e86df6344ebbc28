// Issue 4's budget: 30 days of free slots for a specialist with 500 appointments, < 5 ms. Needs no server.
import { freeSlots, type SlotQuery } from '@tend/contracts';

export type SlotFigures = { runs: number; appointments: number; slots: number; p50Ms: number; p99Ms: number; budget: { p99Ms: number }; pass: boolean };

export function benchSlots(runs = 2_000, budget = { p99Ms: 5 }): SlotFigures {
  const from = Date.parse('2026-04-01T00:00:00Z');
  // 500 fifty-minute appointments inside working hours over 30 days (about 17 a working day).
  const busy = Array.from({ length: 500 }, (_, i) => {
    const dayStart = from + Math.floor(i / 17) * 86_400_000 + 6 * 3_600_000; // 09:00 Kyiv (summer)
    const start = dayStart + (i % 17) * 40 * 60_000;
    return { start, end: start + 50 * 60_000 };
  });
  const query: SlotQuery = {
    timeZone: 'Europe/Kyiv',
    rules: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: 8 * 60, end: 21 * 60 })),
    overrides: [{ date: '2026-04-20', windows: [] }],
    busy,
    durationMinutes: 50,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    stepMinutes: 15,
    minNoticeMinutes: 720,
    horizonDays: 60,
    from,
    to: from + 30 * 86_400_000,
    now: from - 86_400_000,
  };
  for (let i = 0; i < 50; i += 1) freeSlots(query); // warm up
  const times = new Float64Array(runs);
  let slots = 0;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    slots = freeSlots(query).length;
    times[i] = performance.now() - t0;
  }
  times.sort();
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 1000) / 1000;
  return { runs, appointments: busy.length, slots, p50Ms: at(0.5), p99Ms: at(0.99), budget, pass: at(0.99) < budget.p99Ms };
}

export function printSlots(f: SlotFigures) {
  process.stdout.write(`\nFree slots, 30 days, ${f.appointments} appointments, 15-minute grid (${f.runs} runs, no server): ${f.slots} slots\n`);
  process.stdout.write(`  p50 ${f.p50Ms} ms   p99 ${f.p99Ms} ms   (budget < ${f.budget.p99Ms} ms): ${f.pass ? 'PASS' : 'MISS'}\n`);
}
