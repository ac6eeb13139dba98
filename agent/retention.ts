import type { Sql } from '../common/db.ts';
import type { Logger } from '../common/log.ts';

/** What one pruning pass removed. */
export interface Pruned {
  jobs: number;
  outbox: number;
}

/**
 * Deletes what the agent no longer needs: ledger rows of jobs that finished
 * (succeeded, failed, cancelled or tombstoned) longer than `retentionMs` ago,
 * and replies that could not be published for that long (their manager is
 * gone). Rows still running are never touched. Usage rows (`job_usage`) are
 * the agent's books and are kept.
 *
 * Bound: retention exceeds the furthest queue deadline a request may carry
 * (`CARONI_MAX_QUEUE_MS`, enforced by the config and by `checkRequest`), so a
 * request still takeable always finds its job's record.
 */
export async function pruneLedger(sql: Sql, retentionMs: number): Promise<Pruned> {
  const secs = retentionMs / 1000;
  const jobs = await sql`
    delete from jobs
    where status <> 'running'
      and coalesce(finished_at, cancelled_at, received_at) < now() - make_interval(secs => ${secs})`;
  const outbox = await sql`
    delete from outbox where created_at < now() - make_interval(secs => ${secs})`;
  return { jobs: jobs.count, outbox: outbox.count };
}

/** Prunes at start and then every `everyMs` (default an hour); stops with {@link stop}. */
export class Pruner {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: { sql: Sql; retentionMs: number; log: Logger; everyMs?: number },
  ) {}

  start(): void {
    const run = () => {
      pruneLedger(this.options.sql, this.options.retentionMs).then(
        (pruned) => {
          if (pruned.jobs > 0 || pruned.outbox > 0) this.options.log.info(pruned, 'ledger pruned');
        },
        (error: unknown) => this.options.log.warn({ err: error }, 'could not prune the ledger'),
      );
    };
    run();
    this.timer = setInterval(run, this.options.everyMs ?? 60 * 60_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
