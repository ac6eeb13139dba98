import { randomUUID } from 'node:crypto';
import amqp, {
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type Message,
  type Options,
} from 'amqplib';
import { CaroniError } from './errors.ts';
import { redact } from './redact.ts';

/** Queue type for Caroni's durable queues; fixed per broker, because RabbitMQ refuses a redeclaration that differs. */
export type QueueType = 'quorum' | 'classic';

/** Every name lives under `prefix`, so tests and federations can share one broker. */
export interface Topology {
  prefix: string;
  queueType: QueueType;
}

/**
 * Priority bands within one manager's share of an agent. RabbitMQ 3.10 quorum
 * queues have no message priorities, so each band is a queue of its own and
 * the agent takes from the highest band with work first.
 */
export const priorityBands = ['high', 'normal', 'low'] as const;
export type PriorityBand = (typeof priorityBands)[number];

/** `:band` after the job type, for bands other than normal: ":" is in no job type or manager id, so names never collide. */
const bandSuffix = (band: PriorityBand) => (band === 'normal' ? '' : `:${band}`);

export const topologyNames = (prefix: string) => ({
  /** Topic exchange for job requests; routing key `<manager>.<jobType>`. */
  jobsExchange: `${prefix}.jobs`,
  /** Direct exchange for agents' replies; routing key is the manager id. */
  repliesExchange: `${prefix}.replies`,
  /** Refused and undeliverable messages, republished with their reason. */
  deadLetterQueue: `${prefix}.dead-letters`,
  jobQueue: (manager: string, jobType: string, band: PriorityBand = 'normal') =>
    `${prefix}.jobs.${manager}.${jobType}${bandSuffix(band)}`,
  jobRoutingKey: (manager: string, jobType: string, band: PriorityBand = 'normal') =>
    `${manager}.${jobType}${bandSuffix(band)}`,
  /**
   * Jobs of one manager for one agent (a step that names the agent or needs
   * labels only it advertises); published through the default exchange.
   */
  pinnedQueue: (agent: string, manager: string) => `${prefix}.pinned.${agent}.${manager}`,
  replyQueue: (manager: string) => `${prefix}.replies.${manager}`,
  /** An agent's control queue (`CancelJob`), always consumed, so a cancel never waits behind work. */
  controlQueue: (agent: string) => `${prefix}.control.${agent}`,
});

export class BrokerError extends CaroniError {
  override readonly name = 'BrokerError';
}

/**
 * Connects to RabbitMQ.
 *
 * @throws BrokerError `broker_unreachable` with a message that says what to run.
 */
export async function connectBroker(url: string, connectionName: string): Promise<ChannelModel> {
  try {
    return await amqp.connect(url, {
      clientProperties: { connection_name: connectionName },
      // Without it Nagle holds a small frame (a basic.get right after an ack) for ~40 ms.
      noDelay: true,
    });
  } catch (error) {
    throw new BrokerError(
      'broker_unreachable',
      `cannot reach RabbitMQ at ${redact(url)} (${(error as Error).message}): start it (rabbitmq-server -detached) or set AMQP_URL`,
      { cause: error },
    );
  }
}

function queueArguments(topology: Topology): Options.AssertQueue {
  return { durable: true, arguments: { 'x-queue-type': topology.queueType } };
}

/**
 * Deletes every queue and exchange a prefix can hold for these managers,
 * agents and job types: what a test or the benchmark declared, since RabbitMQ
 * keeps durable ones. A queue that was never declared is no error.
 */
export async function deleteTopology(
  channel: Channel,
  prefix: string,
  { managers, agents, jobTypes }: { managers: string[]; agents: string[]; jobTypes: string[] },
): Promise<void> {
  const names = topologyNames(prefix);
  const queues = [
    names.deadLetterQueue,
    ...managers.map((manager) => names.replyQueue(manager)),
    ...managers.flatMap((manager) =>
      jobTypes.flatMap((jobType) =>
        priorityBands.map((band) => names.jobQueue(manager, jobType, band)),
      ),
    ),
    ...agents.map((agent) => names.controlQueue(agent)),
    ...agents.flatMap((agent) => managers.map((manager) => names.pinnedQueue(agent, manager))),
  ];
  for (const queue of queues) await channel.deleteQueue(queue);
  for (const exchange of [names.jobsExchange, names.repliesExchange])
    await channel.deleteExchange(exchange);
}

/** Declares the exchanges and the dead-letter queue every party relies on. Idempotent. */
export async function declareShared(channel: Channel, topology: Topology): Promise<void> {
  const names = topologyNames(topology.prefix);
  await channel.assertExchange(names.jobsExchange, 'topic', { durable: true });
  await channel.assertExchange(names.repliesExchange, 'direct', { durable: true });
  await channel.assertQueue(names.deadLetterQueue, queueArguments(topology));
}

/** Declares the durable queue of one (manager, job type, band) and binds it. Done by the bridge and the agents. */
export async function declareJobQueue(
  channel: Channel,
  topology: Topology,
  manager: string,
  jobType: string,
  band: PriorityBand = 'normal',
): Promise<string> {
  const names = topologyNames(topology.prefix);
  const queue = names.jobQueue(manager, jobType, band);
  await channel.assertQueue(queue, queueArguments(topology));
  await channel.bindQueue(queue, names.jobsExchange, names.jobRoutingKey(manager, jobType, band));
  return queue;
}

/** Declares the queue of one manager's jobs pinned to one agent. Done by both. */
export async function declarePinnedQueue(
  channel: Channel,
  topology: Topology,
  agent: string,
  manager: string,
): Promise<string> {
  const queue = topologyNames(topology.prefix).pinnedQueue(agent, manager);
  await channel.assertQueue(queue, queueArguments(topology));
  return queue;
}

/** Declares a manager's reply queue and binds it. Done by the manager's bridge. */
export async function declareReplyQueue(
  channel: Channel,
  topology: Topology,
  manager: string,
): Promise<string> {
  const names = topologyNames(topology.prefix);
  const queue = names.replyQueue(manager);
  await channel.assertQueue(queue, queueArguments(topology));
  await channel.bindQueue(queue, names.repliesExchange, manager);
  return queue;
}

/** Declares an agent's control queue; published to through the default exchange. Done by the agent. */
export async function declareControlQueue(
  channel: Channel,
  topology: Topology,
  agent: string,
): Promise<string> {
  const queue = topologyNames(topology.prefix).controlQueue(agent);
  await channel.assertQueue(queue, queueArguments(topology));
  return queue;
}

/**
 * Publishes on a confirm channel with `mandatory`, and resolves only once the
 * broker has confirmed the message *and* routed it to a queue (a confirm alone
 * does not say it was routed: an unroutable message is returned, then acked).
 */
export class ConfirmedPublisher {
  private readonly returned = new Set<string>();

  constructor(readonly channel: ConfirmChannel) {
    channel.on('return', (message: Message) => {
      const id = message.properties.messageId as string | undefined;
      if (id) this.returned.add(id);
    });
  }

  /**
   * @throws BrokerError `unroutable` when no queue took the message, `nacked`
   *   when the broker refused it.
   */
  publish(
    exchange: string,
    routingKey: string,
    content: Uint8Array,
    options: Options.Publish = {},
  ): Promise<void> {
    const messageId = options.messageId ?? randomUUID();
    const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return new Promise((resolve, reject) => {
      this.channel.publish(
        exchange,
        routingKey,
        buffer,
        { persistent: true, ...options, messageId, mandatory: true },
        (error: unknown) => {
          const wasReturned = this.returned.delete(messageId);
          if (error) {
            reject(
              new BrokerError('nacked', `broker refused a message to ${exchange}/${routingKey}`, {
                cause: error,
              }),
            );
          } else if (wasReturned) {
            reject(
              new BrokerError('unroutable', `no queue is bound for ${exchange}/${routingKey}`),
            );
          } else {
            resolve();
          }
        },
      );
    });
  }
}

/** Longest `x-caroni-detail`: a detail quotes what the message claims (ids, job types), of any length. */
const MAX_DETAIL_CHARS = 1_000;
/** Longest header of the message's own kept when its headers leave no room for the dead-letter ones. */
const MAX_KEPT_HEADER_CHARS = 256;

/**
 * Moves a message to the dead-letter queue with the reason in its headers.
 * Callers ack the original only after this resolves, so nothing vanishes.
 * A refusal must never fail for the message's size: the detail is cut to
 * 1,000 characters, and when the message's own headers leave no room for
 * the dead-letter ones (amqplib encodes all headers into 64 KiB), only its
 * short scalar headers are kept, and `x-caroni-headers-dropped` says so.
 */
export async function deadLetter(
  publisher: ConfirmedPublisher,
  topology: Topology,
  message: Message,
  reason: string,
  detail: string,
): Promise<void> {
  const ours = {
    'x-caroni-reason': reason,
    'x-caroni-detail':
      detail.length > MAX_DETAIL_CHARS
        ? `${detail.slice(0, MAX_DETAIL_CHARS)}… (${detail.length} characters)`
        : detail,
    'x-caroni-original-exchange': message.fields.exchange,
    'x-caroni-original-routing-key': message.fields.routingKey,
    'x-caroni-dead-lettered-at': new Date().toISOString(),
  };
  const send = (headers: Record<string, unknown>) =>
    publisher.publish('', topologyNames(topology.prefix).deadLetterQueue, message.content, {
      headers,
      contentType: message.properties.contentType as string | undefined,
    });
  const own: Record<string, unknown> = message.properties.headers ?? {};
  try {
    await send({ ...own, ...ours });
  } catch (error) {
    // amqplib refuses to encode headers past its buffer before it sends anything: the channel is fine.
    if (!(error instanceof RangeError)) throw error;
    const kept = Object.entries(own).filter(
      ([, value]) =>
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        (typeof value === 'string' && value.length <= MAX_KEPT_HEADER_CHARS),
    );
    await send({ ...Object.fromEntries(kept), ...ours, 'x-caroni-headers-dropped': true });
  }
}
