import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import amqp, { type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import { caroni } from '../proto/generated/caroni.js';
import { NonRetryableJobError, type Handler } from '../agent/handler.ts';
import { startAgent, type RunningAgent } from '../agent/main.ts';
import { programHandler } from '../agent/program-handler.ts';
import { addTrustedManager } from '../agent/trust.ts';
import {
  ConfirmedPublisher,
  declareJobQueue,
  declarePinnedQueue,
  declareReplyQueue,
  declareShared,
  topologyNames,
  type PriorityBand,
  type Topology,
} from '../common/broker.ts';
import { type Sql } from '../common/db.ts';
import { ANY_RECIPIENT, jobReplyBody, open, seal } from '../common/envelope.ts';
import type { JsonObject } from '../common/json.ts';
import {
  generateIdentity,
  loadOrInitIdentity,
  publicKeyPem,
  type Identity,
} from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import { fromValue, toStruct, toValue } from '../common/struct.ts';
import { fromJobUsage } from '../common/usage.ts';
import { agentTestEnv } from './support/agent-env.ts';
import { deleteBrokerTopology, testAmqpUrl, uniqueName, waitFor } from './support/isolation.ts';

const jobTypes = [
  'test.echo',
  'test.echo2',
  'test.flaky',
  'test.fail',
  'test.wait',
  'test.program',
];
const childrenScript = fileURLToPath(new URL('./fixtures/programs/children.sh', import.meta.url));

/** Handlers that record each call in the test's database before they do anything else. */
function testHandlers(sql: Sql, workRoot: string): Record<string, Handler> {
  const record = async (ctx: { jobId: string; attempt: number; idempotencyKey: string }) => {
    const [row] = await sql<{ id: number }[]>`
      insert into handler_calls (job_id, attempt, idempotency_key)
      values (${ctx.jobId}, ${ctx.attempt}, ${ctx.idempotencyKey}) returning id`;
    return row?.id;
  };
  const finished = (id: number | undefined) =>
    sql`update handler_calls set finished_at = clock_timestamp() where id = ${id ?? 0}`;
  const echo: Handler = async (params, ctx) => {
    const id = await record(ctx);
    const ms = typeof params.ms === 'number' ? params.ms : 0;
    if (params.report) ctx.progress({ step: 'halfway' });
    await sleep(ms, undefined, { signal: ctx.signal });
    await finished(id);
    return { echo: params.value ?? null, idempotencyKey: ctx.idempotencyKey };
  };
  return {
    'test.echo': echo,
    // A second queue: several consumers can deliver at once, more than the free slots.
    'test.echo2': echo,
    'test.flaky': async (_params, ctx) => {
      await record(ctx);
      if (ctx.attempt === 1) throw new Error('flaky on the first attempt');
      return { attempt: ctx.attempt };
    },
    'test.fail': async (_params, ctx) => {
      await record(ctx);
      throw new NonRetryableJobError('the input cannot work', {
        type: 'bad_input',
        details: { field: 'x' },
      });
    },
    // Runs until ctx.signal aborts, then takes a moment to clean up: JobCancelled must wait for it.
    'test.wait': async (_params, ctx) => {
      const id = await record(ctx);
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
      await sleep(200);
      await finished(id);
      throw ctx.signal.reason;
    },
    // Starts two grandchildren (their pids go to the file `params.pids`) and waits for them.
    'test.program': programHandler({
      argv: ['/bin/sh', childrenScript, '{{ params.pids }}'],
      workRoot,
      killGraceMs: 1_000,
    }),
  };
}

/** Alive and not a zombie: an orphan killed here is reparented to init, which in a container may never reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const file = `/proc/${pid}/stat`;
  const stat = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The test plays the manager: it signs requests and reads the agent's replies and the dead letters. */
class TestManager {
  readonly replies: caroni.v1.Envelope[] = [];
  /** The agent's capability ads, apart from the replies about jobs. */
  readonly announcements: caroni.v1.IAgentAnnouncement[] = [];
  readonly deadLetters: ConsumeMessage[] = [];
  private constructor(
    readonly identity: Identity,
    private readonly channel: ConfirmChannel,
    private readonly publisher: ConfirmedPublisher,
    private readonly topology: Topology,
  ) {}

  static async start(connection: ChannelModel, topology: Topology, id: string, agent: Identity) {
    const channel = await connection.createConfirmChannel();
    await declareShared(channel, topology);
    const names = topologyNames(topology.prefix);
    const manager = new TestManager(
      generateIdentity(id),
      channel,
      new ConfirmedPublisher(channel),
      topology,
    );
    for (const jobType of jobTypes) await declareJobQueue(channel, topology, id, jobType);
    await channel.consume(await declareReplyQueue(channel, topology, id), (message) => {
      if (!message) return;
      const trustsAgent = (sender: string, keyId: string) =>
        sender === agent.id && keyId === agent.keyId ? agent.publicKey : undefined;
      const { envelope } = open(message.content, id, trustsAgent);
      if (envelope.agentAnnouncement) manager.announcements.push(envelope.agentAnnouncement);
      else manager.replies.push(envelope);
      channel.ack(message);
    });
    await channel.consume(
      names.deadLetterQueue,
      (message) => {
        if (message) manager.deadLetters.push(message);
      },
      { noAck: true },
    );
    return manager;
  }

  request(
    jobType: string,
    params: JsonObject,
    overrides: Partial<caroni.v1.IJobRequest> = {},
    identity = this.identity,
    recipient = ANY_RECIPIENT,
  ) {
    const jobId = overrides.jobId ?? uniqueName('job');
    const bytes = seal(identity, recipient, {
      jobRequest: {
        jobId,
        ref: {
          manager: this.identity.id,
          namespace: 'ns',
          workflowId: 'wf',
          runId: 'run',
          stepId: jobId,
          generation: 0,
        },
        attempt: 1,
        jobType,
        parameters: toStruct(params),
        queueDeadlineMs: Date.now() + 60_000,
        runTimeoutMs: 10_000,
        progressIntervalMs: 50,
        idempotencyKey: `key-${jobId}`,
        ...overrides,
      },
    });
    return { jobId, bytes };
  }

  async publish(
    bytes: Uint8Array,
    jobType: string,
    manager = this.identity.id,
    band: PriorityBand = 'normal',
  ): Promise<void> {
    const names = topologyNames(this.topology.prefix);
    await this.publisher.publish(
      names.jobsExchange,
      names.jobRoutingKey(manager, jobType, band),
      bytes,
    );
  }

  /** Publishes onto this manager's queue pinned to `agentId`, as the bridge does for a placement. */
  async publishPinned(bytes: Uint8Array, agentId: string): Promise<void> {
    const queue = await declarePinnedQueue(this.channel, this.topology, agentId, this.identity.id);
    await this.publisher.publish('', queue, bytes);
  }

  /** Sends `CancelJob` to an agent's control queue, as the bridge does (default exchange). */
  async cancel(
    agentId: string,
    jobId: string,
    {
      reason = 'run cancelled',
      now = Date.now(),
      identity = this.identity,
      manager = this.identity.id,
    } = {},
  ): Promise<void> {
    const ref = { manager, namespace: 'ns', workflowId: 'wf', runId: 'run', stepId: jobId };
    const bytes = seal(identity, agentId, { cancelJob: { jobId, ref, reason } }, {}, now);
    await this.publisher.publish(
      '',
      topologyNames(this.topology.prefix).controlQueue(agentId),
      bytes,
    );
  }

  /** Waits for the `index`-th `JobCancelled` of a job (0-based). */
  cancelled(jobId: string, index = 0): Promise<caroni.v1.IJobCancelled> {
    return waitFor(
      () => this.repliesOf(jobId).flatMap((envelope) => envelope.jobCancelled ?? [])[index],
      { what: `JobCancelled ${index} of ${jobId}` },
    );
  }

  /** Fault injection: replies to this manager become unroutable (no queue bound), or routable again. */
  async bindReplies(bound: boolean): Promise<void> {
    const names = topologyNames(this.topology.prefix);
    const queue = names.replyQueue(this.identity.id);
    if (bound) await this.channel.bindQueue(queue, names.repliesExchange, this.identity.id);
    else await this.channel.unbindQueue(queue, names.repliesExchange, this.identity.id);
  }

  /** Fault injection: an operator deletes a job queue the agent consumes. */
  async deleteJobQueue(jobType: string): Promise<void> {
    await this.channel.deleteQueue(
      topologyNames(this.topology.prefix).jobQueue(this.identity.id, jobType),
    );
  }

  repliesOf(jobId: string): caroni.v1.Envelope[] {
    return this.replies.filter((envelope) => jobReplyBody(envelope)?.jobId === jobId);
  }

  /** Waits for the `index`-th result of a job (0-based). */
  result(jobId: string, index = 0): Promise<caroni.v1.JobResult> {
    return waitFor(
      () =>
        // Decoded messages are class instances (with the `outcome` oneof), not just the interface.
        this.repliesOf(jobId).flatMap((envelope) =>
          envelope.jobResult ? [envelope.jobResult as caroni.v1.JobResult] : [],
        )[index],
      {
        what: `result ${index} of ${jobId}`,
      },
    );
  }
}

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function setup({
  slots = 2,
  queueType = 'classic' as Topology['queueType'],
  labels = {} as Record<string, string>,
  beforeStart = undefined as ((sql: Sql, managerId: string) => Promise<void>) | undefined,
} = {}) {
  const env = await agentTestEnv(cleanups, { slots, queueType });
  const { topology, sql, dataDir } = env;
  const config = {
    ...env.config,
    agent: { ...env.config.agent, labels, announceIntervalMs: 200 },
  };
  await sql`create table handler_calls (
    id serial primary key, job_id text not null, attempt integer not null, idempotency_key text not null,
    started_at timestamptz not null default clock_timestamp(), finished_at timestamptz)`;
  const connection = await amqp.connect(testAmqpUrl);
  cleanups.push(() => connection.close());
  const managerIds: string[] = [];
  cleanups.push(() =>
    deleteBrokerTopology(topology.prefix, managerIds, jobTypes, [config.agent.id]),
  );
  // Made before the agent starts, which then loads it: the manager checks replies against it.
  const agentIdentity = await loadOrInitIdentity(config.keysDir, config.agent.id);
  const addManager = async (weight = 1) => {
    const id = uniqueName('site');
    managerIds.push(id);
    const manager = await TestManager.start(connection, topology, id, agentIdentity);
    await addTrustedManager(sql, {
      managerId: id,
      publicKeyPem: publicKeyPem(manager.identity.publicKey),
      weight,
    });
    return manager;
  };
  const manager = await addManager();
  await beforeStart?.(sql, manager.identity.id);
  const running: RunningAgent = await startAgent(config, {
    sql,
    handlers: testHandlers(sql, path.join(dataDir, 'work')),
    log: createLogger('agent-test', process.env.LOG_LEVEL ?? 'silent'),
    options: { trustRefreshMs: 100, stopTimeoutMs: 5_000, outboxRetryMs: 200 },
  });
  cleanups.push(() => running.stop());
  const calls = async (jobId: string) =>
    sql<{ attempt: number; idempotency_key: string; started_at: Date; finished_at: Date | null }[]>`
      select attempt, idempotency_key, started_at, finished_at from handler_calls where job_id = ${jobId} order by id`;
  const ledger = async (managerId: string, jobId: string) =>
    (
      await sql<{ status: string; attempt: number; cancel_reason: string | null }[]>`
        select status, attempt, cancel_reason from jobs where manager_id = ${managerId} and job_id = ${jobId}`
    )[0];
  return {
    sql,
    manager,
    agent: running.agent,
    agentId: config.agent.id,
    dataDir,
    calls,
    ledger,
    addManager,
    stop: running.stop,
  };
}

describe('the agent', () => {
  it('runs a request: accepted, progress while it runs, then the result', async () => {
    const { manager, calls } = await setup();
    const { jobId, bytes } = manager.request('test.echo', { value: 'hi', ms: 300, report: true });
    await manager.publish(bytes, 'test.echo');
    const result = await manager.result(jobId);
    expect(result.fromLedger).toBe(false);
    expect(fromValue(result.output)).toEqual({ echo: 'hi', idempotencyKey: `key-${jobId}` });
    const kinds = manager.repliesOf(jobId).map((envelope) => envelope.body);
    expect(kinds[0]).toBe('jobAccepted');
    expect(kinds.at(-1)).toBe('jobResult');
    const progress = manager.repliesOf(jobId).flatMap((envelope) => envelope.jobProgress ?? []);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.map((p) => p.sequence)).toEqual(progress.map((_, i) => i + 1));
    expect(fromValue(progress.at(-1)?.details)).toEqual({ step: 'halfway' });
    expect(await calls(jobId)).toHaveLength(1);
  });

  it('works on quorum queues (per-consumer prefetch, no global QoS)', async () => {
    const { manager } = await setup({ slots: 1, queueType: 'quorum' });
    const jobs = ['test.echo', 'test.echo2'].map((type) => ({
      type,
      ...manager.request(type, { value: type, ms: 100 }),
    }));
    await Promise.all(jobs.map((job) => manager.publish(job.bytes, job.type)));
    for (const job of jobs) {
      expect(fromValue((await manager.result(job.jobId)).output)).toMatchObject({ echo: job.type });
    }
  });

  it('answers the same request bytes, redelivered after the job finished, from the ledger', async () => {
    const { manager, agent, calls } = await setup();
    const { jobId, bytes } = manager.request('test.echo', { value: 1 });
    await manager.publish(bytes, 'test.echo');
    await manager.result(jobId);
    await manager.publish(bytes, 'test.echo');
    const again = await manager.result(jobId, 1);
    expect(again.fromLedger).toBe(true);
    expect(fromValue(again.output)).toEqual({ echo: 1, idempotencyKey: `key-${jobId}` });
    expect(await calls(jobId)).toHaveLength(1);
    // Counted once the delivery is settled, a moment after the reply went out.
    await waitFor(() => agent.stats().answeredFromLedger === 1, {
      what: 'the request to be counted as answered from the ledger',
    });
  });

  it('answers attempt 2 of a finished job from the ledger, and runs attempt 2 after a retryable failure', async () => {
    const { manager, calls, sql } = await setup();
    const done = manager.request('test.echo', { value: 'x' });
    await manager.publish(done.bytes, 'test.echo');
    const first = await manager.result(done.jobId);
    expect(first.jobType).toBe('test.echo');
    const usage = fromJobUsage(first.usage, first.attempt);
    expect(usage).toMatchObject({ attempt: 1, cpuMs: 0, peakRssKb: 0 });
    expect(usage?.slotMs).toBeGreaterThanOrEqual(usage?.wallMs ?? Infinity);
    await manager.publish(
      manager.request('test.echo', { value: 'x' }, { jobId: done.jobId, attempt: 2 }).bytes,
      'test.echo',
    );
    const second = await manager.result(done.jobId, 1);
    expect([second.fromLedger, second.attempt]).toEqual([true, 2]);
    expect(await calls(done.jobId)).toHaveLength(1);
    // The ledger answer repeats the stored usage of the run (attempt 1), and books nothing new.
    expect(fromJobUsage(second.usage, second.attempt)).toEqual(usage);
    expect(await sql`select attempt from job_usage where job_id = ${done.jobId}`).toEqual([
      { attempt: 1 },
    ]);

    const flaky = manager.request('test.flaky', {});
    await manager.publish(flaky.bytes, 'test.flaky');
    const failed = await manager.result(flaky.jobId);
    expect(failed.failure).toMatchObject({
      type: 'Error',
      nonRetryable: false,
      message: 'flaky on the first attempt',
    });
    await manager.publish(
      manager.request('test.flaky', {}, { jobId: flaky.jobId, attempt: 2 }).bytes,
      'test.flaky',
    );
    const retried = await manager.result(flaky.jobId, 1);
    expect([retried.fromLedger, retried.attempt, fromValue(retried.output)]).toEqual([
      false,
      2,
      { attempt: 2 },
    ]);
    expect((await calls(flaky.jobId)).map((c) => c.attempt)).toEqual([1, 2]);
  });

  it('refuses an unknown key and a tampered payload: dead-lettered with the reason, never run', async () => {
    const { manager, agent, calls } = await setup();
    const stranger = manager.request('test.echo', {}, {}, generateIdentity(manager.identity.id));
    const tampered = manager.request('test.echo', {});
    const signed = caroni.v1.SignedEnvelope.decode(tampered.bytes);
    const payload = Buffer.from(signed.payload);
    payload[payload.length - 1] = (payload[payload.length - 1] ?? 0) ^ 0x01;
    const tamperedBytes = caroni.v1.SignedEnvelope.encode({
      payload,
      signature: signed.signature,
    }).finish();
    await manager.publish(stranger.bytes, 'test.echo');
    await manager.publish(tamperedBytes, 'test.echo');
    await waitFor(() => manager.deadLetters.length === 2, { what: 'two dead letters' });
    const reasons = manager.deadLetters
      .map((m) => m.properties.headers?.['x-caroni-reason'] as string)
      .sort();
    expect(reasons).toEqual(['bad_signature', 'unknown_key']);
    expect(agent.stats().refused).toEqual({ bad_signature: 1, unknown_key: 1 });
    expect(
      Buffer.compare(
        manager.deadLetters.find((m) => m.properties.headers?.['x-caroni-reason'] === 'unknown_key')
          ?.content ?? Buffer.alloc(0),
        Buffer.from(stranger.bytes),
      ),
    ).toBe(0);
    expect([...(await calls(stranger.jobId)), ...(await calls(tampered.jobId))]).toEqual([]);
    expect(manager.replies).toEqual([]);
  });

  it('refuses an expired request and an unknown job type, telling the manager', async () => {
    const { manager, agent, calls } = await setup();
    const expired = manager.request('test.echo', {}, { queueDeadlineMs: Date.now() - 1_000 });
    const unknown = manager.request('test.unknown', {});
    await manager.publish(expired.bytes, 'test.echo');
    await manager.publish(unknown.bytes, 'test.echo');
    const rejected = await waitFor(() => {
      const found = [expired.jobId, unknown.jobId].map((id) =>
        manager.repliesOf(id).flatMap((envelope) => envelope.jobRejected ?? []),
      );
      return found.every((replies) => replies.length > 0) ? found.flat() : undefined;
    });
    const Reason = caroni.v1.JobRejected.Reason;
    expect(rejected.map((r) => r.reason)).toEqual([
      Reason.REASON_EXPIRED,
      Reason.REASON_UNKNOWN_JOB_TYPE,
    ]);
    await waitFor(() => manager.deadLetters.length === 2, { what: 'two dead letters' });
    expect(agent.stats().refused).toEqual({ expired: 1, unknown_job_type: 1 });
    expect(await calls(expired.jobId)).toEqual([]);
  });

  it('never runs more jobs at once than it has slots', async () => {
    for (const slots of [1, 2]) {
      const { manager, agent, calls } = await setup({ slots });
      const types = ['test.echo', 'test.echo2', 'test.echo'];
      const jobs = types.map((type, value) => ({
        type,
        ...manager.request(type, { value, ms: 300 }),
      }));
      await Promise.all(jobs.map((job) => manager.publish(job.bytes, job.type)));
      for (const job of jobs) await manager.result(job.jobId);
      expect(agent.stats().maxConcurrent).toBe(slots);
      const spans = (await Promise.all(jobs.map((job) => calls(job.jobId)))).map(([call]) => ({
        start: call?.started_at.getTime() ?? 0,
        end: call?.finished_at?.getTime() ?? Infinity,
      }));
      const overlapping = spans.filter((a, i) =>
        spans.some((b, j) => i !== j && a.start < b.end && b.start < a.end),
      );
      expect(overlapping.length > 0).toBe(slots > 1);
    }
  });

  it('shares its slots between backlogged managers by weight (3:1 → 75% ± 7 points)', async () => {
    const { manager: light, addManager, sql } = await setup({ slots: 4 });
    const heavy = await addManager(3);
    // Published interleaved and far faster than 4 slots run them: both are backlogged at once.
    const jobs = Array.from({ length: 120 }, (_, i) => [
      { from: heavy, ...heavy.request('test.echo', { value: i, ms: 40 }) },
      { from: light, ...light.request('test.echo', { value: i, ms: 40 }) },
    ]).flat();
    await Promise.all(jobs.map((job) => job.from.publish(job.bytes, 'test.echo')));
    for (const job of jobs) await job.from.result(job.jobId);

    const owner = new Map(jobs.map((job) => [job.jobId, job.from === heavy ? 'heavy' : 'light']));
    const starts = (
      await sql<{ job_id: string }[]>`select job_id from handler_calls order by id`
    ).map((row) => owner.get(row.job_id));
    // While both still had queued jobs: until the first of them had started its last.
    const bothBacklogged = Math.min(starts.lastIndexOf('heavy'), starts.lastIndexOf('light'));
    const window = starts.slice(0, bothBacklogged);
    const heavyShare = window.filter((who) => who === 'heavy').length / window.length;
    expect(window.length).toBeGreaterThan(100);
    expect(Math.abs(heavyShare - 0.75)).toBeLessThanOrEqual(0.07);
  });

  it('holds a manager to its quota of running jobs, whatever slots are free', async () => {
    const { manager, sql, agent, calls } = await setup({ slots: 4 });
    await addTrustedManager(sql, {
      managerId: manager.identity.id,
      publicKeyPem: publicKeyPem(manager.identity.publicKey),
      maxConcurrent: 1,
    });
    await sleep(300); // the agent reloads its trust list every 100 ms here
    const jobs = [0, 1, 2].map((value) => manager.request('test.echo', { value, ms: 200 }));
    await Promise.all(jobs.map((job) => manager.publish(job.bytes, 'test.echo')));
    for (const job of jobs) await manager.result(job.jobId);
    expect(agent.stats().maxConcurrent).toBe(1);
    const spans = (await Promise.all(jobs.map((job) => calls(job.jobId)))).map(([call]) => call);
    expect(spans.every((call) => call?.finished_at)).toBe(true);
  });

  it('reports a non-retryable failure as non-retryable', async () => {
    const { manager } = await setup();
    const { jobId, bytes } = manager.request('test.fail', {});
    await manager.publish(bytes, 'test.fail');
    const result = await manager.result(jobId);
    expect(result.outcome).toBe('failure');
    expect({ ...result.failure, details: fromValue(result.failure?.details) }).toEqual({
      type: 'bad_input',
      message: 'the input cannot work',
      nonRetryable: true,
      details: { field: 'x' },
    });
  });

  it('runs a job again with the same idempotency key when the ledger says running but nothing runs it here', async () => {
    const { manager, sql, calls } = await setup();
    const { jobId, bytes } = manager.request(
      'test.echo',
      { value: 'again' },
      { idempotencyKey: 'new-key' },
    );
    // What an agent killed mid-run leaves behind.
    await sql`insert into jobs (manager_id, job_id, attempt, job_type, ref, idempotency_key, parameters, status)
      values (${manager.identity.id}, ${jobId}, 1, 'test.echo', '{}', 'first-key', '{}', 'running')`;
    await manager.publish(bytes, 'test.echo');
    const result = await manager.result(jobId);
    expect(fromValue(result.output)).toEqual({ echo: 'again', idempotencyKey: 'first-key' });
    expect(await calls(jobId)).toHaveLength(1);
  });

  it('takes up a manager trusted after start without a restart', async () => {
    const { addManager } = await setup();
    const late = await addManager();
    const { jobId, bytes } = late.request('test.echo', { value: 'late' });
    await late.publish(bytes, 'test.echo');
    expect(fromValue((await late.result(jobId)).output)).toMatchObject({ echo: 'late' });
  });

  it('stops taking work and waits for a running job to finish and reply', async () => {
    const { manager, calls, stop } = await setup();
    const { jobId, bytes } = manager.request('test.echo', { value: 'last', ms: 400 });
    await manager.publish(bytes, 'test.echo');
    await waitFor(() => manager.repliesOf(jobId).some((envelope) => envelope.jobAccepted));
    await stop();
    expect(manager.repliesOf(jobId).some((envelope) => envelope.jobResult)).toBe(true);
    const [call] = await calls(jobId);
    expect(call?.finished_at).toBeInstanceOf(Date);
  });

  it('declares and consumes again a job queue deleted under it', async () => {
    const { manager } = await setup();
    await manager.deleteJobQueue('test.echo');
    const { jobId, bytes } = manager.request('test.echo', { value: 'back' });
    // Unroutable until the agent has declared the queue again.
    await waitFor(
      () =>
        manager.publish(bytes, 'test.echo').then(
          () => true,
          () => false,
        ),
      {
        what: 'the job queue to be declared again',
      },
    );
    expect(fromValue((await manager.result(jobId)).output)).toMatchObject({ echo: 'back' });
  });
});

describe('bands, pinned jobs and ads', () => {
  it("takes a manager's high band first, then jobs pinned to it, then the normal and low bands", async () => {
    const { manager, agentId, sql } = await setup({ slots: 1 });
    const blocker = manager.request('test.echo', { value: 'blocker', ms: 500 });
    await manager.publish(blocker.bytes, 'test.echo');
    await waitFor(() => manager.repliesOf(blocker.jobId).some((envelope) => envelope.jobAccepted));
    const low = manager.request('test.echo', { value: 'low' });
    const normal = manager.request('test.echo', { value: 'normal' });
    const pinned = manager.request('test.echo2', { value: 'pinned' }, {}, undefined, agentId);
    const high = manager.request('test.echo2', { value: 'high' });
    await manager.publish(low.bytes, 'test.echo', undefined, 'low');
    await manager.publish(normal.bytes, 'test.echo');
    await manager.publishPinned(pinned.bytes, agentId);
    await manager.publish(high.bytes, 'test.echo2', undefined, 'high');
    for (const job of [blocker, low, normal, pinned, high]) await manager.result(job.jobId);
    const order = (
      await sql<{ job_id: string }[]>`select job_id from handler_calls order by id`
    ).map((row) => row.job_id);
    expect(order).toEqual([blocker.jobId, high.jobId, pinned.jobId, normal.jobId, low.jobId]);
  });

  it('refuses a pinned job addressed to another agent: dead-lettered, never run', async () => {
    const { manager, agent, agentId, calls } = await setup();
    const stray = manager.request('test.echo', {}, {}, undefined, 'some-other-agent');
    await manager.publishPinned(stray.bytes, agentId);
    await waitFor(() => manager.deadLetters.length === 1, { what: 'the dead letter' });
    expect(manager.deadLetters[0]?.properties.headers?.['x-caroni-reason']).toBe('wrong_recipient');
    expect(agent.stats().refused).toEqual({ wrong_recipient: 1 });
    expect(await calls(stray.jobId)).toEqual([]);
  });

  it('announces itself to each trusted manager: allowed job types, labels, load, drain', async () => {
    const { manager, agent, sql } = await setup({ slots: 3, labels: { gpu: 'a100' } });
    const first = await waitFor(() => manager.announcements[0], { what: 'an ad' });
    expect(first).toMatchObject({
      capacity: 3,
      load: 0,
      labels: { gpu: 'a100' },
      draining: false,
      protocolVersions: [1],
      announceIntervalMs: 200,
    });
    expect(first.jobTypes).toContain('test.echo');

    // Narrowing the manager's job types narrows what its ads offer, at once.
    await addTrustedManager(sql, {
      managerId: manager.identity.id,
      publicKeyPem: publicKeyPem(manager.identity.publicKey),
      jobTypes: ['test.echo'],
    });
    await agent.reloadTrust();
    await waitFor(() => manager.announcements.at(-1)?.jobTypes?.join() === 'test.echo', {
      what: 'an ad with the narrowed job types',
    });

    const job = manager.request('test.echo', { value: 'busy', ms: 600 });
    await manager.publish(job.bytes, 'test.echo');
    await waitFor(
      () => manager.announcements.some((ad) => ad.load === 1 && ad.loadForRecipient === 1),
      { what: 'an ad showing the running job' },
    );
    const before = manager.announcements.length;
    // Each says so in an ad at once (consumed here a moment after the agent published it).
    await agent.drain();
    await waitFor(() => manager.announcements.slice(before).some((ad) => ad.draining), {
      what: 'an ad saying draining',
    });
    await agent.undrain();
    await waitFor(() => manager.announcements.at(-1)?.draining === false, {
      what: 'an ad saying not draining',
    });
    await manager.result(job.jobId);
  });
});

describe('the outbox', () => {
  const outboxRows = (sql: Sql) =>
    sql<{ kind: string; job_id: string }[]>`select kind, job_id from outbox order by id`;

  it('keeps every reply until the broker confirms it, and publishes it again once it can', async () => {
    const { manager, sql } = await setup();
    const done = manager.request('test.echo', { value: 'first' });
    await manager.publish(done.bytes, 'test.echo');
    await manager.result(done.jobId);
    await waitFor(async () => (await outboxRows(sql)).length === 0, {
      what: 'the outbox to empty once the replies are confirmed',
    });

    await manager.bindReplies(false);
    const held = manager.request('test.echo', { value: 'held' });
    await manager.publish(held.bytes, 'test.echo');
    await waitFor(async () => (await outboxRows(sql)).some((row) => row.kind === 'jobResult'), {
      what: 'the unroutable result to wait in the outbox',
    });
    expect(manager.repliesOf(held.jobId)).toEqual([]);
    await manager.bindReplies(true);
    const result = await manager.result(held.jobId);
    expect(fromValue(result.output)).toMatchObject({ echo: 'held' });
    expect(manager.repliesOf(held.jobId).map((envelope) => envelope.body)).toContain('jobAccepted');
    await waitFor(async () => (await outboxRows(sql)).length === 0, {
      what: 'the outbox to empty after the retry',
    });
  });

  it('publishes at start what a crashed run left in it, signed anew', async () => {
    const jobId = uniqueName('job');
    const { manager } = await setup({
      beforeStart: async (sql, managerId) => {
        const body = caroni.v1.Envelope.encode({
          jobResult: {
            jobId,
            ref: {
              manager: managerId,
              namespace: 'ns',
              workflowId: 'wf',
              runId: 'run',
              stepId: jobId,
            },
            attempt: 1,
            output: toValue({ left: 'behind' }),
            jobType: 'test.echo',
          },
        }).finish();
        await sql`insert into outbox (manager_id, job_id, kind, body)
          values (${managerId}, ${jobId}, 'jobResult', ${body})`;
      },
    });
    const result = await manager.result(jobId);
    expect(fromValue(result.output)).toEqual({ left: 'behind' });
  });

  it('fails a job the ledger says is running at start as retryable (agent_restart), and runs its next attempt with the first key', async () => {
    const jobId = uniqueName('job');
    const { manager, calls, ledger } = await setup({
      beforeStart: async (sql, managerId) => {
        const ref = {
          manager: managerId,
          namespace: 'ns',
          workflowId: 'wf',
          runId: 'run',
          stepId: jobId,
          generation: 0,
        };
        await sql`insert into jobs (manager_id, job_id, attempt, job_type, ref, idempotency_key, parameters, status)
          values (${managerId}, ${jobId}, 1, 'test.echo', ${sql.json(ref)}, 'first-key', '{}', 'running')`;
      },
    });
    const interrupted = await manager.result(jobId);
    expect(interrupted.failure).toMatchObject({ type: 'agent_restart', nonRetryable: false });
    expect(interrupted.attempt).toBe(1);
    expect(await ledger(manager.identity.id, jobId)).toMatchObject({ status: 'failed' });

    const again = manager.request('test.echo', { value: 'again' }, { jobId, attempt: 2 });
    await manager.publish(again.bytes, 'test.echo');
    const result = await manager.result(jobId, 1);
    expect(fromValue(result.output)).toEqual({ echo: 'again', idempotencyKey: 'first-key' });
    expect(await calls(jobId)).toHaveLength(1);
  });
});

describe('cancellation', () => {
  it('stops a running job even with every slot taken: JobCancelled once the handler returned, no result', async () => {
    const { manager, agent, agentId, calls, ledger, stop } = await setup({ slots: 1 });
    const { jobId, bytes } = manager.request('test.wait', {});
    await manager.publish(bytes, 'test.wait');
    await waitFor(() => manager.repliesOf(jobId).some((envelope) => envelope.jobAccepted));
    await manager.cancel(agentId, jobId, { reason: 'the user cancelled the run' });
    const cancelled = await manager.cancelled(jobId);
    expect(cancelled).toMatchObject({ jobId, wasRunning: true });
    // The handler cleaned up (and returned) before the agent answered.
    expect((await calls(jobId))[0]?.finished_at).toBeInstanceOf(Date);
    expect(await ledger(manager.identity.id, jobId)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'the user cancelled the run',
    });
    expect(agent.stats()).toMatchObject({ cancelled: 1, running: 0 });
    await stop();
    expect(manager.repliesOf(jobId).map((envelope) => envelope.body)).not.toContain('jobResult');
  });

  it('keeps a tombstone for a job not received yet: its request never runs and is answered JobCancelled', async () => {
    const { manager, agent, agentId, calls, ledger } = await setup();
    const { jobId, bytes } = manager.request('test.echo', { value: 'never' });
    await manager.cancel(agentId, jobId, { reason: 'cancelled while queued' });
    expect(await manager.cancelled(jobId)).toMatchObject({ jobId, wasRunning: false });
    expect(await ledger(manager.identity.id, jobId)).toMatchObject({
      status: 'cancelled',
      attempt: 0,
      cancel_reason: 'cancelled while queued',
    });
    await manager.publish(bytes, 'test.echo');
    expect(await manager.cancelled(jobId, 1)).toMatchObject({ jobId, wasRunning: false });
    expect(await calls(jobId)).toEqual([]);
    expect(manager.repliesOf(jobId).map((envelope) => envelope.body)).toEqual([
      'jobCancelled',
      'jobCancelled',
    ]);
    // Counted once the delivery is settled, a moment after the reply went out.
    await waitFor(() => agent.stats().answeredFromLedger === 1, {
      what: 'the request to be counted as answered from the ledger',
    });
    expect(agent.stats()).toMatchObject({ cancelled: 1, answeredFromLedger: 1, jobsRun: 0 });
  });

  it('leaves a finished job as it is and answers wasRunning false', async () => {
    const { manager, agent, agentId, ledger } = await setup();
    const { jobId, bytes } = manager.request('test.echo', { value: 'done' });
    await manager.publish(bytes, 'test.echo');
    await manager.result(jobId);
    await manager.cancel(agentId, jobId);
    expect(await manager.cancelled(jobId)).toMatchObject({ wasRunning: false });
    expect(await ledger(manager.identity.id, jobId)).toMatchObject({
      status: 'succeeded',
      cancel_reason: null,
    });
    expect(agent.stats().cancelled).toBe(0);
  });

  it('refuses a stale, an untrusted and a mismatched cancellation: dead-lettered, the job runs on', async () => {
    const { manager, agent, agentId, ledger } = await setup();
    const { jobId, bytes } = manager.request('test.echo', { value: 'kept', ms: 500 });
    await manager.publish(bytes, 'test.echo');
    await waitFor(() => manager.repliesOf(jobId).some((envelope) => envelope.jobAccepted));
    await manager.cancel(agentId, jobId, { now: Date.now() - 10 * 60_000 });
    await manager.cancel(agentId, jobId, { identity: generateIdentity(manager.identity.id) });
    await manager.cancel(agentId, jobId, { manager: 'another-site' });
    await waitFor(() => manager.deadLetters.length === 3, { what: 'three dead letters' });
    const headers = manager.deadLetters.map((m) => m.properties.headers ?? {});
    expect(headers.map((h) => h['x-caroni-reason'] as string).sort()).toEqual([
      'sender_mismatch',
      'stale',
      'unknown_key',
    ]);
    expect(headers.find((h) => h['x-caroni-reason'] === 'stale')?.['x-caroni-detail']).toMatch(
      /signed 6\d{5} ms ago, outside the freshness window of ±300000 ms/,
    );
    expect(fromValue((await manager.result(jobId)).output)).toMatchObject({ echo: 'kept' });
    expect(await ledger(manager.identity.id, jobId)).toMatchObject({ status: 'succeeded' });
    expect(agent.stats()).toMatchObject({
      cancelled: 0,
      refused: { stale: 1, unknown_key: 1, sender_mismatch: 1 },
    });
    expect(manager.repliesOf(jobId).map((envelope) => envelope.body)).not.toContain('jobCancelled');
  });

  it('kills the whole process group of a program job cancelled through the control queue', async () => {
    const { manager, agentId, dataDir, ledger } = await setup();
    const pidFile = path.join(dataDir, 'pids');
    const { jobId, bytes } = manager.request('test.program', { pids: pidFile });
    await manager.publish(bytes, 'test.program');
    const pids = await waitFor(async () => {
      const lines = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n').filter(Boolean);
      return lines.length === 2 ? lines.map(Number) : undefined;
    });
    expect(pids.every(alive)).toBe(true);
    const cancelledAt = Date.now();
    await manager.cancel(agentId, jobId);
    expect(await manager.cancelled(jobId)).toMatchObject({ wasRunning: true });
    expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    expect(pids.some(alive)).toBe(false);
    expect(await ledger(manager.identity.id, jobId)).toMatchObject({ status: 'cancelled' });
  });
});
