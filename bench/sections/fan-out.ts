import { randomUUID } from 'node:crypto';
import { TaskQueues } from '../../workflows/messages.ts';
import { BenchIds, type BenchEnvironment } from '../environment.ts';
import { between, snapshot, sumWindows, type CpuWindow } from '../processes.ts';
import type { FanOutInput, JobMode } from '../workflows.ts';

export interface FanOutMode {
  /** Mean wall time of one run, s. */
  runS: number;
  jobsPerS: number;
  cpuMsPerJob: Record<string, number>;
  cpu: CpuWindow;
}

export interface FanOutResult {
  items: number;
  concurrency: number;
  bridged: FanOutMode;
  native: FanOutMode;
}

async function fanOutOnce(env: BenchEnvironment, mode: JobMode): Promise<CpuWindow> {
  const { fanOutItems, fanOutConcurrency } = env.options;
  const input: FanOutInput = {
    mode,
    manager: BenchIds.manager,
    items: fanOutItems,
    concurrency: fanOutConcurrency,
  };
  const start = snapshot(env.parties);
  await env.client.workflow.execute('benchFanOut', {
    taskQueue: TaskQueues.workflows,
    workflowId: `fanout-${mode}-${randomUUID()}`,
    args: [input],
  });
  return between(start, snapshot(env.parties));
}

function combine(windows: CpuWindow[], items: number): FanOutMode {
  const cpu = sumWindows(windows);
  const jobs = items * windows.length;
  const cpuMsPerJob: Record<string, number> = {};
  for (const [name, ms] of Object.entries(cpu.cpuMs)) cpuMsPerJob[name] = ms / jobs;
  return {
    runS: cpu.wallMs / windows.length / 1_000,
    jobsPerS: jobs / (cpu.wallMs / 1_000),
    cpuMsPerJob,
    cpu,
  };
}

/** One run of `fanOutItems` items at `fanOutConcurrency`, native then bridged. */
export async function runFanOut(
  env: BenchEnvironment,
  progress: (line: string) => void,
): Promise<FanOutResult> {
  const { fanOutItems, fanOutConcurrency } = env.options;
  const windows: Record<JobMode, CpuWindow[]> = { bridged: [], native: [] };
  for (const mode of ['native', 'bridged'] as const) {
    progress(`fan-out: ${mode}, ${fanOutItems} items at ${fanOutConcurrency}`);
    windows[mode].push(await fanOutOnce(env, mode));
  }
  return {
    items: fanOutItems,
    concurrency: fanOutConcurrency,
    bridged: combine(windows.bridged, fanOutItems),
    native: combine(windows.native, fanOutItems),
  };
}
