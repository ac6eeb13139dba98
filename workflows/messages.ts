import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Json } from '../common/json.ts';

/** Task queues inside a site's namespace. The namespace, not the queue name, isolates sites. */
export const TaskQueues = {
  /** The manager's workflow worker. */
  workflows: 'caroni-workflows',
  /** The bridge's activity worker (publishing jobs onto the broker). */
  bridge: 'caroni-bridge',
} as const;

export interface JobFailureInfo {
  type: string;
  message: string;
  nonRetryable: boolean;
  details: Json;
}

interface ReplyBase {
  jobId: string;
  attempt: number;
  /** Agent that sent the reply. */
  agent: string;
}

/**
 * An agent's reply as the bridge hands it to the workflow (a signal). Signals
 * are buffered by Temporal until the workflow handles them, so a reply can
 * arrive before the step is waiting for it.
 */
export type JobReply =
  | (ReplyBase & { kind: 'accepted' })
  | (ReplyBase & { kind: 'progress'; sequence: number; details: Json })
  | (ReplyBase & { kind: 'succeeded'; output: Json; fromLedger: boolean })
  | (ReplyBase & { kind: 'failed'; failure: JobFailureInfo; fromLedger: boolean })
  | (ReplyBase & { kind: 'rejected'; reason: string; message: string })
  | (ReplyBase & { kind: 'cancelled'; wasRunning: boolean })
  /**
   * An agent this manager does not trust says it took the attempt (its
   * acceptance was refused): the request it took is gone from the queue, so
   * the workflow publishes the attempt again, pinned to a trusted agent.
   * Unverified, so it can only cause a republish, never end a job.
   */
  | (ReplyBase & { kind: 'taken_by_untrusted' });

export const jobReplySignal = defineSignal<[JobReply]>('caroni.jobReply');

/** A job the run still waits for, and the newest attempt it has published. */
export interface OpenJob {
  jobId: string;
  attempt: number;
}

/** The run's open jobs: what the bridge answers an agent's reconciliation with. */
export const openJobsQuery = defineQuery<OpenJob[]>('caroni.openJobs');

export type StepStatus =
  | 'pending'
  | 'waiting'
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'skipped'
  | 'failed'
  | 'paused'
  | 'cancelled';

/** Progress of a fan-out step's items. */
export interface ItemCounts {
  total: number;
  running: number;
  succeeded: number;
  failed: number;
}

/** One step's live state, as the `runState` query returns it. */
export interface StepState {
  id: string;
  /** `job:<type>`, `wait:<signal>`, `sleep` or `workflow:<name>`. */
  kind: string;
  status: StepStatus;
  /** Bumped each time an operator retries the step; part of its job ids. */
  generation: number;
  jobId?: string;
  attempt?: number;
  agent?: string;
  progress?: Json;
  items?: ItemCounts;
  output?: Json;
  error?: { type: string; message: string };
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface RunState {
  workflow: string;
  version: number;
  steps: StepState[];
}

export const runStateQuery = defineQuery<RunState>('caroni.runState');

/** A named signal for the run (approval steps wait for one); the payload becomes the step's output. */
export interface RunSignal {
  name: string;
  payload?: Json;
}
export const runSignal = defineSignal<[RunSignal]>('caroni.signal');

/** An operator's decision on a paused step. */
export type StepControl =
  | { stepId: string; action: 'retry' }
  | { stepId: string; action: 'skip'; output?: Json }
  | { stepId: string; action: 'fail'; reason?: string };

/** Validated update: refused unless the step is paused, so the caller learns at once. */
export const stepControlUpdate = defineUpdate<StepState, [StepControl]>('caroni.stepControl');
