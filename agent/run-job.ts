import type { Sql } from '../common/db.ts';
import type { Body } from '../common/envelope.ts';
import { failpoint } from '../common/failpoints.ts';
import type { Json } from '../common/json.ts';
import type { Logger } from '../common/log.ts';
import type { JobUsageData } from '../common/usage.ts';
import type { JobRequestData } from './check-request.ts';
import type { Claim } from './claims.ts';
import type { Handler } from './handler.ts';
import { storeJobLog } from './job-log.ts';
import { finishJob } from './ledger.ts';
import type { Outbox } from './outbox.ts';
import { acceptedBody, cancelledBody, progressBody, resultBody } from './replies.ts';
import { runHandler, type HandlerRun } from './run-handler.ts';

/** A job whose handler runs in this process: what a duplicate delivery or a cancellation finds. */
export interface RunningJob {
  run: HandlerRun;
  /**
   * Set by a `CancelJob` while the job runs: the run then replies
   * `JobCancelled` instead of a result. `recorded` is the ledger write.
   */
  cancellation?: { reason: string; recorded: Promise<unknown> };
}

export interface RunJobOptions {
  request: JobRequestData;
  handler: Handler;
  /** The job's claim; the run registers itself on it while the handler runs. */
  claim: Claim<RunningJob>;
  /** `performance.now()` when the delivery took its slot. */
  takenAt: number;
  sql: Sql;
  /** Where the result is written, in the transaction that finishes the ledger row. */
  outbox: Outbox;
  /** Sends a reply to the request's manager; never rejects. */
  send(body: Body): Promise<void>;
  progressIntervalMs: number;
  /** The bound of the job's log (`CARONI_JOB_LOG_MAX_BYTES`). */
  jobLogMaxBytes: number;
  /** Told how the job ended here, with its usage when it ran to an outcome (metrics). */
  onOutcome?(event: 'succeeded' | 'failed' | 'cancelled', usage?: JobUsageData): void;
  /** Told when the handler starts and when it has returned: its slot is busy in between. */
  onStart(run: HandlerRun): void;
  onEnd(run: HandlerRun): void;
  log: Logger;
}

/**
 * Runs a job's handler and replies: `JobAccepted`, `JobProgress` every
 * interval, then the `JobResult` once the ledger row is finished; or, when a
 * cancellation stopped it, `JobCancelled { wasRunning: true }` once the
 * handler has returned, and no result. Resolves when the handler has returned.
 */
export async function runJob(options: RunJobOptions): Promise<void> {
  const { request, claim, log } = options;
  // Replies go out one after another, in order: accepted, progress, then the outcome.
  let replying = options.send(acceptedBody(request));
  let progressPending = false;
  let latest: Json = null;
  let sequence = 0;
  const startedAtMs = Date.now();
  const started = performance.now();
  const run = runHandler({
    ...request,
    handler: options.handler,
    jobLogMaxBytes: options.jobLogMaxBytes,
    log,
    onProgress: (details) => (latest = details),
  });
  const job: RunningJob = { run };
  claim.setRunning(job);
  options.onStart(run);
  // Sent even when the handler reports nothing: it is the manager's sign that the job is alive.
  const ticker = setInterval(() => {
    // The manager has given up on it; or the last progress is still on its way (it is coalesced).
    if (job.cancellation || progressPending) return;
    failpoint('agent.job-running');
    sequence += 1;
    const body = progressBody(
      request,
      latest,
      sequence,
      run.log.written > 0 ? run.log.tail() : undefined,
    );
    progressPending = true;
    replying = replying
      .then(() => options.send(body))
      .finally(() => {
        progressPending = false;
      });
  }, options.progressIntervalMs);
  try {
    const outcome = await run.outcome;
    const ended = performance.now();
    clearInterval(ticker);
    // In the same tick as the check below: a cancellation either landed before
    // it (and wins) or finds the job no longer running and asks the ledger.
    claim.setRunning(undefined);
    const cancellation = job.cancellation;
    if (cancellation) {
      await run.finished;
      await cancellation.recorded.catch(() => undefined); // logged where it was made
      await replying;
      await options.send(cancelledBody(request, true));
      options.onOutcome?.('cancelled');
      log.info({ reason: cancellation.reason }, 'job cancelled while it ran');
      return;
    }
    const usage: JobUsageData = {
      attempt: request.attempt,
      // Across two clocks (the manager's and ours): skew can make it negative.
      queueWaitMs: Math.max(0, startedAtMs - request.sentAtMs),
      // Rounded up, so a run that happened never reads 0 and slot ≥ wall holds after rounding.
      wallMs: Math.ceil(ended - started),
      slotMs: Math.ceil(ended - options.takenAt),
      ...run.usage(),
    };
    const jobLog = run.log.written > 0 ? run.log.whole() : undefined;
    // Outcome, usage, log and the result reply in one transaction: a crash cannot keep one without the others.
    const written = await options.sql
      .begin(async (tx) => {
        const stored = await finishJob(tx, request.managerId, request.jobId, outcome, usage);
        if (stored.finished && jobLog) await storeJobLog(tx, request, jobLog);
        // Only usage the books hold is reported, so the manager's totals can agree with ours.
        const body = resultBody(
          request,
          outcome,
          false,
          stored.usageStored ? usage : undefined,
          jobLog,
        );
        const reply = await options.outbox.enqueue(tx, request.managerId, request.jobId, body);
        return { ...stored, reply };
      })
      .catch((error: unknown) => {
        // The result still goes out; a redelivery would find the row running and run the job again.
        log.error({ err: error }, 'could not store the job outcome in the ledger');
        return undefined;
      });
    failpoint('agent.after-finish');
    if (written?.finished && !written.usageStored)
      log.warn({ usage }, 'usage of this attempt was booked before');
    await replying;
    if (written) await options.outbox.publish(written.reply);
    else await options.send(resultBody(request, outcome, false, undefined, jobLog));
    options.onOutcome?.(outcome.status, usage);
    log.info({ status: outcome.status, usage }, 'job finished');
    // The slot stays busy until the handler returns, even after a run timeout.
    await run.finished;
  } finally {
    clearInterval(ticker);
    options.onEnd(run);
  }
}
