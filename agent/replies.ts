import type { Message } from 'amqplib';
import type { caroni } from '../proto/generated/caroni.js';
import { ConfirmedPublisher, deadLetter, topologyNames, type Topology } from '../common/broker.ts';
import { seal, type Body } from '../common/envelope.ts';
import type { Sql } from '../common/db.ts';
import type { Json } from '../common/json.ts';
import type { Identity } from '../common/keys.ts';
import type { ChannelSource } from '../common/broker-connection.ts';
import type { Logger } from '../common/log.ts';
import { toValue } from '../common/struct.ts';
import type { TraceHeaders } from '../common/trace-context.ts';
import { toJobUsage, type JobUsageData } from '../common/usage.ts';
import type { JobRequestData } from './check-request.ts';
import { storedJobLog, type JobLogData } from './job-log.ts';
import { storedUsage } from './job-usage.ts';
import type { JobOutcome } from './ledger.ts';

/**
 * Publishes the agent's signed replies (to the replies exchange, routing key =
 * manager id) and its dead letters, on one confirm channel that is opened
 * again if the broker closes it.
 */
export class ReplySender {
  private publisher: Promise<ConfirmedPublisher> | undefined;

  constructor(
    private readonly options: {
      connection: ChannelSource;
      identity: Identity;
      topology: Topology;
      log: Logger;
    },
  ) {}

  /**
   * Seals `body` for `managerId`, with `headers` (a job's trace context) in
   * the envelope, and publishes it.
   *
   * @throws BrokerError when the broker refuses it or no reply queue is bound for the manager.
   */
  async reply(managerId: string, body: Body, headers: TraceHeaders = {}): Promise<void> {
    const bytes = seal(this.options.identity, managerId, body, headers);
    const publisher = await this.getPublisher();
    await publisher.publish(
      topologyNames(this.options.topology.prefix).repliesExchange,
      managerId,
      bytes,
      {
        contentType: 'application/x-protobuf',
        type: `caroni.v1.${Object.keys(body)[0]}`,
      },
    );
  }

  /** Republishes a refused message to the dead-letter queue with its reason. @throws BrokerError */
  async deadLetter(message: Message, reason: string, detail: string): Promise<void> {
    await deadLetter(await this.getPublisher(), this.options.topology, message, reason, detail);
  }

  async close(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = undefined;
    const channel = await publisher?.then((p) => p.channel).catch(() => undefined);
    await channel?.close().catch(() => undefined);
  }

  private getPublisher(): Promise<ConfirmedPublisher> {
    if (!this.publisher) {
      // Forgotten when its channel closes or fails to open, so the next reply opens a new one.
      const forget = () => {
        if (this.publisher === opening) this.publisher = undefined;
      };
      const opening = this.openPublisher(forget);
      opening.catch(forget);
      this.publisher = opening;
    }
    return this.publisher;
  }

  private async openPublisher(onClose: () => void): Promise<ConfirmedPublisher> {
    const channel = await this.options.connection.createConfirmChannel();
    channel.on('error', (error: unknown) =>
      this.options.log.error({ err: error }, 'reply channel error'),
    );
    channel.on('close', onClose);
    return new ConfirmedPublisher(channel);
  }
}

/** What a reply about a job echoes from its request (and a result also its job type). */
export type JobAbout = Pick<JobRequestData, 'jobId' | 'ref' | 'attempt'>;

/** Fields every reply about a job echoes from its request. */
function about(request: JobAbout) {
  return { jobId: request.jobId, ref: request.ref, attempt: request.attempt };
}

export function acceptedBody(request: JobRequestData): Body {
  return { jobAccepted: about(request) };
}

/**
 * `details`: the latest value the handler reported, or null. `sequence`
 * increases per attempt. `logTail`: the end of the job's log so far, when it
 * has written any.
 */
export function progressBody(
  request: JobRequestData,
  details: Json,
  sequence: number,
  logTail?: JobLogData,
): Body {
  return { jobProgress: { ...about(request), details: toValue(details), sequence, logTail } };
}

/**
 * A result for `request`; `fromLedger` when it is the stored outcome of an
 * earlier run. `usage`: the run's usage as stored in the agent's books, or
 * undefined when none is (the result then carries none). `log`: the run's
 * log, when it wrote any.
 */
export function resultBody(
  request: JobAbout & Pick<JobRequestData, 'jobType'>,
  outcome: JobOutcome,
  fromLedger: boolean,
  usage: JobUsageData | undefined,
  log?: JobLogData,
): Body {
  const result: caroni.v1.IJobResult = {
    ...about(request),
    fromLedger,
    jobType: request.jobType,
    usage: usage && toJobUsage(usage),
    log,
  };
  if (outcome.status === 'succeeded') result.output = toValue(outcome.output);
  else result.failure = { ...outcome.failure, details: toValue(outcome.failure.details) };
  return { jobResult: result };
}

/**
 * A result answered from the ledger: the stored outcome of the run that
 * ledger row's `storedAttempt` holds, with that run's booked usage and kept
 * log, so a repeat tells the manager exactly what the first result did.
 */
export async function ledgerResultBody(
  sql: Sql,
  request: JobAbout & Pick<JobRequestData, 'jobType' | 'managerId'>,
  outcome: JobOutcome,
  storedAttempt: number,
): Promise<Body> {
  const { managerId, jobId } = request;
  const usage = await storedUsage(sql, managerId, jobId, storedAttempt);
  const log = await storedJobLog(sql, managerId, jobId, storedAttempt);
  return resultBody(request, outcome, true, usage, log);
}

export function rejectedBody(
  request: JobRequestData,
  reason: caroni.v1.JobRejected.Reason,
  message: string,
): Body {
  return { jobRejected: { ...about(request), reason, message } };
}

/** `wasRunning`: the job was running here and has stopped; false: it never ran here or had finished (tombstone only). */
export function cancelledBody(
  job: { jobId: string; ref: caroni.v1.IJobRef },
  wasRunning: boolean,
): Body {
  return { jobCancelled: { jobId: job.jobId, ref: job.ref, wasRunning } };
}
