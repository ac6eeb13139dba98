import { NotFoundError } from '../common/errors.ts';
import { stepLog, type StepLog } from '../db/job-logs.ts';
import { getRun, type RunsContext } from './runs.ts';

/**
 * The log of a run's step, of its latest attempt or of `attempt`: the end of
 * it while the job runs (`complete` false), all the agent kept once it ended.
 *
 * @throws NotFoundError `run_not_found` for an unknown run; `log_not_found`
 *   when no agent has reported a log for the step (yet).
 */
export async function getStepLog(
  ctx: RunsContext,
  runId: string,
  stepId: string,
  attempt?: number,
): Promise<StepLog> {
  const log = await stepLog(ctx.sql, runId, stepId, attempt);
  if (log) return log;
  await getRun(ctx, runId);
  const which = attempt === undefined ? '' : ` attempt ${attempt}`;
  throw new NotFoundError(
    'log_not_found',
    `no log for step "${stepId}"${which} of run "${runId}": its job has not run on an agent yet, or has written nothing`,
  );
}
