/** A job held by this process: being checked against the ledger, running, or being finished. */
export interface Claim<R> {
  /**
   * Marks the job running with `run`, or no longer running (undefined). While
   * it runs, {@link JobClaims.acquire} hands out `run` instead of waiting, so a
   * duplicate is ignored and a cancellation reaches the run.
   */
  setRunning(run: R | undefined): void;
  /** Lets the next holder of the same job proceed. Call once, when done. */
  release(): void;
}

/** Either the job is now held by the caller, or it is running here with `running`. */
export type Acquired<R> = { claim: Claim<R> } | { running: R };

interface Held<R> {
  run: R | undefined;
  waiters: (() => void)[];
}

/**
 * Which jobs this process holds, by (manager id, job id). The ledger cannot
 * tell "running here" from "left running by a crashed agent"; this can, and it
 * keeps two deliveries (or a delivery and a cancellation) of one job from
 * deciding on the same ledger row at once.
 */
export class JobClaims<R> {
  private readonly held = new Map<string, Held<R>>();

  /** The job's run, if it is running in this process now. */
  running(managerId: string, jobId: string): R | undefined {
    return this.held.get(key(managerId, jobId))?.run;
  }

  /**
   * Claims a job. While another holder checks or finishes it (short), waits
   * until that one lets go or starts running it.
   */
  async acquire(managerId: string, jobId: string): Promise<Acquired<R>> {
    const k = key(managerId, jobId);
    for (let other = this.held.get(k); other; other = this.held.get(k)) {
      if (other.run) return { running: other.run };
      await new Promise<void>((resolve) => other?.waiters.push(resolve));
    }
    const held: Held<R> = { run: undefined, waiters: [] };
    const wake = () => {
      for (const waiter of held.waiters.splice(0)) waiter();
    };
    this.held.set(k, held);
    return {
      claim: {
        setRunning: (run) => {
          held.run = run;
          wake();
        },
        release: () => {
          if (this.held.get(k) === held) this.held.delete(k);
          wake();
        },
      },
    };
  }
}

function key(managerId: string, jobId: string): string {
  return JSON.stringify([managerId, jobId]);
}
