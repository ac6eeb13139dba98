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

/**
 * What happens when a step fails for good: `fail` ends the run Failed;
 * `pause` holds the step until an operator retries it (new job id), skips it
 * with a given output, or fails the run.
 */
export type OnFailure = 'fail' | 'pause';

/** What every kind of step has. */
export interface StepBase {
  /** Unique in the definition; `steps.<id>.output` refers to its output. */
  id: string;
  /** Steps that must have finished (succeeded or been skipped) first. */
  after?: string[];
  /** Expression; when false the step is skipped (output `null`) and steps after it still run. */
  when?: string;
  /**
   * Fan-out: an expression (or `{{ }}` template) giving a list; the step runs
   * once per item, with `item` and `index` in scope, and its output is the list
   * of the items' outputs, in order.
   */
  forEach?: string;
  /** How many items of a fan-out run at once. Default 10. */
  concurrency?: number;
  /** Output mapping, rendered with `result` (the step's raw output) in scope. */
  output?: Json;
  onFailure?: OnFailure;
}

/** Runs one job on an agent. */
export interface JobStep extends StepBase {
  /** Job type name, e.g. `text.stats`. */
  job: string;
  /** Parameters; strings may hold `{{ expression }}` templates. */
  params?: JsonObject;
  timeouts?: JobTimeouts;
  retry?: RetryPolicy;
  /** Band within this site's share of an agent: `high` jobs are taken before `normal` (default) and `low`. */
  priority?: 'high' | 'normal' | 'low';
  /**
   * Where the job may run: a named agent, or any agent advertising these
   * labels. The job is pinned to a trusted agent whose ad matches, and fails
   * at once when none does.
   */
  placement?: { agent?: string; labels?: Record<string, string> };
}

/** Waits for a named signal (human approval); its payload is the step's output. */
export interface WaitStep extends StepBase {
  wait: {
    signal: string;
    timeoutMs: number;
    /** On timeout: `fail` the step (default), or `continue` with output `{ "timedOut": true }`. */
    onTimeout?: 'fail' | 'continue';
  };
}

/** Sleeps (a durable timer). Output `null`. */
export interface SleepStep extends StepBase {
  sleep: { durationMs: number };
}

/** Runs another definition as a child workflow; its output is this step's output. */
export interface WorkflowStep extends StepBase {
  workflow: { name: string; version?: number; input?: Json };
}

export type Step = JobStep | WaitStep | SleepStep | WorkflowStep;

/**
 * A workflow definition: data, run by the interpreter workflow. A run gets a
 * snapshot at start (with the definitions of its child workflows), so saving a
 * new version never changes a running workflow.
 */
export interface Definition {
  name: string;
  version: number;
  description?: string;
  steps: Step[];
  /** The run's output; templated. Defaults to every step's output by step id. */
  output?: Json;
}

export const isJobStep = (step: Step): step is JobStep => 'job' in step;
export const isWaitStep = (step: Step): step is WaitStep => 'wait' in step;
export const isSleepStep = (step: Step): step is SleepStep => 'sleep' in step;
export const isWorkflowStep = (step: Step): step is WorkflowStep => 'workflow' in step;

/** Documented limits, checked on save (docs/DEFINITIONS.md). */
export const DefinitionLimits = {
  maxSteps: 200,
  maxBytes: 256 * 1024,
  /** Nesting of child workflows (a definition's children, their children, ...). */
  maxChildDepth: 5,
  maxConcurrency: 100,
  /** Items one fan-out may expand to at run time. */
  maxFanOutItems: 10_000,
  maxExpressionLength: 1_000,
} as const;
