import { randomUUID } from 'node:crypto';
import proto from '@temporalio/proto';
import { TaskQueues } from '../../workflows/messages.ts';
import type { BenchEnvironment } from '../environment.ts';
import { BenchIds } from '../environment.ts';
import { between, snapshot, sumWindows, type CpuWindow } from '../processes.ts';
import { percentile, sleep } from '../stats.ts';
import type { JobMode, SequenceInput, SequenceOutput } from '../workflows.ts';

/** One mode's figures over its measured windows. */
export interface ModeResult {
  runs: number;
  jobs: number;
  jobsPerS: number;
  /** Job latency, workflow clock (see `benchSequence`). */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Whole run of `steps` jobs, from the start call to the result. */
  runP50Ms: number;
  cpu: CpuWindow;
  /** CPU ms per completed job, by process. */
  cpuMsPerJob: Record<string, number>;
  /** History events per job of one run, by type (`ACTIVITY_TASK_SCHEDULED`, ...), and their total. */
  eventsPerJob: Record<string, number>;
  failures: string[];
}

export interface ThroughputResult {
  bridged: ModeResult;
  native: ModeResult;
  /** One run at a time: the latency of the path itself, with no queueing behind other runs. */
  alone: { bridged: ModeResult; native: ModeResult };
}

interface Window {
  runs: number;
  latencies: number[];
  runLatencies: number[];
  cpu: CpuWindow;
  failures: string[];
  /** A run that ended in the window, to count its history. */
  sample: string | undefined;
}

/**
 * Keeps `concurrency` runs of `benchSequence` going (each client starts the
 * next as soon as its run ends) through a warm-up, then counts the runs that
 * end within the measured window and samples every process's CPU at its two
 * edges. Runs still going at the end are waited for, not counted.
 */
/** How hard a window drives the site: runs at once, and its warm-up and measured seconds. */
interface Shape {
  concurrency: number;
  warmupS: number;
  durationS: number;
}

async function measureWindow(env: BenchEnvironment, mode: JobMode, shape: Shape): Promise<Window> {
  const { concurrency, warmupS, durationS } = shape;
  const { steps } = env.options;
  const input: SequenceInput = { mode, manager: BenchIds.manager, steps };
  let counting = false;
  let stopping = false;
  const window: Window = {
    runs: 0,
    latencies: [],
    runLatencies: [],
    cpu: sumWindows([]),
    failures: [],
    sample: undefined,
  };
  const client = async () => {
    while (!stopping) {
      const started = performance.now();
      const workflowId = `seq-${mode}-${randomUUID()}`;
      try {
        const output: SequenceOutput = await env.client.workflow.execute('benchSequence', {
          taskQueue: TaskQueues.workflows,
          workflowId,
          args: [input],
        });
        if (!counting) continue;
        window.sample = workflowId;
        window.runs += 1;
        window.latencies.push(...output.latenciesMs);
        window.runLatencies.push(performance.now() - started);
      } catch (error) {
        window.failures.push((error as Error).message);
        // A broken path fails every run: stop before the window fills with failures.
        if (window.failures.length >= 10) stopping = true;
      }
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  await sleep(warmupS * 1_000);
  // RabbitMQ serves everyone on this machine: reported beside the parties, never in their totals.
  const parties = { ...env.parties, ...env.rabbitmq };
  const start = snapshot(parties);
  counting = true;
  await sleep(durationS * 1_000);
  counting = false;
  const end = snapshot(parties);
  stopping = true;
  await Promise.all(clients);
  window.cpu = between(start, end);
  return window;
}

/** Counts the events of one run's history by type, per job. */
async function eventsPerJob(
  env: BenchEnvironment,
  workflowId: string | undefined,
): Promise<Record<string, number>> {
  if (!workflowId) return {};
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  const counts: Record<string, number> = {};
  for (const event of history.events ?? []) {
    const name = (proto.temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? 'UNKNOWN').replace(
      /^EVENT_TYPE_/,
      '',
    );
    counts[name] = (counts[name] ?? 0) + 1 / env.options.steps;
  }
  counts.total = (history.events?.length ?? 0) / env.options.steps;
  return counts;
}

function combine(windows: Window[], steps: number, events: Record<string, number>): ModeResult {
  const runs = windows.reduce((sum, w) => sum + w.runs, 0);
  const jobs = runs * steps;
  const latencies = windows.flatMap((w) => w.latencies);
  const cpu = sumWindows(windows.map((w) => w.cpu));
  const cpuMsPerJob: Record<string, number> = {};
  for (const [name, ms] of Object.entries(cpu.cpuMs))
    cpuMsPerJob[name] = jobs > 0 ? ms / jobs : Number.NaN;
  return {
    runs,
    jobs,
    jobsPerS: jobs / (cpu.wallMs / 1_000),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    runP50Ms: percentile(
      windows.flatMap((w) => w.runLatencies),
      50,
    ),
    cpu,
    cpuMsPerJob,
    eventsPerJob: events,
    failures: windows.flatMap((w) => w.failures),
  };
}

/**
 * Bridged vs native: the same sequence of no-op jobs, once through bridge,
 * broker and agent, once as a plain activity, alternating for
 * `options.rounds` rounds so a change in the machine's load hits both.
 */
export async function runThroughput(
  env: BenchEnvironment,
  progress: (line: string) => void,
): Promise<ThroughputResult> {
  const { options } = env;
  const measure = async (mode: JobMode, shape: Shape): Promise<Window> => {
    const window = await measureWindow(env, mode, shape);
    if (window.failures.length > 0)
      throw new Error(`${mode} runs failed: ${window.failures.slice(0, 3).join('; ')}`);
    return window;
  };
  const windows: Record<JobMode, Window[]> = { bridged: [], native: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const mode of ['native', 'bridged'] as const) {
      progress(`throughput: ${mode}, round ${round} of ${options.rounds}`);
      windows[mode].push(await measure(mode, mainShape(env)));
    }
  }
  const alone: Record<JobMode, Window> = {
    native: await measure('native', aloneShape(env, progress, 'native')),
    bridged: await measure('bridged', aloneShape(env, progress, 'bridged')),
  };
  const sample = (mode: JobMode) => windows[mode].map((w) => w.sample).find(Boolean);
  const result = async (mode: JobMode) =>
    combine(windows[mode], options.steps, await eventsPerJob(env, sample(mode)));
  return {
    bridged: await result('bridged'),
    native: await result('native'),
    alone: {
      bridged: combine([alone.bridged], options.steps, {}),
      native: combine([alone.native], options.steps, {}),
    },
  };
}

function mainShape({ options }: BenchEnvironment): Shape {
  return {
    concurrency: options.concurrency,
    warmupS: options.warmupS,
    durationS: options.durationS,
  };
}

/** Half the main window, and a short warm-up: the processes are warm by then. */
function aloneShape(
  { options }: BenchEnvironment,
  progress: (line: string) => void,
  mode: JobMode,
): Shape {
  progress(`latency: ${mode}, one run at a time`);
  return { concurrency: 1, warmupS: 1, durationS: Math.max(3, Math.round(options.durationS / 2)) };
}

/** One more bridged window, with the worker, bridge and agent profiled (`--profile`). */
export async function profileBridged(
  env: BenchEnvironment,
  files: { worker: string; bridge: string; agent: string },
): Promise<void> {
  const children = [env.worker, env.bridge, env.agent];
  await Promise.all(children.map((child) => child.call('profileStart', null)));
  try {
    await measureWindow(env, 'bridged', mainShape(env));
  } finally {
    await env.worker.call('profileStop', { file: files.worker });
    await env.bridge.call('profileStop', { file: files.bridge });
    await env.agent.call('profileStop', { file: files.agent });
  }
}
