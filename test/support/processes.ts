import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { waitFor } from './isolation.ts';

/** Alive and not a zombie: an orphan killed here is reparented to init, which in a container may never reap it. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The two pids `fixtures/programs/children.sh` writes to `file`, once both are there. */
export async function childPids(file: string): Promise<number[]> {
  return waitFor(
    async () => {
      const pids = (await readFile(file, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map(Number);
      return pids.length === 2 ? pids : undefined;
    },
    { what: `two child pids in ${file}` },
  );
}
