import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import {
  ConfirmedPublisher,
  declareJobQueue,
  declareShared,
  topologyNames,
  type Topology,
} from '../../common/broker.ts';
import { ANY_RECIPIENT, seal } from '../../common/envelope.ts';
import type { JsonObject } from '../../common/json.ts';
import type { Identity } from '../../common/keys.ts';
import { toStruct } from '../../common/struct.ts';
import { testAmqpUrl } from './isolation.ts';

/** A job request as a manager signs it, with the fields a test varies. */
export interface ProbeRequest {
  /** Signs it; its id is the sender and the job's manager. */
  signer: Identity;
  /** The signer's Temporal namespace: a manager takes replies only for its own. */
  namespace: string;
  jobType: string;
  params: JsonObject;
  /** Names the (made-up) run the job belongs to; its replies find no workflow. */
  workflowId: string;
  stepId: string;
  /** Whose queue it goes to (default: the signer's): another manager's queue is a forgery. */
  queueOf?: string;
  queueDeadlineMs?: number;
}

/**
 * The test's own door to a federation's broker: it publishes signed job
 * requests as a manager would (or as one that should not), reads queue depths
 * and collects every dead letter of the federation's prefix.
 */
export class BrokerProbe {
  /** Dead letters seen since {@link BrokerProbe.open}, oldest first. */
  readonly deadLetters: ConsumeMessage[] = [];
  private readonly declared = new Set<string>();

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    private readonly publisher: ConfirmedPublisher,
    private readonly topology: Topology,
  ) {}

  /** Connects and starts collecting dead letters. @throws when the broker is unreachable. */
  static async open(topology: Topology): Promise<BrokerProbe> {
    const connection = await amqp.connect(testAmqpUrl);
    const channel = await connection.createChannel();
    await declareShared(channel, topology);
    const probe = new BrokerProbe(
      connection,
      channel,
      new ConfirmedPublisher(await connection.createConfirmChannel()),
      topology,
    );
    await channel.consume(
      topologyNames(topology.prefix).deadLetterQueue,
      (message) => {
        if (message) probe.deadLetters.push(message);
      },
      { noAck: true },
    );
    return probe;
  }

  /** Signs and publishes a job request; resolves once the broker has routed it. @returns its job id and bytes. */
  async publish(request: ProbeRequest): Promise<{ jobId: string; bytes: Uint8Array }> {
    const manager = request.signer.id;
    const queueOf = request.queueOf ?? manager;
    const ref = {
      manager,
      namespace: request.namespace,
      workflowId: request.workflowId,
      runId: 'probe',
      stepId: request.stepId,
      generation: 0,
    };
    const jobId = `${ref.workflowId}/${ref.runId}/${ref.stepId}/0`;
    const bytes = seal(request.signer, ANY_RECIPIENT, {
      jobRequest: {
        jobId,
        ref,
        attempt: 1,
        jobType: request.jobType,
        parameters: toStruct(request.params),
        queueDeadlineMs: request.queueDeadlineMs ?? Date.now() + 10 * 60_000,
        runTimeoutMs: 60_000,
        progressIntervalMs: 1_000,
        idempotencyKey: jobId,
      },
    });
    const names = topologyNames(this.topology.prefix);
    const queue = names.jobQueue(queueOf, request.jobType);
    if (!this.declared.has(queue)) {
      // Declared with the bridge's fixed arguments, so publishing never depends on who started first.
      await declareJobQueue(this.channel, this.topology, queueOf, request.jobType);
      this.declared.add(queue);
    }
    await this.publisher.publish(
      names.jobsExchange,
      names.jobRoutingKey(queueOf, request.jobType),
      bytes,
    );
    return { jobId, bytes };
  }

  /** Publishes raw bytes onto the replies exchange for `manager`, as an agent replies. */
  async publishReply(manager: string, bytes: Uint8Array): Promise<void> {
    await this.publisher.publish(
      topologyNames(this.topology.prefix).repliesExchange,
      manager,
      bytes,
    );
  }

  /** Ready messages and consumers of the (manager, job type) queue. */
  async depth(manager: string, jobType: string): Promise<{ messages: number; consumers: number }> {
    const queue = topologyNames(this.topology.prefix).jobQueue(manager, jobType);
    const { messageCount, consumerCount } = await this.channel.checkQueue(queue);
    return { messages: messageCount, consumers: consumerCount };
  }

  /** Drops the ready messages of the (manager, job type) queue. */
  async purge(manager: string, jobType: string): Promise<void> {
    await this.channel.purgeQueue(topologyNames(this.topology.prefix).jobQueue(manager, jobType));
  }

  /** The dead letter holding exactly `bytes`, if one came. */
  deadLetterOf(bytes: Uint8Array): ConsumeMessage | undefined {
    return this.deadLetters.find((message) => Buffer.from(bytes).equals(message.content));
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
