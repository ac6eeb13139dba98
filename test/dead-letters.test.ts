import { randomBytes } from 'node:crypto';
import amqp, { type ChannelModel, type ConfirmChannel, type GetMessage } from 'amqplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfirmedPublisher,
  deadLetter,
  declareJobQueue,
  declareShared,
  topologyNames,
  type QueueType,
  type Topology,
} from '../common/broker.ts';
import {
  listDeadLetters,
  purgeDeadLetters,
  replayDeadLetters,
  showDeadLetter,
  type DeadLetter,
} from '../common/dead-letters.ts';
import { ANY_RECIPIENT, seal } from '../common/envelope.ts';
import { generateIdentity } from '../common/keys.ts';
import { caroni } from './support/cli.ts';
import { deleteBrokerTopology, testAmqpUrl, testTopology, waitFor } from './support/isolation.ts';

const manager = 'site-a';
const jobType = 'echo';
const identity = generateIdentity(manager);

/** Bytes that never decode: protobuf has no wire type 7, and this first tag uses it. */
const garbage = () => Buffer.concat([Buffer.from([0x07]), randomBytes(63)]);

function jobRequest(jobId: string): Uint8Array {
  return seal(identity, ANY_RECIPIENT, {
    jobRequest: { jobId, jobType, attempt: 1, queueDeadlineMs: Date.now() + 60_000 },
  });
}

/** A broker prefix of its own with the shared topology and one job queue; `refuse` dead-letters as an agent does. */
class Broker {
  readonly names;
  readonly jobQueue;
  readonly goneExchange;
  private constructor(
    readonly topology: Topology,
    readonly connection: ChannelModel,
    readonly channel: ConfirmChannel,
    readonly publisher: ConfirmedPublisher,
  ) {
    this.names = topologyNames(topology.prefix);
    this.jobQueue = this.names.jobQueue(manager, jobType);
    this.goneExchange = `${topology.prefix}.gone`;
  }

  static async start(queueType: QueueType = 'classic'): Promise<Broker> {
    const topology = { ...testTopology(), queueType };
    const connection = await amqp.connect(testAmqpUrl);
    const channel = await connection.createConfirmChannel();
    await declareShared(channel, topology);
    await declareJobQueue(channel, topology, manager, jobType);
    return new Broker(topology, connection, channel, new ConfirmedPublisher(channel));
  }

  /** Publishes `content` to `exchange`/`routingKey`, takes it from `queue`, dead-letters it and acks it. */
  async refuse(
    content: Uint8Array,
    reason: string,
    {
      exchange = this.names.jobsExchange,
      routingKey = this.names.jobRoutingKey(manager, jobType),
      queue = this.jobQueue,
    } = {},
  ): Promise<void> {
    await this.publisher.publish(exchange, routingKey, content, {
      headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      contentType: 'application/x-protobuf',
    });
    const message = await waitFor(() => this.channel.get(queue), { what: `a message on ${queue}` });
    await deadLetter(this.publisher, this.topology, message, reason, `refused: ${reason}`);
    this.channel.ack(message);
  }

  async deadLetterCount(): Promise<number> {
    return (await this.channel.checkQueue(this.names.deadLetterQueue)).messageCount;
  }

  async stop(): Promise<void> {
    await this.channel.deleteExchange(this.goneExchange);
    await this.connection.close();
    await deleteBrokerTopology(this.topology.prefix, [manager, 'site-b'], [jobType]);
  }
}

/** Four dead letters, oldest first: three job requests and random bytes. Resolves to their contents. */
async function refuseFour(broker: Broker): Promise<Uint8Array[]> {
  const contents = [jobRequest('job-1'), jobRequest('job-2'), garbage(), jobRequest('job-3')];
  const reasons = ['expired', 'unknown_key', 'malformed', 'expired'];
  for (const [index, content] of contents.entries()) {
    await broker.refuse(content, reasons[index] ?? '');
  }
  return contents;
}

const jobIds = (letters: DeadLetter[]) => letters.map((letter) => letter.envelope?.jobId);

async function all(broker: Broker): Promise<DeadLetter[]> {
  return (await listDeadLetters(broker.connection, broker.topology, { limit: 1000 })).messages;
}

describe.each(['classic', 'quorum'] as const)('listing a %s dead-letter queue', (queueType) => {
  let broker: Broker;
  beforeEach(async () => {
    broker = await Broker.start(queueType);
  });
  afterEach(async () => {
    await broker.stop();
  });

  it('shows every message with its reason and leaves them all in the queue, in order', async () => {
    await refuseFour(broker);
    const { topology } = broker;

    const first = await listDeadLetters(broker.connection, topology);
    expect(first.total).toBe(4);
    expect(first.messages.map((letter) => letter.reason)).toEqual([
      'expired',
      'unknown_key',
      'malformed',
      'expired',
    ]);
    expect(jobIds(first.messages)).toEqual(['job-1', 'job-2', undefined, 'job-3']);
    expect(first.messages[0]).toMatchObject({
      detail: 'refused: expired',
      originalExchange: broker.names.jobsExchange,
      originalRoutingKey: `${manager}.${jobType}`,
      redelivered: false,
      envelope: { verified: false, sender: manager, recipient: ANY_RECIPIENT },
    });
    expect(first.messages[2]?.size).toBe(64);
    expect(await broker.deadLetterCount()).toBe(4);

    // A look takes and returns every message: the same ones come back in the same order, marked redelivered.
    const again = await listDeadLetters(broker.connection, topology);
    expect(again.messages.map((letter) => letter.messageId)).toEqual(
      first.messages.map((letter) => letter.messageId),
    );
    expect(again.messages.every((letter) => letter.redelivered)).toBe(true);

    const limited = await listDeadLetters(broker.connection, topology, { limit: 2 });
    expect(limited.total).toBe(4);
    expect(jobIds(limited.messages)).toEqual(['job-1', 'job-2']);
    const expired = await listDeadLetters(broker.connection, topology, { reason: 'expired' });
    expect(jobIds(expired.messages)).toEqual(['job-1', 'job-3']);

    expect(jobIds(await all(broker))).toEqual(['job-1', 'job-2', undefined, 'job-3']);
    expect(await broker.deadLetterCount()).toBe(4);
  });

  it('keeps the order of the rest through show, replay and purge', async () => {
    await refuseFour(broker);
    const { connection, topology } = broker;
    const [first, second, , fourth] = await all(broker);

    await showDeadLetter(connection, topology, second?.messageId ?? '');
    expect(jobIds(await all(broker))).toEqual(['job-1', 'job-2', undefined, 'job-3']);
    await replayDeadLetters(connection, topology, { messageIds: [second?.messageId ?? ''] });
    expect(jobIds(await all(broker))).toEqual(['job-1', undefined, 'job-3']);
    await purgeDeadLetters(connection, topology, { messageIds: [first?.messageId ?? ''] });
    expect(jobIds(await all(broker))).toEqual([undefined, 'job-3']);
    expect((await all(broker))[1]?.messageId).toBe(fourth?.messageId);
  });
});

describe('dead-letter operator tools', () => {
  let broker: Broker;
  let contents: Uint8Array[];
  beforeEach(async () => {
    broker = await Broker.start();
    contents = await refuseFour(broker);
  });
  afterEach(async () => {
    await broker.stop();
  });

  it('shows one message by id, with its headers and its envelope decoded but not verified', async () => {
    const [, second] = await all(broker);
    const shown = await showDeadLetter(broker.connection, broker.topology, second?.messageId ?? '');
    expect(shown).toMatchObject({
      messageId: second?.messageId,
      reason: 'unknown_key',
      detail: 'refused: unknown_key',
      contentType: 'application/x-protobuf',
      envelope: {
        verified: false,
        sender: manager,
        keyId: identity.keyId,
        recipient: ANY_RECIPIENT,
        protocolVersion: 1,
        bodyKind: 'jobRequest',
        jobId: 'job-2',
        jobType,
      },
    });
    expect(shown.size).toBe(contents[1]?.byteLength);
    expect(Date.parse(shown.deadLetteredAt ?? '')).not.toBeNaN();
    expect(shown.headers).toMatchObject({
      traceparent: expect.any(String),
      'x-caroni-reason': 'unknown_key',
      'x-caroni-original-exchange': broker.names.jobsExchange,
    });
    expect(await broker.deadLetterCount()).toBe(4);

    await expect(
      showDeadLetter(broker.connection, broker.topology, 'no-such-id'),
    ).rejects.toMatchObject({ code: 'dead_letter_not_found' });
    await expect(
      listDeadLetters(broker.connection, {
        ...broker.topology,
        prefix: `${broker.topology.prefix}_x`,
      }),
    ).rejects.toMatchObject({
      code: 'dead_letter_queue_missing',
    });
  });

  it('replays one to its original queue without the dead-letter headers; the others stay', async () => {
    const before = await all(broker);
    const chosen = before[1];
    const outcome = await replayDeadLetters(broker.connection, broker.topology, {
      messageIds: [chosen?.messageId ?? ''],
    });
    expect(outcome).toEqual({
      replayed: [
        {
          messageId: chosen?.messageId,
          exchange: broker.names.jobsExchange,
          routingKey: `${manager}.${jobType}`,
        },
      ],
      failed: [],
      notFound: [],
    });

    const arrived = await waitFor<GetMessage>(() => broker.channel.get(broker.jobQueue), {
      what: 'the replayed request',
    });
    expect(arrived.content.equals(contents[1] ?? Buffer.alloc(0))).toBe(true);
    expect(arrived.properties.messageId).toBe(chosen?.messageId);
    expect(arrived.properties.contentType).toBe('application/x-protobuf');
    const headers = Object.keys(arrived.properties.headers ?? {});
    expect(headers).toContain('traceparent');
    expect(headers.filter((name) => name.startsWith('x-caroni-'))).toEqual([]);

    expect(jobIds(await all(broker))).toEqual(['job-1', undefined, 'job-3']);
  });

  it('leaves a replay that cannot be routed, or whose exchange is gone, in the queue with the error', async () => {
    const { channel, names } = broker;
    await channel.assertExchange(broker.goneExchange, 'fanout', { durable: false });
    const goneQueue = await declareJobQueue(channel, broker.topology, 'site-b', jobType);
    await channel.bindQueue(goneQueue, broker.goneExchange, '');
    await broker.refuse(jobRequest('job-gone-exchange'), 'lost', {
      exchange: broker.goneExchange,
      routingKey: '',
      queue: goneQueue,
    });
    await broker.refuse(jobRequest('job-unroutable'), 'lost', {
      routingKey: names.jobRoutingKey('site-b', jobType),
      queue: goneQueue,
    });
    await broker.refuse(jobRequest('job-routable'), 'lost');
    await channel.deleteExchange(broker.goneExchange);
    await channel.deleteQueue(goneQueue);

    const outcome = await replayDeadLetters(broker.connection, broker.topology, {
      reason: 'lost',
    });
    expect(outcome.failed.map(({ code }) => code)).toEqual(['replay_refused', 'unroutable']);
    expect(outcome.failed[0]?.error).toMatch(/no exchange/);
    expect(outcome.failed[1]?.error).toMatch(
      `no queue is bound for ${names.jobsExchange}/site-b.echo`,
    );
    // The exchange that was gone closed a channel; the publisher opened another for the rest.
    expect(outcome.replayed).toHaveLength(1);

    expect(jobIds(await all(broker))).toEqual([
      'job-1',
      'job-2',
      undefined,
      'job-3',
      'job-gone-exchange',
      'job-unroutable',
    ]);
    const arrived = await waitFor(() => channel.get(broker.jobQueue), { what: 'the replay' });
    expect(arrived.properties.headers?.['x-caroni-reason']).toBeUndefined();
  });

  it('purges by reason and by id, and purges everything only with yes', async () => {
    const { connection, topology } = broker;
    const purgedExpired = await purgeDeadLetters(connection, topology, {
      reason: 'expired',
    });
    expect(purgedExpired.purged).toBe(2);
    const left = await all(broker);
    expect(jobIds(left)).toEqual(['job-2', undefined]);

    const byId = await purgeDeadLetters(connection, topology, {
      messageIds: [left[1]?.messageId ?? '', 'no-such-id'],
    });
    expect(byId).toEqual({ purged: 1, messageIds: [left[1]?.messageId], notFound: ['no-such-id'] });
    expect(jobIds(await all(broker))).toEqual(['job-2']);

    await expect(purgeDeadLetters(connection, topology, { all: true })).rejects.toMatchObject({
      code: 'confirmation_required',
    });
    expect(await broker.deadLetterCount()).toBe(1);
    expect(await purgeDeadLetters(connection, topology, { all: true }, { yes: true })).toEqual({
      purged: 1,
      messageIds: [],
      notFound: [],
    });
    expect(await broker.deadLetterCount()).toBe(0);
  });

  it('prints a table and JSON lines from the command, and refuses to purge everything without --yes', async () => {
    const env = {
      AMQP_URL: testAmqpUrl,
      CARONI_BROKER_PREFIX: broker.topology.prefix,
      CARONI_QUEUE_TYPE: broker.topology.queueType,
    };
    const listed = await caroni(['dead-letters', 'list'], env);
    expect(listed.stderr).toBe(`4 shown of 4 in ${broker.names.deadLetterQueue}\n`);
    expect(listed.code).toBe(0);
    const [header, ...rows] = listed.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^MESSAGE ID +DEAD-LETTERED AT +REASON +ORIGINAL DESTINATION +BODY/);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/unknown_key +\S+\.jobs\/site-a\.echo +jobRequest site-a→\*/);
    expect(rows[2]).toMatch(/malformed .*\(not a Caroni envelope\) +64 +refused: malformed$/);

    const json = await caroni(['dead-letters', 'list', '--json', '--limit', '3'], env);
    expect(json.code).toBe(0);
    const lines = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as DeadLetter);
    expect(lines.map((letter) => letter.reason)).toEqual(['expired', 'unknown_key', 'malformed']);

    const refused = await caroni(['dead-letters', 'purge'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^caroni: purging every dead letter cannot be undone: add --yes/,
    );
    expect(await broker.deadLetterCount()).toBe(4);
  });
});
