import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDefinition } from '../api/definitions.ts';
import type { RunEnd } from '../api/run-events.ts';
import type { RunPage, RunSummary } from '../api/run-list.ts';
import type { RunView } from '../api/runs.ts';
import { readServerEvents, type ServerEvent } from '../cli/run-events.ts';
import type { StepState } from '../workflows/messages.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { uniqueName, waitFor } from './support/isolation.ts';

const sites: TestSite[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) await site.teardown();
});

async function site(): Promise<TestSite> {
  const started = await startTestSite();
  sites.push(started);
  await seedTestSite(started.managerSql);
  return started;
}

async function body<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function start(s: TestSite, workflow: string, input: object): Promise<string> {
  const response = await s.fetchApi('/v1/runs', {
    method: 'POST',
    body: JSON.stringify({ workflow, input }),
  });
  expect(response.status).toBe(202);
  return (await body<{ id: string }>(response)).id;
}

async function list(s: TestSite, query: string): Promise<RunPage> {
  const response = await s.fetchApi(`/v1/runs?${query}`);
  expect(response.status).toBe(200);
  return body<RunPage>(response);
}

/** Every run the listing shows for `query`, following the cursors. */
async function listAll(s: TestSite, query: string): Promise<RunSummary[]> {
  const runs: RunSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(s, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
    runs.push(...page.runs);
    cursor = page.nextCursor;
  } while (cursor);
  return runs;
}

async function finished(s: TestSite, id: string): Promise<RunView> {
  return waitFor(
    async () => {
      const run = await body<RunView>(await s.fetchApi(`/v1/runs/${id}`));
      return run.status === 'RUNNING' ? undefined : run;
    },
    { timeoutMs: 30_000, what: `run ${id} to end` },
  );
}

async function stepStatus(s: TestSite, id: string, step: string): Promise<string | undefined> {
  const run = await body<RunView>(await s.fetchApi(`/v1/runs/${id}`));
  return run.steps?.find((candidate) => candidate.id === step)?.status;
}

describe('listing runs', () => {
  it('pages through every run with stable cursors, filters, and refuses bad parameters', async () => {
    const s = await site();
    await applyDefinition(s.managerSql, {
      name: 'parent',
      version: 1,
      steps: [{ id: 'child', workflow: { name: 'double', version: 1, input: { x: 1 } } }],
    });
    const doubles: string[] = [];
    for (let x = 0; x < 7; x++) doubles.push(await start(s, 'double', { x }));
    const parent = await start(s, 'parent', {});
    const careful = await start(s, 'careful', { key: uniqueName('list') });
    for (const id of [...doubles, parent]) expect((await finished(s, id)).status).toBe('COMPLETED');
    await waitFor(async () => (await stepStatus(s, careful, 'flaky')) === 'paused');

    // Visibility catches up on its own time: wait until it lists every closed run.
    await waitFor(
      async () => (await listAll(s, 'workflow=double&status=COMPLETED&limit=500')).length >= 7,
      { what: 'the double runs to be listed' },
    );
    // The parent's child is a `double` interpreter run in Temporal too, yet not a run of the site's own.
    const client = s.federation.api.ctx.client;
    const childIds: string[] = [];
    for await (const execution of client.workflow.list({ query: `CaroniWorkflow = 'double'` })) {
      if (execution.workflowId.startsWith(`${parent}/`)) childIds.push(execution.workflowId);
    }
    expect(childIds).toHaveLength(1);

    const pages: RunPage[] = [];
    let cursor: string | undefined;
    do {
      pages.push(await list(s, `workflow=double&limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      cursor = pages.at(-1)?.nextCursor;
    } while (cursor);
    expect(pages.map((page) => page.runs.length)).toEqual([3, 3, 1]);
    const listed = pages.flatMap((page) => page.runs);
    expect(new Set(listed.map((run) => run.id)).size).toBe(7);
    expect(listed.map((run) => run.id).sort()).toEqual([...doubles].sort());
    for (const run of listed) {
      expect(run).toMatchObject({ workflow: 'double', version: 1, status: 'COMPLETED' });
      expect(Date.parse(run.startedAt)).toBeLessThanOrEqual(Date.parse(run.closedAt ?? ''));
    }
    // Closed runs come newest first; the same cursor gives the same page.
    const closedAt = listed.map((run) => run.closedAt ?? '');
    expect(closedAt).toEqual([...closedAt].sort().reverse());
    const again = await list(s, `workflow=double&limit=3&cursor=${pages[0]?.nextCursor}`);
    expect(again.runs.map((run) => run.id)).toEqual(pages[1]?.runs.map((run) => run.id));

    const running = await listAll(s, 'status=RUNNING');
    expect(running.map((run) => run.id)).toEqual([careful]);
    const closed = await listAll(s, 'status=completed,FAILED');
    expect(closed.map((run) => run.id).sort()).toEqual([...doubles, parent].sort());
    const byWorkflow = await listAll(s, 'workflow=careful&version=1');
    expect(byWorkflow.map((run) => [run.id, run.status])).toEqual([[careful, 'RUNNING']]);
    expect(await listAll(s, 'workflow=careful&version=2')).toEqual([]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await listAll(s, `startedAfter=${future}`)).toEqual([]);
    expect((await listAll(s, `startedBefore=${future}`)).length).toBe(9);

    const refused = async (query: string) => {
      const response = await s.fetchApi(`/v1/runs?${query}`);
      expect(response.status).toBe(400);
      return (await body<{ error: { code: string; message: string } }>(response)).error;
    };
    expect(await refused('status=SLEEPING')).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/unknown status "SLEEPING".*RUNNING/),
    });
    expect(await refused('cursor=not*base64')).toMatchObject({ code: 'invalid_cursor' });
    const garbage = Buffer.from('garbage').toString('base64url');
    expect(await refused(`cursor=${garbage}`)).toMatchObject({ code: 'invalid_cursor' });
    const otherFilters = `workflow=careful&limit=3&cursor=${pages[0]?.nextCursor}`;
    expect(await refused(otherFilters)).toMatchObject({
      code: 'invalid_cursor',
      message: expect.stringMatching(/same filters/),
    });
    expect((await refused(`workflow=${encodeURIComponent("x' OR 'a'='a")}`)).code).toBe(
      'invalid_request',
    );
    expect((await refused('startedAfter=yesterday')).code).toBe('invalid_request');
    expect((await refused('limit=501')).code).toBe('invalid_request');
    expect((await refused('sort=asc')).code).toBe('invalid_request');
  });
});

describe('controlling runs over HTTP', () => {
  it('cancels, signals, retries and skips paused steps', async () => {
    const s = await site();
    await applyDefinition(s.managerSql, {
      name: 'approval',
      version: 1,
      steps: [{ id: 'approve', wait: { signal: 'approve', timeoutMs: 60_000 } }],
      output: '{{ steps.approve.output.by }}',
    });
    const post = (route: string, json?: unknown) =>
      s.fetchApi(route, {
        method: 'POST',
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });

    const approved = await start(s, 'approval', {});
    const signalled = await post(`/v1/runs/${approved}/signals`, {
      name: 'approve',
      payload: { by: 'bob' },
    });
    expect(signalled.status).toBe(202);
    expect(await finished(s, approved)).toMatchObject({ status: 'COMPLETED', output: 'bob' });

    const cancelled = await start(s, 'approval', {});
    await waitFor(async () => (await stepStatus(s, cancelled, 'approve')) === 'waiting');
    expect((await post(`/v1/runs/${cancelled}/cancel`)).status).toBe(202);
    expect((await finished(s, cancelled)).status).toBe('CANCELLED');
    const missing = await post('/v1/runs/no-such-run/cancel');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'run_not_found' } });

    const retried = await start(s, 'careful', { key: uniqueName('retry') });
    const skipped = await start(s, 'careful', { key: uniqueName('skip') });
    for (const id of [retried, skipped]) {
      await waitFor(async () => (await stepStatus(s, id, 'flaky')) === 'paused', {
        what: `run ${id} to pause`,
      });
    }
    const notPaused = await post(`/v1/runs/${retried}/steps/after/retry`);
    expect(notPaused.status).toBe(409);
    expect(await notPaused.json()).toMatchObject({ error: { code: 'step_not_paused' } });
    const retry = await post(`/v1/runs/${retried}/steps/flaky/retry`);
    expect(retry.status).toBe(200);
    expect(await body<StepState>(retry)).toMatchObject({ id: 'flaky', generation: 1 });
    expect(await finished(s, retried)).toMatchObject({
      status: 'COMPLETED',
      output: { calls: 2 },
    });

    const skip = await post(`/v1/runs/${skipped}/steps/flaky/skip`, { output: { calls: 0 } });
    expect(skip.status).toBe(200);
    expect(await body<StepState>(skip)).toMatchObject({
      id: 'flaky',
      status: 'skipped',
      output: { calls: 0 },
    });
    expect(await finished(s, skipped)).toMatchObject({
      status: 'COMPLETED',
      output: { calls: 0 },
    });
    const unknownField = await post(`/v1/runs/${skipped}/steps/flaky/skip`, { outptu: 1 });
    expect(unknownField.status).toBe(400);
  });
});

/** How far along a job step is; a step's events must never go back. */
const progress: Record<string, number> = {
  pending: 0,
  queued: 1,
  running: 2,
  succeeded: 3,
};

async function events(
  s: TestSite,
  id: string,
  headers: Record<string, string> = {},
): Promise<ServerEvent[]> {
  const response = await s.fetchApi(`/v1/runs/${id}/events`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const received: ServerEvent[] = [];
  if (response.body)
    for await (const event of readServerEvents(response.body)) received.push(event);
  return received;
}

describe('the events stream', () => {
  it("delivers a run's step changes in order, then its end, and stops when the client leaves", async () => {
    const s = await site();
    const id = await start(s, 'chain', { start: 1 });
    const received = await events(s, id);

    const ids = received.map((event) => Number(event.id));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    const last = received.at(-1);
    expect(last?.event).toBe('end');
    expect(JSON.parse(last?.data ?? '{}') as RunEnd).toMatchObject({
      id,
      status: 'COMPLETED',
      output: { last: 4, first: 1 },
    });
    const steps = received
      .filter((event) => event.event === 'step')
      .map((event) => JSON.parse(event.data) as StepState);
    expect(received.length).toBe(steps.length + 1);
    for (const stepId of ['a', 'b', 'c', 'd']) {
      const seen = steps.filter((step) => step.id === stepId).map((step) => step.status);
      const ranks = seen.map((status) => progress[status]);
      expect(ranks, `${stepId}: ${seen.join(' → ')}`).toEqual([...ranks].sort());
      expect(seen.at(-1)).toBe('succeeded');
    }
    // d only starts after c succeeded: the stream saw them in that order.
    const firstRunningOfD = steps.findIndex((step) => step.id === 'd' && step.status !== 'pending');
    const cSucceeded = steps.findIndex((step) => step.id === 'c' && step.status === 'succeeded');
    expect(cSucceeded).toBeLessThan(firstRunningOfD);

    // A reconnect gets every step's current state once, numbered after Last-Event-ID.
    const resumed = await events(s, id, { 'Last-Event-ID': '40' });
    expect(resumed.map((event) => [event.id, event.event])).toEqual([
      ['41', 'step'],
      ['42', 'step'],
      ['43', 'step'],
      ['44', 'step'],
      ['45', 'end'],
    ]);

    // A client that goes away stops the polling for it.
    const workflows = s.federation.api.ctx.client.workflow;
    const getHandle = workflows.getHandle.bind(workflows);
    let reads = 0;
    workflows.getHandle = (...args) => {
      reads++;
      return getHandle(...args);
    };
    const paused = await start(s, 'careful', { key: uniqueName('events') });
    const abort = new AbortController();
    const stream = await s.fetchApi(`/v1/runs/${paused}/events`, { signal: abort.signal });
    const reader = readServerEvents(stream.body as ReadableStream<Uint8Array>);
    for await (const event of reader) {
      if (event.event === 'step' && (JSON.parse(event.data) as StepState).status === 'paused')
        break;
    }
    expect(reads).toBeGreaterThan(1);
    abort.abort();
    await sleep(500);
    const readsAfterAbort = reads;
    await sleep(1_000);
    expect(reads).toBe(readsAfterAbort);

    const unknown = await s.fetchApi('/v1/runs/no-such-run/events');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'run_not_found' } });
  });
});
