// The bench's workflow bundle: code-defined workflows that run the same work
// bridged (`dispatchJob`: bridge, broker, agent) or native (a plain Temporal
// activity), so the two differ only in how a job reaches its code. Sandbox
// code: no Node APIs, no I/O; `Date.now()` is the workflow clock (the start of
// the current workflow task).
import { proxyActivities } from '@temporalio/workflow';
import { dispatchJob, installJobReplyHandler } from '../workflows/dispatch.ts';
import type { JobTimeouts } from '../workflows/definition.ts';
import type { NativeActivities } from './activities.ts';
import { nativeTaskQueue } from './activities.ts';
import { BenchJobTypes } from './job-types.ts';

export type JobMode = 'bridged' | 'native';

/** Long enough that no job of the bench times out unless something is broken. */
const benchTimeouts: Required<JobTimeouts> = {
  queueMs: 10 * 60_000,
  runMs: 30 * 60_000,
  progressMs: 60_000,
};

// The options of the bridge's `publishJob` (workflows/dispatch.ts), so a slow or
// lost attempt costs both paths the same.
const { noop } = proxyActivities<NativeActivities>({
  taskQueue: nativeTaskQueue,
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: benchTimeouts.queueMs,
  retry: { initialInterval: '500 milliseconds', maximumInterval: '10 seconds' },
});

/** One no-op job, bridged or native. */
async function runNoop(mode: JobMode, manager: string, stepId: string): Promise<void> {
  if (mode === 'native') {
    await noop();
    return;
  }
  await dispatchJob({
    manager,
    stepId,
    jobType: BenchJobTypes.noop,
    params: {},
    timeouts: benchTimeouts,
    // A failure must show in the figures, not be hidden by a retry.
    retry: { maximumAttempts: 1 },
  });
}

export interface SequenceInput {
  mode: JobMode;
  manager: string;
  steps: number;
}

export interface SequenceOutput {
  /** Per job, workflow clock: from the task that dispatched it to the task that saw it done. */
  latenciesMs: number[];
}

/** `steps` no-op jobs one after the other. */
export async function benchSequence(input: SequenceInput): Promise<SequenceOutput> {
  installJobReplyHandler();
  const latenciesMs: number[] = [];
  for (let step = 0; step < input.steps; step++) {
    const scheduled = Date.now();
    await runNoop(input.mode, input.manager, `step-${step}`);
    latenciesMs.push(Date.now() - scheduled);
  }
  return { latenciesMs };
}

export interface FanOutInput {
  mode: JobMode;
  manager: string;
  items: number;
  concurrency: number;
}

/** `items` no-op jobs, at most `concurrency` at once: lanes that each take the next item. */
export async function benchFanOut(input: FanOutInput): Promise<{ items: number }> {
  installJobReplyHandler();
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < input.items) {
      const item = next++;
      await runNoop(input.mode, input.manager, `item-${item}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(input.concurrency, input.items) }, lane));
  return { items: done };
}

export interface HoldInput {
  manager: string;
  jobs: number;
  /** Progress timeout of the held jobs: the agent reports progress every quarter of it. */
  progressMs: number;
}

/** `jobs` bridged jobs at once that run until the bench releases them on the agent. */
export async function benchHold(input: HoldInput): Promise<{ jobs: number }> {
  installJobReplyHandler();
  await Promise.all(
    Array.from({ length: input.jobs }, (_, index) =>
      dispatchJob({
        manager: input.manager,
        stepId: `hold-${index}`,
        jobType: BenchJobTypes.hold,
        params: {},
        timeouts: { ...benchTimeouts, progressMs: input.progressMs },
        retry: { maximumAttempts: 1 },
      }),
    ),
  );
  return { jobs: input.jobs };
}
