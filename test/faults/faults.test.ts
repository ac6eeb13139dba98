import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { getRun } from '../../api/runs.ts';
import { FaultCluster } from './support/cluster.ts';
import { handlerCalls } from './support/ledger-log.ts';
import { afterCalls, runScenario, type Scenario } from './support/scenario.ts';
import { RestartableTemporal } from './support/temporal.ts';

/**
 * The fault suite: each scenario starts its runs together and crashes,
 * restarts or cuts off a part of the job path while they are in flight, then
 * checks that every run completed with its own output, that no agent ran a
 * job again after finishing it, and that no queue but the dead-letter queue
 * holds anything. Processes are real `caroni` processes (see
 * `support/cluster.ts`); failpoints are `common/failpoints.ts`.
 */

/** Runs per scenario: 11 scenarios of 46 make 506 runs. */
const RUNS = 46;

let cluster: FaultCluster;

beforeAll(async () => {
  cluster = await FaultCluster.create(new RestartableTemporal(inject('faultsTemporal')));
});

afterAll(async () => {
  await cluster?.teardown();
});

/** `CARONI_FAILPOINTS` for `incarnations` incarnations in a row, each killed at its `hit`th hit. */
function killEach(name: string, hit: number, incarnations = 2): string[] {
  return Array.from({ length: incarnations }, () => `${name}=kill@${hit}`);
}

const scenarios: Scenario[] = [
  {
    name: 'agent-before-ack',
    runs: RUNS,
    job: { ms: 400, progressMs: 10_000 },
    failpoints: { 'agent-a': killEach('agent.before-ack', 10) },
  },
  {
    name: 'agent-job-running',
    runs: RUNS,
    // A progress interval of 1 s: each job ticks once, and the failpoint kills the agent mid-job.
    job: { ms: 1_500, progressMs: 4_000 },
    failpoints: { 'agent-a': killEach('agent.job-running', 6) },
  },
  {
    name: 'agent-after-finish',
    runs: RUNS,
    job: { ms: 300, progressMs: 10_000 },
    failpoints: { 'agent-a': killEach('agent.after-finish', 8) },
  },
  {
    name: 'agent-after-publish',
    runs: RUNS,
    job: { ms: 300, progressMs: 10_000 },
    failpoints: { 'agent-a': killEach('agent.after-publish', 15) },
  },
  {
    name: 'bridge-after-publish',
    runs: RUNS,
    job: { ms: 300, progressMs: 10_000 },
    failpoints: { bridge: killEach('bridge.after-publish', 10) },
  },
  {
    name: 'bridge-reply-handover',
    runs: RUNS,
    job: { ms: 300, progressMs: 10_000 },
    failpoints: { bridge: ['bridge.before-signal=kill@15', 'bridge.after-signal=kill@15'] },
  },
  {
    name: 'broker-outage',
    runs: RUNS,
    job: { ms: 400, progressMs: 15_000 },
    async inject(c, runs) {
      for (const share of [1 / 4, 2 / 3]) {
        await afterCalls(c, runs, Math.floor(RUNS * share));
        c.proxy.cut();
        await sleep(3_000); // the outage itself
        c.proxy.restore();
      }
      return 2;
    },
  },
  {
    name: 'temporal-restart',
    runs: RUNS,
    job: { ms: 400, progressMs: 15_000 },
    async inject(c, runs) {
      for (const share of [1 / 4, 2 / 3]) {
        await afterCalls(c, runs, Math.floor(RUNS * share));
        await c.temporal.restart();
      }
      return 2;
    },
  },
  {
    name: 'manager-killed',
    runs: RUNS,
    job: { ms: 400, progressMs: 15_000 },
    async inject(c, runs) {
      for (const share of [1 / 4, 2 / 3]) {
        await afterCalls(c, runs, Math.floor(RUNS * share));
        await c.services.manager.kill({ restart: true });
        // Bundling the workflows takes the new worker a while; the next kill is of a serving one.
        await c.services.manager.whenReady();
      }
      return 2;
    },
  },
  {
    name: 'backlog',
    runs: RUNS,
    // 46 jobs of 700 ms on 4 slots: about 8 s of backlog against a 3 s progress timeout.
    job: { ms: 700, progressMs: 3_000 },
    async verify(c, runs) {
      const calls = await handlerCalls(c.agents.a.sql, runs.ids);
      // No retry storm: every job ran once, at its first attempt, however long it waited.
      expect([...calls.values()].filter((attempts) => attempts.join() !== '1')).toEqual([]);
      expect(calls.size).toBe(RUNS);
      const [span] = await c.agents.a.sql<{ ms: number }[]>`
        select extract(epoch from max(at) - min(at)) * 1000 as ms from fault_log
        where event = 'call' and split_part(job_id, '/', 1) = any(${runs.ids})`;
      expect(Number(span?.ms)).toBeGreaterThan(3_000);
    },
  },
  {
    name: 'agent-dies',
    runs: RUNS,
    agents: ['a', 'b'],
    job: { ms: 2_000, progressMs: 3_000 },
    async inject(c, runs) {
      await afterCalls(c, runs, 12);
      await c.agents.a.service.kill({ restart: false });
      return 1;
    },
    async verify(c, runs) {
      // The jobs agent a was running when it died: its ledger still says so, it never came back.
      const interrupted = await c.agents.a.sql<{ job_id: string }[]>`
        select job_id from jobs
        where status = 'running' and split_part(job_id, '/', 1) = any(${runs.ids})`;
      expect(interrupted.length).toBeGreaterThan(0);
      for (const { job_id: jobId } of interrupted) {
        const run = await getRun(c.runs, jobId.slice(0, jobId.indexOf('/')));
        const step = run.steps?.[0];
        // Retried once its progress stopped, and finished by the agent still alive.
        expect(step).toMatchObject({ status: 'succeeded', agent: c.agents.b.id });
        expect(step?.attempt).toBeGreaterThan(1);
      }
      // Back after the fact, it reports those jobs failed (to closed runs: dead-lettered) and
      // takes what waited on its control queue meanwhile (a reconciliation's answer, say).
      await c.agents.a.service.start();
    },
  },
];

describe('the fault suite', () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: every run completes, no finished job runs again`, async ({ task }) => {
      onTestFailed(() => cluster.keepLogs());
      const counts = await runScenario(cluster, scenario, task);
      expect(counts.lost).toBe(0);
      expect(counts.rerunAfterFinish).toBe(0);
      // A scenario whose fault never happened proved nothing; the backlog is its own fault.
      if (scenario.failpoints || scenario.inject) expect(counts.faults).toBeGreaterThan(0);
    });
  }

  it('leaves nothing in any queue of the suite but the dead-letter queue once stopped', async () => {
    onTestFailed(() => cluster.keepLogs());
    await cluster.stopAll();
    await cluster.awaitQueuesEmpty(10_000);
  });
});
