import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Json, JsonObject } from '../common/json.ts';
import type {
  BridgeActivities,
  JobRefData,
  PublishJobInput,
} from '../activities/bridge-activities.ts';
import type { JobTimeouts, RetryPolicy } from './definition.ts';
import {
  jobReplySignal,
  openJobsQuery,
  TaskQueues,
  type JobFailureInfo,
  type JobReply,
} from './messages.ts';

/** What the workflow knows of one attempt of a job, from the agents' replies. */
interface AttemptState {
  accepted?: { agent: string };
  /** Bumped on every reply that shows the job alive; the progress timer restarts on change. */
  heartbeats: number;
  progress?: Json;
  failure?: JobFailureInfo;
  rejected?: { reason: string; message: string };
  /** Agents this manager does not trust that said they took this attempt (see `taken_by_untrusted`). */
  untrustedTakes: number;
}

interface JobMailbox {
  attempts: Map<number, AttemptState>;
  /** An agent confirmed the job is cancelled (stopped, or tombstoned before it arrived). */
  cancelled?: { agent: string; wasRunning: boolean };
  /** A success from any attempt finishes the job: it ran with the same idempotency key. */
  success?: { output: Json; agent: string };
}

// Module state is per workflow execution: Temporal gives each run its own sandbox.
const mailboxes = new Map<string, JobMailbox>();
const finishedJobs = new Set<string>();

function mailbox(jobId: string): JobMailbox {
  let box = mailboxes.get(jobId);
  if (!box) {
    box = { attempts: new Map() };
    mailboxes.set(jobId, box);
  }
  return box;
}

function attemptState(box: JobMailbox, attempt: number): AttemptState {
  let state = box.attempts.get(attempt);
  if (!state) {
    state = { heartbeats: 0, untrustedTakes: 0 };
    box.attempts.set(attempt, state);
  }
  return state;
}

function deliver(reply: JobReply): void {
  const { workflowId, runId } = workflowInfo();
  // Job ids name the run that made them: after continue-as-new, replies to the old run's jobs are stale.
  if (finishedJobs.has(reply.jobId) || !reply.jobId.startsWith(`${workflowId}/${runId}/`)) {
    log.debug('reply for a finished job ignored', { jobId: reply.jobId, kind: reply.kind });
    return;
  }
  const box = mailbox(reply.jobId);
  const state = attemptState(box, reply.attempt);
  switch (reply.kind) {
    case 'accepted':
      state.accepted ??= { agent: reply.agent };
      state.heartbeats++;
      break;
    case 'progress':
      state.accepted ??= { agent: reply.agent };
      state.progress = reply.details;
      state.heartbeats++;
      break;
    case 'succeeded':
      box.success ??= { output: reply.output, agent: reply.agent };
      break;
    case 'failed':
      state.failure ??= reply.failure;
      break;
    case 'rejected':
      state.rejected ??= { reason: reply.reason, message: reply.message };
      break;
    case 'cancelled':
      box.cancelled ??= { agent: reply.agent, wasRunning: reply.wasRunning };
      break;
    case 'taken_by_untrusted':
      state.untrustedTakes++;
      break;
  }
}

/** Must run at the start of every workflow that dispatches jobs; buffered replies are then delivered. */
export function installJobReplyHandler(): void {
  setHandler(jobReplySignal, deliver);
  setHandler(openJobsQuery, () =>
    [...mailboxes].map(([jobId, box]) => ({
      jobId,
      attempt: Math.max(0, ...box.attempts.keys()),
    })),
  );
}

/** Live view of a job, updated as replies arrive (the step state the query returns). */
export interface JobTracker {
  onQueued(jobId: string, attempt: number): void;
  onRunning(agent: string): void;
  onProgress(details: Json): void;
}

export interface DispatchOptions {
  manager: string;
  stepId: string;
  jobType: string;
  params: JsonObject;
  /** Bumped when an operator retries a step, giving the job a new id. */
  generation?: number;
  timeouts: Required<JobTimeouts>;
  retry?: RetryPolicy;
  priority?: PublishJobInput['priority'];
  placement?: PublishJobInput['placement'];
  tracker?: JobTracker;
}

/**
 * How often one attempt is published again after agents this manager does not
 * trust took it; then the attempt fails, so a stranger draining the queue
 * cannot keep a job republishing forever.
 */
const MAX_UNTRUSTED_TAKES = 5;

/** Workflow patch id: untrusted takes are counted from before each publish (see runAttempts). */
const TAKES_COUNTED_FROM_PUBLISH = 'caroni-takes-counted-from-publish';

/** Publishing is retried by Temporal until the queue deadline; after it, the attempt has failed anyway. */
function bridgeActivities(queueMs: number) {
  return proxyActivities<BridgeActivities>({
    taskQueue: TaskQueues.bridge,
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: queueMs,
    retry: { initialInterval: '500 milliseconds', maximumInterval: '10 seconds' },
  });
}

/** Replies at this rate keep a running job alive; several per progress timeout ride out a slow broker. */
function progressIntervalFor(progressTimeoutMs: number): number {
  return Math.max(200, Math.min(30_000, Math.floor(progressTimeoutMs / 4)));
}

/**
 * Runs one job on an agent through the bridge and returns its output. The job
 * id (manager, namespace, workflow, run, step, generation) stays the same over
 * every attempt, so an agent that finished it answers from its ledger.
 *
 * Phases: queued (until an agent accepts, bounded by the queue timeout), then
 * running (bounded by the run timeout, and by the progress timeout between two
 * signs of life), so a backlog never trips the progress timeout.
 *
 * @throws ApplicationFailure (non-retryable) when the job fails for good or
 *   after its last attempt.
 */
export async function dispatchJob(options: DispatchOptions): Promise<Json> {
  const job = jobIdentity(options);
  try {
    return await runAttempts(options, job);
  } catch (error) {
    if (isCancellation(error)) await cancelOnAgents(job, options);
    throw error;
  }
}

interface JobIdentity {
  jobId: string;
  ref: JobRefData;
}

function jobIdentity(options: DispatchOptions): JobIdentity {
  const info = workflowInfo();
  const generation = options.generation ?? 0;
  const ref = {
    manager: options.manager,
    namespace: info.namespace,
    workflowId: info.workflowId,
    runId: info.runId,
    stepId: options.stepId,
    generation,
  };
  return { ref, jobId: `${info.workflowId}/${info.runId}/${options.stepId}/${generation}` };
}

/** How long a cancelled step waits for an agent to confirm; the run ends Cancelled either way. */
const CANCEL_CONFIRM_MS = 30_000;

/**
 * The brief's cancellation path: from a scope the run's cancellation cannot
 * interrupt, tell the agents (the one running the job, or every agent serving
 * this manager while it is queued) and wait a bounded time for `JobCancelled`.
 */
async function cancelOnAgents(
  { jobId, ref }: JobIdentity,
  options: DispatchOptions,
): Promise<void> {
  const box = mailbox(jobId);
  const agent = [...box.attempts.values()].reverse().find((state) => state.accepted)
    ?.accepted?.agent;
  await CancellationScope.nonCancellable(async () => {
    try {
      await bridgeActivities(options.timeouts.queueMs).cancelJob({
        jobId,
        ref,
        agent,
        reason: 'run cancelled',
      });
      await condition(
        () => box.cancelled !== undefined || box.success !== undefined,
        CANCEL_CONFIRM_MS,
      );
    } catch (error) {
      log.warn('could not confirm the cancellation of a job', { jobId, error: String(error) });
    }
  });
  if (box.cancelled) {
    log.info('job cancelled on the agent', { jobId, ...box.cancelled });
  }
  finish(jobId);
}

async function runAttempts(options: DispatchOptions, { jobId, ref }: JobIdentity): Promise<Json> {
  const box = mailbox(jobId);
  const retry = options.retry ?? {};
  const maximumAttempts = retry.maximumAttempts ?? 3;
  const { queueMs, runMs, progressMs } = options.timeouts;
  const { publishJob } = bridgeActivities(queueMs);

  let lastFailure: JobFailureInfo | undefined;
  for (let attempt = 1; maximumAttempts <= 0 || attempt <= maximumAttempts; attempt++) {
    const state = attemptState(box, attempt);
    options.tracker?.onQueued(jobId, attempt);
    const queueDeadlineMs = Date.now() + queueMs;
    const request: PublishJobInput = {
      jobId,
      ref,
      attempt,
      jobType: options.jobType,
      params: options.params,
      queueDeadlineMs,
      runTimeoutMs: runMs,
      progressIntervalMs: progressIntervalFor(progressMs),
      idempotencyKey: jobId,
      priority: options.priority,
      placement: options.placement,
    };
    const settled = () => box.success !== undefined || !!state.failure || !!state.rejected;
    for (let republished = 0; ; republished++) {
      const takesBefore = state.untrustedTakes;
      lastFailure = await publish(publishJob, request);
      if (lastFailure) break;
      // An untrusted agent can take the job and be reported before the publish's completion
      // reaches this workflow: counted from after it, that take was missed and the attempt
      // waited out its queue deadline. Runs started before the fix replay the old way.
      const takes = patched(TAKES_COUNTED_FROM_PUBLISH) ? takesBefore : state.untrustedTakes;
      const waiting = () => !settled() && !state.accepted;
      const remaining = queueDeadlineMs - Date.now();
      // condition() with a timeout of 0 would wait forever: a spent deadline is checked here.
      if (waiting() && remaining > 0)
        await condition(() => !waiting() || state.untrustedTakes !== takes, remaining);
      if (!waiting()) break;
      if (state.untrustedTakes === takes || Date.now() >= queueDeadlineMs) {
        lastFailure = failureFrom(
          'queue_timeout',
          `no agent accepted the job within ${queueMs} ms`,
          false,
        );
        break;
      }
      if (republished >= MAX_UNTRUSTED_TAKES) {
        lastFailure = failureFrom(
          'taken_by_untrusted',
          `agents this site does not trust took the job ${state.untrustedTakes} times`,
          false,
        );
        break;
      }
      log.warn('an untrusted agent took the job; publishing it again for a trusted agent', {
        jobId,
        attempt,
      });
      request.trustedOnly = true;
    }
    const runningOn = state.accepted?.agent;
    if (runningOn) options.tracker?.onRunning(runningOn);
    if (!lastFailure && !settled() && state.accepted) {
      lastFailure = await awaitRunning(state, settled, runMs, progressMs, options.tracker);
    }

    if (box.success) {
      // A fast job's result can arrive in the same activation as its acceptance, or alone.
      if (!runningOn) options.tracker?.onRunning(box.success.agent);
      finish(jobId);
      return box.success.output;
    }
    lastFailure ??=
      state.failure ?? rejection(state) ?? failureFrom('unknown', 'job failed', false);
    log.warn('job attempt failed', {
      jobId,
      attempt,
      type: lastFailure.type,
      message: lastFailure.message,
    });
    if (lastFailure.nonRetryable) break;
    if (maximumAttempts > 0 && attempt >= maximumAttempts) break;
    await sleep(backoff(retry, attempt));
  }
  finish(jobId);
  const failure = lastFailure ?? failureFrom('unknown', 'job failed', true);
  throw ApplicationFailure.create({
    message: failure.message,
    type: failure.type,
    nonRetryable: true,
    details: [failure.details],
  });
}

/** Publishes one request; a failure to publish is the attempt's failure. */
async function publish(
  publishJob: BridgeActivities['publishJob'],
  request: PublishJobInput,
): Promise<JobFailureInfo | undefined> {
  try {
    await publishJob(request);
    return undefined;
  } catch (error) {
    if (!(error instanceof ActivityFailure) || isCancellation(error)) throw error;
    const cause = error.cause;
    return cause instanceof ApplicationFailure && cause.nonRetryable
      ? failureFrom(cause.type ?? 'undeliverable', cause.message, true)
      : failureFrom('undeliverable', cause?.message ?? error.message, false);
  }
}

async function awaitRunning(
  state: AttemptState,
  settled: () => boolean,
  runMs: number,
  progressMs: number,
  tracker: JobTracker | undefined,
): Promise<JobFailureInfo | undefined> {
  const runDeadline = Date.now() + runMs;
  for (;;) {
    const seen = state.heartbeats;
    const remaining = runDeadline - Date.now();
    if (remaining <= 0)
      return failureFrom('run_timeout', `the job ran longer than ${runMs} ms`, false);
    const heard = await condition(
      () => settled() || state.heartbeats !== seen,
      Math.min(progressMs, remaining),
    );
    if (settled()) return undefined;
    if (heard) {
      if (state.progress !== undefined) tracker?.onProgress(state.progress);
      continue;
    }
    if (Date.now() < runDeadline) {
      return failureFrom(
        'progress_timeout',
        `no progress from the agent for ${progressMs} ms`,
        false,
      );
    }
  }
}

/** Later replies for this job (duplicates, stale attempts) are dropped from now on. */
function finish(jobId: string): void {
  finishedJobs.add(jobId);
  mailboxes.delete(jobId);
}

/** Rejections that no other agent or later attempt could change. */
const PERMANENT_REJECTIONS = new Set([
  'unknown_job_type',
  'untrusted',
  'unsupported_version',
  'deadline_too_far',
]);

function rejection(state: AttemptState): JobFailureInfo | undefined {
  if (!state.rejected) return undefined;
  const { reason, message } = state.rejected;
  return failureFrom(`rejected_${reason}`, message, PERMANENT_REJECTIONS.has(reason));
}

function failureFrom(type: string, message: string, nonRetryable: boolean): JobFailureInfo {
  return { type, message, nonRetryable, details: null };
}

function backoff(retry: RetryPolicy, attempt: number): number {
  const initial = retry.initialIntervalMs ?? 1_000;
  const coefficient = retry.backoffCoefficient ?? 2;
  const maximum = retry.maximumIntervalMs ?? 100 * initial;
  return Math.min(maximum, initial * coefficient ** (attempt - 1));
}
