import type { Sql } from '../common/db.ts';
import type { Body } from '../common/envelope.ts';
import type { CancelData } from './check-cancel.ts';
import { refRecord } from './check-request.ts';
import type { JobClaims } from './claims.ts';
import { cancelJob } from './ledger.ts';
import { cancelledBody } from './replies.ts';
import type { RunningJob } from './run-job.ts';

/**
 * What a cancellation did: `stopping` (the job runs here; its handler was
 * aborted and its run will reply once it has returned), `recorded` (the ledger
 * now says cancelled: a tombstone, or a row a restarted agent left running),
 * `unchanged` (cancelled before, or finished: left as it is).
 */
export type CancelEffect = 'stopping' | 'recorded' | 'unchanged';

export interface CancelDeps {
  sql: Sql;
  claims: JobClaims<RunningJob>;
  /** Sends a reply to the manager; never rejects. */
  send(body: Body): Promise<void>;
}

/**
 * Applies a verified `CancelJob`. A job running here is aborted (ctx.signal;
 * a program's whole process group is killed) and its ledger row marked
 * cancelled; its run replies `JobCancelled { wasRunning: true }` once the
 * handler has returned and sends no result. Any other job gets a ledger
 * tombstone (or keeps its finished row) and the manager gets
 * `JobCancelled { wasRunning: false }` at once.
 *
 * @throws when the ledger cannot be written: the control message goes back to
 *   its queue and is applied again later (every step is idempotent).
 */
export async function applyCancel(cancel: CancelData, deps: CancelDeps): Promise<CancelEffect> {
  const { managerId, jobId, reason } = cancel;
  const record = () =>
    cancelJob(deps.sql, { managerId, jobId, ref: refRecord(cancel.ref), reason });
  for (;;) {
    // Looked up and marked in one tick, so the run sees the mark when it takes its outcome.
    const running = deps.claims.running(managerId, jobId);
    if (running) {
      if (running.cancellation) {
        // A repeated cancellation: the first one stops the run, which replies.
        await record();
        return 'unchanged';
      }
      const recorded = record();
      running.cancellation = { reason, recorded };
      running.run.abort(reason);
      await recorded;
      return 'stopping';
    }
    const acquired = await deps.claims.acquire(managerId, jobId);
    // It started running while another holder had it: stop it.
    if ('running' in acquired) continue;
    try {
      const { changed } = await record();
      await deps.send(cancelledBody(cancel, false));
      return changed ? 'recorded' : 'unchanged';
    } finally {
      acquired.claim.release();
    }
  }
}
