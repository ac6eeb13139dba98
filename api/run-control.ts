import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Json } from '../common/json.ts';
import {
  runSignal,
  stepControlUpdate,
  type StepControl,
  type StepState,
} from '../workflows/messages.ts';
import { ConflictError, NotFoundError } from '../common/errors.ts';
import type { RunsContext } from './runs.ts';

async function onRun<T>(ctx: RunsContext, id: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      throw new NotFoundError('run_not_found', `no running run "${id}" in this site`, {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Cancels a run: queued jobs never run, running jobs are stopped on their
 * agents, and the run ends Cancelled once its steps have confirmed.
 */
export async function cancelRun(ctx: RunsContext, id: string): Promise<void> {
  await onRun(ctx, id, () => ctx.client.workflow.getHandle(id).cancel());
}

/** Sends a named signal to a run (an approval step waits for its name). */
export async function signalRun(
  ctx: RunsContext,
  id: string,
  name: string,
  payload: Json,
): Promise<void> {
  await onRun(ctx, id, () =>
    ctx.client.workflow.getHandle(id).signal(runSignal, { name, payload }),
  );
}

/**
 * Retries, skips or fails a paused step.
 *
 * @throws ConflictError when the step is not paused; NotFoundError when the run is gone.
 */
export async function controlStep(
  ctx: RunsContext,
  id: string,
  control: StepControl,
): Promise<StepState> {
  return onRun(ctx, id, async () => {
    try {
      return await ctx.client.workflow
        .getHandle(id)
        .executeUpdate(stepControlUpdate, { args: [control] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw new ConflictError('step_not_paused', error.cause?.message ?? error.message, {
          cause: error,
        });
      }
      throw error;
    }
  });
}
