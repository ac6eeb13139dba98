/** A trusted manager as the agent's scheduler sees it. */
export interface ShareConfig {
  managerId: string;
  /** Share of the slots under saturation, relative to the other managers' weights. */
  weight: number;
  /** Most of this manager's jobs running at once; unset: no limit but the agent's slots. */
  maxConcurrent?: number;
}

/**
 * Weighted deficit round robin over managers, one job per decision (a job
 * costs 1): each turn a manager receives `weight` credits and may start that
 * many jobs, so while every manager has work, manager `m` starts `weight(m)
 * / Σ weight` of the jobs. Credit is not banked while a manager has nothing
 * to run, so a manager that was idle cannot burst past the others later;
 * and a manager with a little work waits at most one turn of the others.
 *
 * The agent asks for a manager only when a slot is free, so the share is of
 * slots, not of queued work. Pure logic: the caller says who has work now.
 */
export class DeficitRoundRobin {
  private managers: ShareConfig[] = [];
  private readonly deficit = new Map<string, number>();
  private readonly running = new Map<string, number>();
  private turn = 0;

  /** Replaces the managers (trust changed); credit and running counts of the ones kept stay. */
  configure(managers: ShareConfig[]): void {
    this.managers = [...managers].sort((a, b) => a.managerId.localeCompare(b.managerId));
    const kept = new Set(this.managers.map((m) => m.managerId));
    for (const id of this.deficit.keys()) if (!kept.has(id)) this.deficit.delete(id);
    this.turn = Math.min(this.turn, Math.max(0, this.managers.length - 1));
  }

  /**
   * The manager whose job to start next, among those `hasWork` says have
   * some, skipping any at its quota; undefined when none can start one.
   * Counts the job as started: call {@link finished} when it ends, and
   * {@link unstarted} if no job could be taken after all.
   */
  next(hasWork: (managerId: string) => boolean): string | undefined {
    const eligible = (m: ShareConfig) => hasWork(m.managerId) && this.belowQuota(m.managerId);
    if (!this.managers.some(eligible)) return undefined;
    // Bounded: every pass over the managers hands out at least one credit to an eligible one.
    for (;;) {
      const manager = this.managers[this.turn];
      if (!manager) {
        this.turn = 0;
        continue;
      }
      const credit = this.deficit.get(manager.managerId) ?? 0;
      if (eligible(manager) && credit >= 1) {
        this.deficit.set(manager.managerId, credit - 1);
        this.running.set(manager.managerId, this.runningOf(manager.managerId) + 1);
        return manager.managerId;
      }
      // Its turn is over: an idle manager's leftover credit is dropped, not banked.
      if (!eligible(manager)) this.deficit.set(manager.managerId, 0);
      this.turn = (this.turn + 1) % this.managers.length;
      const following = this.managers[this.turn];
      if (following && eligible(following)) {
        this.deficit.set(
          following.managerId,
          (this.deficit.get(following.managerId) ?? 0) + following.weight,
        );
      }
    }
  }

  /**
   * A job of `managerId` started without being asked for: the first message
   * to wake an idle agent. Nobody else wanted the slot, so it costs no
   * credit (debt would starve that manager once the others wake up).
   */
  charge(managerId: string): void {
    this.running.set(managerId, this.runningOf(managerId) + 1);
  }

  /** The job {@link next} counted could not be taken (its queue was empty after all). */
  unstarted(managerId: string): void {
    this.running.set(managerId, Math.max(0, this.runningOf(managerId) - 1));
    this.deficit.set(managerId, (this.deficit.get(managerId) ?? 0) + 1);
  }

  /** A job of `managerId` ended, one way or another. */
  finished(managerId: string): void {
    this.running.set(managerId, Math.max(0, this.runningOf(managerId) - 1));
  }

  /** False while `managerId` runs as many jobs as its quota allows. */
  belowQuota(managerId: string): boolean {
    const quota = this.managers.find((m) => m.managerId === managerId)?.maxConcurrent;
    return quota === undefined || this.runningOf(managerId) < quota;
  }

  runningOf(managerId: string): number {
    return this.running.get(managerId) ?? 0;
  }
}
