import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import amqp from 'amqplib';
import { topologyNames } from '../../common/broker.ts';
import { TaskQueues } from '../../workflows/messages.ts';
import { BenchIds, type BenchEnvironment } from '../environment.ts';
import { BenchJobTypes } from '../job-types.ts';
import { between, rssKbOf, snapshot } from '../processes.ts';
import { mean, sleep, waitUntil } from '../stats.ts';
import type { HoldInput } from '../workflows.ts';

/** Jobs one hold workflow dispatches at once: keeps each history small. */
const jobsPerWorkflow = 100;

export interface InFlightLevel {
  /** Jobs asked for. */
  jobs: number;
  /** Jobs running on the agent when the window began: below `jobs` when the ramp budget ran out. */
  reached: number;
  /** Seconds from the first start to the window. */
  rampS: number;
  /** Mean resident set over the window, MB. */
  bridgeRssMb: number;
  agentRssMb: number;
  /** V8 heap live after a full collection at the start of the window, MB: the JavaScript state the level costs. */
  bridgeHeapMb: number;
  agentHeapMb: number;
  /** CPU over the window, % of one core. */
  bridgeCpuPct: number;
  agentCpuPct: number;
  temporalCpuPct: number;
  workerCpuPct: number;
  /** Progress replies the running jobs send per second (jobs / interval)... */
  progressSentPerS: number;
  /** ...and those the bridge handed to workflows per second over the window. */
  progressDeliveredPerS: number;
  windowS: number;
  /** Seconds from the release until every hold workflow had ended, or the drain budget ran out. */
  drainS: number;
  /** Hold workflows still open when the drain budget ran out, terminated. */
  terminated: number;
}

/** The window at each level: one progress round of every job, and never under 10 s. */
function windowMs(progressIntervalMs: number): number {
  return Math.max(10_000, progressIntervalMs);
}

async function delivered(env: BenchEnvironment, kind: string): Promise<number> {
  const { replies } = await env.bridge.call('status', null);
  return replies?.[`delivered_${kind}`] ?? 0;
}

async function held(env: BenchEnvironment): Promise<number> {
  return (await env.agent.call('status', null)).held ?? 0;
}

/**
 * Ends a level whose workflows outlived the drain budget: terminates them,
 * purges the hold requests no agent took yet and releases what the agent
 * holds, so the next level starts from nothing. Their late replies find
 * their runs closed and are dead-lettered (`run_closed`).
 */
async function abandon(env: BenchEnvironment, open: WorkflowHandle[]): Promise<void> {
  await Promise.allSettled(open.map((handle) => handle.terminate('bench: drain budget spent')));
  const connection = await amqp.connect(env.options.amqpUrl);
  try {
    const channel = await connection.createChannel();
    await channel.purgeQueue(
      topologyNames(env.topology.prefix).jobQueue(BenchIds.manager, BenchJobTypes.hold),
    );
    await channel.close();
  } finally {
    await connection.close();
  }
  await env.agent.call('release', null);
  await waitUntil(
    async () => ((await env.agent.call('status', null)).running === 0 ? true : undefined),
    { timeoutMs: 60_000, what: 'the agent to finish the abandoned hold jobs' },
  );
}

/**
 * Holds `jobs` bridged jobs running on the agent at once (hold workflows of
 * up to {@link jobsPerWorkflow} jobs each), waits until all run (or the ramp
 * budget runs out), samples the bridge's and agent's memory and CPU over a
 * window while the jobs report progress, then releases them and waits for
 * every workflow to end (or the drain budget to run out).
 */
async function holdLevel(
  env: BenchEnvironment,
  jobs: number,
  progress: (line: string) => void,
): Promise<InFlightLevel> {
  const { progressIntervalMs, rampTimeoutS, drainTimeoutS } = env.options;
  const started = performance.now();
  const handles: WorkflowHandle[] = [];
  for (let offset = 0; offset < jobs; offset += jobsPerWorkflow) {
    const input: HoldInput = {
      manager: BenchIds.manager,
      jobs: Math.min(jobsPerWorkflow, jobs - offset),
      // The workflow asks for progress every quarter of the progress timeout.
      progressMs: progressIntervalMs * 4,
    };
    handles.push(
      await env.client.workflow.start('benchHold', {
        taskQueue: TaskQueues.workflows,
        workflowId: `hold-${jobs}-${randomUUID()}`,
        args: [input],
      }),
    );
  }
  const ended = new Set<WorkflowHandle>();
  const failures: string[] = [];
  const results = Promise.all(
    handles.map((handle) =>
      handle.result().then(
        () => ended.add(handle),
        (error: unknown) => {
          ended.add(handle);
          failures.push((error as Error).message);
        },
      ),
    ),
  );

  const rampDeadline = performance.now() + rampTimeoutS * 1_000;
  let lastReport = performance.now();
  for (;;) {
    const now = await held(env);
    if (now >= jobs) break;
    if (performance.now() > rampDeadline) {
      progress(`in flight: ramp budget spent with ${now} of ${jobs} jobs running; measuring there`);
      break;
    }
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      progress(`in flight: ${now} of ${jobs} jobs running`);
    }
    await sleep(500);
  }
  const reached = await held(env);
  const rampS = (performance.now() - started) / 1_000;

  const parties = {
    bridge: env.parties.bridge,
    agent: env.parties.agent,
    temporal: env.parties.temporal,
    worker: env.parties.worker,
  };
  // Garbage left by earlier work (a previous section, the ramp) would read as this level's memory.
  await Promise.all([env.bridge.call('gc', null), env.agent.call('gc', null)]);
  const bridgeHeapMb = (await env.bridge.call('status', null)).heapUsedMb ?? Number.NaN;
  const agentHeapMb = (await env.agent.call('status', null)).heapUsedMb ?? Number.NaN;
  const rss = { bridge: [] as number[], agent: [] as number[] };
  const progressBefore = await delivered(env, 'progress');
  const start = snapshot(parties);
  const deadline = performance.now() + windowMs(progressIntervalMs);
  while (performance.now() < deadline) {
    rss.bridge.push(rssKbOf(env.bridge.pid));
    rss.agent.push(rssKbOf(env.agent.pid));
    await sleep(500);
  }
  const window = between(start, snapshot(parties));
  const progressAfter = await delivered(env, 'progress');

  await env.agent.call('release', null);
  const released = performance.now();
  // Jobs taken after the release (the ramp budget ran out) are released as they come.
  const drainDeadline = released + drainTimeoutS * 1_000;
  while (ended.size < handles.length && performance.now() < drainDeadline) {
    await Promise.race([results, sleep(1_000)]);
    if ((await held(env)) > 0) await env.agent.call('release', null);
  }
  const drainS = (performance.now() - released) / 1_000;
  const open = handles.filter((handle) => !ended.has(handle));
  // Failures before the termination are the bench's problem; those it causes are not.
  const failed = [...failures];
  if (open.length > 0) {
    progress(`in flight: drain budget spent; terminating ${open.length} hold workflows`);
    await abandon(env, open);
  }
  if (failed.length > 0)
    throw new Error(`${failed.length} hold workflows of level ${jobs} failed: ${failed[0]}`);
  const pct = (name: string) => ((window.cpuMs[name] ?? 0) / window.wallMs) * 100;
  return {
    jobs,
    reached,
    rampS,
    bridgeRssMb: mean(rss.bridge) / 1_024,
    agentRssMb: mean(rss.agent) / 1_024,
    bridgeHeapMb,
    agentHeapMb,
    bridgeCpuPct: pct('bridge'),
    agentCpuPct: pct('agent'),
    temporalCpuPct: pct('temporal'),
    workerCpuPct: pct('worker'),
    progressSentPerS: (reached * 1_000) / progressIntervalMs,
    progressDeliveredPerS: (progressAfter - progressBefore) / (window.wallMs / 1_000),
    windowS: window.wallMs / 1_000,
    drainS,
    terminated: open.length,
  };
}

/** Memory and CPU of bridge and agent at each level of jobs in flight, ascending. */
export async function runInFlight(
  env: BenchEnvironment,
  progress: (line: string) => void,
): Promise<InFlightLevel[]> {
  const levels: InFlightLevel[] = [];
  for (const jobs of env.options.inFlight) {
    progress(`in flight: ${jobs} jobs`);
    levels.push(await holdLevel(env, jobs, progress));
  }
  return levels;
}
