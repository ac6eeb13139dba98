import { readFile } from 'node:fs/promises';

/** CPU time and peak memory of a process, as far as it has run. */
export interface ProcessUsage {
  /** User + system time of the process and of the children it has waited for. */
  cpuMs: number;
  /** Peak resident set size (VmHWM), KiB. */
  peakRssKb: number;
}

/**
 * Clock ticks per second of `/proc/<pid>/stat` times: USER_HZ, which Linux
 * fixes at 100 for user space on every architecture Node runs on.
 */
const TICKS_PER_SECOND = 100;

/**
 * CPU time in `/proc/<pid>/stat`: utime + stime of the process plus cutime +
 * cstime (children it has reaped), in ms; undefined when the text does not
 * parse. Fields are counted after the command name, which may hold spaces
 * and parentheses.
 */
export function parseStatCpuMs(stat: string): number | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  // Field 3 (state) is at index 0, so field n is at n - 3: utime 14 … cstime 17.
  const fields = stat.slice(close + 2).split(' ');
  const ticks = fields.slice(11, 15).map(Number);
  if (ticks.length < 4 || ticks.some((n) => !Number.isInteger(n) || n < 0)) return undefined;
  return (ticks.reduce((a, b) => a + b, 0) * 1000) / TICKS_PER_SECOND;
}

/** VmHWM (peak resident set, KiB) in `/proc/<pid>/status`; undefined without one (a kernel thread, a zombie). */
export function parseStatusPeakRssKb(status: string): number | undefined {
  const match = /^VmHWM:\s*(\d+)\s*kB$/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

/** One reading of a live process; undefined once it is gone (or off Linux). */
export async function sampleProcess(pid: number): Promise<ProcessUsage | undefined> {
  try {
    const [stat, status] = await Promise.all([
      readFile(`/proc/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/status`, 'utf8'),
    ]);
    const cpuMs = parseStatCpuMs(stat);
    if (cpuMs === undefined) return undefined;
    return { cpuMs, peakRssKb: parseStatusPeakRssKb(status) ?? 0 };
  } catch {
    return undefined;
  }
}

/**
 * Samples `pid` now and every `intervalMs` until stopped or gone, reporting
 * the running maximum of each figure (both only grow while the process
 * lives; the maximum also keeps a last reading taken as it exits, when the
 * kernel may already have released its memory). Polling cannot see the
 * last interval of a run: the exit reaps the process before it can be read.
 *
 * @returns stops the sampling.
 */
export function watchProcess(
  pid: number,
  intervalMs: number,
  onSample: (usage: ProcessUsage) => void,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const best: ProcessUsage = { cpuMs: 0, peakRssKb: 0 };
  const tick = async () => {
    const usage = await sampleProcess(pid);
    if (stopped || !usage) return;
    best.cpuMs = Math.max(best.cpuMs, usage.cpuMs);
    best.peakRssKb = Math.max(best.peakRssKb, usage.peakRssKb);
    onSample({ ...best });
    timer = setTimeout(() => void tick(), intervalMs);
  };
  if (process.platform === 'linux') void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
