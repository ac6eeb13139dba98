import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CaroniError } from '../common/errors.ts';
import type { Json, JsonObject } from '../common/json.ts';
import type { Logger } from '../common/log.ts';

/** What a handler gets besides its parameters. */
export interface JobContext {
  jobId: string;
  /** Dispatch attempt of the job, starting at 1. */
  attempt: number;
  /** The same for every run of this job, on any agent: use it to make side effects idempotent. */
  idempotencyKey: string;
  /** Aborted when the run timeout passes or the agent gives up on the job. */
  signal: AbortSignal;
  /** Reports progress; only the latest value is sent, with the next progress message. */
  progress(details: Json): void;
  /**
   * Reports the resources the job has used so far (cumulative: the latest
   * report counts), for the result's usage. Optional: a handler that never
   * calls it reports 0, and a caller outside the agent may leave it unset.
   */
  reportUsage?: (usage: HandlerUsage) => void;
  /**
   * Appends text to the job's log, which the manager shows while the job
   * runs (its end) and keeps, bounded, once it has finished. A program
   * handler writes its program's stdout and stderr here. Optional like
   * `reportUsage`.
   */
  appendLog?: (text: string) => void;
  log: Logger;
}

/** What a handler measured itself (a program handler: its process's). */
export interface HandlerUsage {
  /** CPU time, user + system, ms. */
  cpuMs: number;
  /** Peak resident set size, KiB. */
  peakRssKb: number;
}

/** A job handler: parameters in, JSON output out. A throw fails the job (retryably unless {@link NonRetryableJobError}). */
export type Handler = (params: JsonObject, ctx: JobContext) => Promise<Json> | Json;

/**
 * A failure no retry can change (bad parameters, a permanent refusal): the
 * job's step fails at once instead of being retried.
 */
export class NonRetryableJobError extends Error {
  override readonly name = 'NonRetryableJobError';
  /** Stable failure type for the manager; defaults to the error's name. */
  readonly type: string | undefined;
  readonly details: Json | undefined;

  constructor(message: string, options: { type?: string; details?: Json; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.type = options.type;
    this.details = options.details;
  }
}

/**
 * A failure another attempt may fix (a crash, a timeout, a busy resource),
 * with a stable type and details for the manager; a plain `Error` reports its
 * name as the type and no details.
 */
export class RetryableJobError extends Error {
  override readonly name = 'RetryableJobError';
  readonly type: string;
  readonly details: Json | undefined;

  constructor(message: string, options: { type: string; details?: Json; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.type = options.type;
    this.details = options.details;
  }
}

export class HandlerModuleError extends CaroniError {
  override readonly name = 'HandlerModuleError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('handler_module_invalid', message, options);
  }
}

/**
 * Imports a module that exports `handlers`: an object of job type → function.
 * A relative path is resolved against the working directory.
 *
 * @throws HandlerModuleError when the module cannot be imported, has no
 *   `handlers` export, or one of its values is not a function.
 */
export async function loadHandlers(modulePath: string): Promise<Record<string, Handler>> {
  const url = pathToFileURL(path.resolve(modulePath)).href;
  let module: { handlers?: unknown };
  try {
    module = (await import(url)) as { handlers?: unknown };
  } catch (error) {
    throw new HandlerModuleError(
      `cannot import handler module ${modulePath}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const exported = module.handlers;
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new HandlerModuleError(
      `${modulePath} must export \`handlers\`: an object mapping job types to handler functions`,
    );
  }
  const handlers: Record<string, Handler> = {};
  for (const [jobType, handler] of Object.entries(exported)) {
    if (typeof handler !== 'function') {
      throw new HandlerModuleError(
        `handler for job type ${jobType} in ${modulePath} is not a function`,
      );
    }
    handlers[jobType] = handler as Handler;
  }
  if (Object.keys(handlers).length === 0) {
    throw new HandlerModuleError(
      `${modulePath} exports no handlers: an agent needs at least one job type`,
    );
  }
  return handlers;
}
