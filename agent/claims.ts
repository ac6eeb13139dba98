/** A job held by this process: being checked against the ledger, running, or being finished. */
export interface Claim {
  /** True while the handler runs: a duplicate is then acked and ignored instead of waiting. */
  running: boolean;
  /** Lets the next delivery of the same job proceed. Call once, when done. */
  release(): void;
}

/**
 * Which jobs this process holds, by (manager id, job id). The ledger cannot
 * tell "running here" from "left running by a crashed agent"; this can, and it
 * keeps two deliveries of one job from deciding on the same ledger row at once.
 */
export class JobClaims {
  private readonly held = new Map<string, { claim: Claim; released: Promise<void> }>();

  /**
   * Claims a job. While another delivery of it is being checked or finished
   * (short), waits for that one to let go.
   *
   * @returns undefined when the job is running here: the running copy will reply.
   */
  async acquire(managerId: string, jobId: string): Promise<Claim | undefined> {
    const key = JSON.stringify([managerId, jobId]);
    for (let holder = this.held.get(key); holder; holder = this.held.get(key)) {
      if (holder.claim.running) return undefined;
      await holder.released;
    }
    let resolve = () => {};
    const released = new Promise<void>((done) => (resolve = done));
    const claim: Claim = {
      running: false,
      release: () => {
        if (this.held.get(key)?.claim === claim) this.held.delete(key);
        resolve();
      },
    };
    this.held.set(key, { claim, released });
    return claim;
  }
}
