import type { QueueInspector } from './queues.ts';
import { createHash, randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import type { Sql } from 'postgres';
import { ConflictError, NotFoundError } from '../common/errors.ts';
import type { Json, JsonObject } from '../common/json.ts';
import { getDefinition } from '../db/definitions.ts';
import { jobTypeDefaults } from '../db/job-types.ts';
import type { JobTimeouts } from '../workflows/definition.ts';
import type { InterpreterInput } from '../workflows/interpreter.ts';
import type { RunSummary } from './run-list.ts';
import { runStateQuery, TaskQueues, type StepState } from '../workflows/messages.ts';
import { versionKey, workflowKey } from '../workflows/search-attributes.ts';
import { childKey } from '../workflows/steps.ts';
import {
  DefinitionLimits,
  isJobStep,
  isWorkflowStep,
  type Definition,
} from '../workflows/definition.ts';

/** What a site's runs need: its Temporal client, its database and its identity. */
export interface RunsContext {
  client: Client;
  sql: Sql;
  managerId: string;
  namespace: string;
  jobDefaults: Required<JobTimeouts>;
  temporalWebUrl: string;
  /** Depths of the site's queues on the broker. */
  queues: QueueInspector;
}

export interface StartRunRequest {
  workflow: string;
  version?: number;
  input: JsonObject;
  idempotencyKey?: string;
  /** Continue-as-new once the history is this long (tests); else when Temporal suggests it. */
  continueAsNewAfterEvents?: number;
}

/** A run as the API shows it. */
export interface RunView extends RunSummary {
  steps: StepState[] | undefined;
  output: Json | undefined;
  error: { type: string | undefined; message: string } | undefined;
  temporalWebUrl: string;
}

/** The same idempotency key always names the same workflow id, so a repeated start finds the first run. */
export function runIdFor(idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return `run-${randomUUID()}`;
  return `run-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}`;
}

/** What starting the interpreter needs: its input and the run's search attributes. */
export interface PreparedRun {
  definition: Definition;
  args: InterpreterInput;
  searchAttributes: SearchAttributePair[];
}

/**
 * Snapshots the latest (or given) version of a workflow definition, its child
 * workflows and its job types' defaults into the interpreter's input. Both a
 * run started now and a schedule's future runs start from this, so a schedule
 * keeps the snapshot taken when it was created.
 *
 * @throws NotFoundError when the definition (or a child's) does not exist.
 */
export async function prepareRun(
  ctx: RunsContext,
  request: Omit<StartRunRequest, 'idempotencyKey'>,
): Promise<PreparedRun> {
  const definition = await getDefinition(ctx.sql, request.workflow, request.version);
  if (!definition) {
    const which = request.version === undefined ? '' : ` version ${request.version}`;
    throw new NotFoundError(
      'definition_not_found',
      `workflow "${request.workflow}"${which} is not defined here: save its definition first`,
    );
  }
  const children = await snapshotChildren(ctx, definition);
  const jobTypes = [definition, ...Object.values(children)].flatMap((d) =>
    d.steps.filter(isJobStep).map((step) => step.job),
  );
  return {
    definition,
    args: {
      definition,
      children,
      input: request.input,
      manager: ctx.managerId,
      jobDefaults: ctx.jobDefaults,
      jobTypes: await jobTypeDefaults(ctx.sql, [...new Set(jobTypes)]),
      continueAsNewAfterEvents: request.continueAsNewAfterEvents,
    },
    searchAttributes: [
      { key: workflowKey, value: definition.name },
      { key: versionKey, value: definition.version },
    ],
  };
}

/**
 * Starts a run of the latest (or given) version of a workflow definition;
 * with an idempotency key, a repeated call returns the run the first call
 * started, whether it still runs or not.
 *
 * @throws NotFoundError when the definition does not exist.
 */
export async function startRun(
  ctx: RunsContext,
  request: StartRunRequest,
): Promise<{ id: string }> {
  const { args, searchAttributes } = await prepareRun(ctx, request);
  const id = runIdFor(request.idempotencyKey);
  try {
    await ctx.client.workflow.start('interpreter', {
      taskQueue: TaskQueues.workflows,
      workflowId: id,
      args: [args],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: searchAttributes,
    });
  } catch (error) {
    // A closed run with this id exists: the key was used before, return that run.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return { id };
}

/**
 * The definitions of every child workflow a run may start, resolved now: the
 * run gets them as a snapshot, like its own definition.
 *
 * @throws NotFoundError naming a child definition that does not exist.
 */
async function snapshotChildren(
  ctx: RunsContext,
  root: Definition,
): Promise<Record<string, Definition>> {
  const children: Record<string, Definition> = {};
  let level = [root];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > DefinitionLimits.maxChildDepth) {
      // Each definition was valid when saved; a child saved later may have deepened the tree.
      throw new ConflictError(
        'definition_too_deep',
        `child workflows of "${root.name}" now nest deeper than ${DefinitionLimits.maxChildDepth}: save a version with fewer levels`,
      );
    }
    const next: Definition[] = [];
    for (const step of level.flatMap((d) => d.steps.filter(isWorkflowStep))) {
      const { name, version } = step.workflow;
      const key = childKey(name, version);
      if (children[key]) continue;
      const child = await getDefinition(ctx.sql, name, version);
      if (!child)
        throw new NotFoundError(
          'definition_not_found',
          `child workflow ${key} of step "${step.id}" is not defined here`,
        );
      children[key] = child;
      next.push(child);
    }
    level = next;
  }
  return children;
}

/**
 * Reads a run: status from Temporal, live step states from the workflow's
 * query, output or error once it has ended.
 *
 * @throws NotFoundError when there is no such run in this site's namespace.
 */
export async function getRun(ctx: RunsContext, id: string): Promise<RunView> {
  const handle = ctx.client.workflow.getHandle(id);
  let description;
  try {
    description = await handle.describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      throw new NotFoundError('run_not_found', `no run "${id}" in this site`, { cause: error });
    }
    throw error;
  }
  const status = description.status.name;
  const view: RunView = {
    id,
    runId: description.runId,
    workflow: description.typedSearchAttributes.get(workflowKey),
    version: description.typedSearchAttributes.get(versionKey),
    status,
    startedAt: description.startTime.toISOString(),
    closedAt: description.closeTime?.toISOString(),
    steps: undefined,
    output: undefined,
    error: undefined,
    temporalWebUrl: `${ctx.temporalWebUrl}/namespaces/${encodeURIComponent(ctx.namespace)}/workflows/${encodeURIComponent(id)}/${description.runId}/history`,
  };
  try {
    view.steps = (await handle.query(runStateQuery)).steps;
  } catch {
    // No worker to answer right now: the run's status and output still stand on their own.
  }
  if (status === 'COMPLETED') {
    view.output = (await handle.result()) as Json;
  } else if (status !== 'RUNNING') {
    try {
      await handle.result();
    } catch (error) {
      const cause = error instanceof WorkflowFailedError ? error.cause : undefined;
      view.error = {
        type: (cause as { type?: string } | undefined)?.type,
        message: cause?.message ?? (error as Error).message,
      };
    }
  }
  return view;
}
