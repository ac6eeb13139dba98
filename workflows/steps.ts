import {
  ApplicationFailure,
  condition,
  executeChild,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Json, JsonObject } from '../common/json.ts';
import {
  DefinitionLimits,
  isJobStep,
  isSleepStep,
  isWaitStep,
  type Definition,
  type JobTimeouts,
  type RetryPolicy,
  type Step,
  type WorkflowStep,
} from './definition.ts';
import { dispatchJob, type JobTracker } from './dispatch.ts';
import { compile, evaluate, isTruthy } from './expression.ts';
import type { interpreter } from './interpreter.ts';
import type { StepState } from './messages.ts';
import { versionKey, workflowKey } from './search-attributes.ts';
import { render, TemplateError } from './template.ts';

/** Defaults of a job type, from the manager's database, snapshotted at start. */
export interface JobTypeDefaults {
  timeouts?: JobTimeouts;
  retry?: RetryPolicy;
}

/** What a step needs from its run. */
export interface StepContext {
  manager: string;
  jobDefaults: Required<JobTimeouts>;
  jobTypes: Record<string, JobTypeDefaults>;
  children: Record<string, Definition>;
  /** Named signals received so far (approval steps wait for theirs). */
  signals: Map<string, Json>;
  /** `input`, `steps`: what expressions and templates see. */
  scope: Record<string, Json>;
}

export type StepOutcome = { status: 'succeeded' | 'skipped'; output: Json };

/** Key under which a child definition is snapshotted in the run's input. */
export function childKey(name: string, version?: number): string {
  return version === undefined ? name : `${name}@${version}`;
}

function stepFailure(message: string, type: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, type);
}

function expression(text: string, scope: Record<string, Json>, where: string): Json {
  const whole = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(text);
  try {
    return evaluate(compile(whole?.[1] ?? text), scope);
  } catch (error) {
    throw stepFailure(`${where}: ${(error as Error).message}`, 'expression_failed');
  }
}

function renderOrFail(value: Json, scope: Record<string, Json>, where: string): Json {
  try {
    return render(value, scope);
  } catch (error) {
    if (error instanceof TemplateError)
      throw stepFailure(`${where}: ${error.message}`, 'template_unresolved');
    throw error;
  }
}

/**
 * Runs one step once (generation `generation`): its condition, its fan-out or
 * single run, and its output mapping. Throws what made it fail.
 */
export async function runStep(
  step: Step,
  state: StepState,
  ctx: StepContext,
): Promise<StepOutcome> {
  if (
    step.when !== undefined &&
    !isTruthy(expression(step.when, ctx.scope, `step "${step.id}" when`))
  ) {
    return { status: 'skipped', output: null };
  }
  const raw =
    step.forEach === undefined
      ? await runOnce(step, state, ctx, ctx.scope, step.id, true)
      : await fanOut(step, state, ctx);
  const output =
    step.output === undefined
      ? raw
      : renderOrFail(step.output, { ...ctx.scope, result: raw }, `step "${step.id}" output`);
  return { status: 'succeeded', output };
}

async function fanOut(step: Step, state: StepState, ctx: StepContext): Promise<Json[]> {
  const items = expression(step.forEach as string, ctx.scope, `step "${step.id}" forEach`);
  if (!Array.isArray(items)) {
    throw stepFailure(
      `step "${step.id}" forEach must give a list, got ${typeof items}`,
      'invalid_for_each',
    );
  }
  if (items.length > DefinitionLimits.maxFanOutItems) {
    throw stepFailure(
      `step "${step.id}" forEach gave ${items.length} items; the limit is ${DefinitionLimits.maxFanOutItems}`,
      'fan_out_too_large',
    );
  }
  const counts = { total: items.length, running: 0, succeeded: 0, failed: 0 };
  state.items = counts;
  const results: Json[] = new Array<Json>(items.length).fill(null);
  let next = 0;
  let firstError: unknown;
  // A fixed number of lanes, each taking the next item: at most `concurrency` run at once.
  const lane = async () => {
    while (next < items.length && firstError === undefined) {
      const index = next++;
      counts.running++;
      try {
        const scope = { ...ctx.scope, item: items[index] ?? null, index };
        results[index] = await runOnce(step, state, ctx, scope, `${step.id}[${index}]`, false);
        counts.succeeded++;
      } catch (error) {
        counts.failed++;
        firstError ??= error;
      } finally {
        counts.running--;
      }
    }
  };
  const lanes = Math.max(1, Math.min(step.concurrency ?? 10, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (firstError !== undefined) throw firstError;
  return results;
}

function tracker(state: StepState): JobTracker {
  const now = () => new Date().toISOString();
  return {
    onQueued(jobId, attempt) {
      Object.assign(state, { status: 'queued', jobId, attempt, queuedAt: now() });
    },
    onRunning(agent) {
      Object.assign(state, { status: 'running', agent, startedAt: state.startedAt ?? now() });
    },
    onProgress(details) {
      state.progress = details;
    },
  };
}

async function runOnce(
  step: Step,
  state: StepState,
  ctx: StepContext,
  scope: Record<string, Json>,
  key: string,
  single: boolean,
): Promise<Json> {
  const where = `step "${key}"`;
  if (isJobStep(step)) {
    const defaults = ctx.jobTypes[step.job] ?? {};
    return dispatchJob({
      manager: ctx.manager,
      stepId: key,
      generation: state.generation,
      jobType: step.job,
      params: renderOrFail(step.params ?? {}, scope, `${where} params`) as JsonObject,
      timeouts: { ...ctx.jobDefaults, ...defaults.timeouts, ...step.timeouts },
      retry: step.retry ?? defaults.retry,
      priority: step.priority,
      placement: step.placement,
      tracker: single ? tracker(state) : undefined,
    });
  }
  if (isWaitStep(step)) {
    const { timeoutMs, onTimeout } = step.wait;
    const signal = renderOrFail(step.wait.signal, scope, `${where} wait.signal`);
    if (typeof signal !== 'string') {
      throw stepFailure(`${where}: wait.signal must render to a string`, 'invalid_signal_name');
    }
    if (single) state.status = 'waiting';
    if (await condition(() => ctx.signals.has(signal), timeoutMs))
      return ctx.signals.get(signal) ?? null;
    if (onTimeout === 'continue') return { timedOut: true };
    throw stepFailure(`${where}: no "${signal}" signal within ${timeoutMs} ms`, 'wait_timeout');
  }
  if (isSleepStep(step)) {
    if (single) state.status = 'running';
    await sleep(step.sleep.durationMs);
    return null;
  }
  return runChild(step, state, ctx, scope, key, single);
}

async function runChild(
  step: WorkflowStep,
  state: StepState,
  ctx: StepContext,
  scope: Record<string, Json>,
  key: string,
  single: boolean,
): Promise<Json> {
  const { name, version, input } = step.workflow;
  const definition = ctx.children[childKey(name, version)];
  if (!definition) {
    throw stepFailure(
      `step "${key}": child workflow ${childKey(name, version)} was not snapshotted at start`,
      'unknown_child',
    );
  }
  if (single) state.status = 'running';
  const childInput = renderOrFail(input ?? {}, scope, `step "${key}" workflow input`);
  return executeChild<typeof interpreter>('interpreter', {
    workflowId: `${workflowInfo().workflowId}/${key}/${state.generation}`,
    args: [
      {
        definition,
        children: ctx.children,
        input: childInput as JsonObject,
        manager: ctx.manager,
        jobDefaults: ctx.jobDefaults,
        jobTypes: ctx.jobTypes,
      },
    ],
    typedSearchAttributes: [
      { key: workflowKey, value: definition.name },
      { key: versionKey, value: definition.version },
    ],
  });
}
