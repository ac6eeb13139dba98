import type { Json, JsonObject } from '../common/json.ts';

/** Per-phase timeouts of a job, in milliseconds; unset ones come from the job type or the defaults. */
export interface JobTimeouts {
  /** Waiting in the queue until an agent accepts the job. */
  queueMs?: number;
  /** Running on the agent, from acceptance to result. */
  runMs?: number;
  /** Longest silence from a running job before its agent is presumed gone. */
  progressMs?: number;
}

/** How a job step is retried after a retryable failure (Temporal's policy, in milliseconds). */
export interface RetryPolicy {
  maximumAttempts?: number;
  initialIntervalMs?: number;
  backoffCoefficient?: number;
  maximumIntervalMs?: number;
}

/** A step that runs one job on an agent. */
export interface JobStep {
  id: string;
  /** Job type name, e.g. `text.stats`. */
  job: string;
  /** Parameters; strings may hold `{{ input.x }}` or `{{ steps.<id>.output.y }}` templates. */
  params?: JsonObject;
  timeouts?: JobTimeouts;
  retry?: RetryPolicy;
}

/**
 * A workflow definition: data, run by the interpreter workflow. A run gets a
 * snapshot at start, so saving a new version never changes a running workflow.
 */
export interface Definition {
  name: string;
  version: number;
  description?: string;
  steps: JobStep[];
  /** The run's output; templated like parameters. Defaults to every step's output by step id. */
  output?: Json;
}
