import { setTimeout as sleep } from 'node:timers/promises';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Handler } from '../../../agent/handler.ts';
import { startAgent, type RunningAgent } from '../../../agent/main.ts';
import { addTrustedManager, removeTrustedManager } from '../../../agent/trust.ts';
import {
  ConfirmedPublisher,
  declareJobQueue,
  declarePinnedQueue,
  declareReplyQueue,
  declareShared,
  priorityBands,
  topologyNames,
  type PriorityBand,
  type Topology,
} from '../../../common/broker.ts';
import type { Sql } from '../../../common/db.ts';
import { jobReplyBody, open } from '../../../common/envelope.ts';
import type { JsonObject } from '../../../common/json.ts';
import {
  generateIdentity,
  loadOrInitIdentity,
  publicKeyPem,
  type Identity,
} from '../../../common/keys.ts';
import { createLogger } from '../../../common/log.ts';
import { toStruct } from '../../../common/struct.ts';
import type { caroni } from '../../../proto/generated/caroni.js';
import { agentTestEnv } from '../../support/agent-env.ts';
import { deleteBrokerTopology, testAmqpUrl, uniqueName, waitFor } from '../../support/isolation.ts';

/** The header that ties a dead letter to the hostile case that caused it (dead letters keep headers). */
export const caseHeader = 'x-hostile-case';

export const echoType = 'hostile.echo';
export const waitType = 'hostile.wait';
const jobTypes = [echoType, waitType];

/** Where a hostile message goes: a job queue (any band), the pinned queue, or the control queue. */
export type Target =
  | { kind: 'job'; manager: string; band: PriorityBand; jobType?: string }
  | { kind: 'pinned'; manager: string }
  | { kind: 'control' };

/** What the agent made of a message, from its dead letter. */
export interface DeadLetterSeen {
  reason: string | undefined;
  detail: string | undefined;
}

/**
 * An agent under attack, with the parties around it: `trusted` (the manager
 * whose queues take the attacks), `other` (a second trusted manager),
 * `revoked` (trusted once, no longer) and the test's eyes: every reply of the
 * agent, every dead letter (by hostile case) and every handler call.
 */
export class AgentHarness {
  readonly replies: caroni.v1.Envelope[] = [];
  readonly deadLetters = new Map<string, DeadLetterSeen[]>();
  private readonly cleanups: (() => Promise<unknown>)[] = [];

  private constructor(
    readonly sql: Sql,
    readonly topology: Topology,
    readonly agentId: string,
    readonly agentIdentity: Identity,
    readonly trusted: Identity,
    readonly other: Identity,
    readonly revoked: Identity,
    private readonly publisher: ConfirmedPublisher,
    private readonly channel: ConfirmChannel,
    private running: RunningAgent | undefined,
  ) {}

  static async start(): Promise<AgentHarness> {
    const cleanups: (() => Promise<unknown>)[] = [];
    const { topology, sql, config } = await agentTestEnv(cleanups, { slots: 2 });
    await sql`create table handler_calls (
      id serial primary key, job_id text not null, at timestamptz not null default clock_timestamp())`;
    const [trusted, other, revoked] = ['site', 'site', 'site'].map((p) =>
      generateIdentity(uniqueName(p)),
    ) as [Identity, Identity, Identity];
    const managers = [trusted, other, revoked];
    for (const manager of managers) {
      await addTrustedManager(sql, {
        managerId: manager.id,
        publicKeyPem: publicKeyPem(manager.publicKey),
      });
    }
    const connection: ChannelModel = await amqp.connect(testAmqpUrl);
    cleanups.push(() =>
      deleteBrokerTopology(
        topology.prefix,
        managers.map((m) => m.id),
        jobTypes,
        [config.agent.id],
      ),
    );
    cleanups.push(() => connection.close());
    const channel = await connection.createConfirmChannel();
    await declareShared(channel, topology);
    for (const manager of managers) {
      for (const jobType of jobTypes) {
        for (const band of priorityBands)
          await declareJobQueue(channel, topology, manager.id, jobType, band);
      }
      await declarePinnedQueue(channel, topology, config.agent.id, manager.id);
    }
    const agentIdentity = await loadOrInitIdentity(config.keysDir, config.agent.id);
    const harness = new AgentHarness(
      sql,
      topology,
      config.agent.id,
      agentIdentity,
      trusted,
      other,
      revoked,
      new ConfirmedPublisher(channel),
      channel,
      undefined,
    );
    harness.cleanups.push(...cleanups);
    const trustsAgent = (sender: string, keyId: string) =>
      sender === agentIdentity.id && keyId === agentIdentity.keyId
        ? agentIdentity.publicKey
        : undefined;
    for (const manager of managers) {
      const queue = await declareReplyQueue(channel, topology, manager.id);
      await channel.consume(queue, (message) => {
        if (!message) return;
        harness.replies.push(open(message.content, manager.id, trustsAgent).envelope);
        channel.ack(message);
      });
    }
    await channel.consume(
      topologyNames(topology.prefix).deadLetterQueue,
      (message) => {
        if (!message) return;
        const headers = message.properties.headers ?? {};
        const id = headerText(headers[caseHeader]);
        if (id === undefined) return;
        const seen = harness.deadLetters.get(id) ?? [];
        seen.push({
          reason: headerText(headers['x-caroni-reason']),
          detail: headerText(headers['x-caroni-detail']),
        });
        harness.deadLetters.set(id, seen);
      },
      { noAck: true },
    );
    const handlers: Record<string, Handler> = {
      [echoType]: async (params, ctx) => {
        await harness.recordCall(ctx.jobId);
        const ms = typeof params.ms === 'number' ? params.ms : 0;
        await sleep(ms, undefined, { signal: ctx.signal });
        return params;
      },
      // Runs until cancelled (or params.ms passes).
      [waitType]: async (params, ctx) => {
        await harness.recordCall(ctx.jobId);
        const ms = typeof params.ms === 'number' ? params.ms : 60_000;
        await sleep(ms, undefined, { signal: ctx.signal });
        return { waitedMs: ms };
      },
    };
    harness.running = await startAgent(config, {
      sql,
      handlers,
      log: createLogger('hostile-agent', process.env.LOG_LEVEL ?? 'silent'),
      options: { trustRefreshMs: 200, stopTimeoutMs: 5_000 },
    });
    // Revoked after the agent loaded it: its key was good once, and is no longer.
    await removeTrustedManager(sql, revoked.id);
    await harness.running.agent.reloadTrust();
    return harness;
  }

  get agent(): RunningAgent {
    if (!this.running) throw new Error('the agent is not running');
    return this.running;
  }

  private async recordCall(jobId: string): Promise<void> {
    await this.sql`insert into handler_calls (job_id) values (${jobId})`;
  }

  /** Job ids whose handler ran, in order. */
  async calls(): Promise<string[]> {
    return (await this.sql<{ job_id: string }[]>`select job_id from handler_calls order by id`).map(
      (row) => row.job_id,
    );
  }

  /** The ledger's rows, by job id. */
  async ledger(): Promise<Map<string, string>> {
    const rows = await this.sql<
      { job_id: string; status: string }[]
    >`select job_id, status from jobs`;
    return new Map(rows.map((row) => [row.job_id, row.status]));
  }

  /** A well-formed job request of `manager` (default: the trusted one), for the agent. */
  request(
    jobId: string,
    overrides: Partial<caroni.v1.IJobRequest> = {},
    manager: Identity = this.trusted,
    params: JsonObject = {},
  ): caroni.v1.IJobRequest {
    return {
      jobId,
      ref: { manager: manager.id, namespace: 'ns', workflowId: 'wf', runId: 'run', stepId: jobId },
      attempt: 1,
      jobType: echoType,
      parameters: toStruct(params),
      queueDeadlineMs: Date.now() + 120_000,
      runTimeoutMs: 30_000,
      progressIntervalMs: 1_000,
      idempotencyKey: `key-${jobId}`,
      ...overrides,
    };
  }

  /** Publishes `bytes` to `target`, tagged with `caseId`; resolves once the broker has routed it. */
  async publish(
    target: Target,
    bytes: Uint8Array,
    caseId: string,
    headers: Record<string, unknown> = {},
  ): Promise<void> {
    const names = topologyNames(this.topology.prefix);
    const tagged = { ...headers, [caseHeader]: caseId };
    if (target.kind === 'job') {
      const key = names.jobRoutingKey(target.manager, target.jobType ?? echoType, target.band);
      await this.publisher.publish(names.jobsExchange, key, bytes, { headers: tagged });
    } else {
      const queue =
        target.kind === 'pinned'
          ? names.pinnedQueue(this.agentId, target.manager)
          : names.controlQueue(this.agentId);
      await this.publisher.publish('', queue, bytes, { headers: tagged });
    }
  }

  /** Replies of the agent about `jobId`. */
  repliesOf(jobId: string): caroni.v1.Envelope[] {
    return this.replies.filter((envelope) => jobReplyBody(envelope)?.jobId === jobId);
  }

  /** Waits for the `index`-th result of `jobId`. */
  result(jobId: string, index = 0, timeoutMs = 30_000): Promise<caroni.v1.JobResult> {
    return waitFor(
      () =>
        this.repliesOf(jobId).flatMap((envelope) =>
          envelope.jobResult ? [envelope.jobResult as caroni.v1.JobResult] : [],
        )[index],
      { what: `result ${index} of ${jobId}`, timeoutMs },
    );
  }

  /**
   * Waits until every case in `caseIds` has a dead letter, or `timeoutMs`
   * passes. @returns the cases still without one (each a message the agent
   * neither refused nor took: lost, or going round its queue for ever).
   */
  async awaitDeadLetters(caseIds: Iterable<string>, timeoutMs = 60_000): Promise<string[]> {
    const ids = [...caseIds];
    const missing = () => ids.filter((id) => !this.deadLetters.has(id));
    await waitFor(() => missing().length === 0, { timeoutMs, what: 'dead letters' }).catch(
      () => undefined,
    );
    return missing();
  }

  /** Ready and unacked messages left in the queues the agent takes from. */
  async leftInQueues(): Promise<number> {
    const names = topologyNames(this.topology.prefix);
    const queues = [
      names.controlQueue(this.agentId),
      ...[this.trusted, this.other].flatMap((manager) => [
        names.pinnedQueue(this.agentId, manager.id),
        ...jobTypes.flatMap((jobType) =>
          priorityBands.map((band) => names.jobQueue(manager.id, jobType, band)),
        ),
      ]),
    ];
    let total = 0;
    for (const queue of queues) total += (await this.channel.checkQueue(queue)).messageCount;
    return total;
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = undefined;
    for (const cleanup of this.cleanups.reverse()) await cleanup();
  }
}

function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
}
