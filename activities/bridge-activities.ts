import { ApplicationFailure } from '@temporalio/activity';
import type { Channel } from 'amqplib';
import {
  declareJobQueue,
  topologyNames,
  type ConfirmedPublisher,
  type Topology,
} from '../common/broker.ts';
import { ANY_RECIPIENT, seal } from '../common/envelope.ts';
import type { JsonObject } from '../common/json.ts';
import type { Identity } from '../common/keys.ts';
import { toStruct } from '../common/struct.ts';

/** Where a job belongs; echoed by the agent in every reply (see `JobRef` in the proto). */
export interface JobRefData {
  manager: string;
  namespace: string;
  workflowId: string;
  runId: string;
  stepId: string;
  generation: number;
}

export interface PublishJobInput {
  jobId: string;
  ref: JobRefData;
  attempt: number;
  jobType: string;
  params: JsonObject;
  queueDeadlineMs: number;
  runTimeoutMs: number;
  progressIntervalMs: number;
  idempotencyKey: string;
}

export interface BridgeActivityDeps {
  identity: Identity;
  topology: Topology;
  publisher: ConfirmedPublisher;
  /** Channel for declaring queues (not the confirm channel, so a declare error cannot kill publishing). */
  declareChannel: Channel;
}

/**
 * The bridge's activities. `publishJob` is an ordinary activity: it signs and
 * publishes a `JobRequest` and returns once the broker has confirmed and routed
 * it; the agent's replies reach the workflow as signals (see bridge/replies.ts).
 */
export function createBridgeActivities(deps: BridgeActivityDeps) {
  const names = topologyNames(deps.topology.prefix);
  // Which job queues this process has declared; topology only, never per-job state.
  const declared = new Set<string>();

  async function ensureJobQueue(jobType: string): Promise<void> {
    if (declared.has(jobType)) return;
    await declareJobQueue(deps.declareChannel, deps.topology, deps.identity.id, jobType);
    declared.add(jobType);
  }

  return {
    async publishJob(input: PublishJobInput): Promise<void> {
      const ttl = input.queueDeadlineMs - Date.now();
      if (ttl <= 0) {
        throw ApplicationFailure.nonRetryable(
          'the queue deadline passed before the job could be published',
          'queue_timeout',
        );
      }
      await ensureJobQueue(input.jobType);
      const bytes = seal(deps.identity, ANY_RECIPIENT, {
        jobRequest: {
          jobId: input.jobId,
          ref: input.ref,
          attempt: input.attempt,
          jobType: input.jobType,
          parameters: toStruct(input.params),
          queueDeadlineMs: input.queueDeadlineMs,
          runTimeoutMs: input.runTimeoutMs,
          progressIntervalMs: input.progressIntervalMs,
          idempotencyKey: input.idempotencyKey,
        },
      });
      await deps.publisher.publish(
        names.jobsExchange,
        names.jobRoutingKey(input.ref.manager, input.jobType),
        bytes,
        {
          // RabbitMQ drops expired messages only at the queue head; the agent checks the signed deadline too.
          expiration: String(ttl),
          contentType: 'application/x-protobuf',
          type: 'caroni.v1.JobRequest',
        },
      );
    },
  };
}

export type BridgeActivities = ReturnType<typeof createBridgeActivities>;
