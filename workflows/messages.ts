import { defineQuery, defineSignal } from '@temporalio/workflow';
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
  | (ReplyBase & { kind: 'rejected'; reason: string; message: string });

export const jobReplySignal = defineSignal<[JobReply]>('caroni.jobReply');

export type StepStatus = 'pending' | 'queued' | 'running' | 'succeeded' | 'failed';

/** One step's live state, as the `runState` query returns it. */
export interface StepState {
  id: string;
  job: string;
  status: StepStatus;
  jobId?: string;
  attempt?: number;
  agent?: string;
  progress?: Json;
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
