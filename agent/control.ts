import type { Channel, ConsumeMessage } from 'amqplib';
import { BrokerError, declareControlQueue, type Topology } from '../common/broker.ts';
import type { ChannelSource } from '../common/broker-connection.ts';
import type { Logger } from '../common/log.ts';

export interface ControlOptions {
  connection: ChannelSource;
  topology: Topology;
  agentId: string;
  /** Resolves: the message is acked. Rejects: it goes back to the queue after a pause (the database or broker is failing). */
  onMessage: (message: ConsumeMessage) => Promise<void>;
  log: Logger;
  /** Pause before a failed message is put back, and before a closed channel is opened again. Default 1 s. */
  retryDelayMs?: number;
}

/** Control messages are short to handle; a few at once keep a burst of cancellations moving. */
const PREFETCH = 16;

/**
 * Consumes the agent's control queue (`CancelJob`) on a channel of its own,
 * always: it is never paused for lack of slots or while draining, so a
 * cancellation never waits behind work. The queue is declared here (the
 * bridge publishes to it through the default exchange), and declared and
 * consumed again if the broker deletes it or closes the channel.
 */
export class ControlConsumer {
  private channel: Channel | undefined;
  private consumerTag: string | undefined;
  private closing = false;
  private connectionClosed = false;
  private readonly inFlight = new Set<Promise<void>>();
  private reopenTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ControlOptions) {
    options.connection.on('close', () => {
      this.connectionClosed = true;
    });
    options.connection.on('restored', () => this.reopenLater());
  }

  /** Declares the control queue and consumes it. @throws BrokerError when the broker refuses. */
  async start(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      this.closing = true;
      throw new BrokerError(
        'declare_failed',
        `cannot declare or consume the control queue of ${this.options.agentId} (${(error as Error).message}): ` +
          `an "inequivalent arg" means CARONI_QUEUE_TYPE (${this.options.topology.queueType}) differs from the queue on the broker`,
        { cause: error },
      );
    }
  }

  /** Stops consuming, waits for the messages being handled, closes the channel. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reopenTimer);
    const channel = this.channel;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    this.channel = undefined;
    await channel?.close().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const channel = this.channel ?? (await this.createChannel());
    const queue = await declareControlQueue(channel, this.options.topology, this.options.agentId);
    const { consumerTag } = await channel.consume(queue, (message) => {
      if (message) this.handle(channel, message);
      else this.cancelledByBroker();
    });
    this.consumerTag = consumerTag;
  }

  private async createChannel(): Promise<Channel> {
    const { log } = this.options;
    const channel = await this.options.connection.createChannel();
    channel.on('error', (error: unknown) => log.error({ err: error }, 'control channel error'));
    channel.on('close', () => {
      if (this.channel !== channel) return;
      this.channel = this.consumerTag = undefined;
      if (!this.closing) log.warn('control channel closed; opening a new one');
      this.reopenLater();
    });
    await channel.prefetch(PREFETCH, false);
    this.channel = channel;
    return channel;
  }

  private handle(channel: Channel, message: ConsumeMessage): void {
    const settle = (action: () => void) => {
      try {
        action();
      } catch (error) {
        // The channel closed under us: the broker requeues the message itself.
        this.options.log.warn({ err: error }, 'could not settle a control message');
      }
    };
    const work = this.options
      .onMessage(message)
      .then(
        () => settle(() => channel.ack(message)),
        async (error: unknown) => {
          this.options.log.error(
            { err: error, messageId: message.properties.messageId },
            'could not handle a control message; it goes back to the queue',
          );
          // Not at once: a failing database would otherwise turn it into a hot redelivery loop.
          await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 1_000));
          settle(() => channel.nack(message, false, true));
        },
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private cancelledByBroker(): void {
    // The queue was deleted: declare it again and consume it on the same channel.
    this.options.log.warn('the broker cancelled the control consumer');
    this.consumerTag = undefined;
    this.reopenLater();
  }

  private reopenLater(): void {
    if (this.closing || this.connectionClosed) return;
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => {
      if (this.closing || this.connectionClosed || this.consumerTag) return;
      this.open().catch((error: unknown) => {
        this.options.log.error({ err: error }, 'cannot consume the control queue; retrying');
        this.reopenLater();
      });
    }, this.options.retryDelayMs ?? 1_000);
    this.reopenTimer.unref();
  }
}
