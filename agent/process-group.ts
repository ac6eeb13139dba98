import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Sends `signal` to every process of the group `pgid` (0 only probes).
 *
 * @returns false when no process of the group exists any more.
 */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    // EPERM (a member changed its user): it is there, this process just may not signal it.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Whether a process of the group is still alive. On Linux zombies do not
 * count: a member that died waits to be reaped by its parent, and once it is
 * orphaned that parent is init, which in a container may never reap it.
 */
async function groupAlive(pgid: number): Promise<boolean> {
  if (!signalGroup(pgid, 0)) return false;
  if (process.platform !== 'linux') return true;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // After the command name, which may hold spaces and parentheses: state, ppid, pgrp, ...
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return true;
  }
  return false;
}

export interface TerminateOptions {
  /** How long the group has to exit after SIGTERM before SIGKILL. */
  graceMs: number;
  /** How long to wait after SIGKILL (a process in uninterruptible I/O dies late). Default 2 s. */
  killWaitMs?: number;
  /** Default 50 ms. */
  pollMs?: number;
}

/**
 * Ends every process of the group `pgid`: SIGTERM, then SIGKILL to whatever is
 * left after the grace period.
 *
 * @returns false when a process was still alive after SIGKILL and its wait.
 */
export async function terminateGroup(
  pgid: number,
  { graceMs, killWaitMs = 2_000, pollMs = 50 }: TerminateOptions,
): Promise<boolean> {
  if (!signalGroup(pgid, 'SIGTERM')) return true;
  if (await waitGone(pgid, graceMs, pollMs)) return true;
  signalGroup(pgid, 'SIGKILL');
  return waitGone(pgid, killWaitMs, pollMs);
}

async function waitGone(pgid: number, ms: number, pollMs: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (await groupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await sleep(pollMs);
  }
  return true;
}
