import { setTimeout as sleep } from 'node:timers/promises';
import type { RunView } from '../api/runs.ts';
import { CaroniError } from '../common/errors.ts';
import type { StepLog } from '../db/job-logs.ts';
import type { ApiClient } from './api-client.ts';

/** A log as the API serves it, as far as following it goes. */
export type LogSnapshot = Pick<StepLog, 'text' | 'bytes' | 'attempt' | 'complete'>;

/**
 * What of `snapshot` a follower that has printed `printed` bytes of the same
 * attempt has not seen: the bytes after those, or, when the snapshot no
 * longer reaches back that far (it holds only the end), a line saying how
 * many were missed and then all it holds.
 */
export function unseen(snapshot: LogSnapshot, printed: number): { text: string; printed: number } {
  const fresh = snapshot.bytes - printed;
  if (fresh <= 0) return { text: '', printed };
  const held = Buffer.from(snapshot.text, 'utf8');
  if (fresh <= held.length) {
    return { text: held.subarray(held.length - fresh).toString('utf8'), printed: snapshot.bytes };
  }
  const missed = fresh - held.length;
  return {
    text: `[caroni: ${missed} bytes of output not shown]\n${snapshot.text}`,
    printed: snapshot.bytes,
  };
}

const FINAL_STEP_STATES = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);

export interface FollowOptions {
  attempt?: number;
  /** Between polls. Default 1 s. */
  pollMs?: number;
  write(text: string): void;
  /** Notes that are not log text (a new attempt began, the run ended early). */
  note(text: string): void;
}

/**
 * Prints a step's log as it grows until the job has ended: polls the API,
 * prints what is new, and moves on to a newer attempt when one starts.
 * Returns when the log is complete, or when the run or step has ended and no
 * complete log will come (a cancelled job sends none).
 *
 * @throws CaroniError `run_not_found`; `log_not_found` when the run ended
 *   with no log for the step.
 */
export async function followStepLog(
  api: ApiClient,
  runId: string,
  stepId: string,
  options: FollowOptions,
): Promise<void> {
  const route = `/v1/runs/${encodeURIComponent(runId)}/steps/${encodeURIComponent(stepId)}/log`;
  const query = options.attempt === undefined ? '' : `?attempt=${options.attempt}`;
  let attempt: number | undefined;
  let printed = 0;
  for (;;) {
    // Asked first: a log fetched after the run ended holds everything that will come.
    const ended = await stepEnded(api, runId, stepId);
    const snapshot = await fetchLog(api, `${route}${query}`);
    if (snapshot) {
      if (attempt !== undefined && snapshot.attempt !== attempt) {
        options.note(`[caroni: attempt ${snapshot.attempt} began]\n`);
        printed = 0;
      }
      attempt = snapshot.attempt;
      const next = unseen(snapshot, printed);
      printed = next.printed;
      if (next.text) options.write(next.text);
      if (snapshot.complete) return;
    }
    if (ended) {
      if (!snapshot) {
        throw new CaroniError(
          'log_not_found',
          `step "${stepId}" of run "${runId}" ended without a job log: it did not run on an agent, or wrote nothing`,
        );
      }
      options.note('[caroni: the step ended without a complete log; its job was stopped]\n');
      return;
    }
    await sleep(options.pollMs ?? 1_000);
  }
}

async function fetchLog(api: ApiClient, route: string): Promise<LogSnapshot | undefined> {
  try {
    return await api.request<StepLog>('GET', route);
  } catch (error) {
    if (error instanceof CaroniError && error.code === 'log_not_found') return undefined;
    throw error;
  }
}

async function stepEnded(api: ApiClient, runId: string, stepId: string): Promise<boolean> {
  const run = await api.request<RunView>('GET', `/v1/runs/${encodeURIComponent(runId)}`);
  if (run.status !== 'RUNNING') return true;
  const step = run.steps?.find((candidate) => candidate.id === stepId);
  return step !== undefined && FINAL_STEP_STATES.has(step.status);
}
