import { caroni } from '../proto/generated/caroni.js';
import {
  ANY_RECIPIENT,
  open,
  RefusalReason,
  RefusedMessageError,
  toNumber,
  type KeyLookup,
} from '../common/envelope.ts';
import type { Json, JsonObject } from '../common/json.ts';
import type { TraceHeaders } from '../common/trace-context.ts';
import { fromStruct } from '../common/struct.ts';
import type { JobSource } from './intake.ts';
import type { JobRequestRecord } from './ledger.ts';

/** Why the agent refused a delivery: the envelope's reasons plus the agent's own. Used in stats and dead-letter headers. */
export const AgentRefusalReason = {
  ...RefusalReason,
  /** Signed by a trusted manager, but for another manager's job or from another manager's queue. */
  SenderMismatch: 'sender_mismatch',
  UnknownJobType: 'unknown_job_type',
  /** A trusted manager's request for a job type its trust on this agent does not include. */
  JobTypeNotAllowed: 'job_type_not_allowed',
  /** A request whose queue deadline lies further ahead than the agent's ledger retention allows. */
  DeadlineTooFar: 'deadline_too_far',
  /** A `CancelJob` signed outside the freshness window around the agent's clock. */
  Stale: 'stale',
} as const;
export type AgentRefusalReason = (typeof AgentRefusalReason)[keyof typeof AgentRefusalReason];

/** Largest PostgreSQL `integer` (the ledger's attempt) and longest delay a Node timer takes. */
const MAX_INT32 = 2_147_483_647;

/**
 * Whether a string in `values` (object keys included) holds a NUL character,
 * which PostgreSQL stores in neither `text` nor `jsonb`. Walks without recursion.
 */
export function holdsNul(values: Json[]): boolean {
  const pending: unknown[] = [...values];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\0')) return true;
    } else if (typeof value === 'object' && value !== null) {
      if (!Array.isArray(value)) pending.push(...Object.keys(value));
      pending.push(...Object.values(value));
    }
  }
  return false;
}

/**
 * Why the ledger could not record `request`, if it could not. Such a request
 * would fail every delivery of it before its ack, and go back to the queue
 * forever, so it is refused instead.
 */
function unstorable(request: JobRequestData): string | undefined {
  if (request.attempt > MAX_INT32) return `attempt ${request.attempt} is over ${MAX_INT32}`;
  if (holdsNul([request.jobId, request.idempotencyKey, refRecord(request.ref), request.parameters]))
    return 'a string of the request holds a NUL character (\\u0000), which the job ledger cannot store';
  return undefined;
}

/**
 * The furthest ahead a request's queue deadline may be: 2 days. The ledger
 * keeps a finished job for longer than that (CARONI_LEDGER_RETENTION_MS), so
 * every request that could still be taken finds its record: a replay cannot
 * outlive it.
 */
export const DEFAULT_MAX_QUEUE_MS = 2 * 24 * 60 * 60_000;

/** A verified job request, in plain values. */
export interface JobRequestData {
  /** The manager that signed it (= `ref.manager` = the queue's manager). */
  managerId: string;
  jobId: string;
  ref: caroni.v1.IJobRef;
  attempt: number;
  jobType: string;
  parameters: JsonObject;
  queueDeadlineMs: number;
  /** 0: no limit. */
  runTimeoutMs: number;
  /** 0: the agent's default. */
  progressIntervalMs: number;
  idempotencyKey: string;
  /** Envelope id, for logs. */
  messageId: string;
  /** When the manager signed it (its clock, ms since epoch): where the job's queue wait starts. */
  sentAtMs: number;
  /** The envelope's (unsigned) trace context: the bridge's publish, which the job's span continues. */
  traceHeaders: TraceHeaders;
}

export type CheckedRequest =
  | { ok: true; request: JobRequestData }
  | {
      ok: false;
      reason: AgentRefusalReason;
      detail: string;
      /** Set when a trusted manager sent it: that manager gets a `JobRejected`. */
      reject?: { request: JobRequestData; reason: caroni.v1.JobRejected.Reason };
    };

/**
 * Verifies a delivery from a job queue: a signed envelope from a trusted
 * manager, addressed to any agent (or to `self`), holding a `JobRequest` of
 * that manager for a job type this agent handles and `allows` that manager
 * (default: all), before its queue deadline.
 */
export function checkRequest(
  bytes: Uint8Array,
  source: Pick<JobSource, 'manager' | 'queue'>,
  {
    self,
    lookup,
    jobTypes,
    allows = () => true,
    maxQueueMs = DEFAULT_MAX_QUEUE_MS,
    now = Date.now(),
  }: {
    self: string;
    lookup: KeyLookup;
    jobTypes: ReadonlySet<string>;
    allows?: (managerId: string, jobType: string) => boolean;
    /** The furthest queue deadline taken (see {@link DEFAULT_MAX_QUEUE_MS}). */
    maxQueueMs?: number;
    now?: number;
  },
): CheckedRequest {
  let envelope: caroni.v1.Envelope;
  let headers: TraceHeaders;
  try {
    ({ envelope, headers } = open(bytes, [self, ANY_RECIPIENT], lookup));
  } catch (error) {
    if (!(error instanceof RefusedMessageError)) throw error;
    return { ok: false, reason: error.reason, detail: error.message };
  }
  const body = envelope.jobRequest;
  if (!body) {
    return {
      ok: false,
      reason: AgentRefusalReason.UnexpectedBody,
      detail: `a ${envelope.body} in a job queue`,
    };
  }
  const sender = envelope.sender;
  const ref = body.ref;
  if (!ref || ref.manager !== sender || source.manager !== sender) {
    return {
      ok: false,
      reason: AgentRefusalReason.SenderMismatch,
      detail: `${sender} signed a job of ${ref?.manager ?? 'no manager'} found in the queue of ${source.manager}`,
    };
  }
  if (!body.jobId || !body.jobType || !body.attempt || body.queueDeadlineMs == null) {
    return {
      ok: false,
      reason: AgentRefusalReason.Malformed,
      detail: 'job request without job id, type, attempt or deadline',
    };
  }
  const request: JobRequestData = {
    managerId: sender,
    jobId: body.jobId,
    ref,
    attempt: body.attempt,
    jobType: body.jobType,
    parameters: fromStruct(body.parameters),
    queueDeadlineMs: toNumber(body.queueDeadlineMs),
    // A Node timer takes at most MAX_INT32 ms and fires at once for more: the longest it can keep.
    runTimeoutMs: Math.min(body.runTimeoutMs ?? 0, MAX_INT32),
    progressIntervalMs: Math.min(body.progressIntervalMs ?? 0, MAX_INT32),
    // The manager sets it; the job id is the same value and as stable, should one not.
    idempotencyKey: body.idempotencyKey || body.jobId,
    messageId: envelope.id,
    sentAtMs: toNumber(envelope.sentAtMs),
    traceHeaders: headers,
  };
  const Reason = caroni.v1.JobRejected.Reason;
  const problem = unstorable(request);
  if (problem) {
    return {
      ok: false,
      reason: AgentRefusalReason.Malformed,
      detail: problem,
      reject: { request, reason: Reason.REASON_UNSPECIFIED },
    };
  }
  // RabbitMQ expires messages only at the queue head, so the signed deadline is checked here too.
  if (request.queueDeadlineMs <= now) {
    const late = now - request.queueDeadlineMs;
    return {
      ok: false,
      reason: AgentRefusalReason.Expired,
      detail: `queue deadline passed ${late} ms ago`,
      reject: { request, reason: Reason.REASON_EXPIRED },
    };
  }
  if (request.queueDeadlineMs - now > maxQueueMs) {
    return {
      ok: false,
      reason: AgentRefusalReason.DeadlineTooFar,
      detail: `queue deadline ${request.queueDeadlineMs - now} ms ahead; this agent takes at most ${maxQueueMs} ms`,
      reject: { request, reason: Reason.REASON_DEADLINE_TOO_FAR },
    };
  }
  if (!jobTypes.has(request.jobType)) {
    return {
      ok: false,
      reason: AgentRefusalReason.UnknownJobType,
      detail: `this agent does not handle job type ${request.jobType}`,
      reject: { request, reason: Reason.REASON_UNKNOWN_JOB_TYPE },
    };
  }
  // The queue was allowed when it was consumed, but trust may have narrowed since, or the
  // manager put a request of another type in an allowed type's queue.
  if (!allows(request.managerId, request.jobType)) {
    return {
      ok: false,
      reason: AgentRefusalReason.JobTypeNotAllowed,
      detail: `manager ${request.managerId} may not run job type ${request.jobType} on this agent`,
      reject: { request, reason: Reason.REASON_UNTRUSTED },
    };
  }
  return { ok: true, request };
}

/** What the ledger records of a request. */
export function ledgerRecord(request: JobRequestData): JobRequestRecord {
  const { ref } = request;
  return {
    managerId: request.managerId,
    jobId: request.jobId,
    attempt: request.attempt,
    jobType: request.jobType,
    ref: refRecord(ref),
    idempotencyKey: request.idempotencyKey,
    parameters: request.parameters,
  };
}

/** A `JobRef` back from the ledger's JSON (see {@link refRecord}). */
export function refFromRecord(record: JsonObject): caroni.v1.IJobRef {
  const text = (key: string) => {
    const value = record[key];
    return typeof value === 'string' ? value : '';
  };
  const generation = record.generation;
  return {
    manager: text('manager'),
    namespace: text('namespace'),
    workflowId: text('workflowId'),
    runId: text('runId'),
    stepId: text('stepId'),
    generation: typeof generation === 'number' ? generation : 0,
  };
}

/** A `JobRef` as the ledger stores it (JSON). */
export function refRecord(ref: caroni.v1.IJobRef): JsonObject {
  return {
    manager: ref.manager ?? '',
    namespace: ref.namespace ?? '',
    workflowId: ref.workflowId ?? '',
    runId: ref.runId ?? '',
    stepId: ref.stepId ?? '',
    generation: ref.generation ?? 0,
  };
}
