import amqp, { type ChannelModel } from 'amqplib';
import { Client, type Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReplyConsumer } from '../bridge/replies.ts';
import {
  ConfirmedPublisher,
  declareReplyQueue,
  declareShared,
  topologyNames,
} from '../common/broker.ts';
import { seal } from '../common/envelope.ts';
import { generateIdentity, publicKeyPem } from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import { ensureNamespace } from '../common/namespace.ts';
import { connectClient } from '../common/temporal.ts';
import { TrustedKeys, type TrustedParty } from '../common/trusted-keys.ts';
import {
  deleteBrokerTopology,
  testAmqpUrl,
  testTopology,
  uniqueName,
  waitFor,
} from './support/isolation.ts';

/**
 * When Temporal does not take replies (here: the bridge's namespace does not
 * exist on the server, so every signal fails), the reply consumer pauses with
 * a doubling delay instead of cycling replies through the queue, and keeps
 * every reply in the queue.
 */
describe('the reply consumer while Temporal refuses its signals', () => {
  const topology = testTopology();
  const managerId = 'site-pause';
  // Unknown to the server until the test registers it: Temporal "comes back" for this bridge then.
  const namespace = uniqueName('ns-pause');
  let temporalConnection: Connection;
  const agent = generateIdentity('agent-pause');
  let connection: ChannelModel;
  let consumer: ReplyConsumer;
  let closeClient: () => Promise<void>;

  beforeAll(async () => {
    connection = await amqp.connect(testAmqpUrl);
    const channel = await connection.createChannel();
    await declareShared(channel, topology);
    const queue = await declareReplyQueue(channel, topology, managerId);
    const temporal = await connectClient(inject('temporalAddress'));
    temporalConnection = temporal;
    closeClient = () => temporal.close();
    const trust = new TrustedKeys(async (): Promise<TrustedParty[]> => [
      { id: agent.id, publicKeyPem: publicKeyPem(agent.publicKey) },
    ]);
    await trust.refresh();
    consumer = new ReplyConsumer({
      managerId,
      namespace: namespace,
      channel: await connection.createChannel(),
      queue,
      publisher: new ConfirmedPublisher(await connection.createConfirmChannel()),
      topology,
      client: new Client({ connection: temporal, namespace: namespace }),
      trust,
      log: createLogger('test', 'silent'),
      retryDelayMs: 1_000,
    });
    const publisher = new ConfirmedPublisher(await connection.createConfirmChannel());
    for (const step of ['a', 'b', 'c']) {
      const ref = {
        manager: managerId,
        namespace: namespace,
        workflowId: 'wf',
        runId: 'run',
        stepId: step,
      };
      const bytes = seal(agent, managerId, {
        jobAccepted: { jobId: `wf/run/${step}/0`, ref, attempt: 1 },
      });
      await publisher.publish(topologyNames(topology.prefix).repliesExchange, managerId, bytes);
    }
  });

  afterAll(async () => {
    await consumer?.stop();
    await closeClient?.();
    await connection?.close();
    await deleteBrokerTopology(topology.prefix, [managerId], []);
  });

  it('pauses with a doubling delay, loses no reply, and resumes once Temporal takes them', async () => {
    const started = Date.now();
    await consumer.start();
    await waitFor(() => (consumer.stats.paused ?? 0) >= 3, {
      timeoutMs: 15_000,
      what: 'three pauses',
    });
    // Pauses of 1 s then 2 s: the third round comes after about 3 s, not after 2.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    // Each round hands every reply over once, then waits: three rounds, three replies each.
    expect(consumer.stats.retried).toBeLessThanOrEqual(9);
    // Temporal answers for the namespace now: the next round hands every reply over (the runs
    // do not exist, so each is dead-lettered as run_closed) and the queue empties.
    await ensureNamespace(temporalConnection, namespace);
    await waitFor(() => (consumer.stats.refused_run_closed ?? 0) === 3, {
      timeoutMs: 60_000,
      what: 'the consumer to resume and settle the three replies',
    });
    await consumer.stop();
    const check = await connection.createChannel();
    const { messageCount } = await waitFor(
      async () => {
        const queue = await check.checkQueue(topologyNames(topology.prefix).replyQueue(managerId));
        return queue.messageCount === 0 ? queue : undefined;
      },
      { what: 'the reply queue to be empty' },
    );
    expect(messageCount).toBe(0);
  });
});
