import { readdirSync, readFileSync } from 'node:fs';
import { parseStatCpuMs } from '../agent/proc-usage.ts';

/**
 * CPU and memory of the processes the bench measures, read from /proc
 * (Linux only). A measured party may be several processes (the Temporal CLI
 * and anything it forks, the PostgreSQL backends serving a database), so each
 * is a function that lists its pids now.
 */
export type PidSource = () => number[];

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, and of reaped children) of one process, ms; 0 once it is gone. */
export function cpuMsOf(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  return (stat && parseStatCpuMs(stat)) || 0;
}

/** Resident set size now (VmRSS) of one process, KiB; 0 once it is gone. */
export function rssKbOf(pid: number): number {
  const match = /^VmRSS:\s*(\d+)\s*kB$/m.exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) : 0;
}

/** The parent pid in `/proc/<pid>/stat` (field 4, after the command name, which may hold spaces). */
function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** `pid` and every live descendant of it (found by parent pid: not every kernel has `task/<tid>/children`). */
export function processTree(pid: number): PidSource {
  return () => {
    const children = new Map<number, number[]>();
    for (const id of allPids()) {
      const parent = parentOf(id);
      if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), id]);
    }
    const tree: number[] = [];
    const visit = (id: number) => {
      tree.push(id);
      for (const child of children.get(id) ?? []) visit(child);
    };
    visit(pid);
    return tree;
  };
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/**
 * The PostgreSQL backends serving any of `databases` (their command line
 * reads `postgres: <cluster>: <user> <database> <client> <state>`). The
 * pools keep their connections, so the set is stable over a window.
 */
export function postgresBackends(databases: string[]): PidSource {
  return () =>
    allPids().filter((pid) => {
      const words = (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ').split(' ');
      return words[0] === 'postgres:' && databases.some((name) => words.includes(name));
    });
}

/** Processes whose command name (`/proc/<pid>/comm`) is `comm`, e.g. RabbitMQ's `beam.smp`. */
export function byCommand(comm: string): PidSource {
  return () => allPids().filter((pid) => read(`/proc/${pid}/comm`)?.trim() === comm);
}

/** Busy and total CPU time of the whole machine so far, ms (from the `cpu` line of /proc/stat). */
export function machineCpuMs(): { busyMs: number; totalMs: number } {
  const line = (read('/proc/stat') ?? '').split('\n')[0] ?? '';
  const ticks = line.split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  // Fields: user nice system idle iowait irq softirq steal.
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busyMs: (total - idle) * 10, totalMs: total * 10 };
}

export type Parties = Record<string, PidSource>;

/** CPU ms of each party and of the machine at one moment. */
export interface CpuSnapshot {
  at: number;
  parties: Record<string, number>;
  machine: { busyMs: number; totalMs: number };
}

/**
 * Pids are listed at the snapshot; a process that ended between two
 * snapshots takes its CPU with it, so measured parties must live through
 * the window (they do: pools and services stay up).
 */
export function snapshot(parties: Parties): CpuSnapshot {
  const result: Record<string, number> = {};
  for (const [name, pids] of Object.entries(parties))
    result[name] = pids().reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  return { at: performance.now(), parties: result, machine: machineCpuMs() };
}

/** What each party used between two snapshots, and the machine's load in that time. */
export interface CpuWindow {
  wallMs: number;
  /** CPU ms per party. */
  cpuMs: Record<string, number>;
  /** Share of all cores busy (0..1), whoever used them. */
  machineBusy: number;
  /** Share of all cores the measured parties used (0..1). */
  measuredBusy: number;
}

export function between(start: CpuSnapshot, end: CpuSnapshot): CpuWindow {
  const cpuMs: Record<string, number> = {};
  for (const [name, ms] of Object.entries(end.parties))
    cpuMs[name] = ms - (start.parties[name] ?? 0);
  const totalMs = end.machine.totalMs - start.machine.totalMs;
  const ours = Object.values(cpuMs).reduce((a, b) => a + b, 0);
  return {
    wallMs: end.at - start.at,
    cpuMs,
    machineBusy: totalMs > 0 ? (end.machine.busyMs - start.machine.busyMs) / totalMs : 0,
    measuredBusy: totalMs > 0 ? ours / totalMs : 0,
  };
}

/** Adds windows up (several rounds of one measurement). */
export function sumWindows(windows: CpuWindow[]): CpuWindow {
  const cpuMs: Record<string, number> = {};
  let wallMs = 0;
  let machine = 0;
  let measured = 0;
  for (const window of windows) {
    wallMs += window.wallMs;
    machine += window.machineBusy * window.wallMs;
    measured += window.measuredBusy * window.wallMs;
    for (const [name, ms] of Object.entries(window.cpuMs)) cpuMs[name] = (cpuMs[name] ?? 0) + ms;
  }
  return {
    wallMs,
    cpuMs,
    machineBusy: wallMs > 0 ? machine / wallMs : 0,
    measuredBusy: wallMs > 0 ? measured / wallMs : 0,
  };
}
