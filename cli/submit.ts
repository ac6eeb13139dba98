import type { RunEnd } from '../api/run-events.ts';
import type { JsonObject } from '../common/json.ts';
import type { StepState } from '../workflows/messages.ts';
import type { ApiClient } from './api-client.ts';
import { followRun } from './run-events.ts';

export interface SubmitOptions {
  api: ApiClient;
  workflow: string;
  version?: number;
  input: JsonObject;
  idempotencyKey?: string;
  wait: boolean;
  /** Where progress lines go (stderr), so stdout carries only the result. */
  progress: (line: string) => void;
}

/** A step's progress line: status, agent, attempt, progress and error as far as known. */
export function stepLine(step: StepState): string {
  return (
    `${step.id} (${step.kind}): ${step.status}` +
    (step.agent ? ` on ${step.agent}` : '') +
    (step.attempt && step.attempt > 1 ? ` attempt ${step.attempt}` : '') +
    (step.progress !== undefined && step.progress !== null
      ? ` ${JSON.stringify(step.progress)}`
      : '') +
    (step.error ? `: ${step.error.message}` : '')
  );
}

/**
 * Starts a run through a manager's API (the site stub) and, with `wait`,
 * follows its event stream with a line per step change until it ends.
 *
 * @returns the run's end with `wait`, else just its id.
 */
export async function submit(options: SubmitOptions): Promise<RunEnd | { id: string }> {
  const started = await options.api.request<{ id: string }>('POST', '/v1/runs', {
    json: {
      workflow: options.workflow,
      version: options.version,
      input: options.input,
      idempotencyKey: options.idempotencyKey,
    },
  });
  options.progress(`run ${started.id} started`);
  if (!options.wait) return started;
  // An event may change a field the line does not show, and a reconnect repeats every step: print only new lines.
  const seen = new Map<string, string>();
  const end = await followRun(options.api, started.id, (event) => {
    if (event.event !== 'step') return;
    const line = stepLine(event.data);
    if (seen.get(event.data.id) === line) return;
    seen.set(event.data.id, line);
    options.progress(line);
  });
  options.progress(`run ${end.id} ${end.status.toLowerCase()}; history: ${end.temporalWebUrl}`);
  return end;
}
