import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { Json, JsonObject } from '../common/json.ts';
import type { Definition, JobTimeouts } from './definition.ts';
import { dispatchJob, installJobReplyHandler } from './dispatch.ts';
import { runStateQuery, type RunState, type StepState } from './messages.ts';
import { render, TemplateError, type TemplateScope } from './template.ts';

/** What the API passes when it starts a run. */
export interface InterpreterInput {
  /** Snapshot of the definition: a later version never changes this run. */
  definition: Definition;
  input: JsonObject;
  /** The manager (site) this run belongs to; part of every job id. */
  manager: string;
  /** Timeouts for steps and job types that set none. */
  jobDefaults: Required<JobTimeouts>;
  /** Per job type defaults from the manager's job types. */
  jobTypeTimeouts?: Record<string, JobTimeouts>;
}

/**
 * Runs a workflow definition: its job steps in order, each step's parameters
 * rendered from the run input and earlier outputs. Returns the rendered
 * `output` of the definition (or every step's output by id).
 */
export async function interpreter(args: InterpreterInput): Promise<Json> {
  installJobReplyHandler();
  const { definition } = args;
  const state: RunState = {
    workflow: definition.name,
    version: definition.version,
    steps: definition.steps.map((step) => ({ id: step.id, job: step.job, status: 'pending' })),
  };
  setHandler(runStateQuery, () => state);

  const scope: TemplateScope = { input: args.input, steps: {} };
  for (const [index, step] of definition.steps.entries()) {
    const stepState = state.steps[index] as StepState;
    const params = renderOrFail(step.params ?? {}, scope, `step "${step.id}" parameters`);
    const timeouts: Required<JobTimeouts> = {
      ...args.jobDefaults,
      ...args.jobTypeTimeouts?.[step.job],
      ...step.timeouts,
    };
    try {
      const output = await dispatchJob({
        manager: args.manager,
        stepId: step.id,
        jobType: step.job,
        params: params as JsonObject,
        timeouts,
        retry: step.retry,
        tracker: {
          onQueued(jobId, attempt) {
            Object.assign(stepState, { status: 'queued', jobId, attempt, queuedAt: now() });
          },
          onRunning(agent) {
            Object.assign(stepState, { status: 'running', agent, startedAt: now() });
          },
          onProgress(details) {
            stepState.progress = details;
          },
        },
      });
      Object.assign(stepState, { status: 'succeeded', output, finishedAt: now() });
      scope.steps[step.id] = { output };
    } catch (error) {
      const failure = error instanceof ApplicationFailure ? error : undefined;
      Object.assign(stepState, {
        status: 'failed',
        finishedAt: now(),
        error: { type: failure?.type ?? 'error', message: (error as Error).message },
      });
      throw ApplicationFailure.create({
        message: `step "${step.id}" (${step.job}) failed: ${(error as Error).message}`,
        type: failure?.type ?? 'step_failed',
        nonRetryable: true,
        cause: error as Error,
      });
    }
  }
  if (definition.output === undefined) {
    return Object.fromEntries(Object.entries(scope.steps).map(([id, step]) => [id, step.output]));
  }
  return renderOrFail(definition.output, scope, 'the definition output');
}

function renderOrFail(value: Json, scope: TemplateScope, where: string): Json {
  try {
    return render(value, scope);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw ApplicationFailure.nonRetryable(`${where}: ${error.message}`, 'template_unresolved');
    }
    throw error;
  }
}

function now(): string {
  return new Date().toISOString();
}
