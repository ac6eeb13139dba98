import { SpanKind, type Tracer } from '@opentelemetry/api';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { caroni } from '../proto/generated/caroni.js';
import { deadLetter, type ConfirmedPublisher, type Topology } from '../common/broker.ts';
import {
  open,
  peekUnverified,
  RefusalReason,
  RefusedMessageError,
  jobReplyBody,
  SUPPORTED_PROTOCOL_VERSIONS,
  toNumber,
  type Opened,
} from '../common/envelope.ts';
import { failpoint } from '../common/failpoints.ts';
import type { Logger } from '../common/log.ts';
import { metrics } from '../common/metrics.ts';
import { fromValue } from '../common/struct.ts';
import { contextFromHeaders, inSpan } from '../common/trace-context.ts';
import { noTracing } from '../common/tracing.ts';
import type { TrustedKeys } from '../common/trusted-keys.ts';
import { fromJobUsage } from '../common/usage.ts';
import type { ReceivedAd } from '../db/agents-seen.ts';
import type { ReportedLog } from '../db/job-logs.ts';
import type { ReportedUsage } from '../db/job-usage.ts';
import { jobReplySignal, type JobReply } from '../workflows/messages.ts';

const Reason = caroni.v1.JobRejected.Reason;
const rejectionNames: Record<number, string> = {
  [Reason.REASON_UNTRUSTED]: 'untrusted',
  [Reason.REASON_UNKNOWN_JOB_TYPE]: 'unknown_job_type',
  [Reason.REASON_EXPIRED]: 'expired',
  [Reason.REASON_OVER_QUOTA]: 'over_quota',
  [Reason.REASON_UNSUPPORTED_VERSION]: 'unsupported_version',
  [Reason.REASON_DEADLINE_TOO_FAR]: 'deadline_too_far',
};

export interface ReplyConsumerOptions {
  managerId: string;
  namespace: string;
  channel: Channel;
  queue: string;
  publisher: ConfirmedPublisher;
  topology: Topology;
  client: Client;
  trust: TrustedKeys;
  log: Logger;
  /** Unacked replies in flight at once. Default 64. */
  prefetch?: number;
  /** First pause of the consumer after a reply could not be handed over (doubling to 30 s). Default 1 s. */
  retryDelayMs?: number;
  /** Told of each trusted agent a verified reply came from (the admin API lists them). */
  onSeen?: (agentId: string) => Promise<void>;
  /** Books the usage a verified result reports; once per run however often it comes. */
  onUsage?: (usage: ReportedUsage) => Promise<void>;
  /** Stores the job log a verified progress (its end) or result (all of it) carries. */
  onLog?: (log: ReportedLog) => Promise<void>;
  /**
   * Answers a trusted agent's fresh reconciliation (the jobs it holds) on its
   * control queue. @throws when the answer cannot be published (the message goes back).
   */
  onReconcile?: (agentId: string, held: caroni.v1.IHeldJob[]) => Promise<void>;
  /** Stores a trusted agent's verified, fresh capability ad. */
  onAnnouncement?: (ad: ReceivedAd) => Promise<void>;
  /** Each reply handed to a workflow gets a span in its job's trace. Default: no tracing. */
  tracer?: Tracer;
  /**
   * How long a job's acceptance is held back in case its success follows: a
   * success tells the run everything the acceptance would, so a quick job then
   * costs its run one signal (and one history event) instead of two. 0 hands
   * every acceptance over at once (`CARONI_ACCEPTANCE_HOLD_MS`, default 20 ms).
   */
  acceptanceHoldMs?: number;
  /**
   * An announcement, progress or reconciliation signed further than this from
   * the bridge's clock, either way, is refused as `stale`: the replay window
   * and the clock-skew tolerance. Default 5 minutes.
   */
  announcementFreshnessMs?: number;
}

/**
 * What became of a held acceptance: its attempt's success was signalled
 * (`delivered`: the acceptance has nothing to add), found the run closed
 * (`run_closed`: so did it), or the acceptance goes on as any reply
 * (`expired`: no success in time, or its signal failed and will be retried).
 */
type AcceptanceFate = 'delivered' | 'run_closed' | 'expired';

/** What ties an acceptance to its result: the job and the attempt. */
function holdKey(reply: JobReply): string {
  return `${reply.attempt}:${reply.jobId}`;
}

/** Default of {@link ReplyConsumerOptions.announcementFreshnessMs}. */
export const DEFAULT_ANNOUNCEMENT_FRESHNESS_MS = 5 * 60_000;

/** Counts of what the reply consumer did, by outcome. */
export type ReplyStats = Record<string, number>;

/**
 * Consumes a manager's reply queue and hands each verified reply to its
 * workflow as a signal. Stateless: any bridge of the manager can take any
 * reply. A reply that cannot be verified or belongs to a closed run is
 * dead-lettered with the reason; one that cannot be handed over now
 * (Temporal unreachable) goes back to the queue after a pause.
 */
export class ReplyConsumer {
  readonly stats: ReplyStats = {};
  private consumerTag: string | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  /** Set while consuming is paused because Temporal did not take a reply. */
  private pauseTimer: NodeJS.Timeout | undefined;
  /** The next pause's length: doubled per pause in a row, reset by a reply handed over. */
  private pauseMs: number;
  /** Acceptances held back, by job id and attempt: each ends the hold early when its result is in. */
  private readonly heldAcceptances = new Map<string, () => (fate: AcceptanceFate) => void>();

  constructor(private readonly options: ReplyConsumerOptions) {
    this.pauseMs = options.retryDelayMs ?? 1_000;
  }

  async start(): Promise<void> {
    await this.options.channel.prefetch(this.options.prefetch ?? 64, false);
    await this.consume();
  }

  /** Stops consuming and waits for replies being handed over. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pauseTimer);
    await this.cancelConsumer();
    await Promise.allSettled([...this.inFlight]);
  }

  private async consume(): Promise<void> {
    const { channel, queue } = this.options;
    const { consumerTag } = await channel.consume(queue, (message) => {
      if (!message) return;
      const work = this.handle(message).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
    this.consumerTag = consumerTag;
  }

  private async cancelConsumer(): Promise<void> {
    const tag = this.consumerTag;
    this.consumerTag = undefined;
    if (tag) await this.options.channel.cancel(tag).catch(() => undefined);
  }

  /**
   * Temporal (or the database) did not take a reply: stop consuming for a
   * while, doubling up to 30 s while it stays so, instead of cycling every
   * reply through the queue at full speed. The reply goes back once the
   * consumer is cancelled, so it waits in the queue, not in a redelivery loop.
   */
  private async pauseConsuming(): Promise<void> {
    if (this.pauseTimer || this.stopped) return;
    const delayMs = this.pauseMs;
    this.pauseMs = Math.min(delayMs * 2, 30_000);
    this.count('paused');
    this.options.log.warn({ pauseMs: delayMs }, 'pausing the reply consumer');
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = undefined;
      if (this.stopped) return;
      this.consume().catch((error: unknown) => {
        this.options.log.error({ err: error }, 'could not resume the reply consumer');
      });
    }, delayMs);
    await this.cancelConsumer();
  }

  /**
   * Hands a reply to its workflow, in a span under the trace context the
   * agent sent with it (its job's span), so the signal carries it on.
   */
  private signal(
    { kind, headers, envelope }: Opened,
    workflowId: string,
    reply: JobReply,
  ): Promise<void> {
    const tracer = this.options.tracer ?? noTracing.tracer;
    const attributes = {
      'caroni.job.id': reply.jobId,
      'caroni.job.attempt': reply.attempt,
      'caroni.agent.id': envelope.sender,
      'caroni.reply': reply.kind,
      'messaging.message.id': envelope.id,
      'temporal.workflow.id': workflowId,
    };
    return inSpan(
      tracer,
      `reply ${kind}`,
      { kind: SpanKind.CONSUMER, attributes, parent: contextFromHeaders(headers) },
      () => this.options.client.workflow.getHandle(workflowId).signal(jobReplySignal, reply),
    );
  }

  /**
   * Holds an acceptance back for up to `acceptanceHoldMs`, or, once the
   * job's success has come in meanwhile ({@link claimHeldAcceptance}), until
   * that success is settled: its fate is the acceptance's. `expired` when the
   * hold ran out (or holding is off, or a second acceptance of the attempt,
   * a redelivery, came): the acceptance is then handed over as any reply.
   */
  private holdAcceptance(reply: JobReply): Promise<AcceptanceFate> {
    const holdMs = this.options.acceptanceHoldMs ?? 0;
    const key = holdKey(reply);
    if (holdMs <= 0 || this.stopped || this.heldAcceptances.has(key)) {
      return Promise.resolve('expired');
    }
    return new Promise((resolve) => {
      const forget = () => {
        clearTimeout(timer);
        if (this.heldAcceptances.get(key) === claim) this.heldAcceptances.delete(key);
      };
      // Claimed by the success: no timer from then on, under load its signal outlasts the hold.
      const claim = () => {
        forget();
        return resolve;
      };
      const timer = setTimeout(() => {
        forget();
        resolve('expired');
      }, holdMs);
      this.heldAcceptances.set(key, claim);
    });
  }

  /**
   * A success takes over its attempt's held acceptance, if one waits.
   * @returns how to tell the acceptance what became of the success.
   */
  private claimHeldAcceptance(reply: JobReply): ((fate: AcceptanceFate) => void) | undefined {
    return this.heldAcceptances.get(holdKey(reply))?.();
  }

  /** A reply was handed over: the next pause, if any, starts short again. */
  private handedOver(): void {
    this.pauseMs = this.options.retryDelayMs ?? 1_000;
  }

  private count(outcome: string): void {
    this.stats[outcome] = (this.stats[outcome] ?? 0) + 1;
  }

  private async handle(message: ConsumeMessage): Promise<void> {
    const { channel, log } = this.options;
    let opened: Opened;
    try {
      opened = await this.verify(message);
    } catch (error) {
      if (!(error instanceof RefusedMessageError)) throw error;
      // An agent this manager does not trust (any more): its claims can only cause a republish.
      const stranger: string[] = [
        RefusalReason.UnknownKey,
        RefusalReason.RevokedKey,
        RefusalReason.RetiredKey,
      ];
      if (stranger.includes(error.reason)) {
        const claimed = peekUnverified(message.content);
        if (claimed?.agentAnnouncement) {
          // An agent that trusts this manager but is not trusted back: its ads carry no work,
          // and dead-lettering one every few seconds would bury the dead letters that matter.
          this.count('ignored_untrusted_announcement');
          channel.ack(message);
          return;
        }
        if (claimed?.jobAccepted) await this.takenByUntrusted(claimed);
      }
      await this.refuse(message, error.reason, error.message, error.sender);
      return;
    }
    if (opened.envelope.agentAnnouncement) {
      await this.announce(message, opened);
      return;
    }
    if (opened.envelope.reconcileJobs) {
      await this.reconcile(message, opened);
      return;
    }
    // Progress is only a sign of life now: an old one (replayed, or queued while bridges were
    // down) says nothing. Results count whenever they arrive.
    if (opened.envelope.jobProgress && (await this.refusedStale(message, opened, 'progress')))
      return;
    const reply = this.toReply(opened);
    if (typeof reply === 'string') {
      await this.refuse(message, 'unexpected_body', reply, opened.envelope.sender);
      return;
    }
    const { workflowId } = reply;
    const unsignallable = refusedByTemporal(workflowId, message.content.length);
    if (unsignallable) {
      await this.refuse(message, 'malformed', unsignallable, opened.envelope.sender);
      return;
    }
    // Bookkeeping only: a failed write must not hold up the reply.
    this.options.onSeen?.(opened.envelope.sender).catch((error: unknown) => {
      log.warn({ err: error, agent: opened.envelope.sender }, 'could not record the agent as seen');
    });
    this.bookUsage(opened);
    // Before the signal: once a step shows as finished, its whole log is there to read.
    await this.storeLog(opened);
    failpoint('bridge.before-signal');
    const isResult = reply.reply.kind === 'succeeded' || reply.reply.kind === 'failed';
    if (isResult && failpoint('bridge.before-result')) {
      log.warn({ workflowId, jobId: reply.reply.jobId }, 'failpoint: dropping a job result');
      this.count('dropped_by_failpoint');
      channel.ack(message);
      return;
    }
    // A failure does not stand in for an acceptance: the step should show where the attempt ran.
    const settleAcceptance =
      reply.reply.kind === 'succeeded' ? this.claimHeldAcceptance(reply.reply) : undefined;
    if (reply.reply.kind === 'accepted') {
      const fate = await this.holdAcceptance(reply.reply);
      if (fate === 'delivered') {
        this.count('accepted_superseded');
        channel.ack(message);
        return;
      }
      if (fate === 'run_closed') {
        await this.refuse(
          message,
          'run_closed',
          `run ${workflowId} is closed or unknown`,
          opened.envelope.sender,
        );
        return;
      }
    }
    try {
      await this.signal(opened, workflowId, reply.reply);
      settleAcceptance?.('delivered');
      failpoint('bridge.after-signal');
      this.count(`delivered_${reply.reply.kind}`);
      metrics.repliesDelivered.inc({ manager: this.options.managerId, kind: reply.reply.kind });
      this.handedOver();
      channel.ack(message);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        settleAcceptance?.('run_closed');
        await this.refuse(
          message,
          'run_closed',
          `run ${workflowId} is closed or unknown`,
          opened.envelope.sender,
        );
        return;
      }
      // Handed over as any reply: the run may wait a while for this success.
      settleAcceptance?.('expired');
      this.count('retried');
      log.warn(
        { err: error, workflowId, jobId: reply.reply.jobId },
        'could not hand a reply to its workflow; will retry',
      );
      await this.pauseConsuming();
      channel.nack(message, false, true);
    }
  }

  /**
   * Opens a reply; after an unknown key, once more when the trust list has
   * reloaded, so the first reply of an agent trusted a moment ago (through the
   * API, another process) is taken rather than refused.
   */
  private async verify(message: ConsumeMessage): Promise<Opened> {
    const { managerId, trust } = this.options;
    try {
      return open(message.content, managerId, trust.lookup);
    } catch (error) {
      if (!(error instanceof RefusedMessageError) || error.reason !== RefusalReason.UnknownKey)
        throw error;
      await trust.settled();
      return open(message.content, managerId, trust.lookup);
    }
  }

  /**
   * A job this manager published was taken by an agent it does not trust (its
   * acceptance is refused): that request is gone from the queue, so the
   * workflow is told to publish the attempt again for a trusted agent. The
   * claim is unverified; the worst a forged one can do is that republish.
   */
  private async takenByUntrusted(envelope: caroni.v1.Envelope): Promise<void> {
    const accepted = envelope.jobAccepted;
    const ref = accepted?.ref;
    if (
      !accepted?.jobId ||
      !ref?.workflowId ||
      ref.manager !== this.options.managerId ||
      ref.namespace !== this.options.namespace
    )
      return;
    const reply: JobReply = {
      kind: 'taken_by_untrusted',
      jobId: accepted.jobId,
      attempt: accepted.attempt ?? 0,
      agent: envelope.sender,
    };
    try {
      await this.options.client.workflow.getHandle(ref.workflowId).signal(jobReplySignal, reply);
      this.count('taken_by_untrusted');
    } catch (error) {
      this.options.log.warn(
        { err: error, workflowId: ref.workflowId, agent: envelope.sender },
        'could not tell a workflow that an untrusted agent took its job',
      );
    }
  }

  /** Refuses (as `stale`) a message signed outside the freshness window; @returns whether it did. */
  private async refusedStale(
    message: ConsumeMessage,
    { envelope, sentAtMs }: Opened,
    what: string,
  ): Promise<boolean> {
    const freshness = this.options.announcementFreshnessMs ?? DEFAULT_ANNOUNCEMENT_FRESHNESS_MS;
    const skew = Date.now() - sentAtMs;
    if (Math.abs(skew) <= freshness) return false;
    await this.refuse(
      message,
      'stale',
      `${what} signed ${skew} ms from this bridge's clock (tolerance ${freshness} ms)`,
      envelope.sender,
    );
    return true;
  }

  /**
   * Answers an agent's list of held jobs (see bridge/reconcile.ts). A job of
   * another manager in it is left out of the answer: the agent asks each
   * manager about its own jobs only.
   */
  private async reconcile(message: ConsumeMessage, opened: Opened): Promise<void> {
    if (await this.refusedStale(message, opened, 'reconciliation')) return;
    const held = (opened.envelope.reconcileJobs?.jobs ?? []).filter(
      (job) =>
        job.ref?.manager === this.options.managerId && job.ref.namespace === this.options.namespace,
    );
    try {
      await this.options.onReconcile?.(opened.envelope.sender, held);
      this.count('reconciliations');
      this.options.channel.ack(message);
    } catch (error) {
      this.count('retried');
      this.options.log.warn(
        { err: error, agent: opened.envelope.sender },
        'could not answer a reconciliation; will retry',
      );
      await this.pauseConsuming();
      this.options.channel.nack(message, false, true);
    }
  }

  /** Stores a trusted agent's fresh ad; a stale one, or one for another agent, is refused. */
  private async announce(message: ConsumeMessage, opened: Opened): Promise<void> {
    const { envelope, sentAtMs } = opened;
    const ad = envelope.agentAnnouncement as caroni.v1.IAgentAnnouncement;
    if (await this.refusedStale(message, opened, 'announcement')) return;
    if (ad.agentId !== envelope.sender) {
      await this.refuse(
        message,
        'sender_mismatch',
        `${envelope.sender} signed an announcement for ${ad.agentId}`,
        envelope.sender,
      );
      return;
    }
    try {
      await this.options.onAnnouncement?.({
        agentId: envelope.sender,
        jobTypes: ad.jobTypes ?? [],
        labels: ad.labels ?? {},
        capacity: ad.capacity ?? 0,
        load: ad.load ?? 0,
        loadForSite: ad.loadForRecipient ?? 0,
        protocolVersions: (ad.protocolVersions ?? []).filter((version) =>
          SUPPORTED_PROTOCOL_VERSIONS.includes(version),
        ),
        softwareVersion: ad.softwareVersion ?? '',
        draining: ad.draining ?? false,
        announceIntervalMs: ad.announceIntervalMs || 5_000,
        sentAtMs,
      });
      this.count('announcements');
      this.options.channel.ack(message);
    } catch (error) {
      // The next ad comes within one interval: dropping this one loses nothing.
      this.count('announcement_write_failed');
      this.options.log.warn({ err: error, agent: envelope.sender }, 'could not store an ad');
      this.options.channel.ack(message);
    }
  }

  /**
   * Books a verified result's usage beside the signal, never holding it up:
   * a failed write is logged and counted (`usage_write_failed`), and the
   * reply is handed over all the same. Kept in flight so `stop()` waits for it.
   */
  private bookUsage({ envelope }: Opened): void {
    const result = envelope.jobResult;
    const onUsage = this.options.onUsage;
    const usage = fromJobUsage(result?.usage, result?.attempt ?? 0);
    if (!result?.jobId || !usage || !onUsage) return;
    const reported = {
      agentId: envelope.sender,
      jobId: result.jobId,
      jobType: result.jobType ?? '',
      usage,
    };
    const work = onUsage(reported)
      .then(() => this.count('usage_recorded'))
      .catch((error: unknown) => {
        this.count('usage_write_failed');
        this.options.log.error(
          { err: error, agent: reported.agentId, jobId: reported.jobId },
          'could not record the usage of a result',
        );
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async storeLog({ envelope }: Opened): Promise<void> {
    const onLog = this.options.onLog;
    const body = envelope.jobResult ?? envelope.jobProgress;
    const log = envelope.jobResult ? envelope.jobResult.log : envelope.jobProgress?.logTail;
    const ref = body?.ref;
    if (!onLog || !body?.jobId || !log || !ref?.workflowId) return;
    const reported: ReportedLog = {
      jobId: body.jobId,
      attempt: body.attempt ?? 0,
      workflowId: ref.workflowId,
      stepId: ref.stepId ?? '',
      generation: ref.generation ?? 0,
      agentId: envelope.sender,
      text: log.text ?? '',
      bytes: log.bytes == null ? 0 : toNumber(log.bytes),
      truncated: log.truncated ?? false,
      complete: Boolean(envelope.jobResult),
    };
    // A log that cannot be stored must not hold up the run it belongs to.
    await onLog(reported).catch((error: unknown) => {
      this.count('log_write_failed');
      this.options.log.error({ err: error, jobId: reported.jobId }, 'could not store a job log');
    });
  }

  private async refuse(
    message: ConsumeMessage,
    reason: string,
    detail: string,
    sender?: string,
  ): Promise<void> {
    this.count(`refused_${reason}`);
    metrics.refusals.inc({ role: 'bridge', party: this.options.managerId, reason });
    this.options.log.warn(
      { reason, sender, messageId: message.properties.messageId },
      // A hostile message can claim a detail of any size: the log line stays short.
      `reply refused: ${detail.length > 1_000 ? `${detail.slice(0, 1_000)}…` : detail}`,
    );
    await deadLetter(this.options.publisher, this.options.topology, message, reason, detail);
    this.options.channel.ack(message);
  }

  /** The signal for a verified reply, or why it cannot be one. */
  private toReply({ envelope }: Opened): { workflowId: string; reply: JobReply } | string {
    const body = jobReplyBody(envelope);
    if (!body) return `a ${envelope.body} is not a reply to a job`;
    const ref = body.ref;
    if (
      !ref?.workflowId ||
      ref.manager !== this.options.managerId ||
      ref.namespace !== this.options.namespace
    ) {
      return `reply for ${ref?.manager}/${ref?.namespace}, not this manager's namespace`;
    }
    // JobCancelled carries no attempt: it ends the job, whatever the attempt.
    const attempt = 'attempt' in body ? (body.attempt ?? 0) : 0;
    const base = { jobId: body.jobId ?? '', attempt, agent: envelope.sender };
    let reply: JobReply;
    if (envelope.jobAccepted) {
      reply = { ...base, kind: 'accepted' };
    } else if (envelope.jobProgress) {
      const progress = envelope.jobProgress;
      reply = {
        ...base,
        kind: 'progress',
        sequence: progress.sequence ?? 0,
        details: fromValue(progress.details),
      };
    } else if (envelope.jobResult) {
      const result = envelope.jobResult;
      if (result.outcome === 'failure' && result.failure) {
        const failure = result.failure;
        reply = {
          ...base,
          kind: 'failed',
          fromLedger: result.fromLedger ?? false,
          failure: {
            type: failure.type ?? 'error',
            message: failure.message ?? '',
            nonRetryable: failure.nonRetryable ?? false,
            details: fromValue(failure.details),
          },
        };
      } else {
        reply = {
          ...base,
          kind: 'succeeded',
          fromLedger: result.fromLedger ?? false,
          output: fromValue(result.output),
        };
      }
    } else if (envelope.jobCancelled) {
      reply = { ...base, kind: 'cancelled', wasRunning: envelope.jobCancelled.wasRunning ?? false };
    } else {
      const rejected = envelope.jobRejected as caroni.v1.IJobRejected;
      reply = {
        ...base,
        kind: 'rejected',
        reason: rejectionNames[rejected.reason ?? 0] ?? 'unspecified',
        message: rejected.message ?? '',
      };
    }
    return { workflowId: ref.workflowId, reply };
  }
}

/**
 * Why Temporal would refuse to signal this reply for good (a workflow id it
 * cannot carry, a payload past its limit), or undefined. Such a reply is
 * refused at once: retried, it would pause the consumer and hold up every
 * reply behind it.
 */
function refusedByTemporal(workflowId: string, bytes: number): string | undefined {
  // A lone surrogate: Temporal's gRPC cannot encode it.
  if (/\p{Cs}/u.test(workflowId)) return 'the workflow id is not well-formed Unicode';
  if (workflowId.length > 1_000)
    return `the workflow id has ${workflowId.length} characters; Temporal takes at most 1,000`;
  if (bytes > 2 * 1024 * 1024)
    return `the reply is ${bytes} bytes, past Temporal's 2 MiB payload limit`;
  return undefined;
}
