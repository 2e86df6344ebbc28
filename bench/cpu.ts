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

/** Each process's CPU so far, by pid, with whether it is the server, under it (PostgreSQL) or neither. */
function snapshot(serverPid: number): Map<number, { cpuMs: number; role: 'server' | 'postgres' | 'other' }> {
  const all = processes();
  const descends = (pid: number): boolean => {
    for (let p = all.get(pid)?.parent; p !== undefined && p > 1; p = all.get(p)?.parent) if (p === serverPid) return true;
    return false;
  };
  return new Map([...all].map(([pid, p]) => [pid, { cpuMs: p.cpuMs, role: pid === serverPid ? 'server' : descends(pid) ? 'postgres' : 'other' }]));
}

/**
 * Measures the CPU spent while `phase` runs, divided by the operations it reports. Each process counts
 * what it spent during the phase (a backend that started in it, all of its time); a backend that exits
 * before the end takes its share with it, so the PostgreSQL figure is a lower bound.
 */
export async function cpuPerOperation<T extends { requests: number }>(serverPid: number | undefined, phase: () => Promise<T>): Promise<T & { cpu?: CpuSplit }> {
  if (process.platform !== 'linux' || !serverPid) return phase();
  const before = snapshot(serverPid);
  const ownBefore = process.cpuUsage();
  const result = await phase();
  const own = process.cpuUsage(ownBefore);
  const spent: Reading = { server: 0, postgres: 0, bench: (own.user + own.system) / 1000 };
  for (const [pid, p] of snapshot(serverPid)) if (p.role !== 'other') spent[p.role] += p.cpuMs - (before.get(pid)?.cpuMs ?? 0);
  const per = (key: keyof Reading) => Math.round((spent[key] / Math.max(1, result.requests)) * 1000) / 1000;
  return { ...result, cpu: { server: per('server'), postgres: per('postgres'), bench: per('bench') } };
}
