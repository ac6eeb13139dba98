import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type ScheduleDescription,
  type ScheduleSummary,
  type ScheduleSpec,
} from '@temporalio/client';
import { CaroniError } from '../common/errors.ts';
import { isJsonObject, type JsonObject } from '../common/json.ts';
import { TaskQueues } from '../workflows/messages.ts';
import { ConflictError } from '../common/errors.ts';
import { NotFoundError } from '../common/errors.ts';
import { prepareRun, type RunsContext } from './runs.ts';

/** A schedule's runs are named `schedule-<id>-<scheduled time>` (Temporal appends the time). */
export function scheduleWorkflowIdPrefix(id: string): string {
  return `schedule-${id}`;
}

/** When the schedule fires: exactly one of the two. */
export type ScheduleTiming = { cron: string } | { intervalMs: number };

export type CreateScheduleRequest = ScheduleTiming & {
  id: string;
  workflow: string;
  /** Default: the latest version when the schedule is created. */
  version?: number;
  input: JsonObject;
  paused?: boolean;
};

/** A schedule as the API shows it. */
export interface ScheduleView {
  id: string;
  workflow: string | undefined;
  /** The definition version snapshotted when the schedule was created. */
  version: number | undefined;
  cron: string | undefined;
  intervalMs: number | undefined;
  paused: boolean;
  note: string | undefined;
  /** Runs started lately, oldest first. */
  recentRuns: { id: string; scheduledAt: string; startedAt: string }[];
  nextRunTimes: string[];
  /** Only when reading one schedule. */
  input?: JsonObject;
  createdAt?: string;
}

/**
 * What Caroni keeps on the schedule itself: Temporal reports a cron spec back
 * as calendars, not as the expression given, and knows nothing of definitions.
 */
interface ScheduleMemo {
  workflow?: unknown;
  version?: unknown;
  cron?: unknown;
  intervalMs?: unknown;
}

async function onSchedule<T>(id: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) {
      throw new NotFoundError('schedule_not_found', `no schedule "${id}" here`, { cause: error });
    }
    throw error;
  }
}

/**
 * Creates a schedule that starts runs of a workflow definition. The definition
 * (and its children and job type defaults) is snapshotted now, as for a run
 * started now: a schedule keeps starting that version until it is deleted and
 * created again. A run still going when the next is due makes that one skip
 * (Temporal's default overlap policy); after an outage, runs missed by more
 * than a minute are not made up.
 *
 * @throws NotFoundError when the definition does not exist; ConflictError
 *   `schedule_exists`; CaroniError `invalid_schedule` when Temporal refuses
 *   the spec (e.g. a malformed cron expression).
 */
export async function createSchedule(
  ctx: RunsContext,
  request: CreateScheduleRequest,
): Promise<ScheduleView> {
  const { definition, args, searchAttributes } = await prepareRun(ctx, request);
  const spec: ScheduleSpec =
    'cron' in request
      ? { cronExpressions: [request.cron] }
      : { intervals: [{ every: request.intervalMs }] };
  const memo: ScheduleMemo = {
    workflow: definition.name,
    version: definition.version,
    ...('cron' in request ? { cron: request.cron } : { intervalMs: request.intervalMs }),
  };
  try {
    await ctx.client.schedule.create({
      scheduleId: request.id,
      spec,
      action: {
        type: 'startWorkflow',
        workflowType: 'interpreter',
        taskQueue: TaskQueues.workflows,
        workflowId: scheduleWorkflowIdPrefix(request.id),
        args: [args],
        typedSearchAttributes: searchAttributes,
      },
      policies: { catchupWindow: '1 minute' },
      memo: { ...memo },
      state: { paused: request.paused ?? false },
    });
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) {
      throw new ConflictError(
        'schedule_exists',
        `schedule "${request.id}" exists already: pick another id, or delete it first to re-create it`,
        { cause: error },
      );
    }
    // The client turns Temporal's INVALID_ARGUMENT (e.g. a cron it cannot parse) into a TypeError.
    if (error instanceof TypeError) {
      const hint =
        'cron' in request
          ? `; cron "${request.cron}" needs 5 fields, minute hour day-of-month month day-of-week, e.g. "0 3 * * *"`
          : '';
      throw new CaroniError(
        'invalid_schedule',
        `Temporal refused the schedule: ${error.message}${hint}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  return getSchedule(ctx, request.id);
}

/** Every schedule of the site. Temporal lists them from visibility: a new one may take a moment to show. */
export async function listSchedules(ctx: RunsContext): Promise<ScheduleView[]> {
  const views: ScheduleView[] = [];
  for await (const summary of ctx.client.schedule.list()) views.push(viewOf(summary));
  return views;
}

/**
 * One schedule, with the input its runs get and when it was created.
 *
 * @throws NotFoundError `schedule_not_found`.
 */
export async function getSchedule(ctx: RunsContext, id: string): Promise<ScheduleView> {
  const description = await onSchedule(id, () => ctx.client.schedule.getHandle(id).describe());
  const first = description.action.args?.[0];
  const input = isJsonObject(first) && isJsonObject(first.input) ? first.input : undefined;
  return {
    ...viewOf(description),
    input,
    createdAt: description.info.createdAt.toISOString(),
  };
}

/**
 * Pauses (no runs start until unpaused) or unpauses a schedule; `note` says
 * who and why, and shows in the schedule's view.
 *
 * @throws NotFoundError `schedule_not_found`.
 */
export async function setSchedulePaused(
  ctx: RunsContext,
  id: string,
  paused: boolean,
  note: string,
): Promise<ScheduleView> {
  const handle = ctx.client.schedule.getHandle(id);
  await onSchedule(id, () => (paused ? handle.pause(note) : handle.unpause(note)));
  return getSchedule(ctx, id);
}

/**
 * Deletes a schedule. Runs it started keep running.
 *
 * @throws NotFoundError `schedule_not_found`.
 */
export async function deleteSchedule(ctx: RunsContext, id: string): Promise<void> {
  await onSchedule(id, () => ctx.client.schedule.getHandle(id).delete());
}

function viewOf(schedule: ScheduleSummary | ScheduleDescription): ScheduleView {
  const memo: ScheduleMemo = schedule.memo ?? {};
  return {
    id: schedule.scheduleId,
    workflow: typeof memo.workflow === 'string' ? memo.workflow : undefined,
    version: typeof memo.version === 'number' ? memo.version : undefined,
    cron: typeof memo.cron === 'string' ? memo.cron : undefined,
    intervalMs: typeof memo.intervalMs === 'number' ? memo.intervalMs : undefined,
    paused: schedule.state.paused,
    note: schedule.state.note || undefined,
    recentRuns: schedule.info.recentActions.map((action) => ({
      id: action.action.workflow.workflowId,
      scheduledAt: action.scheduledAt.toISOString(),
      startedAt: action.takenAt.toISOString(),
    })),
    nextRunTimes: schedule.info.nextActionTimes.map((time) => time.toISOString()),
  };
}
