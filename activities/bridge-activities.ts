import { ApplicationFailure } from '@temporalio/activity';
import type { Channel } from 'amqplib';
import {
  BrokerError,
  declareJobQueue,
  declarePinnedQueue,
  topologyNames,
  type ConfirmedPublisher,
  type PriorityBand,
  type Topology,
} from '../common/broker.ts';
import { ANY_RECIPIENT, seal } from '../common/envelope.ts';
import { failpoint } from '../common/failpoints.ts';
import { checkParams } from '../common/job-type-schema.ts';
import type { JsonObject } from '../common/json.ts';
import type { Identity } from '../common/keys.ts';
import { toStruct } from '../common/struct.ts';
import { traceHeaders } from '../common/trace-context.ts';
import { chooseAgent, type Placement } from '../bridge/routing.ts';
import type { AgentAd } from '../db/agents-seen.ts';
import type { JobTypeRow } from '../db/job-types.ts';
import { metrics } from '../common/metrics.ts';

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
  /** Band within this site's share of an agent; default `normal`. */
  priority?: PriorityBand;
  /** Pins the job to a trusted agent whose ad matches; none: fails at once (`no_matching_agent`). */
  placement?: Placement;
  /**
   * An untrusted agent took this attempt from the shared queue: pin it to a
   * trusted agent that offers the job type; while none has announced itself
   * the publish fails retryably and Temporal tries again.
   */
  trustedOnly?: boolean;
}

export interface CancelJobInput {
  jobId: string;
  ref: JobRefData;
  /** The agent that accepted the job; undefined while it is queued. */
  agent?: string;
  reason: string;
}

export interface BridgeActivityDeps {
  identity: Identity;
  topology: Topology;
  publisher: ConfirmedPublisher;
  /** Channel for declaring queues (not the confirm channel, so a declare error cannot kill publishing). */
  declareChannel: Channel;
  /** Agents this manager trusts now: a queued job may reach any of them. */
  trustedAgentIds: () => Promise<string[]>;
  /** The manager's job type by name, read at publish time so an edited schema applies at once. */
  jobType: (name: string) => Promise<JobTypeRow | undefined>;
  /** The latest ads of the agents this manager trusts, for pinning a job (see bridge/routing.ts). */
  agentAds: () => Promise<AgentAd[]>;
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

  async function ensureJobQueue(jobType: string, band: PriorityBand): Promise<void> {
    const queue = names.jobQueue(deps.identity.id, jobType, band);
    if (declared.has(queue)) return;
    await declareJobQueue(deps.declareChannel, deps.topology, deps.identity.id, jobType, band);
    declared.add(queue);
  }

  async function ensurePinnedQueue(agent: string): Promise<string> {
    const queue = names.pinnedQueue(agent, deps.identity.id);
    if (declared.has(queue)) return queue;
    await declarePinnedQueue(deps.declareChannel, deps.topology, agent, deps.identity.id);
    declared.add(queue);
    return queue;
  }

  /**
   * Where a request goes: the shared queue of its job type and band, or,
   * for a placement or after an untrusted agent took it, the pinned queue of
   * the trusted agent {@link chooseAgent} picks.
   */
  async function destination(
    input: PublishJobInput,
  ): Promise<{ exchange: string; routingKey: string; recipient: string }> {
    const placement = input.placement ?? {};
    if (!input.placement && !input.trustedOnly) {
      const band = input.priority ?? 'normal';
      await ensureJobQueue(input.jobType, band);
      return {
        exchange: names.jobsExchange,
        routingKey: names.jobRoutingKey(input.ref.manager, input.jobType, band),
        recipient: ANY_RECIPIENT,
      };
    }
    const choice = chooseAgent(await deps.agentAds(), input.jobType, placement, Date.now());
    if (!choice.ok) {
      // Only a stranger's take pins a job without a placement: a trusted agent may yet announce itself.
      if (!input.placement) throw ApplicationFailure.retryable(choice.reason, 'no_trusted_agent');
      throw ApplicationFailure.nonRetryable(choice.reason, 'no_matching_agent');
    }
    // Addressed to the chosen agent: any other that reads the queue refuses it.
    return {
      exchange: '',
      routingKey: await ensurePinnedQueue(choice.agentId),
      recipient: choice.agentId,
    };
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
      const jobType = await deps.jobType(input.jobType);
      if (!jobType) {
        throw ApplicationFailure.nonRetryable(
          `job type "${input.jobType}" is not defined on this manager`,
          'unknown_job_type',
        );
      }
      const params = checkParams(jobType, input.params);
      if (!params.ok) {
        throw ApplicationFailure.nonRetryable(
          `parameters of job type "${input.jobType}" do not match its schema: ${params.message}`,
          'invalid_parameters',
        );
      }
      const { exchange, routingKey, recipient } = await destination(input);
      const bytes = seal(
        deps.identity,
        recipient,
        {
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
        },
        // This activity's span (see Tracing.activityInterceptors): the agent's job span goes under it.
        traceHeaders(),
      );
      await deps.publisher.publish(exchange, routingKey, bytes, {
        // RabbitMQ drops expired messages only at the queue head; the agent checks the signed deadline too.
        expiration: String(ttl),
        contentType: 'application/x-protobuf',
        type: 'caroni.v1.JobRequest',
      });
      failpoint('bridge.after-publish');
      metrics.jobsDispatched.inc({ manager: input.ref.manager, job_type: input.jobType });
    },

    /**
     * Sends `CancelJob` to the agent running the job, or to every trusted
     * agent while the job is queued (each keeps a tombstone, so a queued copy
     * is dropped when it arrives). An agent without a control queue (never
     * started) is skipped: it holds nothing of the job.
     *
     * @returns the agents the cancellation reached.
     */
    async cancelJob(input: CancelJobInput): Promise<string[]> {
      const agents = input.agent ? [input.agent] : await deps.trustedAgentIds();
      const reached: string[] = [];
      for (const agent of agents) {
        const bytes = seal(deps.identity, agent, {
          cancelJob: { jobId: input.jobId, ref: input.ref, reason: input.reason },
        });
        try {
          await deps.publisher.publish('', names.controlQueue(agent), bytes, {
            contentType: 'application/x-protobuf',
            type: 'caroni.v1.CancelJob',
          });
          reached.push(agent);
        } catch (error) {
          if (!(error instanceof BrokerError && error.code === 'unroutable')) throw error;
        }
      }
      return reached;
    },
  };
}

export type BridgeActivities = ReturnType<typeof createBridgeActivities>;
