import { EventEmitter } from 'node:events';
import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';
import { BrokerError, connectBroker } from './broker.ts';
import type { Logger } from './log.ts';

/**
 * What Caroni's consumers and publishers need of a broker connection. A plain
 * amqplib connection fits (its `close` means gone for good); so does
 * {@link ResilientConnection}, which also emits `restored` after a reconnect.
 */
export interface ChannelSource {
  createChannel(): Promise<Channel>;
  createConfirmChannel(): Promise<ConfirmChannel>;
  on(event: 'close' | 'restored', listener: () => void): unknown;
}

export interface ResilientOptions {
  url: string;
  /** Shown in RabbitMQ's management UI. */
  name: string;
  log: Logger;
  /** First pause before reconnecting; doubled per failed try up to `maxDelayMs`. Default 500 ms. */
  initialDelayMs?: number;
  /** Default 30 s. */
  maxDelayMs?: number;
}

/**
 * A broker connection that comes back: when RabbitMQ drops it (a restart, a
 * network cut) it reconnects with exponential backoff and emits `restored`,
 * so each user opens its channels and declares its queues again. While it is
 * down, opening a channel fails at once (`broker_unavailable`) instead of
 * waiting, so callers keep their own retry pace. `close` is emitted only
 * when {@link close} is called: then it is gone for good.
 */
export class ResilientConnection extends EventEmitter implements ChannelSource {
  /** Reconnections since start. */
  reconnects = 0;
  private current: ChannelModel | undefined;
  private closing = false;
  private retryTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly options: ResilientOptions) {
    super();
  }

  /**
   * Connects once; later losses are healed in the background.
   *
   * @throws BrokerError `broker_unreachable` when the first connection fails.
   */
  static async open(options: ResilientOptions): Promise<ResilientConnection> {
    const connection = new ResilientConnection(options);
    connection.adopt(await connectBroker(options.url, options.name));
    return connection;
  }

  /** True while a connection is up. */
  get connected(): boolean {
    return this.current !== undefined;
  }

  createChannel(): Promise<Channel> {
    return this.live().createChannel();
  }

  createConfirmChannel(): Promise<ConfirmChannel> {
    return this.live().createConfirmChannel();
  }

  /** Closes the connection for good (and stops reconnecting); emits `close`. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retryTimer);
    const current = this.current;
    this.current = undefined;
    await current?.close().catch(() => undefined);
    this.emit('close');
  }

  private live(): ChannelModel {
    if (this.current) return this.current;
    throw new BrokerError('broker_unavailable', 'the broker connection is down; reconnecting');
  }

  private adopt(connection: ChannelModel): void {
    this.current = connection;
    connection.on('error', (error: unknown) =>
      this.options.log.warn({ err: error }, 'broker connection error'),
    );
    connection.on('close', () => {
      if (this.current !== connection) return;
      this.current = undefined;
      if (this.closing) return;
      this.options.log.error('broker connection lost; reconnecting');
      this.emit('lost');
      this.reconnect(this.options.initialDelayMs ?? 500);
    });
  }

  private reconnect(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      connectBroker(this.options.url, this.options.name).then(
        (connection) => {
          if (this.closing) {
            void connection.close().catch(() => undefined);
            return;
          }
          this.reconnects += 1;
          this.adopt(connection);
          this.options.log.info({ reconnects: this.reconnects }, 'broker connection restored');
          this.emit('restored');
        },
        () => this.reconnect(Math.min(delayMs * 2, this.options.maxDelayMs ?? 30_000)),
      );
    }, delayMs);
  }
}
