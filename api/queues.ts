import type { Channel, ChannelModel } from 'amqplib';
import type { Sql } from 'postgres';
import {
  connectBroker,
  priorityBands,
  topologyNames,
  type PriorityBand,
} from '../common/broker.ts';
import { listTrustedAgentIds } from '../bridge/trust.ts';
import { isQuiet, listTrustedAds } from '../db/agents-seen.ts';

/** Jobs of this site waiting in the broker, and the agents that serve it. */
export interface QueueView {
  jobTypes: { jobType: string; queued: Record<PriorityBand, number>; total: number }[];
  /** Jobs pinned to one agent (a placement, or after an untrusted agent took them). */
  pinned: { agentId: string; queued: number }[];
  agents: {
    agentId: string;
    capacity: number;
    load: number;
    loadForSite: number;
    draining: boolean;
    quiet: boolean;
    announcedAt: string;
  }[];
}

/**
 * Reads queue depths with passive declares on a connection of its own,
 * opened on first use. Only this site's queues are named, so a site never
 * learns of another's work.
 */
export class QueueInspector {
  private connection: Promise<ChannelModel> | undefined;
  private channel: Channel | undefined;

  constructor(private readonly options: { url: string; prefix: string; managerId: string }) {}

  /** @throws BrokerError `broker_unreachable` when RabbitMQ cannot be reached. */
  async view(sql: Sql): Promise<QueueView> {
    const names = topologyNames(this.options.prefix);
    const manager = this.options.managerId;
    const jobTypes = await sql<{ name: string }[]>`select name from job_types order by name`;
    const byType = [];
    for (const { name } of jobTypes) {
      const queued = { high: 0, normal: 0, low: 0 };
      for (const band of priorityBands)
        queued[band] = await this.depth(names.jobQueue(manager, name, band));
      byType.push({ jobType: name, queued, total: queued.high + queued.normal + queued.low });
    }
    const pinned = [];
    for (const agentId of await listTrustedAgentIds(sql))
      pinned.push({ agentId, queued: await this.depth(names.pinnedQueue(agentId, manager)) });
    const now = Date.now();
    const agents = (await listTrustedAds(sql)).map((ad) => ({
      agentId: ad.agentId,
      capacity: ad.capacity,
      load: ad.load,
      loadForSite: ad.loadForSite,
      draining: ad.draining,
      quiet: isQuiet(ad, now),
      announcedAt: new Date(ad.announcedAtMs).toISOString(),
    }));
    return { jobTypes: byType, pinned, agents };
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = this.channel = undefined;
    await (await connection?.catch(() => undefined))?.close().catch(() => undefined);
  }

  /** Messages ready in `queue`; 0 for a queue not declared yet (the broker closes the channel then). */
  private async depth(queue: string): Promise<number> {
    const channel = await this.getChannel();
    try {
      return (await channel.checkQueue(queue)).messageCount;
    } catch (error) {
      if (this.channel === channel) this.channel = undefined;
      if ((error as { code?: number }).code === 404) return 0;
      throw error;
    }
  }

  private async getChannel(): Promise<Channel> {
    if (this.channel) return this.channel;
    if (!this.connection) {
      const connecting = connectBroker(
        this.options.url,
        `caroni-api-${this.options.managerId}`,
      ).then((connection) => {
        connection.on('error', () => undefined);
        connection.on('close', () => {
          if (this.connection === connecting) this.connection = this.channel = undefined;
        });
        return connection;
      });
      this.connection = connecting;
    }
    const connecting = this.connection;
    try {
      const connection = await connecting;
      const channel = await connection.createChannel();
      // A passive declare of a missing queue closes the channel: expected, not worth a log line.
      channel.on('error', () => undefined);
      this.channel = channel;
      return channel;
    } catch (error) {
      if (this.connection === connecting) this.connection = undefined;
      throw error;
    }
  }
}
