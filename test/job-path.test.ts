import { createHash } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import amqp from 'amqplib';
import {
  ConfirmedPublisher,
  declareReplyQueue,
  declareShared,
  topologyNames,
} from '../common/broker.ts';
import { seal } from '../common/envelope.ts';
import { loadIdentity } from '../common/keys.ts';
import { toValue } from '../common/struct.ts';
import { applyDefinition, applyJobType } from '../api/definitions.ts';
import { getRun, startRun, type RunView } from '../api/runs.ts';
import { startBridge } from '../bridge/main.ts';
import { createLogger } from '../common/log.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { testAmqpUrl, waitFor } from './support/isolation.ts';

const sites: TestSite[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const site of sites.splice(0)) await site.teardown();
});

async function site(options?: { withoutBridge?: boolean }): Promise<TestSite> {
  const started = await startTestSite(options);
  sites.push(started);
  await seedTestSite(started.managerSql);
  return started;
}

function ended(run: RunView): boolean {
  return run.status !== 'RUNNING';
}

describe('the job path', () => {
  it('runs the example workflow through the API, bridge, broker and agent', async () => {
    const s = await site();
    const response = await s.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow: 'example', input: { text: 'the quick brown fox' } }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const run = await waitFor(async () => {
      const view = (await (await s.fetchApi(`/v1/runs/${id}`)).json()) as RunView;
      return ended(view) ? view : undefined;
    });
    expect(run.status).toBe('COMPLETED');
    expect(run.output).toEqual({
      words: 4,
      chars: 19,
      sha256: createHash('sha256').update('the quick brown fox').digest('hex'),
    });
    expect(run.steps?.map((step) => [step.id, step.status, step.agent])).toEqual([
      ['stats', 'succeeded', s.config.agent.id],
      ['hash', 'succeeded', s.config.agent.id],
    ]);
    expect(run.temporalWebUrl).toContain(
      `/namespaces/${s.config.manager.namespace}/workflows/${id}/`,
    );

    // The namespace was registered at run time: its search attributes work for listing.
    const listed = await waitFor(async () => {
      const ids: string[] = [];
      for await (const execution of s.federation.api.ctx.client.workflow.list({
        query: `CaroniWorkflow = "example" AND CaroniWorkflowVersion = 1`,
      })) {
        ids.push(execution.workflowId);
      }
      return ids.includes(id) ? ids : undefined;
    });
    expect(listed).toContain(id);
  });

  it('returns the same run for the same idempotency key and answers bad requests clearly', async () => {
    const s = await site();
    const start = () =>
      s
        .fetchApi('/v1/runs', {
          method: 'POST',
          body: JSON.stringify({
            workflow: 'example',
            input: { text: 'a b' },
            idempotencyKey: 'order-17',
          }),
        })
        .then((r) => r.json() as Promise<{ id: string }>);
    const first = await start();
    await waitFor(async () => ended(await getRun(s.federation.api.ctx, first.id)));
    expect((await start()).id).toBe(first.id);

    const unknown = await s.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow: 'nope', input: {} }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'definition_not_found' } });

    const invalid = await s.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ input: 'not an object' }),
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(['input', 'workflow']);

    const missing = await s.fetchApi('/v1/runs/no-such-run');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'run_not_found' } });
  });

  it('completes a step whose result reaches the bridge before the request is even published', async () => {
    const s = await site({ withoutBridge: true });
    await applyJobType(s.managerSql, {
      name: 'test.unserved',
      description: 'no agent serves it',
      timeouts: {},
    });
    await applyDefinition(s.managerSql, {
      name: 'early',
      version: 1,
      steps: [{ id: 'only', job: 'test.unserved', params: {} }],
    });
    const { id } = await startRun(s.federation.api.ctx, { workflow: 'early', input: {} });
    const handle = s.federation.api.ctx.client.workflow.getHandle(id);
    const { runId } = await handle.describe();

    // The test plays the trusted agent: its result waits in the reply queue, no bridge is running yet.
    const agent = await loadIdentity(s.config.keysDir, s.config.agent.id);
    const ref = {
      manager: s.config.manager.id,
      namespace: s.config.manager.namespace,
      workflowId: id,
      runId,
      stepId: 'only',
      generation: 0,
    };
    const connection = await amqp.connect(testAmqpUrl);
    const channel = await connection.createConfirmChannel();
    const names = topologyNames(s.config.broker.prefix);
    const topology = { prefix: s.config.broker.prefix, queueType: s.config.broker.queueType };
    await declareShared(channel, topology);
    await declareReplyQueue(channel, topology, ref.manager);
    await new ConfirmedPublisher(channel).publish(
      names.repliesExchange,
      ref.manager,
      seal(agent, ref.manager, {
        jobResult: {
          jobId: `${id}/${runId}/only/0`,
          ref,
          attempt: 1,
          output: toValue({ early: true }),
        },
      }),
    );
    await connection.close();

    const bridge = await startBridge(s.config, {
      sql: s.managerSql,
      log: createLogger('test', 'warn'),
    });
    try {
      expect(await handle.result()).toEqual({ only: { early: true } });
    } finally {
      await bridge.stop();
    }
  });

  it('completes the workflow when the bridge is killed (SIGKILL) while a job runs and started again', async () => {
    const s = await site({ withoutBridge: true });
    await applyDefinition(s.managerSql, {
      name: 'slow',
      version: 1,
      // A progress timeout well past a bridge restart on a loaded machine: the test is about the reply path, not a retry.
      steps: [
        { id: 'nap', job: 'test.sleep', params: { ms: 3_000 }, timeouts: { progressMs: 60_000 } },
      ],
    });
    const bridgeEnv = { ...process.env, ...s.env, DATABASE_URL: s.managerDatabaseUrl };
    const spawnBridge = () => {
      const child = spawn(process.execPath, ['cli/caroni.js', 'bridge'], {
        env: bridgeEnv,
        stdio: 'ignore',
      });
      children.push(child);
      return child;
    };
    const first = spawnBridge();
    const { id } = await startRun(s.federation.api.ctx, { workflow: 'slow', input: {} });
    await waitFor(
      async () => (await getRun(s.federation.api.ctx, id)).steps?.[0]?.status === 'running',
      {
        what: 'the job to run',
      },
    );
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    spawnBridge();
    const run = await waitFor(
      async () => {
        const view = await getRun(s.federation.api.ctx, id);
        return ended(view) ? view : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(run.status).toBe('COMPLETED');
    expect(run.output).toEqual({ nap: { sleptMs: 3_000 } });
    expect(run.steps?.[0]?.attempt).toBe(1);
  });
});
