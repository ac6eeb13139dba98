import { DEFAULT_JOB_LOG_MAX_BYTES } from '../common/config.ts';
import type { Json, JsonObject } from '../common/json.ts';
import type { Logger } from '../common/log.ts';
import {
  NonRetryableJobError,
  RetryableJobError,
  type Handler,
  type HandlerUsage,
  type JobContext,
} from './handler.ts';
import { JobLog } from './job-log.ts';
import type { JobFailureData, JobOutcome } from './ledger.ts';

/** Failure type of a job that outlived its run timeout; retryable (another attempt may be faster). */
export const RUN_TIMEOUT = 'run_timeout';
/** Failure type of a handler that returned something that is not JSON; a bug, so not retryable. */
export const INVALID_OUTPUT = 'invalid_output';

export interface RunHandlerOptions {
  handler: Handler;
  jobId: string;
  attempt: number;
  idempotencyKey: string;
  parameters: JsonObject;
  /** 0: no limit. */
  runTimeoutMs: number;
  /** The bound of the job's log (`ctx.appendLog`); default {@link DEFAULT_JOB_LOG_MAX_BYTES}. */
  jobLogMaxBytes?: number;
  log: Logger;
  /** Called with each (JSON) value the handler reports through `ctx.progress`. */
  onProgress(details: Json): void;
}

/** A handler run in progress. */
export interface HandlerRun {
  /** The handler's outcome, or a `run_timeout` failure when the run timeout passes first. Never rejects. */
  outcome: Promise<JobOutcome>;
  /** Settles when the handler itself has returned, which may be after a timeout: its slot is busy until then. */
  finished: Promise<void>;
  /** Aborts `ctx.signal` (the agent is shutting down). */
  abort(reason: string): void;
  /** What the handler has reported through `ctx.reportUsage` so far (zeros if nothing). */
  usage(): HandlerUsage;
  /** What the handler has written through `ctx.appendLog`. */
  log: JobLog;
}

/** Starts a handler with its context, a run timeout that aborts `ctx.signal`, and JSON-checked output. */
export function runHandler(options: RunHandlerOptions): HandlerRun {
  const { handler, log } = options;
  const controller = new AbortController();
  let usage: HandlerUsage = { cpuMs: 0, peakRssKb: 0 };
  const jobLog = new JobLog(options.jobLogMaxBytes ?? DEFAULT_JOB_LOG_MAX_BYTES);
  const ctx: JobContext = {
    jobId: options.jobId,
    attempt: options.attempt,
    idempotencyKey: options.idempotencyKey,
    signal: controller.signal,
    log,
    progress(details) {
      const json = toJson(details);
      if (json.ok) options.onProgress(json.value);
      else log.warn({ err: json.error }, 'handler reported progress that is not JSON; ignored');
    },
    reportUsage({ cpuMs, peakRssKb }) {
      // Whole, non-negative units: they become unsigned integers on the wire.
      usage = { cpuMs: wholeUnits(cpuMs), peakRssKb: wholeUnits(peakRssKb) };
    },
    appendLog: (text) => jobLog.append(text),
  };
  const handled = (async () => handler(options.parameters, ctx))().then(
    toOutcome,
    (error: unknown) => ({
      status: 'failed' as const,
      failure: toFailure(error),
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<JobOutcome>((resolve) => {
    if (options.runTimeoutMs <= 0) return;
    timer = setTimeout(() => {
      const message = `the job ran longer than its run timeout of ${options.runTimeoutMs} ms`;
      controller.abort(new Error(message));
      resolve({
        status: 'failed',
        failure: { type: RUN_TIMEOUT, message, nonRetryable: false, details: null },
      });
    }, options.runTimeoutMs);
  });
  return {
    outcome: Promise.race([handled, timedOut]).finally(() => clearTimeout(timer)),
    finished: handled.then(() => undefined),
    abort: (reason) => controller.abort(new Error(reason)),
    usage: () => usage,
    log: jobLog,
  };
}

function wholeUnits(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : 0;
}

/** A value as JSON would carry it (`JSON.parse(JSON.stringify(x))`), or why it cannot be. */
function toJson(value: unknown): { ok: true; value: Json } | { ok: false; error: Error } {
  if (value === undefined) return { ok: true, value: null };
  try {
    const text = JSON.stringify(value);
    if (text === undefined)
      return { ok: false, error: new TypeError(`a ${typeof value} is not JSON`) };
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

function toOutcome(value: unknown): JobOutcome {
  const json = toJson(value);
  if (json.ok) return { status: 'succeeded', output: json.value };
  return {
    status: 'failed',
    failure: {
      type: INVALID_OUTPUT,
      message: `the handler returned a value that is not JSON: ${json.error.message}`,
      nonRetryable: true,
      details: null,
    },
  };
}

/** Duck-typed as well, so an error class from another copy of this module still counts. */
function isNonRetryable(error: unknown): error is NonRetryableJobError {
  return (
    error instanceof NonRetryableJobError ||
    (error instanceof Error && error.name === 'NonRetryableJobError')
  );
}

function isTypedRetryable(error: unknown): error is RetryableJobError {
  return (
    error instanceof RetryableJobError ||
    (error instanceof Error && error.name === 'RetryableJobError')
  );
}

/** The failure a thrown value reports: non-retryable only for {@link NonRetryableJobError}. */
export function toFailure(error: unknown): JobFailureData {
  if (isNonRetryable(error) || isTypedRetryable(error)) {
    const details = toJson(error.details);
    return {
      type: error.type ?? error.name,
      message: error.message,
      nonRetryable: isNonRetryable(error),
      details: details.ok ? details.value : null,
    };
  }
  if (error instanceof Error)
    return { type: error.name, message: error.message, nonRetryable: false, details: null };
  return { type: 'Error', message: String(error), nonRetryable: false, details: null };
}
