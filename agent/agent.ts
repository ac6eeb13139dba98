import { setTimeout as sleep } from 'node:timers/promises';
import type { Tracer } from '@opentelemetry/api';
import type { ConsumeMessage, Message } from 'amqplib';
import type { ChannelSource } from '../common/broker-connection.ts';
import { priorityBands, topologyNames, type Topology } from '../common/broker.ts';
import { DEFAULT_JOB_LOG_MAX_BYTES } from '../common/config.ts';
import type { Sql } from '../common/db.ts';
import { peekUnverified, SUPPORTED_PROTOCOL_VERSIONS, type Body } from '../common/envelope.ts';
import { spanHeaders } from '../common/trace-context.ts';
import { noTracing } from '../common/tracing.ts';
import { softwareVersion } from '../common/version.ts';
import { caroni } from '../proto/generated/caroni.js';
import { Announcer } from './announce.ts';
import { agentRestartFailure, failInterrupted, getJob, ledgerAnswer } from './ledger.ts';
import { checkVerdicts, Reconciler } from './reconcile.ts';
import { Pruner } from './retention.ts';
import { metrics, watchAgent } from '../common/metrics.ts';
import { Outbox } from './outbox.ts';
import type { Identity } from '../common/keys.ts';
import type { Logger } from '../common/log.ts';
import { applyCancel } from './cancel-job.ts';
import { checkCancel, DEFAULT_CANCEL_FRESHNESS_MS } from './check-cancel.ts';
import {
  checkRequest,
  refFromRecord,
  type AgentRefusalReason,
  type CheckedRequest,
} from './check-request.ts';
import { JobClaims } from './claims.ts';
import { ControlConsumer } from './control.ts';
import type { Handler } from './handler.ts';
import { Intake, type Delivery, type JobSource } from './intake.ts';
import { endJobSpan, markOutcome, startJobSpan } from './job-span.ts';
import { ledgerResultBody, rejectedBody, ReplySender, resultBody } from './replies.ts';
import type { HandlerRun } from './run-handler.ts';
import type { RunningJob } from './run-job.ts';
import { takeRequest } from './take-request.ts';
import { TrustedManagers } from './trust.ts';

export interface AgentOptions {
  id: string;
  identity: Identity;
  sql: Sql;
  connection: ChannelSource;
  topology: Topology;
  handlers: Record<string, Handler>;
  /** Jobs run at once. */
  slots: number;
  log: Logger;
  /** Progress interval for a request that asks for none. Default 10 s. */
  defaultProgressIntervalMs?: number;
  /** The bound of each job's log. Default {@link DEFAULT_JOB_LOG_MAX_BYTES}. */
  jobLogMaxBytes?: number;
  /** How often the trust list is reloaded, so a newly trusted manager's queues are consumed. Default 5 s. */
  trustRefreshMs?: number;
  /** How long {@link Agent.stop} waits for running jobs before aborting them. Default 30 s. */
  stopTimeoutMs?: number;
  /**
   * A `CancelJob` signed further than this from the agent's clock, either way,
   * is refused as `stale`: the replay window, and the clock-skew tolerance
   * between manager and agent. Default 5 minutes.
   */
  cancelFreshnessMs?: number;
  /** What the resource offers (e.g. `gpu: a100`), advertised to trusted managers. */
  labels?: Record<string, string>;
  /** How often each trusted manager gets the agent's ad. Default 5 s. */
  announceIntervalMs?: number;
  /** How often replies left unconfirmed in the outbox are published again. Default 5 s. */
  outboxRetryMs?: number;
  /** How often each trusted manager is asked which of its jobs it still wants. Default 60 s. */
  reconcileIntervalMs?: number;
  /** The furthest ahead a request's queue deadline may be. Default 2 days. */
  maxQueueMs?: number;
  /** How long finished jobs and unsent replies are kept. Default 7 days. */
  retentionMs?: number;
  /** A span per job taken, in its run's trace (see agent/job-span.ts). Default: no tracing. */
  tracer?: Tracer;
}

/** What the agent did since it started. */
export interface AgentStats {
  /** Refused deliveries by reason (`unknown_key`, `expired`, ...). */
  refused: Record<string, number>;
  /** Handler runs started. */
  jobsRun: number;
  /** Requests answered from the ledger: the stored result of an earlier run, or `JobCancelled` for a cancelled job. */
  answeredFromLedger: number;
  /** Cancellations that stopped a job running here or marked it cancelled in the ledger (a tombstone). */
  cancelled: number;
  /** Requests for a job running here already (acked; the run replies). */
  duplicatesIgnored: number;
  /** Stored outcomes sent again because a manager's run still waited for them (see agent/reconcile.ts). */
  resentByReconciliation: number;
  /** Jobs stopped because their manager's run no longer waited for them. */
  stoppedByReconciliation: number;
  /** Deliveries put back because they arrived when no slot was free, or their queue was no longer taken from (trust changed, draining). */
  requeuedNoSlot: number;
  /** Handlers running now, and the most ever seen at once. */
  running: number;
  maxConcurrent: number;
}

/** What the agent is doing now, for its admin API. */
export interface AgentStatus {
  agentId: string;
  slots: number;
  /** True between {@link Agent.drain} and {@link Agent.undrain}: no new work is taken. */
  draining: boolean;
  /** The job types this agent has handlers for. */
  jobTypes: string[];
  /** What the resource offers, as advertised. */
  labels: Record<string, string>;
  /** Handlers running now, by manager (managers with none are left out). */
  running: Record<string, number>;
  stats: AgentStats;
}

/**
 * Takes job requests of trusted managers from the shared (manager, job type)
 * queues when a slot is free, keeps the job ledger, runs handlers and replies
 * (`JobAccepted`, periodic `JobProgress`, `JobResult`). Cancellations come
 * through its control queue, which it always consumes.
 */
export class Agent {
  private readonly log: Logger;
  private readonly intake: Intake;
  private readonly control: ControlConsumer;
  private readonly replies: ReplySender;
  private readonly announcer: Announcer;
  private readonly outbox: Outbox;
  private readonly reconciler: Reconciler;
  private readonly pruner: Pruner;
  private unwatch: (() => void) | undefined;
  private readonly jobTypes: ReadonlySet<string>;
  private trusted: TrustedManagers | undefined;
  private readonly claims = new JobClaims<RunningJob>();
  /** Handlers running now, with the manager each job is for. */
  private readonly runs = new Map<HandlerRun, string>();
  private readonly work = new Set<Promise<void>>();
  private trustTimer: NodeJS.Timeout | undefined;
  private draining = false;
  private stopping = false;
  private readonly counts = {
    refused: {} as Record<string, number>,
    jobsRun: 0,
    answeredFromLedger: 0,
    cancelled: 0,
    duplicatesIgnored: 0,
    resentByReconciliation: 0,
    stoppedByReconciliation: 0,
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
      shares: () => this.trusted?.list() ?? [],
      onDelivery: (delivery) => this.accept(delivery),
      log: this.log,
    });
    this.outbox = new Outbox({
      sql: options.sql,
      publish: (managerId, body, headers) => this.replies.reply(managerId, body, headers),
      log: this.log,
      retryMs: options.outboxRetryMs,
    });
    this.reconciler = new Reconciler({
      sql: options.sql,
      managers: () => (this.trusted?.list() ?? []).map((m) => m.managerId),
      send: (managerId, body) => this.replies.reply(managerId, body),
      log: this.log,
      intervalMs: options.reconcileIntervalMs,
    });
    this.pruner = new Pruner({
      sql: options.sql,
      retentionMs: options.retentionMs ?? 7 * 24 * 60 * 60_000,
      log: this.log,
    });
    this.announcer = new Announcer({
      intervalMs: options.announceIntervalMs ?? 5_000,
      managers: () => (this.trusted?.list() ?? []).map((m) => m.managerId),
      adFor: (managerId) => this.adFor(managerId),
      send: (managerId, ad) => this.replies.reply(managerId, { agentAnnouncement: ad }),
      log: this.log,
    });
    this.control = new ControlConsumer({
      connection,
      topology,
      agentId: options.id,
      onMessage: (message) => this.onControl(message),
      log: this.log,
    });
  }

  /** Loads the trust list, declares the queues and starts consuming. @throws when the database or broker refuses. */
  async start(): Promise<void> {
    this.trusted = await TrustedManagers.load(this.options.sql);
    await this.failInterrupted();
    this.outbox.start();
    // What waited in the outbox while the broker was away goes out now, not at the next sweep.
    this.options.connection.on('restored', () => this.outbox.sweepNow());
    // Before taking work: a cancellation must be able to reach the first job.
    await this.control.start();
    await this.intake.start();
    this.announcer.start();
    this.reconciler.start();
    this.pruner.start();
    this.unwatch = watchAgent({
      agentId: this.options.id,
      slots: this.options.slots,
      running: () => this.status().running,
      outboxDepth: async () => (await this.options.sql`select 1 from outbox`).count,
    });
    this.trustTimer = setInterval(() => {
      this.reloadTrust().catch((error: unknown) =>
        this.log.error({ err: error }, 'could not reload trusted managers'),
      );
    }, this.options.trustRefreshMs ?? 5_000);
    this.log.info({ jobTypes: [...this.jobTypes], slots: this.options.slots }, 'agent started');
  }

  /**
   * Stops taking work, waits for running jobs up to the stop timeout (then
   * aborts them: they fail retryably and run again elsewhere), closes channels.
   * Cancellations are taken until the running jobs are done.
   */
  async stop(): Promise<void> {
    clearInterval(this.trustTimer);
    // Said first, so managers stop pinning jobs here while it winds down.
    this.stopping = true;
    await this.announcer.announceNow();
    await this.announcer.stop();
    await this.reconciler.stop();
    this.pruner.stop();
    this.unwatch?.();
    await this.intake.stop();
    const all = Promise.allSettled([...this.work]);
    const timeout = sleep(this.options.stopTimeoutMs ?? 30_000, 'timeout' as const, { ref: false });
    if ((await Promise.race([all, timeout])) === 'timeout') {
      this.log.warn({ running: this.runs.size }, 'jobs still running at shutdown; aborting them');
      for (const run of this.runs.keys()) run.abort('the agent is shutting down');
      await Promise.race([all, sleep(1_000, undefined, { ref: false })]);
    }
    await this.control.close();
    await this.intake.close();
    await this.outbox.stop();
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

  status(): AgentStatus {
    const running: Record<string, number> = {};
    for (const managerId of this.runs.values()) running[managerId] = (running[managerId] ?? 0) + 1;
    return {
      agentId: this.options.id,
      slots: this.options.slots,
      draining: this.draining,
      jobTypes: this.handledJobTypes(),
      labels: this.options.labels ?? {},
      running,
      stats: this.stats(),
    };
  }

  /** The job types this agent has handlers for, sorted. */
  handledJobTypes(): string[] {
    return [...this.jobTypes].sort();
  }

  /**
   * The rule for a job the ledger says is running when the agent starts: it
   * was interrupted by the restart, so it fails retryably (`agent_restart`)
   * and its result goes out through the outbox (published by its first sweep);
   * the manager runs it again at once, with the same idempotency key.
   */
  private async failInterrupted(): Promise<void> {
    const interrupted = await this.options.sql.begin(async (tx) => {
      const jobs = await failInterrupted(tx);
      for (const job of jobs) {
        const request = {
          jobId: job.jobId,
          ref: refFromRecord(job.ref),
          attempt: job.attempt,
          jobType: job.jobType,
        };
        const outcome = { status: 'failed' as const, failure: agentRestartFailure };
        await this.outbox.enqueue(
          tx,
          job.managerId,
          job.jobId,
          resultBody(request, outcome, false, undefined),
        );
      }
      return jobs;
    });
    if (interrupted.length > 0)
      this.log.warn(
        { jobs: interrupted.map((job) => `${job.managerId}/${job.jobId}`) },
        'jobs interrupted by a restart failed as retryable (agent_restart)',
      );
  }

  /**
   * Reloads the trust list now and brings the consumed queues in line with
   * it, instead of waiting for the periodic refresh: an admin's change takes
   * effect when this resolves. @throws when the database cannot be read.
   */
  async reloadTrust(): Promise<void> {
    await this.trusted?.refresh();
    this.intake.update();
    await this.intake.settled();
    await this.announcer.announceNow();
  }

  /**
   * Stops taking new work for maintenance: consumers are cancelled and
   * nothing is pulled, while running jobs finish and reply and cancellations
   * are still taken. Resolves once the consumers are cancelled. Not
   * persisted: a restarted agent takes work again.
   */
  async drain(): Promise<void> {
    this.draining = true;
    await this.intake.setDraining(true);
    await this.announcer.announceNow();
    this.log.info({ running: this.runs.size }, 'draining: taking no new work');
  }

  /** Takes work again after {@link drain}. */
  async undrain(): Promise<void> {
    this.draining = false;
    await this.intake.setDraining(false);
    await this.announcer.announceNow();
    this.log.info('taking work again');
  }

  /** The ad `managerId` gets: what it may run here, the load, and whether this agent takes work. */
  private adFor(managerId: string): caroni.v1.IAgentAnnouncement {
    const allowed = this.trusted?.list().find((m) => m.managerId === managerId)?.jobTypes;
    const forManager = [...this.runs.values()].filter((id) => id === managerId).length;
    return {
      agentId: this.options.id,
      jobTypes: this.handledJobTypes().filter((jobType) => !allowed || allowed.includes(jobType)),
      labels: this.options.labels ?? {},
      capacity: this.options.slots,
      load: this.runs.size,
      loadForRecipient: forManager,
      protocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
      softwareVersion,
      draining: this.draining || this.stopping,
      announceIntervalMs: this.options.announceIntervalMs ?? 5_000,
    };
  }

  /**
   * The queues to take from: for each trusted manager, the band queues of the
   * job types it may run here that this agent handles, and its queue pinned
   * to this agent.
   */
  private sources(): JobSource[] {
    const names = topologyNames(this.options.topology.prefix);
    return (this.trusted?.list() ?? []).flatMap(({ managerId, jobTypes }) => [
      ...[...this.jobTypes]
        .filter((jobType) => !jobTypes || jobTypes.includes(jobType))
        .flatMap((jobType) =>
          priorityBands.map((band): JobSource => ({
            kind: 'shared',
            queue: names.jobQueue(managerId, jobType, band),
            manager: managerId,
            jobType,
            band,
          })),
        ),
      {
        kind: 'pinned',
        queue: names.pinnedQueue(this.options.id, managerId),
        manager: managerId,
        agent: this.options.id,
      },
    ]);
  }

  /** False when `managerId`'s trust names job types that leave `jobType` out (its signature is checked apart). */
  private allows(managerId: string, jobType: string): boolean {
    const allowed = this.trusted?.list().find((m) => m.managerId === managerId)?.jobTypes;
    return !allowed || allowed.includes(jobType);
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
        this.intake.release(delivery);
      });
    this.work.add(work);
  }

  private async handle(delivery: Delivery): Promise<void> {
    const checked = checkRequest(delivery.message.content, delivery.source, {
      self: this.options.id,
      lookup: (sender, keyId) => this.trusted?.lookup(sender, keyId),
      jobTypes: this.jobTypes,
      allows: (managerId, jobType) => this.allows(managerId, jobType),
      maxQueueMs: this.options.maxQueueMs,
    });
    if (!checked.ok) return this.refuseRequest(delivery, checked);
    const request = checked.request;
    const log = this.log.child({
      messageId: request.messageId,
      jobId: request.jobId,
      managerId: request.managerId,
      attempt: request.attempt,
    });
    const jobLabels = {
      agent: this.options.id,
      manager: request.managerId,
      job_type: request.jobType,
    };
    const handler = this.options.handlers[request.jobType];
    if (!handler) throw new Error(`no handler for ${request.jobType}`); // checkRequest refused it already
    const span = startJobSpan(this.options.tracer ?? noTracing.tracer, request, this.options.id);
    const taking = takeRequest(delivery, request, {
      sql: this.options.sql,
      outbox: this.outbox,
      claims: this.claims,
      handler,
      send: (body) => this.send(request, body),
      progressIntervalMs:
        request.progressIntervalMs || (this.options.defaultProgressIntervalMs ?? 10_000),
      jobLogMaxBytes: this.options.jobLogMaxBytes ?? DEFAULT_JOB_LOG_MAX_BYTES,
      traceContext: spanHeaders(span),
      onOutcome: (event, usage) => {
        markOutcome(span, event);
        const labels = { ...jobLabels, event };
        metrics.agentJobs.inc(labels);
        if (!usage) return;
        metrics.queueWait.observe(jobLabels, usage.queueWaitMs / 1000);
        metrics.runTime.observe(jobLabels, usage.wallMs / 1000);
      },
      onStart: (run) => {
        metrics.agentJobs.inc({ ...jobLabels, event: 'accepted' });
        this.counts.jobsRun += 1;
        this.runs.set(run, request.managerId);
        this.counts.maxConcurrent = Math.max(this.counts.maxConcurrent, this.runs.size);
      },
      onEnd: (run) => this.runs.delete(run),
      log,
    });
    const effect = await endJobSpan(span, taking);
    if (effect === 'duplicate') this.counts.duplicatesIgnored += 1;
    if (effect === 'answered') this.counts.answeredFromLedger += 1;
  }

  /** A control message: resolves to ack it (applied or refused), rejects to put it back. */
  private async onControl(message: ConsumeMessage): Promise<void> {
    // Only to route it: each path verifies the message itself.
    if (peekUnverified(message.content)?.jobVerdicts) return this.onVerdicts(message);
    const checked = checkCancel(message.content, {
      self: this.options.id,
      lookup: (sender, keyId) => this.trusted?.lookup(sender, keyId),
      freshnessMs: this.options.cancelFreshnessMs ?? DEFAULT_CANCEL_FRESHNESS_MS,
    });
    if (!checked.ok) {
      return this.deadLetter(message, checked, {
        what: 'cancellation',
        queue: topologyNames(this.options.topology.prefix).controlQueue(this.options.id),
        jobId: checked.jobId,
      });
    }
    const { cancel } = checked;
    const log = this.log.child({
      messageId: cancel.messageId,
      jobId: cancel.jobId,
      managerId: cancel.managerId,
    });
    const effect = await applyCancel(cancel, {
      sql: this.options.sql,
      claims: this.claims,
      send: (body) => this.send(cancel, body),
    });
    if (effect !== 'unchanged') this.counts.cancelled += 1;
    log.info({ effect, reason: cancel.reason }, 'cancellation applied');
  }

  /**
   * A manager's answer to a reconciliation: a job its run no longer waits for
   * is stopped if it runs here; an outcome it still waits for is sent again
   * from the ledger. Resolves to ack it; rejects (the ledger failed) to put it back.
   */
  private async onVerdicts(message: ConsumeMessage): Promise<void> {
    const checked = checkVerdicts(message.content, {
      self: this.options.id,
      lookup: (sender, keyId) => this.trusted?.lookup(sender, keyId),
      freshnessMs: this.options.cancelFreshnessMs ?? DEFAULT_CANCEL_FRESHNESS_MS,
    });
    if (!checked.ok) {
      return this.deadLetter(message, checked, {
        what: 'job verdicts',
        queue: topologyNames(this.options.topology.prefix).controlQueue(this.options.id),
        jobId: undefined,
      });
    }
    const State = caroni.v1.JobVerdict.State;
    const { managerId } = checked;
    for (const verdict of checked.verdicts) {
      const jobId = verdict.jobId ?? '';
      const ref = verdict.ref ?? {};
      if (verdict.state === State.STATE_DONE) {
        const running = this.claims.running(managerId, jobId);
        if (!running || running.cancellation) continue;
        const reason = 'its run no longer waits for it';
        await applyCancel(
          { managerId, jobId, ref, reason, messageId: message.properties.messageId as string },
          {
            sql: this.options.sql,
            claims: this.claims,
            send: (body) => this.send({ managerId, jobId }, body),
          },
        );
        this.counts.stoppedByReconciliation += 1;
        this.log.info({ managerId, jobId }, 'stopped a job its run no longer waits for');
      } else if (verdict.state === State.STATE_WAITING) {
        const job = await getJob(this.options.sql, managerId, jobId);
        const attempt = verdict.attempt ?? 0;
        const stored = job && ledgerAnswer(job, attempt);
        if (!job || !stored) continue;
        const request = { managerId, jobId, ref, attempt, jobType: job.jobType };
        const body = await ledgerResultBody(this.options.sql, request, stored, job.attempt);
        await this.send({ managerId, jobId }, body);
        this.counts.resentByReconciliation += 1;
        this.log.info(
          { managerId, jobId, attempt },
          'sent a stored outcome its run still waits for',
        );
      }
    }
  }

  private async refuseRequest(
    delivery: Delivery,
    refusal: Extract<CheckedRequest, { ok: false }>,
  ): Promise<void> {
    const { reject } = refusal;
    await this.deadLetter(delivery.message, refusal, {
      what: 'job request',
      queue: delivery.source.queue,
      jobId: reject?.request.jobId,
    });
    delivery.ack();
    if (reject)
      await this.send(reject.request, rejectedBody(reject.request, reject.reason, refusal.detail));
  }

  /** Counts, logs and dead-letters a refused message; the caller acks it once this resolves. */
  private async deadLetter(
    message: Message,
    { reason, detail }: { reason: AgentRefusalReason; detail: string },
    { what, queue, jobId }: { what: string; queue: string; jobId: string | undefined },
  ): Promise<void> {
    this.counts.refused[reason] = (this.counts.refused[reason] ?? 0) + 1;
    metrics.refusals.inc({ role: 'agent', party: this.options.id, reason });
    this.log.warn(
      { messageId: message.properties.messageId, jobId, queue, reason },
      `${what} refused: ${detail}`,
    );
    await this.replies.deadLetter(message, reason, detail);
  }

  /** Replies to a job's manager through the outbox (see agent/outbox.ts); never rejects. */
  private async send(job: { managerId: string; jobId: string }, body: Body): Promise<void> {
    await this.outbox.send(job.managerId, job.jobId, body);
  }
}
