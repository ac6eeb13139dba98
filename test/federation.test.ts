import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunPage } from '../api/run-list.ts';
import type { RunView } from '../api/runs.ts';
import type { DevFederationReport } from '../cli/dev-report.ts';
import { freePort } from '../common/ports.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { deleteBrokerTopology, testAmqpUrl, uniqueName, waitFor } from './support/isolation.ts';

async function body<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function start(f: TestSite, site: number, workflow: string, text: string): Promise<string> {
  const response = await f.fetchSite(site, '/v1/runs', {
    method: 'POST',
    body: JSON.stringify({ workflow, input: { text } }),
  });
  expect(response.status).toBe(202);
  return (await body<{ id: string }>(response)).id;
}

async function finished(f: TestSite, site: number, id: string): Promise<RunView> {
  return waitFor(
    async () => {
      const run = await body<RunView>(await f.fetchSite(site, `/v1/runs/${id}`));
      return run.status === 'RUNNING' ? undefined : run;
    },
    { timeoutMs: 40_000, what: `run ${id} on site ${site} to end` },
  );
}

describe('a federation of two sites and two agents', () => {
  let federation: TestSite | undefined;
  afterAll(async () => {
    await federation?.teardown();
  });

  it("runs each site's work in its own namespace, and keeps each site's runs away from the other's API and tokens", async () => {
    const f = await startTestSite({ sites: 2, agents: 2 });
    federation = f;
    const [a, b] = f.federation.sites;
    if (!a || !b) throw new Error('expected two sites');
    expect(a.config.manager.namespace).not.toBe(b.config.manager.namespace);
    expect(f.federation.agents).toHaveLength(2);

    const runA = await start(f, 0, 'example', 'the quick brown fox');
    const runB = await start(f, 1, 'example', 'jumps over the lazy dog');
    const [doneA, doneB] = await Promise.all([finished(f, 0, runA), finished(f, 1, runB)]);
    expect(doneA).toMatchObject({ status: 'COMPLETED', output: { words: 4, chars: 19 } });
    expect(doneB).toMatchObject({ status: 'COMPLETED', output: { words: 5, chars: 23 } });
    // Each run is a workflow of its own site's namespace, and of no other.
    expect(await a.api.ctx.client.workflow.getHandle(runA).describe()).toMatchObject({
      workflowId: runA,
    });
    expect(await b.api.ctx.client.workflow.getHandle(runB).describe()).toMatchObject({
      workflowId: runB,
    });
    await expect(b.api.ctx.client.workflow.getHandle(runA).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );

    // A run of A that is still running (the review waits for an approval).
    const waiting = await start(f, 0, 'review', 'one two three four');
    await waitFor(
      async () =>
        (await body<RunView>(await f.fetchSite(0, `/v1/runs/${waiting}`))).steps?.some(
          (step) => step.id === 'review' && step.status === 'waiting',
        ),
      { timeoutMs: 40_000, what: 'the review to wait for its approval' },
    );

    // B's API with B's tokens neither sees nor controls A's runs.
    for (const token of [b.tokens.site, b.tokens.admin]) {
      for (const id of [runA, waiting]) {
        expect((await f.fetchSite(1, `/v1/runs/${id}`, { token })).status).toBe(404);
        expect((await f.fetchSite(1, `/v1/runs/${id}/events`, { token })).status).toBe(404);
        const cancel = await f.fetchSite(1, `/v1/runs/${id}/cancel`, { method: 'POST', token });
        expect(cancel.status).toBe(404);
        const signal = await f.fetchSite(1, `/v1/runs/${id}/signals`, {
          method: 'POST',
          token,
          body: JSON.stringify({ name: 'approve', payload: { by: 'site b' } }),
        });
        expect(signal.status).toBe(404);
      }
    }
    // B's listing shows B's run (once visibility has it) and never one of A's.
    const listedB = await waitFor(
      async () => {
        const page = await body<RunPage>(await f.fetchSite(1, '/v1/runs?limit=100'));
        return page.runs.some((run) => run.id === runB) ? page : undefined;
      },
      { timeoutMs: 20_000, what: "B's run in B's listing" },
    );
    expect(listedB.runs.map((run) => run.id)).not.toContain(runA);
    expect(listedB.runs.map((run) => run.id)).not.toContain(waiting);

    // B's tokens open nothing on A's API.
    for (const token of [b.tokens.site, b.tokens.admin]) {
      expect((await f.fetchSite(0, `/v1/runs/${runA}`, { token })).status).toBe(401);
      expect((await f.fetchSite(0, '/v1/runs', { token })).status).toBe(401);
      const cancel = await f.fetchSite(0, `/v1/runs/${waiting}/cancel`, { method: 'POST', token });
      expect(cancel.status).toBe(401);
    }
    expect((await f.fetchSite(0, '/v1/admin/job-types', { token: b.tokens.admin })).status).toBe(
      401,
    );

    // A's run went on untouched; A's own token still controls it.
    expect((await body<RunView>(await f.fetchSite(0, `/v1/runs/${waiting}`))).status).toBe(
      'RUNNING',
    );
    expect((await f.fetchSite(0, `/v1/runs/${waiting}/cancel`, { method: 'POST' })).status).toBe(
      202,
    );
    expect((await finished(f, 0, waiting)).status).toBe('CANCELLED');

    // Temporal visibility of B's namespace has B's runs and none of A's.
    const visibleInB = await waitFor(
      async () => {
        const ids: string[] = [];
        for await (const execution of b.api.ctx.client.workflow.list({
          query: 'CaroniWorkflow = "example"',
        }))
          ids.push(execution.workflowId);
        return ids.includes(runB) ? ids : undefined;
      },
      { timeoutMs: 20_000, what: "B's run in B's visibility" },
    );
    expect(visibleInB).not.toContain(runA);
    expect(visibleInB).not.toContain(waiting);
  }, 120_000);
});

describe('caroni dev --sites 2 --agents 2', () => {
  let dev: ChildProcess | undefined;
  let dataDir: string | undefined;
  const prefix = uniqueName('fed').replace('-', '_');

  afterAll(async () => {
    if (dev && dev.exitCode === null) dev.kill('SIGKILL');
    await deleteBrokerTopology(
      prefix,
      ['site-1', 'site-2'],
      ['text.stats', 'text.sha256'],
      ['agent-1', 'agent-2'],
    );
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("prints every site's API and writes dev-federation.json, then runs the example on the first site", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'caroni-federation-'));
    const apiPort = await freePort();
    const env = {
      ...process.env,
      CARONI_DATA_DIR: dataDir,
      // Its own Temporal dev server: the namespaces `site-1` and `site-2` are this test's alone.
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
      TEMPORAL_WEB_URL: `http://127.0.0.1:${await freePort()}`,
      CARONI_API_PORT: String(apiPort),
      CARONI_AGENT_PORT: String(await freePort()),
      DATABASE_URL: '',
      AMQP_URL: testAmqpUrl,
      CARONI_BROKER_PREFIX: prefix,
      CARONI_QUEUE_TYPE: 'classic',
      LOG_LEVEL: 'warn',
    };
    const startedAt = Date.now();
    const child = spawn(
      process.execPath,
      ['cli/caroni.js', 'dev', '--sites', '2', '--agents', '2'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    dev = child;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    const printed = await waitFor(() => lines.find((line) => line.startsWith('{')), {
      timeoutMs: 150_000,
      what: `the example output (stderr so far: ${stderr.slice(-2000)})`,
    });
    console.info(
      `caroni dev --sites 2 --agents 2: example output after ${Date.now() - startedAt} ms`,
    );
    expect(JSON.parse(printed)).toMatchObject({ words: 4, chars: 19 });
    expect(lines).toHaveLength(1);

    const secondApi = `http://127.0.0.1:${apiPort + 100}`;
    expect(stderr).toContain(`API:          http://127.0.0.1:${apiPort} `);
    expect(stderr).toContain(`API:          ${secondApi} `);
    expect(stderr).toMatch(/Site site-1 \(namespace site-1\)/);
    expect(stderr).toMatch(/Site site-2 \(namespace site-2\)/);

    const file = path.join(dataDir, 'dev-federation.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const report = JSON.parse(await readFile(file, 'utf8')) as DevFederationReport;
    expect(report.sites.map((site) => site.api)).toEqual([
      `http://127.0.0.1:${apiPort}`,
      secondApi,
    ]);
    expect(report.agents.map((agent) => agent.id)).toEqual(['agent-1', 'agent-2']);
    const tokens = JSON.parse(await readFile(path.join(dataDir, 'dev-tokens.json'), 'utf8')) as {
      admin: string;
      site: string;
    };
    expect(tokens).toEqual(report.sites[0]?.tokens);
    // The second site answers its own token, and refuses the first site's.
    const second = report.sites[1];
    if (!second) throw new Error('expected a second site in dev-federation.json');
    const own = await fetch(`${secondApi}/v1/runs`, {
      headers: { authorization: `Bearer ${second.tokens.site}` },
    });
    expect(own.status).toBe(200);
    const foreign = await fetch(`${secondApi}/v1/runs`, {
      headers: { authorization: `Bearer ${tokens.site}` },
    });
    expect(foreign.status).toBe(401);

    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  }, 200_000);
});
