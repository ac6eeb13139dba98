import { sign, verify } from 'node:crypto';
import path from 'node:path';
import type { Channel, ConsumeMessage } from 'amqplib';
import amqp from 'amqplib';
import {
  ConfirmedPublisher,
  declareJobQueue,
  declareReplyQueue,
  declareShared,
  topologyNames,
} from '../../common/broker.ts';
import { ANY_RECIPIENT, open, seal } from '../../common/envelope.ts';
import { generateIdentity, loadIdentity, type Identity } from '../../common/keys.ts';
import { toStruct } from '../../common/struct.ts';
import type { Child } from '../children.ts';
import { BenchIds, trustManager, type BenchEnvironment } from '../environment.ts';
import { BenchJobTypes } from '../job-types.ts';
import { between, snapshot, type CpuWindow, type Parties } from '../processes.ts';
import { summarizeProfile, type ProfileSummary } from '../profile.ts';
import { percentile, sleep, waitUntil } from '../stats.ts';

export interface BrokerLoopResult {
  jobsPerS: number;
  /** Request published → result verified, ms. */
  p50Ms: number;
  p99Ms: number;
  /** p50 of published → accepted (queue wait, intake, ledger insert) and accepted → result (run, ledger update, reply). */
  toAcceptedP50Ms: number;
  toResultP50Ms: number;
  cpu: CpuWindow;
  /** CPU ms per job of the agent, the bench (playing the manager) and the agent's database backends. */
  cpuMsPerJob: Record<string, number>;
  /** Share of one core the agent used: near 1, the agent was the bottleneck. */
  agentBusy: number;
  /** Jobs per second one agent process could take if it had a core to itself: 1000 / its CPU ms per job. */
  agentCapacityJobsPerS: number;
  /** From the profiled pass: the agent's busy time by category, and the share under node:crypto. */
  profile: ProfileSummary;
  /** Ed25519 in this process, µs per call: the floor of the crypto share. */
  signUs: number;
  verifyUs: number;
}

/** Signing and verifying a payload of a job request's size, timed here. */
function timeEd25519(identity: Identity): { signUs: number; verifyUs: number } {
  const payload = Buffer.alloc(300, 7);
  const rounds = 2_000;
  let signature = sign(null, payload, identity.privateKey);
  let started = performance.now();
  for (let i = 0; i < rounds; i++) signature = sign(null, payload, identity.privateKey);
  const signUs = ((performance.now() - started) * 1_000) / rounds;
  started = performance.now();
  for (let i = 0; i < rounds; i++) verify(null, payload, identity.publicKey, signature);
  const verifyUs = ((performance.now() - started) * 1_000) / rounds;
  return { signUs, verifyUs };
}

/**
 * The bench plays a manager with no Temporal: it signs `JobRequest`s and
 * publishes them as the bridge does, keeps `loopWindow` outstanding, and
 * verifies the agent's replies. The agent is a process of its own with its
 * own ledger database, so its CPU is the agent's alone.
 */
class Loop {
  private sent = new Map<string, number>();
  private next = 0;
  running = true;
  private accepted = new Map<string, number>();
  results = 0;
  latencies: number[] = [];
  /** Per job: published → `JobAccepted` verified, and `JobAccepted` → `JobResult` verified, ms. */
  toAccepted: number[] = [];
  toResult: number[] = [];
  failures: string[] = [];

  constructor(
    private readonly identity: Identity,
    private readonly agentKey: Identity['publicKey'],
    private readonly agentId: string,
    private readonly publisher: ConfirmedPublisher,
    private readonly replies: Channel,
    private readonly prefix: string,
    private readonly runId: string,
  ) {}

  outstanding(): number {
    return this.sent.size;
  }

  async publishOne(): Promise<void> {
    const names = topologyNames(this.prefix);
    const step = `job-${this.next++}`;
    const jobId = `loop/${this.runId}/${step}/0`;
    const queueDeadlineMs = Date.now() + 60_000;
    const bytes = seal(this.identity, ANY_RECIPIENT, {
      jobRequest: {
        jobId,
        ref: {
          manager: this.identity.id,
          namespace: BenchIds.loopManager,
          workflowId: 'loop',
          runId: this.runId,
          stepId: step,
          generation: 0,
        },
        attempt: 1,
        jobType: BenchJobTypes.noop,
        parameters: toStruct({}),
        queueDeadlineMs,
        runTimeoutMs: 60_000,
        progressIntervalMs: 10_000,
        idempotencyKey: jobId,
      },
    });
    this.sent.set(jobId, performance.now());
    await this.publisher.publish(
      names.jobsExchange,
      names.jobRoutingKey(this.identity.id, BenchJobTypes.noop),
      bytes,
      { expiration: '60000', contentType: 'application/x-protobuf', type: 'caroni.v1.JobRequest' },
    );
  }

  onReply(message: ConsumeMessage): void {
    this.replies.ack(message);
    try {
      const opened = open(message.content, this.identity.id, (sender, keyId) =>
        sender === this.agentId && keyId ? this.agentKey : undefined,
      );
      const now = performance.now();
      const accepted = opened.envelope.jobAccepted;
      if (accepted?.jobId) this.accepted.set(accepted.jobId, now);
      const result = opened.envelope.jobResult;
      if (!result?.jobId) return;
      const sentAt = this.sent.get(result.jobId);
      if (sentAt === undefined) return;
      const acceptedAt = this.accepted.get(result.jobId) ?? sentAt;
      this.sent.delete(result.jobId);
      this.accepted.delete(result.jobId);
      if (result.outcome !== 'output') throw new Error(`job ${result.jobId} failed`);
      this.results += 1;
      this.latencies.push(now - sentAt);
      this.toAccepted.push(acceptedAt - sentAt);
      this.toResult.push(now - acceptedAt);
      if (this.running) void this.publishOne().catch((error: unknown) => this.fail(error));
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failures.push((error as Error).message);
    this.running = false;
  }
}

/**
 * Broker-only loop: sign, publish, consume, verify, run, reply, verify; no
 * Temporal. Measured once plain, then once more with the agent profiled for
 * the share of its CPU that goes to crypto.
 */
export async function runBrokerLoop(
  env: BenchEnvironment,
  progress: (line: string) => void,
): Promise<BrokerLoopResult> {
  const { options } = env;
  const identity = generateIdentity(BenchIds.loopManager);
  const db = await env.createDatabase('loop_agent', 'agent');
  try {
    await trustManager(db.sql, identity);
  } finally {
    await db.sql.end({ timeout: 5 });
  }
  progress('broker-only loop: starting its agent');
  const agent: Child = await env.spawnChild(
    'loop-agent',
    'agent',
    env.childEnv({
      CARONI_AGENT_ID: BenchIds.loopAgent,
      DATABASE_URL: db.url,
      CARONI_AGENT_SLOTS: String(options.loopWindow),
    }),
  );
  const agentKey = await loadIdentity(path.join(env.runDir, 'keys'), BenchIds.loopAgent);

  // TCP_NODELAY as the product's connections have it: the manager's side must never be what limits the agent.
  const broker = await amqp.connect(options.amqpUrl, {
    noDelay: true,
    clientProperties: { connection_name: 'caroni-bench-loop' },
  });
  try {
    const declare = await broker.createChannel();
    await declareShared(declare, env.topology);
    const replyQueue = await declareReplyQueue(declare, env.topology, identity.id);
    await declareJobQueue(declare, env.topology, identity.id, BenchJobTypes.noop);
    const publisher = new ConfirmedPublisher(await broker.createConfirmChannel());
    const replies = await broker.createChannel();
    await replies.prefetch(options.loopWindow * 4);
    const loop = new Loop(
      identity,
      agentKey.publicKey,
      BenchIds.loopAgent,
      publisher,
      replies,
      env.topology.prefix,
      env.suffix,
    );
    await replies.consume(replyQueue, (message) => message && loop.onReply(message));
    const parties: Parties = {
      agent: () => [agent.pid],
      bench: () => [process.pid],
      postgres: env.parties.postgres,
    };

    progress('broker-only loop: measuring');
    await Promise.all(Array.from({ length: options.loopWindow }, () => loop.publishOne()));
    await sleep(Math.min(3, options.loopDurationS) * 1_000);
    const startResults = loop.results;
    const startLatencies = loop.latencies.length;
    const start = snapshot(parties);
    await sleep(options.loopDurationS * 1_000);
    const end = snapshot(parties);
    const jobs = loop.results - startResults;
    const latencies = loop.latencies.slice(startLatencies);
    const toAccepted = loop.toAccepted.slice(startLatencies);
    const toResult = loop.toResult.slice(startLatencies);

    progress('broker-only loop: profiling the agent');
    const profileFile = path.join(options.profileDir ?? env.runDir, 'broker-loop-agent.cpuprofile');
    await agent.call('profileStart', null);
    await sleep(Math.max(5, options.loopDurationS / 2) * 1_000);
    await agent.call('profileStop', { file: profileFile });

    loop.running = false;
    await waitUntil(() => (loop.outstanding() === 0 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the broker-only loop to drain',
    });
    if (loop.failures.length > 0)
      throw new Error(`broker-only loop failed: ${loop.failures.slice(0, 3).join('; ')}`);

    const cpu = between(start, end);
    const cpuMsPerJob: Record<string, number> = {};
    for (const [name, ms] of Object.entries(cpu.cpuMs)) cpuMsPerJob[name] = ms / jobs;
    const agentCpuMs = cpuMsPerJob.agent ?? Number.NaN;
    return {
      jobsPerS: jobs / (cpu.wallMs / 1_000),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      toAcceptedP50Ms: percentile(toAccepted, 50),
      toResultP50Ms: percentile(toResult, 50),
      cpu,
      cpuMsPerJob,
      agentBusy: (cpu.cpuMs.agent ?? 0) / cpu.wallMs,
      agentCapacityJobsPerS: 1_000 / agentCpuMs,
      profile: await summarizeProfile(profileFile),
      ...timeEd25519(identity),
    };
  } finally {
    await broker.close().catch(() => undefined);
    await agent.stop();
  }
}
