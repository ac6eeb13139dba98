import type { Channel, Message } from 'amqplib';
import {
  BrokerError,
  declareJobQueue,
  declarePinnedQueue,
  declareShared,
  type PriorityBand,
  type Topology,
} from '../common/broker.ts';
import type { ChannelSource } from '../common/broker-connection.ts';
import type { Logger } from '../common/log.ts';
import { DeficitRoundRobin, type ShareConfig } from './fair-share.ts';

/**
 * One queue the agent takes work from: a (manager, job type, band) queue
 * shared with the other agents, or the manager's queue pinned to this agent.
 */
export type JobSource = {
  queue: string;
  manager: string;
} & ({ kind: 'shared'; jobType: string; band: PriorityBand } | { kind: 'pinned'; agent: string });

/**
 * Which of a manager's queues is taken from first: the high band, then jobs
 * pinned to this agent (asked of it alone), then the normal and low bands.
 */
function rank(source: JobSource): number {
  if (source.kind === 'pinned') return 1;
  return { high: 0, normal: 2, low: 3 }[source.band];
}

/** A message taken with a slot reserved for it; settle it exactly once. */
export interface Delivery {
  message: Message;
  source: JobSource;
  /** `performance.now()` when the message reached the agent and took its slot: where slot time starts. */
  takenAt: number;
  ack(): void;
  /** Puts the message back in its queue. */
  requeue(): void;
}

export interface IntakeOptions {
  connection: ChannelSource;
  topology: Topology;
  slots: number;
  /** The queues to take from now; asked again on every {@link Intake.update}. */
  sources: () => JobSource[];
  /** Each source manager's fair-share weight and quota; asked again on every update. */
  shares: () => ShareConfig[];
  /** Called with a slot reserved; the slot is held until {@link Intake.release}. */
  onDelivery: (delivery: Delivery) => void;
  log: Logger;
  /** Pause before a channel the broker closed is opened again. Default 1 s. */
  reopenDelayMs?: number;
}

/**
 * Takes messages only while a slot is free, and shares the slots between
 * managers by weighted deficit round robin (see {@link DeficitRoundRobin}).
 *
 * While slots are free it pulls (`basic.get`): the scheduler names a
 * manager, the intake takes one message from that manager's queues, and so
 * on until the slots are full or every manager's queues are empty. Then,
 * with slots still free, it watches: one consumer per queue (`prefetch(1)`
 * per consumer, never global QoS: quorum queues refuse it) so the first new
 * message wakes it; that message is taken and it pulls again. When the slots
 * are full every consumer is cancelled, and each freed slot pulls the next
 * job from the manager whose turn it is: under saturation each manager gets
 * its weight's share of the slots, and a message is never held while it
 * waits, so an idle sibling agent can take it.
 */
export class Intake {
  private channel: Channel | undefined;
  private declareChannel: Channel | undefined;
  private readonly consumers = new Map<string, string>();
  private readonly declared = new Set<string>();
  /** Deliveries put back because no slot was free when they arrived (or their queue was no longer wanted). */
  requeued = 0;
  private busy = 0;
  private stopping = false;
  private draining = false;
  private connectionClosed = false;
  private pausedUntil = 0;
  private pauseTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  private running: Promise<void> | undefined;
  /** Updates asked for, and the last of them a finished pass has covered: what {@link settled} waits on. */
  private requested = 0;
  private covered = 0;
  private readonly waiters: { upTo: number; resolve: () => void }[] = [];
  private readonly fairShare = new DeficitRoundRobin();
  /** Per manager and rank, the queue its next pull starts from, so its job types take turns too. */
  private readonly nextQueue = new Map<string, number>();

  constructor(private readonly options: IntakeOptions) {
    options.connection.on('close', () => {
      this.connectionClosed = true;
    });
    // After a reconnect: open channels, declare and consume again.
    options.connection.on('restored', () => this.update());
  }

  /** Declares the shared topology and starts consuming. @throws BrokerError when the broker refuses the declarations. */
  async start(): Promise<void> {
    const { topology } = this.options;
    try {
      await declareShared(await this.getDeclareChannel(), topology);
    } catch (error) {
      throw new BrokerError(
        'declare_failed',
        `cannot declare the queues under prefix ${topology.prefix} (${(error as Error).message}): ` +
          `an "inequivalent arg" means CARONI_QUEUE_TYPE (${topology.queueType}) differs from the queues already on the broker`,
        { cause: error },
      );
    }
    this.update();
    await this.settled();
  }

  /** Frees the slot of a delivery once its job is done (or it was refused or answered). */
  release(delivery: Delivery): void {
    this.busy -= 1;
    this.fairShare.finished(delivery.source.manager);
    this.update();
  }

  /** Stops taking messages for `ms` (the database or broker is failing: no hot redelivery loop). */
  pauseFor(ms: number): void {
    this.pausedUntil = Date.now() + ms;
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => this.update(), ms);
    this.update();
  }

  /**
   * While draining, takes no new work: every consumer is cancelled and
   * nothing is pulled; deliveries already taken run on. Resolves once the
   * consumer changes have reached the broker.
   */
  async setDraining(draining: boolean): Promise<void> {
    this.draining = draining;
    this.update();
    await this.settled();
  }

  /** Brings the consumers in line with the free slots and {@link IntakeOptions.sources}. */
  update(): void {
    this.dirty = true;
    this.requested += 1;
    this.running ??= (async () => {
      while (this.dirty) {
        this.dirty = false;
        const upTo = this.requested;
        await this.reconcile().catch((error: unknown) =>
          this.options.log.error({ err: error }, 'could not update job consumers'),
        );
        this.markCovered(upTo);
      }
    })().finally(() => {
      this.running = undefined;
    });
  }

  /**
   * Resolves once the changes asked for so far have reached the broker: a
   * pass that started after them has finished. Later updates (every freed
   * slot asks for one) do not hold it up.
   */
  settled(): Promise<void> {
    const upTo = this.requested;
    if (this.covered >= upTo) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo, resolve }));
  }

  private markCovered(upTo: number): void {
    this.covered = Math.max(this.covered, upTo);
    for (const waiter of [...this.waiters]) {
      if (waiter.upTo > this.covered) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /** Cancels every consumer; messages already taken can still be settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.pauseTimer);
    this.update();
    await this.settled();
  }

  /** Closes the channels; unsettled messages go back to their queues. */
  async close(): Promise<void> {
    await this.stop();
    const channels = [this.channel, this.declareChannel];
    this.channel = this.declareChannel = undefined;
    for (const channel of channels) await channel?.close().catch(() => undefined);
  }

  private wantsWork(): boolean {
    return (
      !this.stopping &&
      !this.draining &&
      !this.connectionClosed &&
      this.busy < this.options.slots &&
      Date.now() >= this.pausedUntil
    );
  }

  private async reconcile(): Promise<void> {
    const sources = this.wantsWork() ? this.options.sources() : [];
    if (sources.length > 0) {
      this.fairShare.configure(this.options.shares());
      await this.pullWhileFree(sources);
    }
    // Slots still free: every queue is empty for now, so watch them all.
    const watched = new Map(
      this.wantsWork()
        ? sources
            .filter((source) => this.fairShare.belowQuota(source.manager))
            .map((source) => [source.queue, source])
        : [],
    );
    for (const [queue, tag] of [...this.consumers]) {
      if (watched.has(queue)) continue;
      this.consumers.delete(queue);
      await this.channel?.cancel(tag);
    }
    for (const source of watched.values()) {
      if (this.consumers.has(source.queue) || !this.wantsWork()) continue;
      // One queue that cannot be consumed (declared with other arguments) must not block the rest.
      await this.consume(source).catch((error: unknown) =>
        this.options.log.error({ err: error, queue: source.queue }, 'cannot consume a job queue'),
      );
    }
  }

  /** Takes one message per free slot, from the manager whose turn it is, until all are empty. */
  private async pullWhileFree(sources: JobSource[]): Promise<void> {
    const byManager = new Map<string, JobSource[]>();
    for (const source of sources) {
      byManager.set(source.manager, [...(byManager.get(source.manager) ?? []), source]);
    }
    const empty = new Set<string>();
    while (this.wantsWork()) {
      const manager = this.fairShare.next((id) => byManager.has(id) && !empty.has(id));
      if (manager === undefined) return;
      let taken = false;
      try {
        taken = await this.pullOne(manager, byManager.get(manager) ?? []);
      } finally {
        if (!taken) {
          this.fairShare.unstarted(manager);
          empty.add(manager);
        }
      }
    }
  }

  /**
   * Takes the next message of one of `manager`'s queues: the highest-ranked
   * queue with work (see {@link rank}), its job types in turn within a rank.
   */
  private async pullOne(manager: string, sources: JobSource[]): Promise<boolean> {
    for (const source of sources) await this.declare(source);
    // One pipelined round of passive declares instead of a get per empty queue: a manager
    // has a queue per job type and band, and most are empty at any moment.
    const ready = await this.readyQueues(sources);
    const ranks = [...new Set(sources.map(rank))].sort((a, b) => a - b);
    for (const level of ranks) {
      const group = sources.filter((source) => rank(source) === level && ready(source));
      const key = `${manager}/${level}`;
      const start = this.nextQueue.get(key) ?? 0;
      for (let i = 0; i < group.length; i++) {
        const source = group[(start + i) % group.length];
        if (!source) continue;
        const channel = await this.getChannel();
        const message = await channel.get(source.queue, { noAck: false });
        if (message === false) continue;
        if (!this.wantsWork()) {
          // While this get was on its way a watched queue delivered, or a drain began: the slot is gone.
          this.requeued += 1;
          channel.nack(message, false, true);
          return false;
        }
        this.nextQueue.set(key, (start + i + 1) % group.length);
        this.busy += 1;
        this.options.onDelivery(this.delivery(channel, message, source));
        return true;
      }
    }
    return false;
  }

  /**
   * Which of `sources` hold messages ready now (by passive declares, sent
   * together). Counts can be stale by the time of the get, which then finds
   * the queue empty and moves on; if the check fails every queue counts as
   * ready, and the gets find out.
   */
  private async readyQueues(sources: JobSource[]): Promise<(source: JobSource) => boolean> {
    try {
      const channel = await this.getDeclareChannel();
      const counts = await Promise.all(
        sources.map(async (source) => (await channel.checkQueue(source.queue)).messageCount),
      );
      const ready = new Set(sources.filter((_, index) => (counts[index] ?? 0) > 0));
      return (source) => ready.has(source);
    } catch (error) {
      this.options.log.debug({ err: error }, 'could not count ready messages; probing every queue');
      return () => true;
    }
  }

  private async declare(source: JobSource): Promise<void> {
    if (this.declared.has(source.queue)) return;
    // Declared here too, with the bridge's fixed arguments, so start order does not matter.
    const channel = await this.getDeclareChannel();
    const { topology } = this.options;
    if (source.kind === 'pinned')
      await declarePinnedQueue(channel, topology, source.agent, source.manager);
    else await declareJobQueue(channel, topology, source.manager, source.jobType, source.band);
    this.declared.add(source.queue);
  }

  private async consume(source: JobSource): Promise<void> {
    await this.declare(source);
    const channel = await this.getChannel();
    const { consumerTag } = await channel.consume(
      source.queue,
      (message) => {
        if (message) this.take(channel, message, source);
        else this.cancelledByBroker(source.queue);
      },
      { noAck: false },
    );
    this.consumers.set(source.queue, consumerTag);
  }

  private delivery(channel: Channel, message: Message, source: JobSource): Delivery {
    let settled = false;
    const settle = (what: string, action: () => void) => {
      if (settled) return;
      settled = true;
      try {
        action();
      } catch (error) {
        // The channel closed under us: the broker requeues the message itself.
        this.options.log.warn(
          { err: error, messageId: message.properties.messageId },
          `could not ${what} a message`,
        );
      }
    };
    return {
      message,
      source,
      takenAt: performance.now(),
      ack: () => settle('ack', () => channel.ack(message)),
      requeue: () => settle('requeue', () => channel.nack(message, false, true)),
    };
  }

  /** A watched queue delivered: take it if a slot is free, then pull again (there may be more). */
  private take(channel: Channel, message: Message, source: JobSource): void {
    const delivery = this.delivery(channel, message, source);
    const current = this.options.sources().some((s) => s.queue === source.queue);
    if (!this.wantsWork() || !current || !this.fairShare.belowQuota(source.manager)) {
      // No slot, its manager is at quota, or its queue is no longer ours (trust changed, or
      // draining): cancel first, then put it back, so it is not handed straight back.
      this.requeued += 1;
      this.update();
      void this.settled().then(delivery.requeue);
      return;
    }
    this.busy += 1;
    this.fairShare.charge(source.manager);
    this.update();
    this.options.onDelivery(delivery);
  }

  private cancelledByBroker(queue: string): void {
    // The queue was deleted: forget it, so the next update declares it again.
    this.options.log.warn({ queue }, 'the broker cancelled a job consumer');
    this.consumers.delete(queue);
    this.declared.delete(queue);
    this.update();
  }

  private async getChannel(): Promise<Channel> {
    if (this.channel) return this.channel;
    const channel = await this.options.connection.createChannel();
    channel.on('error', (error: unknown) =>
      this.options.log.error({ err: error }, 'job channel error'),
    );
    channel.on('close', () => {
      if (this.channel !== channel) return;
      this.channel = undefined;
      this.consumers.clear();
      if (this.stopping || this.connectionClosed) return;
      this.options.log.warn('job channel closed; opening a new one');
      setTimeout(() => this.update(), this.options.reopenDelayMs ?? 1_000).unref();
    });
    // Per consumer, one unacked message each: global QoS would close a quorum queue's channel.
    await channel.prefetch(1, false);
    this.channel = channel;
    return channel;
  }

  private async getDeclareChannel(): Promise<Channel> {
    if (this.declareChannel) return this.declareChannel;
    // Its own channel: a refused declaration closes it without touching the consumers.
    const channel = await this.options.connection.createChannel();
    channel.on('error', (error: unknown) =>
      this.options.log.error({ err: error }, 'declare channel error'),
    );
    channel.on('close', () => {
      if (this.declareChannel !== channel) return;
      this.declareChannel = undefined;
      // Closed by a refused or passive declare of a queue that is gone: declare them all again.
      this.declared.clear();
    });
    this.declareChannel = channel;
    return channel;
  }
}
