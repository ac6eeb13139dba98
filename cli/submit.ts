import { setTimeout as sleep } from 'node:timers/promises';
import { CaroniError } from '../common/errors.ts';
import type { JsonObject } from '../common/json.ts';
import type { RunView } from '../api/runs.ts';

export interface SubmitOptions {
  api: string;
  workflow: string;
  version?: number;
  input: JsonObject;
  idempotencyKey?: string;
  wait: boolean;
  /** Where progress lines go (stderr), so stdout carries only the result. */
  progress: (line: string) => void;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CaroniError(
      'api_unreachable',
      `cannot reach the Caroni API at ${new URL(url).origin}: start it (\`npx caroni dev\`) or pass --api`,
      { cause: error },
    );
  }
  const body = (await response.json()) as T & { error?: { code: string; message: string } };
  if (!response.ok) {
    throw new CaroniError(
      body.error?.code ?? 'api_error',
      body.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return body;
}

const ENDED = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'TIMED_OUT']);

/**
 * Starts a run through a manager's API (the site stub) and, with `wait`,
 * follows it with a line per step change until it ends.
 *
 * @returns the run as last seen.
 */
export async function submit(options: SubmitOptions): Promise<RunView | { id: string }> {
  const started = await call<{ id: string }>(`${options.api}/v1/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      workflow: options.workflow,
      version: options.version,
      input: options.input,
      idempotencyKey: options.idempotencyKey,
    }),
  });
  options.progress(`run ${started.id} started`);
  if (!options.wait) return started;
  const seen = new Map<string, string>();
  for (;;) {
    const run = await call<RunView>(`${options.api}/v1/runs/${encodeURIComponent(started.id)}`);
    for (const step of run.steps ?? []) {
      const line =
        `${step.id} (${step.kind}): ${step.status}` +
        (step.agent ? ` on ${step.agent}` : '') +
        (step.attempt && step.attempt > 1 ? ` attempt ${step.attempt}` : '') +
        (step.progress !== undefined && step.progress !== null
          ? ` ${JSON.stringify(step.progress)}`
          : '') +
        (step.error ? `: ${step.error.message}` : '');
      if (seen.get(step.id) !== line) {
        seen.set(step.id, line);
        options.progress(line);
      }
    }
    if (ENDED.has(run.status)) {
      options.progress(`run ${run.id} ${run.status.toLowerCase()}; history: ${run.temporalWebUrl}`);
      return run;
    }
    await sleep(250);
  }
}
