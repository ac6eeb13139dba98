import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelModel } from 'amqplib';
import { topologyNames, type Topology } from '../common/broker.ts';
import type { Sql } from '../common/db.ts';
import type { Body } from '../common/envelope.ts';
import type { Json } from '../common/json.ts';
import type { Identity } from '../common/keys.ts';
import type { Logger } from '../common/log.ts';
import {
  checkRequest,
  ledgerRecord,
  type CheckedRequest,
  type JobRequestData,
} from './check-request.ts';
import { JobClaims, type Claim } from './claims.ts';
import type { Handler } from './handler.ts';
import { Intake, type Delivery, type JobSource } from './intake.ts';
import { finishJob, ledgerAnswer, recordRequest, restartJob } from './ledger.ts';
import { acceptedBody, progressBody, rejectedBody, ReplySender, resultBody } from './replies.ts';
import { runHandler, type HandlerRun } from './run-handler.ts';
import { TrustedManagers } from './trust.ts';

export interface AgentOptions {
  id: string;
  identity: Identity;
  sql: Sql;
  connection: ChannelModel;
  topology: Topology;
  handlers: Record<string, Handler>;
  /** Jobs run at once. */
  slots: number;
  log: Logger;
  /** Progress interval for a request that asks for none. Default 10 s. */
  defaultProgressIntervalMs?: number;
  /** How often the trust list is reloaded, so a newly trusted manager's queues are consumed. Default 5 s. */
  trustRefreshMs?: number;
  /** How long {@link Agent.stop} waits for running jobs before aborting them. Default 30 s. */
  stopTimeoutMs?: number;
}

/** What the agent did since it started. */
export interface AgentStats {
  /** Refused deliveries by reason (`unknown_key`, `expired`, ...). */
  refused: Record<string, number>;
  /** Handler runs started. */
  jobsRun: number;
  /** Requests answered with the stored result of an earlier run. */
  answeredFromLedger: number;
  /** Requests for a job running here already (acked; the run replies). */
  duplicatesIgnored: number;
  /** Deliveries put back because they arrived when no slot was free. */
  requeuedNoSlot: number;
  /** Handlers running now, and the most ever seen at once. */
  running: number;
  maxConcurrent: number;
}

/**
 * Takes job requests of trusted managers from the shared (manager, job type)
 * queues when a slot is free, keeps the job ledger, runs handlers and replies
 * (`JobAccepted`, periodic `JobProgress`, `JobResult`).
 */
export class Agent {
  private readonly log: Logger;
  private readonly intake: Intake;
  private readonly replies: ReplySender;
  private readonly jobTypes: ReadonlySet<string>;
  private trusted: TrustedManagers | undefined;
  private readonly claims = new JobClaims();
  private readonly runs = new Set<HandlerRun>();
  private readonly work = new Set<Promise<void>>();
  private trustTimer: NodeJS.Timeout | undefined;
  private readonly counts = {
    refused: {} as Record<string, number>,
    jobsRun: 0,
    answeredFromLedger: 0,
    duplicatesIgnored: 0,
    maxConcurrent: 0,
  };

  constructor(private readonly options: AgentOptions) {
    this.log = options.log.child({ agentId: options.id });
    this.jobTypes = new Set(Object.keys(options.handlers));
    const { connection, topology, identity } = options;
    this.replies = new ReplySender({ connection, topology, identity, log: this.log });
    this.intake = new Intake({
      connection,
      topology,
      slots: options.slots,
      sources: () => this.sources(),
      onDelivery: (delivery) => this.accept(delivery),
      log: this.log,
    });
  }

  /** Loads the trust list, declares the queues and starts consuming. @throws when the database or broker refuses. */
  async start(): Promise<void> {
    this.trusted = await TrustedManagers.load(this.options.sql);
    await this.intake.start();
    this.trustTimer = setInterval(
      () => void this.refreshTrust(),
      this.options.trustRefreshMs ?? 5_000,
    );
    this.log.info({ jobTypes: [...this.jobTypes], slots: this.options.slots }, 'agent started');
  }

  /**
   * Stops taking work, waits for running jobs up to the stop timeout (then
   * aborts them: they fail retryably and run again elsewhere), closes channels.
   */
  async stop(): Promise<void> {
    clearInterval(this.trustTimer);
    await this.intake.stop();
    const all = Promise.allSettled([...this.work]);
    const timeout = sleep(this.options.stopTimeoutMs ?? 30_000, 'timeout' as const, { ref: false });
    if ((await Promise.race([all, timeout])) === 'timeout') {
      this.log.warn({ running: this.runs.size }, 'jobs still running at shutdown; aborting them');
      for (const run of this.runs) run.abort('the agent is shutting down');
      await Promise.race([all, sleep(1_000, undefined, { ref: false })]);
    }
    await this.intake.close();
    await this.replies.close();
    this.log.info('agent stopped');
  }

  stats(): AgentStats {
    return {
      ...this.counts,
      refused: { ...this.counts.refused },
      requeuedNoSlot: this.intake.requeued,
      running: this.runs.size,
    };
  }

  private sources(): JobSource[] {
    const names = topologyNames(this.options.topology.prefix);
    return (this.trusted?.list() ?? []).flatMap(({ managerId }) =>
      [...this.jobTypes].map((jobType) => ({
        queue: names.jobQueue(managerId, jobType),
        manager: managerId,
        jobType,
      })),
    );
  }

  private async refreshTrust(): Promise<void> {
    try {
      await this.trusted?.refresh();
      this.intake.update();
    } catch (error) {
      this.log.error({ err: error }, 'could not reload trusted managers');
    }
  }

  private accept(delivery: Delivery): void {
    const work = this.handle(delivery)
      .catch((error: unknown) => {
        // The ledger or broker failed before the ack: the message goes back, and intake pauses so it is not retried hot.
        this.log.error(
          { err: error, messageId: delivery.message.properties.messageId },
          'could not take a job request',
        );
        delivery.requeue();
        this.intake.pauseFor(1_000);
      })
      .finally(() => {
        this.work.delete(work);
        this.intake.release();
      });
    this.work.add(work);
  }

  private async handle(delivery: Delivery): Promise<void> {
    const checked = checkRequest(delivery.message.content, delivery.source, {
      self: this.options.id,
      lookup: (sender, keyId) => this.trusted?.lookup(sender, keyId),
      jobTypes: this.jobTypes,
    });
    if (!checked.ok) return this.refuse(delivery, checked);
    const request = checked.request;
    const log = this.log.child({
      messageId: request.messageId,
      jobId: request.jobId,
      managerId: request.managerId,
      attempt: request.attempt,
    });
    const claim = await this.claims.acquire(request.managerId, request.jobId);
    if (!claim) {
      this.counts.duplicatesIgnored += 1;
      log.info('job is running here already; it will reply');
      delivery.ack();
      return;
    }
    try {
      await this.takeFromLedger(delivery, request, claim, log);
    } finally {
      claim.release();
    }
  }

  /** Ledger first: the request is recorded (or its earlier outcome found) before the ack. */
  private async takeFromLedger(
    delivery: Delivery,
    request: JobRequestData,
    claim: Claim,
    log: Logger,
  ): Promise<void> {
    const { sql } = this.options;
    const { job, created } = await recordRequest(sql, ledgerRecord(request));
    const stored = created ? undefined : ledgerAnswer(job, request.attempt);
    if (stored) {
      this.counts.answeredFromLedger += 1;
      log.info(
        { status: job.status, storedAttempt: job.attempt },
        'job finished before; answering from the ledger',
      );
      await this.send(request, resultBody(request, stored, true), log);
      delivery.ack();
      return;
    }
    // Not created: a retryable failure and this is a newer attempt, or the row
    // says running although no handler runs it here (the agent was restarted
    // mid-run). Both run again, with the idempotency key the ledger first stored.
    if (!created) await restartJob(sql, request.managerId, request.jobId, request.attempt);
    delivery.ack();
    await this.run({ ...request, idempotencyKey: job.idempotencyKey }, claim, log);
  }

  private async run(request: JobRequestData, claim: Claim, log: Logger): Promise<void> {
    const handler = this.options.handlers[request.jobType];
    if (!handler) throw new Error(`no handler for ${request.jobType}`); // checkRequest refused it already
    claim.running = true;
    this.counts.jobsRun += 1;
    void this.send(request, acceptedBody(request), log);
    let latest: Json = null;
    let sequence = 0;
    const run = runHandler({
      ...request,
      handler,
      log,
      onProgress: (details) => (latest = details),
    });
    this.runs.add(run);
    this.counts.maxConcurrent = Math.max(this.counts.maxConcurrent, this.runs.size);
    // Sent even when the handler reports nothing: it is the manager's sign that the job is alive.
    const ticker = setInterval(
      () => {
        sequence += 1;
        void this.send(request, progressBody(request, latest, sequence), log);
      },
      request.progressIntervalMs || (this.options.defaultProgressIntervalMs ?? 10_000),
    );
    try {
      const outcome = await run.outcome;
      clearInterval(ticker);
      claim.running = false;
      await finishJob(
        this.options.sql,
        request.managerId,
        request.jobId,
        request.attempt,
        outcome,
      ).catch((error: unknown) =>
        // The result still goes out; a redelivery would find the row running and run the job again.
        log.error({ err: error }, 'could not store the job outcome in the ledger'),
      );
      await this.send(request, resultBody(request, outcome, false), log);
      log.info({ status: outcome.status }, 'job finished');
      // The slot stays busy until the handler returns, even after a run timeout.
      await run.finished;
    } finally {
      clearInterval(ticker);
      this.runs.delete(run);
    }
  }

  private async refuse(
    delivery: Delivery,
    refusal: Extract<CheckedRequest, { ok: false }>,
  ): Promise<void> {
    const { reason, detail, reject } = refusal;
    this.counts.refused[reason] = (this.counts.refused[reason] ?? 0) + 1;
    this.log.warn(
      {
        messageId: delivery.message.properties.messageId,
        jobId: reject?.request.jobId,
        queue: delivery.source.queue,
        reason,
      },
      `job request refused: ${detail}`,
    );
    await this.replies.deadLetter(delivery.message, reason, detail);
    delivery.ack();
    if (reject)
      await this.send(
        reject.request,
        rejectedBody(reject.request, reject.reason, detail),
        this.log,
      );
  }

  /** Replies to the request's manager; a reply that cannot be sent is logged (the manager's timeouts cover it). */
  private async send(request: JobRequestData, body: Body, log: Logger): Promise<void> {
    try {
      await this.replies.reply(request.managerId, body);
    } catch (error) {
      log.warn({ err: error, reply: Object.keys(body)[0] }, 'could not send a reply');
    }
  }
}
