import { expect } from 'vitest';
import type { RunView } from '../../api/runs.ts';
import type { JsonObject } from '../../common/json.ts';
import type { TestSite } from './site.ts';
import { waitFor } from './isolation.ts';

/** Starts a run through the (first) site's API as its submitter. @returns the run id. */
export async function startRun(
  site: TestSite,
  workflow: string,
  input: JsonObject = {},
): Promise<string> {
  const response = await site.fetchApi('/v1/runs', {
    method: 'POST',
    body: JSON.stringify({ workflow, input }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

/** The run's view through the API. */
export async function runView(site: TestSite, id: string): Promise<RunView> {
  return (await (await site.fetchApi(`/v1/runs/${encodeURIComponent(id)}`)).json()) as RunView;
}

/** Waits until the run is no longer RUNNING. @returns its view then. */
export function endedRun(site: TestSite, id: string, timeoutMs = 30_000): Promise<RunView> {
  return waitFor(
    async () => {
      const view = await runView(site, id);
      return view.status === 'RUNNING' ? undefined : view;
    },
    { timeoutMs, intervalMs: 100, what: `run ${id} to end` },
  );
}
