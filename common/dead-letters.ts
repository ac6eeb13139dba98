/**
 * Operator tools for the dead-letter queue (`<prefix>.dead-letters`): list,
 * show, replay and purge the messages `deadLetter()` put there.
 *
 * RabbitMQ has no peek: reading a message means taking it. Every operation
 * here takes messages from the head of the queue with `basic.get`, unacked,
 * on a channel of its own, acks only those it replays or purges, and then
 * closes the channel, which hands every other message back. Closing, not
 * nack-requeue, is what keeps the order (a quorum queue appends nacked
 * messages at its tail), with one twist on quorum queues:
 * - A classic queue puts a returned message back in its old place, so an
 *   operation stops reading once it has what it needs (`limit` messages, the
 *   one to show, every id to replay).
 * - A quorum queue (RabbitMQ 3.10) lines returned messages up behind those
 *   returned earlier, ahead of those never delivered. So on a quorum queue
 *   every operation reads every message the queue held when it started,
 *   which keeps the order at the price of a full pass (a few hundred
 *   messages a second), and then waits for the queue to hold them again,
 *   since it takes them back a moment after the close.
 * If the process dies half-way, the broker returns the messages just as on
 * close.
 *
 * What a look leaves behind: each message taken comes back with `redelivered`
 * set, and on a quorum queue with its `x-delivery-count` one higher (so the
 * dead-letter queue must have no `delivery-limit` policy, or looks would
 * count as failed deliveries). Messages another operator holds at that
 * moment are out of sight until they return.
 */
import type { Channel, ChannelModel, GetMessage } from 'amqplib';
import { caroni } from '../proto/generated/caroni.js';
import { BrokerError, ConfirmedPublisher, topologyNames, type Topology } from './broker.ts';
import { toNumber, type BodyKind } from './envelope.ts';
import { CaroniError, NotFoundError } from './errors.ts';
import type { Json, JsonObject } from './json.ts';

const reasonHeader = 'x-caroni-reason';
const detailHeader = 'x-caroni-detail';
const exchangeHeader = 'x-caroni-original-exchange';
const routingKeyHeader = 'x-caroni-original-routing-key';
const deadLetteredAtHeader = 'x-caroni-dead-lettered-at';

/** What the envelope claims. Decoded without checking its signature: it proves nothing about the sender. */
export interface UnverifiedEnvelope {
  verified: false;
  id: string;
  sender: string;
  keyId: string;
  recipient: string;
  protocolVersion: number;
  sentAt: string | undefined;
  bodyKind: BodyKind;
  jobId: string | undefined;
  jobType: string | undefined;
  headers: Record<string, string>;
}

/** One message of the dead-letter queue, as an operator sees it. */
export interface DeadLetter {
  /** The id `deadLetter()` gave it; what `show`, `replay` and `purge` take. */
  messageId: string | undefined;
  reason: string | undefined;
  detail: string | undefined;
  originalExchange: string | undefined;
  originalRoutingKey: string | undefined;
  deadLetteredAt: string | undefined;
  /** Content size in bytes. */
  size: number;
  contentType: string | undefined;
  /** Set once anyone (a look included) has taken it before. */
  redelivered: boolean;
  headers: JsonObject;
  /** Undefined when the content is not a Caroni signed envelope. */
  envelope: UnverifiedEnvelope | undefined;
}

/** Which dead letters an operation is about. */
export type DeadLetterSelection = { messageIds: readonly string[] } | { reason: string };

export interface ReplayOutcome {
  replayed: { messageId: string | undefined; exchange: string; routingKey: string }[];
  /** Left in the dead-letter queue. */
  failed: { messageId: string | undefined; code: string; error: string }[];
  notFound: string[];
}

export interface PurgeOutcome {
  purged: number;
  /** The ids purged; empty when the whole queue was purged at once. */
  messageIds: (string | undefined)[];
  notFound: string[];
}

function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  return String(value);
}

function headerText(message: GetMessage, name: string): string | undefined {
  const value: unknown = message.properties.headers?.[name];
  if (typeof value === 'string') return value;
  return Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
}

function decodeEnvelope(content: Buffer): UnverifiedEnvelope | undefined {
  let signed: caroni.v1.SignedEnvelope;
  let envelope: caroni.v1.Envelope;
  try {
    signed = caroni.v1.SignedEnvelope.decode(content);
    envelope = caroni.v1.Envelope.decode(signed.payload);
  } catch {
    return undefined;
  }
  // Protobuf skips what it does not know, so arbitrary bytes can decode into an empty shell.
  if (!envelope.body) return undefined;
  const body = envelope[envelope.body];
  const sentAt = new Date(toNumber(envelope.sentAtMs));
  return {
    verified: false,
    id: envelope.id,
    sender: envelope.sender,
    keyId: envelope.keyId,
    recipient: envelope.recipient,
    protocolVersion: envelope.protocolVersion,
    sentAt: Number.isNaN(sentAt.getTime()) ? undefined : sentAt.toISOString(),
    bodyKind: envelope.body,
    jobId: body && 'jobId' in body && body.jobId ? body.jobId : undefined,
    jobType: body && 'jobType' in body && body.jobType ? body.jobType : undefined,
    headers: { ...signed.headers },
  };
}

function describe(message: GetMessage): DeadLetter {
  return {
    messageId: message.properties.messageId as string | undefined,
    reason: headerText(message, reasonHeader),
    detail: headerText(message, detailHeader),
    originalExchange: headerText(message, exchangeHeader),
    originalRoutingKey: headerText(message, routingKeyHeader),
    deadLetteredAt: headerText(message, deadLetteredAtHeader),
    size: message.content.byteLength,
    contentType: message.properties.contentType as string | undefined,
    redelivered: message.fields.redelivered,
    headers: Object.fromEntries(
      Object.entries(message.properties.headers ?? {}).map(([name, value]) => [
        name,
        toJson(value),
      ]),
    ),
    envelope: decodeEnvelope(message.content),
  };
}

/** A selection checked once: what it matches, and when a scan may stop early. */
function selector(selection: DeadLetterSelection) {
  if ('messageIds' in selection) {
    const ids = new Set(selection.messageIds);
    if (ids.size === 0) throw new CaroniError('invalid_input', 'name at least one message id');
    const seen = new Set<string>();
    return {
      matches(message: GetMessage): boolean {
        const id = message.properties.messageId as string | undefined;
        if (id === undefined || !ids.has(id) || seen.has(id)) return false;
        seen.add(id);
        return true;
      },
      complete: () => seen.size === ids.size,
      notFound: () => [...ids].filter((id) => !seen.has(id)),
    };
  }
  const { reason } = selection;
  if (reason === '') throw new CaroniError('invalid_input', 'the reason must not be empty');
  return {
    matches: (message: GetMessage) => headerText(message, reasonHeader) === reason,
    complete: () => false,
    notFound: (): string[] => [],
  };
}

/**
 * A channel for one operation. A failed operation makes the broker close the
 * channel; the operation's promise rejects with the reason, and amqplib would
 * also throw it from the socket handler if nobody listened for `error`.
 */
async function openChannel(
  connection: ChannelModel,
): Promise<{ channel: Channel; close: () => Promise<void> }> {
  const channel = await connection.createChannel();
  let open = true;
  channel.on('error', () => {});
  channel.on('close', () => (open = false));
  return { channel, close: async () => (open ? channel.close() : undefined) };
}

async function messageCount(channel: Channel, queue: string): Promise<number> {
  try {
    return (await channel.checkQueue(queue)).messageCount;
  } catch (error) {
    throw new BrokerError(
      'dead_letter_queue_missing',
      `there is no dead-letter queue ${queue}: check CARONI_BROKER_PREFIX (bridges and agents declare it when they start)`,
      { cause: error },
    );
  }
}

/**
 * A quorum queue takes a closed channel's messages back a few milliseconds
 * after the close completes. Waiting until it holds what it held at the start
 * less what was acked means the next look, by this process or an operator's
 * next command, sees the whole queue. Gives up quietly after `timeoutMs`:
 * messages another reader holds can keep the count low, and ours are back in
 * the broker's hands either way.
 */
async function awaitReturned(
  connection: ChannelModel,
  queue: string,
  expected: number,
  timeoutMs = 5_000,
): Promise<void> {
  const { channel, close } = await openChannel(connection);
  try {
    const deadline = Date.now() + timeoutMs;
    while ((await messageCount(channel, queue)) < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await close();
  }
}

/**
 * Takes the messages that were in the queue when it starts, unacked, and
 * hands each to `visit`, which may `ack` it and answers true once it needs no
 * more; then closes the channel so the rest return, in order. Resolves to how
 * many messages the queue held at the start.
 */
async function scan(
  connection: ChannelModel,
  topology: Topology,
  visit: (message: GetMessage, ack: () => void) => Promise<boolean> | boolean,
): Promise<number> {
  const queue = topologyNames(topology.prefix).deadLetterQueue;
  // See the top of this file: only a full pass returns a quorum queue's messages in their order.
  const readEverything = topology.queueType === 'quorum';
  const { channel, close } = await openChannel(connection);
  let count = 0;
  let taken = 0;
  let acked = 0;
  try {
    count = await messageCount(channel, queue);
    let visiting = true;
    while (taken < count) {
      const message = await channel.get(queue, { noAck: false });
      if (!message) break;
      taken += 1;
      const ack = () => {
        channel.ack(message);
        acked += 1;
      };
      if (visiting && (await visit(message, ack))) {
        visiting = false;
        if (!readEverything) break;
      }
    }
    return count;
  } finally {
    await close();
    if (taken > acked) await awaitReturned(connection, queue, count - acked);
  }
}

/**
 * The first `limit` dead letters (default 50; of `reason`, if given), oldest
 * first, and how many the queue holds; every message stays in the queue.
 *
 * @throws CaroniError `invalid_input` for a limit below 1; BrokerError `dead_letter_queue_missing`.
 */
export async function listDeadLetters(
  connection: ChannelModel,
  topology: Topology,
  { limit = 50, reason }: { limit?: number; reason?: string } = {},
): Promise<{ total: number; messages: DeadLetter[] }> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new CaroniError('invalid_input', `the limit must be a positive integer, not ${limit}`);
  }
  const messages: DeadLetter[] = [];
  const total = await scan(connection, topology, (message) => {
    if (reason === undefined || headerText(message, reasonHeader) === reason) {
      messages.push(describe(message));
    }
    return messages.length >= limit;
  });
  return { total, messages };
}

/**
 * One dead letter by its message id; it stays in the queue.
 *
 * @throws NotFoundError `dead_letter_not_found`; BrokerError `dead_letter_queue_missing`.
 */
export async function showDeadLetter(
  connection: ChannelModel,
  topology: Topology,
  messageId: string,
): Promise<DeadLetter> {
  let found: DeadLetter | undefined;
  await scan(connection, topology, (message) => {
    if (message.properties.messageId === messageId) found = describe(message);
    return found !== undefined;
  });
  if (!found) {
    throw new NotFoundError(
      'dead_letter_not_found',
      `no dead letter has message id ${messageId} (\`caroni dead-letters list\` shows their ids)`,
    );
  }
  return found;
}

interface PublishTarget {
  publisher: ConfirmedPublisher;
  /** Why the broker closed the channel, once it has. */
  closedBy: Error | undefined;
}

/**
 * Publishes replays on a confirm channel, and opens a new one when the broker
 * closed the last (it does when the original exchange no longer exists).
 */
class ReplayPublisher {
  private current: PublishTarget | undefined;

  constructor(private readonly connection: ChannelModel) {}

  /** @throws BrokerError `unroutable`, `nacked` or `replay_refused`. */
  async publish(message: GetMessage, exchange: string, routingKey: string): Promise<void> {
    const target = this.current ?? (await this.open());
    // The headers the message was sent with: the dead-letter queue's own (ours, and the delivery count a quorum queue adds) go.
    const headers = Object.fromEntries(
      Object.entries(message.properties.headers ?? {}).filter(
        ([name]) => !name.startsWith('x-caroni-') && name !== 'x-delivery-count',
      ),
    );
    try {
      await target.publisher.publish(exchange, routingKey, message.content, {
        headers,
        contentType: message.properties.contentType as string | undefined,
        messageId: message.properties.messageId as string | undefined,
      });
    } catch (error) {
      if (!target.closedBy) throw error;
      throw new BrokerError(
        'replay_refused',
        `the broker refused a replay to ${exchange}/${routingKey}: ${target.closedBy.message}`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    if (this.current) await this.current.publisher.channel.close();
  }

  private async open(): Promise<PublishTarget> {
    const channel = await this.connection.createConfirmChannel();
    const target: PublishTarget = {
      publisher: new ConfirmedPublisher(channel),
      closedBy: undefined,
    };
    channel.on('error', (error: Error) => (target.closedBy = error));
    channel.on('close', () => {
      if (this.current === target) this.current = undefined;
    });
    this.current = target;
    return target;
  }
}

/**
 * Republishes the chosen dead letters to their original exchange and routing
 * key (confirmed and `mandatory`) without the dead-letter headers, and acks
 * each dead letter only once its replay is confirmed. One that cannot be
 * replayed (unroutable, exchange gone, no original destination) stays where
 * it is, in its place, and is listed under `failed`. A crash between the
 * confirm and the ack leaves both copies: delivery is at least once, as
 * everywhere else.
 *
 * @throws CaroniError `invalid_input` for an empty selection; BrokerError `dead_letter_queue_missing`.
 */
export async function replayDeadLetters(
  connection: ChannelModel,
  topology: Topology,
  selection: DeadLetterSelection,
): Promise<ReplayOutcome> {
  const chosen = selector(selection);
  const outcome: ReplayOutcome = { replayed: [], failed: [], notFound: [] };
  const publisher = new ReplayPublisher(connection);
  try {
    await scan(connection, topology, async (message, ack) => {
      if (!chosen.matches(message)) return false;
      const messageId = message.properties.messageId as string | undefined;
      const exchange = headerText(message, exchangeHeader);
      const routingKey = headerText(message, routingKeyHeader);
      if (exchange === undefined || routingKey === undefined) {
        outcome.failed.push({
          messageId,
          code: 'no_original_destination',
          error: `it has no ${exchangeHeader} or ${routingKeyHeader} header: Caroni did not dead-letter it`,
        });
        return chosen.complete();
      }
      try {
        await publisher.publish(message, exchange, routingKey);
      } catch (error) {
        if (!(error instanceof CaroniError)) throw error;
        outcome.failed.push({ messageId, code: error.code, error: error.message });
        return chosen.complete();
      }
      ack();
      outcome.replayed.push({ messageId, exchange, routingKey });
      return chosen.complete();
    });
  } finally {
    await publisher.close();
  }
  outcome.notFound = chosen.notFound();
  return outcome;
}

/**
 * Deletes dead letters for good: the chosen ones, or with `{ all: true }`
 * every message in the queue, which needs `yes`.
 *
 * @throws CaroniError `confirmation_required` for all without `yes`,
 *   `invalid_input` for an empty selection; BrokerError `dead_letter_queue_missing`.
 */
export async function purgeDeadLetters(
  connection: ChannelModel,
  topology: Topology,
  selection: DeadLetterSelection | { all: true },
  { yes = false }: { yes?: boolean } = {},
): Promise<PurgeOutcome> {
  if ('all' in selection) {
    if (!yes) {
      throw new CaroniError(
        'confirmation_required',
        'purging every dead letter cannot be undone: add --yes, or choose messages by id or --reason',
      );
    }
    const queue = topologyNames(topology.prefix).deadLetterQueue;
    const { channel, close } = await openChannel(connection);
    try {
      await messageCount(channel, queue);
      const { messageCount: purged } = await channel.purgeQueue(queue);
      return { purged, messageIds: [], notFound: [] };
    } finally {
      await close();
    }
  }
  const chosen = selector(selection);
  const messageIds: (string | undefined)[] = [];
  await scan(connection, topology, (message, ack) => {
    if (!chosen.matches(message)) return false;
    ack();
    messageIds.push(message.properties.messageId as string | undefined);
    return chosen.complete();
  });
  return { purged: messageIds.length, messageIds, notFound: chosen.notFound() };
}
