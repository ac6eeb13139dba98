import { isDeepStrictEqual } from 'node:util';
import type { TaskMeta } from 'vitest';
import { applyDefinition } from '../../../api/definitions.ts';
import { startRun } from '../../../api/runs.ts';
import { waitFor } from '../../support/isolation.ts';
import { faultJobType, type AgentName, type FaultCluster, type ServiceName } from './cluster.ts';
import { handlerCalls, rerunsAfterFinish } from './ledger-log.ts';
import type { FaultCounts } from './tally.ts';

/** The runs of a scenario, by index: run `n` has input `{ n }`. */
export interface ScenarioRuns {
  ids: string[];
}

export interface Scenario {
  /** Names the scenario and its workflow definition (`faults-<name>`). */
  name: string;
  runs: number;
  /** The job every run does: how long it works, and its step's progress timeout. */
  job: { ms: number; progressMs: number };
  /** The agents that serve it (default: `a` alone). */
  agents?: AgentName[];
  /** `CARONI_FAILPOINTS` per incarnation, by process (see `FaultCluster.prepare`). */
  failpoints?: Partial<Record<ServiceName, string[]>>;
  /** Injects faults from outside while the runs are in flight; resolves to how many. */
  inject?: (cluster: FaultCluster, runs: ScenarioRuns) => Promise<number>;
  /** Checks of its own once every run has ended, before the queues are; throws when one fails. */
  verify?: (cluster: FaultCluster, runs: ScenarioRuns) => Promise<void>;
}

/** How long the runs of a scenario may take to end before the open ones count as lost. */
const runsEndWithinMs = 180_000;

/**
 * A scenario's runs go through: `runs` runs are started together, the
 * faults are injected while they are in flight, and once every run has ended
 * (Temporal visibility says so) the scenario is judged: a run that did not
 * complete with its own output is lost, a job an agent ran again after its
 * ledger recorded the success is a rerun, and every queue but the dead-letter
 * queue must have emptied. The counts go to `task.meta` for the reporter.
 */
export async function runScenario(
  cluster: FaultCluster,
  scenario: Scenario,
  task: { readonly meta: TaskMeta },
): Promise<FaultCounts> {
  const started = Date.now();
  const counts: FaultCounts = {
    scenario: scenario.name,
    runs: scenario.runs,
    lost: 0,
    rerunAfterFinish: 0,
    faults: 0,
  };
  await cluster.prepare({
    agents: scenario.agents ?? ['a'],
    failpoints: scenario.failpoints ?? {},
  });
  const killsBefore = cluster.failpointKills();
  const crashesBefore = cluster.crashes().length;
  const workflow = `faults-${scenario.name}`;
  await applyDefinition(cluster.managerSql, {
    name: workflow,
    version: 1,
    steps: [
      {
        id: 'work',
        job: faultJobType,
        params: { n: '{{ input.n }}', ms: scenario.job.ms },
        timeouts: { progressMs: scenario.job.progressMs },
        // Each fault may cost a job an attempt; a run is lost only if it cannot complete at all.
        retry: { maximumAttempts: 10, initialIntervalMs: 200, maximumIntervalMs: 2_000 },
      },
    ],
    output: '{{ steps.work.output }}',
  });
  const ids = await Promise.all(
    Array.from({ length: scenario.runs }, async (_, n) => {
      const { id } = await startRun(cluster.runs, { workflow, input: { n } });
      return id;
    }),
  );
  const runs = { ids };
  const injected = (await scenario.inject?.(cluster, runs)) ?? 0;

  const statuses = await closedRuns(cluster, workflow, ids);
  // Why each run did not end as demanded, or undefined when it did.
  const problems = await Promise.all(
    ids.map(async (id, n) => {
      const status = statuses.get(id);
      if (status !== 'COMPLETED') return `${id} ${status ?? 'not listed'}`;
      const output: unknown = await cluster.runs.client.workflow.getHandle(id).result();
      return isDeepStrictEqual(output, { n })
        ? undefined
        : `${id} output ${JSON.stringify(output)}`;
    }),
  );
  const lost = problems.filter((problem) => problem !== undefined);
  counts.lost = lost.length;
  for (const agent of Object.values(cluster.agents))
    counts.rerunAfterFinish += (await rerunsAfterFinish(agent.sql, ids)).length;
  counts.faults = injected + cluster.failpointKills() - killsBefore;
  // Only a scenario whose runs all ended or timed out counts; one that broke off fails its test.
  task.meta.faults = { ...counts };

  const crashes = cluster.crashes().slice(crashesBefore);
  console.info(
    `scenario ${scenario.name}: ${counts.runs} runs, ${counts.faults} faults, lost ${counts.lost}, ` +
      `rerun-after-finish ${counts.rerunAfterFinish}, ${Math.round((Date.now() - started) / 1000)} s` +
      (crashes.length > 0 ? `; unplanned exits: ${crashes.join(', ')}` : '') +
      (lost.length > 0 ? `; lost: ${lost.join(', ')}` : ''),
  );
  if (counts.lost > 0 || counts.rerunAfterFinish > 0) return counts;
  await scenario.verify?.(cluster, runs);
  await cluster.awaitQueuesEmpty();
  return counts;
}

/**
 * The status of each run, from Temporal visibility (`CaroniWorkflow` is the
 * definition name), once none is running any more or the time is up.
 */
async function closedRuns(
  cluster: FaultCluster,
  workflow: string,
  ids: string[],
): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  const read = async () => {
    statuses.clear();
    for await (const execution of cluster.runs.client.workflow.list({
      query: `CaroniWorkflow = "${workflow}"`,
    })) {
      statuses.set(execution.workflowId, execution.status.name);
    }
    return ids.every((id) => statuses.has(id) && statuses.get(id) !== 'RUNNING');
  };
  // Visibility is read again when the time is up, so `statuses` is as fresh as it gets either way.
  await waitFor(read, { timeoutMs: runsEndWithinMs, intervalMs: 1_000, what: 'runs to end' }).catch(
    read,
  );
  return statuses;
}

/** Handler calls so far of these runs' jobs, on either agent. */
async function callsSoFar(cluster: FaultCluster, runs: ScenarioRuns): Promise<number> {
  let calls = 0;
  for (const agent of Object.values(cluster.agents)) {
    for (const attempts of (await handlerCalls(agent.sql, runs.ids)).values())
      calls += attempts.length;
  }
  return calls;
}

/** Waits until the handlers have been called `count` times for these runs. */
export async function afterCalls(
  cluster: FaultCluster,
  runs: ScenarioRuns,
  count: number,
): Promise<void> {
  await waitFor(async () => (await callsSoFar(cluster, runs)) >= count, {
    timeoutMs: 120_000,
    intervalMs: 200,
    what: `${count} handler calls`,
  });
}
