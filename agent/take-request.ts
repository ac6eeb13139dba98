import type { Sql } from '../common/db.ts';
import type { Body } from '../common/envelope.ts';
import { failpoint } from '../common/failpoints.ts';
import type { Logger } from '../common/log.ts';
import type { TraceHeaders } from '../common/trace-context.ts';
import { ledgerRecord, type JobRequestData } from './check-request.ts';
import type { JobClaims } from './claims.ts';
import type { JobUsageData } from '../common/usage.ts';
import type { Handler } from './handler.ts';
import type { Delivery } from './intake.ts';
import { ledgerAnswer, recordRequest, restartJob } from './ledger.ts';
import type { Outbox } from './outbox.ts';
import { cancelledBody, ledgerResultBody } from './replies.ts';
import type { HandlerRun } from './run-handler.ts';
import { runJob, type RunningJob } from './run-job.ts';

/**
 * What became of a verified request: `duplicate` (running here already; that
 * run replies), `answered` (from the ledger: the stored result, or
 * `JobCancelled` for a cancelled job), `ran` (its handler ran).
 */
export type TakeEffect = 'duplicate' | 'answered' | 'ran';

export interface TakeDeps {
  sql: Sql;
  outbox: Outbox;
  claims: JobClaims<RunningJob>;
  handler: Handler;
  /** Sends a reply to the request's manager; never rejects. */
  send(body: Body): Promise<void>;
  progressIntervalMs: number;
  /** The trace context of the job's span on this agent, kept in its ledger row for its replies. */
  traceContext: TraceHeaders;
  jobLogMaxBytes: number;
  onStart(run: HandlerRun): void;
  onOutcome?(event: 'succeeded' | 'failed' | 'cancelled', usage?: JobUsageData): void;
  onEnd(run: HandlerRun): void;
  log: Logger;
}

/**
 * Takes a verified request, ledger first: the request is recorded (or its
 * earlier outcome found) before the delivery is acked, then the job runs.
 * Resolves once the handler has returned.
 *
 * @throws when the ledger cannot be read or written; the delivery is then not settled.
 */
export async function takeRequest(
  delivery: Delivery,
  request: JobRequestData,
  deps: TakeDeps,
): Promise<TakeEffect> {
  const { sql, log } = deps;
  const acquired = await deps.claims.acquire(request.managerId, request.jobId);
  if ('running' in acquired) {
    log.info('job is running here already; it will reply');
    delivery.ack();
    return 'duplicate';
  }
  const { claim } = acquired;
  try {
    const { job, created } = await recordRequest(sql, ledgerRecord(request), deps.traceContext);
    if (job.status === 'cancelled') {
      log.info({ reason: job.cancelReason }, 'job was cancelled; its request is dropped');
      await deps.send(cancelledBody(request, false));
      delivery.ack();
      return 'answered';
    }
    const stored = created ? undefined : ledgerAnswer(job, request.attempt);
    if (stored) {
      log.info(
        { status: job.status, storedAttempt: job.attempt },
        'job finished before; answering from the ledger',
      );
      // The books already hold that run: repeat its usage, never record it again.
      await deps.send(await ledgerResultBody(sql, request, stored, job.attempt));
      delivery.ack();
      return 'answered';
    }
    // Not created: a retryable failure and this is a newer attempt, or the row
    // says running although no handler runs it here (the agent was restarted
    // mid-run). Both run again, with the idempotency key the ledger first stored.
    if (!created)
      await restartJob(sql, request.managerId, request.jobId, request.attempt, deps.traceContext);
    failpoint('agent.before-ack');
    delivery.ack();
    await runJob({
      ...deps,
      request: { ...request, idempotencyKey: job.idempotencyKey },
      claim,
      takenAt: delivery.takenAt,
    });
    return 'ran';
  } finally {
    claim.release();
  }
}
