import type { TransactionSql } from 'postgres';
import type { Sql } from '../common/db.ts';
import type { Json, JsonObject } from '../common/json.ts';
import type { TraceHeaders } from '../common/trace-context.ts';
import type { JobUsageData } from '../common/usage.ts';

/**
 * The job ledger: one row per (manager id, job id), written before the request
 * is acked. It is what makes redelivered and repeated requests harmless: a job
 * that finished is answered from here and never run again on this agent.
 */

/** `cancelled`: stopped here by a `CancelJob`, or a tombstone for a job cancelled before its request came. */
export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A failed job's outcome, as `JobFailure` carries it. */
export interface JobFailureData {
  type: string;
  message: string;
  nonRetryable: boolean;
  details: Json;
}

/** What a request brings to the ledger. */
export interface JobRequestRecord {
  managerId: string;
  jobId: string;
  /** The attempt that ran (or runs) last. */
  attempt: number;
  jobType: string;
  /** The request's `JobRef`, as JSON. */
  ref: JsonObject;
  idempotencyKey: string;
  parameters: JsonObject;
}

export interface LedgerJob extends JobRequestRecord {
  status: JobStatus;
  output: Json;
  failure: JobFailureData | null;
  receivedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Why and when a `CancelJob` cancelled it. */
  cancelReason: string | null;
  cancelledAt: Date | null;
}

/** How a run ended. */
export type JobOutcome =
  { status: 'succeeded'; output: Json } | { status: 'failed'; failure: JobFailureData };

interface JobRow {
  manager_id: string;
  job_id: string;
  attempt: number;
  job_type: string;
  ref: JsonObject;
  idempotency_key: string;
  parameters: JsonObject;
  status: JobStatus;
  output: Json;
  failure: JobFailureData | null;
  received_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  cancel_reason: string | null;
  cancelled_at: Date | null;
}

function toJob(row: JobRow): LedgerJob {
  return {
    managerId: row.manager_id,
    jobId: row.job_id,
    attempt: row.attempt,
    jobType: row.job_type,
    ref: row.ref,
    idempotencyKey: row.idempotency_key,
    parameters: row.parameters,
    status: row.status,
    output: row.output ?? null,
    failure: row.failure,
    receivedAt: row.received_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    cancelReason: row.cancel_reason,
    cancelledAt: row.cancelled_at,
  };
}

/**
 * Records a request as a running job, or returns the row a previous request of
 * the same (manager, job) left; `created` says which. `traceContext`: the
 * job's span, which every reply about the job carries (see agent/outbox.ts).
 */
export async function recordRequest(
  sql: Sql,
  request: JobRequestRecord,
  traceContext: TraceHeaders,
): Promise<{ job: LedgerJob; created: boolean }> {
  const inserted = await sql<JobRow[]>`
    insert into jobs (manager_id, job_id, attempt, job_type, ref, idempotency_key, parameters, status,
                      started_at, trace_context)
    values (${request.managerId}, ${request.jobId}, ${request.attempt}, ${request.jobType},
            ${sql.json(request.ref)}, ${request.idempotencyKey}, ${sql.json(request.parameters)},
            'running', now(), ${sql.json(traceContext)})
    on conflict (manager_id, job_id) do nothing
    returning *`;
  if (inserted[0]) return { job: toJob(inserted[0]), created: true };
  const existing = await getJob(sql, request.managerId, request.jobId);
  // The row cannot vanish in between: the ledger is never pruned while the agent runs.
  if (!existing) throw new Error(`ledger row of job ${request.jobId} disappeared`);
  return { job: existing, created: false };
}

/** Marks a job running again for a new attempt (in a span of its own), clearing the previous outcome. */
export async function restartJob(
  sql: Sql,
  managerId: string,
  jobId: string,
  attempt: number,
  traceContext: TraceHeaders,
): Promise<LedgerJob> {
  const [row] = await sql<JobRow[]>`
    update jobs
    set attempt = ${attempt}, status = 'running', output = null, failure = null,
        started_at = now(), finished_at = null, trace_context = ${sql.json(traceContext)}
    where manager_id = ${managerId} and job_id = ${jobId}
    returning *`;
  if (!row) throw new Error(`no ledger row for job ${jobId} of ${managerId}`);
  return toJob(row);
}

/**
 * Stores the outcome of `usage.attempt` and, in the same statement, its usage
 * in `job_usage`. Only the attempt the row is running is finished, so a stale
 * run can never overwrite a newer attempt's outcome, and its usage is not
 * booked.
 *
 * @returns `finished`: false when the row was not running that attempt;
 *   `usageStored`: the usage is in the books (what the result may report).
 */
export async function finishJob(
  sql: Sql | TransactionSql,
  managerId: string,
  jobId: string,
  outcome: JobOutcome,
  usage: JobUsageData,
): Promise<{ finished: boolean; usageStored: boolean }> {
  const output = outcome.status === 'succeeded' ? sql.json(outcome.output) : null;
  const failure = outcome.status === 'failed' ? sql.json({ ...outcome.failure }) : null;
  const [row] = await sql<{ finished: number; stored: number }[]>`
    with finished as (
      update jobs
      set status = ${outcome.status}, output = ${output}, failure = ${failure}, finished_at = now()
      where manager_id = ${managerId} and job_id = ${jobId} and attempt = ${usage.attempt}
        and status = 'running'
      returning manager_id, job_id, attempt, job_type
    ), stored as (
      insert into job_usage (manager_id, job_id, attempt, job_type, queue_wait_ms, wall_ms,
                             slot_ms, cpu_ms, peak_rss_kb)
      select manager_id, job_id, attempt, job_type, ${usage.queueWaitMs}, ${usage.wallMs},
             ${usage.slotMs}, ${usage.cpuMs}, ${usage.peakRssKb}
      from finished
      on conflict (manager_id, job_id, attempt) do nothing
      returning 1
    )
    select (select count(*) from finished)::int as finished,
           (select count(*) from stored)::int as stored`;
  return { finished: (row?.finished ?? 0) > 0, usageStored: (row?.stored ?? 0) > 0 };
}

/** The failure a job interrupted by an agent restart ends with: retryable, so it runs again. */
export const agentRestartFailure: JobFailureData = {
  type: 'agent_restart',
  message: 'the agent restarted while the job ran',
  nonRetryable: false,
  details: null,
};

/**
 * Fails every job the ledger says is running: at agent start nothing runs
 * here, so each was interrupted by the restart. Retryable, so the manager
 * runs it again (here or elsewhere, with the same idempotency key) at once
 * instead of waiting out its progress timeout.
 *
 * @returns the jobs failed, as they are now.
 */
export async function failInterrupted(sql: Sql | TransactionSql): Promise<LedgerJob[]> {
  const rows = await sql<JobRow[]>`
    update jobs set status = 'failed', failure = ${sql.json({ ...agentRestartFailure })},
      finished_at = now()
    where status = 'running'
    returning *`;
  return rows.map(toJob);
}

/**
 * Cancels a job: a running row becomes `cancelled` with the reason, a missing
 * row is written as a tombstone (attempt 0, no job type yet) so the request is
 * dropped when it arrives. A finished or already cancelled row is left as it is.
 *
 * @returns the row as it is now, and whether this call changed it.
 */
export async function cancelJob(
  sql: Sql,
  {
    managerId,
    jobId,
    ref,
    reason,
  }: { managerId: string; jobId: string; ref: JsonObject; reason: string },
): Promise<{ job: LedgerJob; changed: boolean }> {
  const [changed] = await sql<JobRow[]>`
    insert into jobs (manager_id, job_id, attempt, job_type, ref, idempotency_key, parameters,
                      status, cancel_reason, cancelled_at)
    values (${managerId}, ${jobId}, 0, '', ${sql.json(ref)}, '', '{}', 'cancelled', ${reason}, now())
    on conflict (manager_id, job_id) do update
    set status = 'cancelled', cancel_reason = excluded.cancel_reason, cancelled_at = excluded.cancelled_at
    where jobs.status = 'running'
    returning *`;
  if (changed) return { job: toJob(changed), changed: true };
  const existing = await getJob(sql, managerId, jobId);
  if (!existing) throw new Error(`ledger row of job ${jobId} disappeared`);
  return { job: existing, changed: false };
}

/** The ledger row of a job, or undefined. */
export async function getJob(
  sql: Sql,
  managerId: string,
  jobId: string,
): Promise<LedgerJob | undefined> {
  const [row] = await sql<JobRow[]>`
    select * from jobs where manager_id = ${managerId} and job_id = ${jobId}`;
  return row ? toJob(row) : undefined;
}

/**
 * The stored outcome to answer a request with instead of running the job
 * again: a success or a non-retryable failure always; a retryable failure
 * unless the request is a newer attempt. Undefined while the row says running
 * (and for a cancelled row, which is answered with `JobCancelled` instead).
 */
export function ledgerAnswer(job: LedgerJob, attempt: number): JobOutcome | undefined {
  if (job.status === 'succeeded') return { status: 'succeeded', output: job.output };
  if (job.status !== 'failed' || !job.failure) return undefined;
  if (job.failure.nonRetryable || attempt <= job.attempt)
    return { status: 'failed', failure: job.failure };
  return undefined;
}
