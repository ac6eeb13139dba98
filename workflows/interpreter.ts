import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Json, JsonObject } from '../common/json.ts';
import {
  isJobStep,
  isSleepStep,
  isWaitStep,
  type Definition,
  type JobTimeouts,
  type Step,
} from './definition.ts';
import { installJobReplyHandler } from './dispatch.ts';
import {
  runSignal,
  runStateQuery,
  stepControlUpdate,
  type RunState,
  type StepControl,
  type StepState,
} from './messages.ts';
import { runStep, type JobTypeDefaults, type StepContext, type StepOutcome } from './steps.ts';
import { render, TemplateError } from './template.ts';

/** What the API passes when it starts a run. */
export interface InterpreterInput {
  /** Snapshot of the definition: a later version never changes this run. */
  definition: Definition;
  /** Snapshots of the child workflows' definitions, by `name` or `name@version` as steps name them. */
  children?: Record<string, Definition>;
  input: JsonObject;
  /** The manager (site) this run belongs to; part of every job id. */
  manager: string;
  /** Timeouts for steps and job types that set none. */
  jobDefaults: Required<JobTimeouts>;
  /** Per job type defaults from the manager's job types. */
  jobTypes?: Record<string, JobTypeDefaults>;
  /** Continue-as-new once the history is this long (tests force a small one); else when Temporal suggests it. */
  continueAsNewAfterEvents?: number;
  /** State carried over continue-as-new. */
  resume?: { steps: StepState[]; signals: Record<string, Json> };
}

const DONE = new Set(['succeeded', 'skipped']);

function kindOf(step: Step): string {
  if (isJobStep(step)) return `job:${step.job}`;
  if (isWaitStep(step)) return `wait:${step.wait.signal}`;
  if (isSleepStep(step)) return 'sleep';
  return `workflow:${step.workflow.name}`;
}

function now(): string {
  return new Date().toISOString();
}

/**
 * Runs a workflow definition: a DAG of steps (jobs, approvals, timers, child
 * workflows), each started once the steps it comes `after` are done, with
 * conditions, fan-out and per-step failure policy. Returns the rendered
 * `output` of the definition (or every step's output by id).
 */
export async function interpreter(args: InterpreterInput): Promise<Json> {
  installJobReplyHandler();
  const { definition } = args;
  const steps: StepState[] =
    args.resume?.steps ??
    definition.steps.map((step) => ({
      id: step.id,
      kind: kindOf(step),
      status: 'pending',
      generation: 0,
    }));
  const byId = new Map(steps.map((state) => [state.id, state]));
  const signals = new Map<string, Json>(Object.entries(args.resume?.signals ?? {}));
  const decisions = new Map<string, StepControl>();
  const stepsScope: Record<string, Json> = {};
  for (const state of steps) {
    if (DONE.has(state.status))
      stepsScope[state.id] = { output: state.output ?? null, status: state.status };
  }
  const ctx: StepContext = {
    manager: args.manager,
    jobDefaults: args.jobDefaults,
    jobTypes: args.jobTypes ?? {},
    children: args.children ?? {},
    signals,
    scope: { input: args.input, steps: stepsScope },
  };
  let changes = 0;

  const runState: RunState = { workflow: definition.name, version: definition.version, steps };
  setHandler(runStateQuery, () => runState);
  setHandler(runSignal, ({ name, payload }) => {
    if (!signals.has(name)) signals.set(name, payload ?? null);
    changes++;
  });
  setHandler(
    stepControlUpdate,
    (control) => {
      const state = byId.get(control.stepId) as StepState;
      decisions.set(control.stepId, control);
      // The decision shows in the update's answer: a retry's new generation is its new job id.
      if (control.action === 'retry') {
        Object.assign(state, {
          status: 'pending',
          generation: state.generation + 1,
          error: undefined,
        });
      }
      changes++;
      // The loop marks a skipped step done itself, with its output in scope for the steps after it.
      return control.action === 'skip'
        ? { ...state, status: 'skipped', output: control.output ?? null, error: undefined }
        : { ...state };
    },
    {
      validator: (control) => {
        const state = byId.get(control.stepId);
        if (!state) throw new Error(`no step "${control.stepId}" in this run`);
        if (state.status !== 'paused') {
          throw new Error(
            `step "${control.stepId}" is ${state.status}, not paused: only a paused step can be retried, skipped or failed`,
          );
        }
      },
    },
  );

  /** Runs a step; under `pause`, holds it for an operator's retry, skip or fail. */
  async function runWithPolicy(step: Step, state: StepState): Promise<StepOutcome> {
    for (;;) {
      try {
        return await runStep(step, state, ctx);
      } catch (error) {
        if (isCancellation(error) || step.onFailure !== 'pause') throw error;
        Object.assign(state, { status: 'paused', error: describe(error) });
        decisions.delete(step.id);
        await condition(() => decisions.has(step.id));
        const decision = decisions.get(step.id) as StepControl;
        decisions.delete(step.id);
        if (decision.action === 'skip')
          return { status: 'skipped', output: decision.output ?? null };
        if (decision.action === 'fail') {
          throw ApplicationFailure.nonRetryable(
            decision.reason ?? 'failed by an operator',
            'failed_by_operator',
          );
        }
      }
    }
  }

  const active = new Map<string, Promise<void>>();
  let failure: unknown;
  const taskScope = new CancellationScope();
  const launch = (step: Step, state: StepState) => {
    Object.assign(state, { status: 'queued', queuedAt: now() });
    const task = taskScope
      .run(() => runWithPolicy(step, state))
      .then(
        ({ status, output }) => {
          Object.assign(state, { status, output, finishedAt: now() });
          stepsScope[step.id] = { output, status };
        },
        (error: unknown) => {
          Object.assign(state, {
            status: isCancellation(error) ? 'cancelled' : 'failed',
            error: describe(error),
            finishedAt: now(),
          });
          if (!isCancellation(error)) failure ??= error;
        },
      )
      .finally(() => {
        active.delete(step.id);
        changes++;
      });
    active.set(step.id, task);
  };
  const ready = () =>
    definition.steps.filter((step) => {
      const state = byId.get(step.id);
      return (
        state?.status === 'pending' &&
        (step.after ?? []).every((id) => DONE.has(byId.get(id)?.status ?? ''))
      );
    });

  try {
    for (;;) {
      if (failure !== undefined) break;
      const next = ready();
      if (active.size === 0 && next.length > 0 && shouldContinueAsNew(args)) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof interpreter>({
          ...args,
          resume: { steps, signals: Object.fromEntries(signals) },
        });
      }
      for (const step of next) launch(step, byId.get(step.id) as StepState);
      if (active.size === 0) break;
      const seen = changes;
      await condition(() => changes !== seen);
    }
  } catch (error) {
    // The run itself is cancelled: let every step finish its cancellation path (CancelJob to agents).
    if (isCancellation(error))
      await CancellationScope.nonCancellable(() => Promise.allSettled(active.values()));
    throw error;
  }
  if (failure !== undefined) {
    taskScope.cancel();
    await Promise.allSettled(active.values());
    const failedStep = steps.find((state) => state.status === 'failed');
    throw ApplicationFailure.create({
      message: `step "${failedStep?.id}" failed: ${(failure as Error).message}`,
      type: failedStep?.error?.type ?? 'step_failed',
      nonRetryable: true,
      cause: failure as Error,
    });
  }
  const blocked = steps.filter((state) => !DONE.has(state.status));
  if (blocked.length > 0) {
    throw ApplicationFailure.nonRetryable(
      `steps ${blocked.map((state) => `"${state.id}"`).join(', ')} could not run`,
      'steps_blocked',
    );
  }
  if (definition.output === undefined) {
    return Object.fromEntries(steps.map((state) => [state.id, state.output ?? null]));
  }
  try {
    return render(definition.output, ctx.scope);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw ApplicationFailure.nonRetryable(
        `the definition output: ${error.message}`,
        'template_unresolved',
      );
    }
    throw error;
  }
}

function shouldContinueAsNew(args: InterpreterInput): boolean {
  const info = workflowInfo();
  if (args.continueAsNewAfterEvents !== undefined)
    return info.historyLength >= args.continueAsNewAfterEvents;
  return info.continueAsNewSuggested;
}

function describe(error: unknown): { type: string; message: string } {
  if (error instanceof ApplicationFailure)
    return { type: error.type ?? 'error', message: error.message };
  if (isCancellation(error)) return { type: 'cancelled', message: 'cancelled' };
  return { type: 'error', message: (error as Error).message ?? String(error) };
}
