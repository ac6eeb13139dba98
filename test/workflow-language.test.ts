import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDefinition } from '../api/definitions.ts';
import { cancelRun, controlStep, signalRun } from '../api/run-control.ts';
import { getRun, startRun, type RunView } from '../api/runs.ts';
import type { Definition } from '../workflows/definition.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { flakyCalls, tracked } from './support/handlers.ts';
import { uniqueName, waitFor } from './support/isolation.ts';
import { alive, childPids } from './support/processes.ts';

const sites: TestSite[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) await site.teardown();
});

async function site(slots = 4): Promise<TestSite> {
  const started = await startTestSite({ slots });
  sites.push(started);
  await seedTestSite(started.managerSql);
  return started;
}

async function finished(s: TestSite, id: string): Promise<RunView> {
  return waitFor(
    async () => {
      const run = await getRun(s.federation.api.ctx, id);
      return run.status === 'RUNNING' ? undefined : run;
    },
    { timeoutMs: 60_000, what: `run ${id} to end` },
  );
}

describe('the workflow language', () => {
  it('runs a DAG with fan-out, a false condition, a child workflow, a timer and two approvals', async () => {
    const s = await site(12);
    const group = uniqueName('fan');
    const { id } = await startRun(s.federation.api.ctx, {
      workflow: 'tour',
      input: { mode: 'always', group },
    });
    await waitFor(
      async () =>
        (await getRun(s.federation.api.ctx, id)).steps?.find((step) => step.id === 'approve')
          ?.status === 'waiting',
    );
    await signalRun(s.federation.api.ctx, id, 'approve', { by: 'alice' });

    const run = await finished(s, id);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('COMPLETED');
    expect(run.output).toEqual({
      child: 100,
      approvedBy: 'alice',
      timedOut: true,
      never: 'skipped',
    });
    const statuses = Object.fromEntries((run.steps ?? []).map((step) => [step.id, step.status]));
    expect(statuses).toEqual({
      list: 'succeeded',
      fan: 'succeeded',
      nap: 'succeeded',
      never: 'skipped',
      approve: 'succeeded',
      nobody: 'succeeded',
      child: 'succeeded',
      final: 'succeeded',
    });
    // The agent had 12 slots; the fan-out's bound held, and was reached.
    expect(tracked.get(group)).toEqual({ running: 0, max: 5, calls: 50 });
    expect(run.steps?.find((step) => step.id === 'fan')?.items).toEqual({
      total: 50,
      running: 0,
      succeeded: 50,
      failed: 0,
    });
  });

  it('pauses a failed step until an operator retries it (a new job, run again) or skips it', async () => {
    const s = await site();
    const key = uniqueName('flaky');
    const paused = async (id: string) =>
      waitFor(
        async () => (await getRun(s.federation.api.ctx, id)).steps?.[0]?.status === 'paused',
        { what: 'the step to pause' },
      );

    const retried = await startRun(s.federation.api.ctx, { workflow: 'careful', input: { key } });
    await paused(retried.id);
    await expect(
      controlStep(s.federation.api.ctx, retried.id, { stepId: 'after', action: 'retry' }),
    ).rejects.toMatchObject({ code: 'step_not_paused' });
    const state = await controlStep(s.federation.api.ctx, retried.id, {
      stepId: 'flaky',
      action: 'retry',
    });
    expect(state.generation).toBe(1);
    const run = await finished(s, retried.id);
    expect(run.output).toEqual({ calls: 2 });
    expect(flakyCalls.get(key)).toBe(2);
    expect(run.steps?.[0]?.jobId).toMatch(/\/flaky\/1$/);

    const skippedKey = uniqueName('flaky');
    const skipped = await startRun(s.federation.api.ctx, {
      workflow: 'careful',
      input: { key: skippedKey },
    });
    await paused(skipped.id);
    await controlStep(s.federation.api.ctx, skipped.id, {
      stepId: 'flaky',
      action: 'skip',
      output: { calls: 0 },
    });
    expect((await finished(s, skipped.id)).output).toEqual({ calls: 0 });
    expect(flakyCalls.get(skippedKey)).toBe(1);
  });

  it('finishes with the same output when it continues-as-new mid-way', async () => {
    const s = await site();
    const plain = await startRun(s.federation.api.ctx, { workflow: 'chain', input: { start: 1 } });
    const rolled = await startRun(s.federation.api.ctx, {
      workflow: 'chain',
      input: { start: 1 },
      continueAsNewAfterEvents: 10,
    });
    const [plainRun, rolledRun] = [await finished(s, plain.id), await finished(s, rolled.id)];
    expect(rolledRun.output).toEqual({ last: 4, first: 1 });
    expect(rolledRun.output).toEqual(plainRun.output);
    // Visibility lists every run of the chain: the first ones ended ContinuedAsNew.
    const runs = await waitFor(async () => {
      const statuses: string[] = [];
      for await (const execution of s.federation.api.ctx.client.workflow.list({
        query: `WorkflowId = "${rolled.id}"`,
      })) {
        statuses.push(execution.status.name);
      }
      return statuses.includes('CONTINUED_AS_NEW') ? statuses : undefined;
    });
    expect(runs).toContain('COMPLETED');
  });

  it('keeps running runs on the definition version they started with', async () => {
    const s = await site();
    const v1: Definition = {
      name: 'evolving',
      version: 1,
      steps: [
        { id: 'gate', wait: { signal: 'go', timeoutMs: 60_000 } },
        { id: 'say', after: ['gate'], job: 'test.echo', params: { said: 'v1' } },
      ],
      output: '{{ steps.say.output.said }}',
    };
    await applyDefinition(s.managerSql, v1);
    const { id } = await startRun(s.federation.api.ctx, { workflow: 'evolving', input: {} });
    await applyDefinition(s.managerSql, {
      ...v1,
      version: 2,
      steps: [{ id: 'other', job: 'test.echo', params: { said: 'v2' } }],
      output: '{{ steps.other.output.said }}',
    });
    await signalRun(s.federation.api.ctx, id, 'go', null);
    expect((await finished(s, id)).output).toBe('v1');
    const latest = await startRun(s.federation.api.ctx, { workflow: 'evolving', input: {} });
    expect((await finished(s, latest.id)).output).toBe('v2');
  });

  it('fails a step whose params break the job type schema, readably and without dispatching it', async () => {
    const s = await site();
    const group = uniqueName('strict');
    const { id } = await startRun(s.federation.api.ctx, {
      workflow: 'strict',
      input: { group, n: 'seven' },
    });
    const run = await finished(s, id);
    expect(run.status).toBe('FAILED');
    expect(run.steps?.[0]).toMatchObject({
      status: 'failed',
      error: {
        type: 'invalid_parameters',
        message:
          'parameters of job type "test.track" do not match its schema: params.n must be integer',
      },
    });
    expect(tracked.get(group)).toBeUndefined();
  });
});

describe('cancelling a run', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  async function pidsFile(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-cancel-'));
    dirs.push(dir);
    return path.join(dir, 'pids');
  }
  async function ledger(s: TestSite, runId: string) {
    return s.agentSql<{ status: string; cancel_reason: string | null; attempt: number }[]>`
      select status, cancel_reason, attempt from jobs where job_id like ${`${runId}/%`}`;
  }

  it('stops a running program on the agent, its whole process group, and ends Cancelled', async () => {
    const s = await site();
    const pids = await pidsFile();
    const { id } = await startRun(s.federation.api.ctx, { workflow: 'stoppable', input: { pids } });
    const children = await childPids(pids);
    expect(children.every(alive)).toBe(true);

    await cancelRun(s.federation.api.ctx, id);
    const run = await finished(s, id);
    expect(run.status).toBe('CANCELLED');
    expect(run.steps?.[0]?.status).toBe('cancelled');
    await waitFor(async () => !children.some(alive), { what: 'the program group to be killed' });
    expect(await ledger(s, id)).toEqual([
      { status: 'cancelled', cancel_reason: 'run cancelled', attempt: 1 },
    ]);
  });

  it('never runs a job cancelled while it waits in the queue', async () => {
    const s = await site(1);
    const blocker = await pidsFile();
    const first = await startRun(s.federation.api.ctx, {
      workflow: 'stoppable',
      input: { pids: blocker },
    });
    await childPids(blocker);
    // The agent's one slot is taken: the second run's job stays queued on the broker.
    const pids = await pidsFile();
    const second = await startRun(s.federation.api.ctx, { workflow: 'stoppable', input: { pids } });
    await waitFor(
      async () => (await getRun(s.federation.api.ctx, second.id)).steps?.[0]?.status === 'queued',
      { what: 'the second job to be queued' },
    );
    await cancelRun(s.federation.api.ctx, second.id);
    expect((await finished(s, second.id)).status).toBe('CANCELLED');
    expect(await ledger(s, second.id)).toEqual([
      { status: 'cancelled', cancel_reason: 'run cancelled', attempt: 0 },
    ]);

    // The slot frees; the queued request reaches the agent and is dropped, not run.
    await cancelRun(s.federation.api.ctx, first.id);
    expect((await finished(s, first.id)).status).toBe('CANCELLED');
    await waitFor(async () => s.federation.agent.agent.stats().answeredFromLedger > 0, {
      what: 'the agent to drop the cancelled request',
    });
    expect(await readFile(pids, 'utf8').catch(() => 'never started')).toBe('never started');
  });
});
