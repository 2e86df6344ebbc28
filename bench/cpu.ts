// Where a scenario's CPU goes, per operation: the server process, its PostgreSQL (the postmaster and
// every backend under it) and this load generator. Linux only (/proc); elsewhere the split is omitted.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export type CpuSplit = { server: number; postgres: number; bench: number };
type Reading = { server: number; postgres: number; bench: number };

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime (ms) and the parent of every live process. */
function processes(): Map<number, { parent: number; cpuMs: number }> {
  const all = new Map<number, { parent: number; cpuMs: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    // The command name is in parentheses and may hold spaces: the fields we want follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
    all.set(Number(entry), { parent, cpuMs });
  }
  return all;
}

function read(serverPid: number): Reading {
  const all = processes();
  const descends = (pid: number): boolean => {
    for (let p = all.get(pid)?.parent; p !== undefined && p > 1; p = all.get(p)?.parent) if (p === serverPid) return true;
    return false;
  };
  let postgres = 0;
  for (const [pid, p] of all) if (pid !== serverPid && descends(pid)) postgres += p.cpuMs;
  const own = process.cpuUsage();
  return { server: all.get(serverPid)?.cpuMs ?? 0, postgres, bench: (own.user + own.system) / 1000 };
}

/**
 * Measures the CPU spent while `phase` runs, divided by the operations it reports. Backends that
 * exit during the phase take their time with them, so the PostgreSQL figure is a lower bound.
 */
export async function cpuPerOperation<T extends { requests: number }>(serverPid: number | undefined, phase: () => Promise<T>): Promise<T & { cpu?: CpuSplit }> {
  if (process.platform !== 'linux' || !serverPid) return phase();
  const before = read(serverPid);
  const result = await phase();
  const after = read(serverPid);
  const per = (key: keyof Reading) => Math.round(((after[key] - before[key]) / Math.max(1, result.requests)) * 1000) / 1000;
  return { ...result, cpu: { server: per('server'), postgres: per('postgres'), bench: per('bench') } };
}
