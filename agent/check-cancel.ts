import type { caroni } from '../proto/generated/caroni.js';
import { open, RefusedMessageError, type KeyLookup } from '../common/envelope.ts';
import { AgentRefusalReason, holdsNul, refRecord } from './check-request.ts';

/** How far a `CancelJob`'s signed sent-at may be from the agent's clock, either way, by default: 5 minutes. */
export const DEFAULT_CANCEL_FRESHNESS_MS = 5 * 60_000;

/** A verified cancellation, in plain values. */
export interface CancelData {
  /** The manager that signed it (= `ref.manager`). */
  managerId: string;
  jobId: string;
  ref: caroni.v1.IJobRef;
  reason: string;
  /** Envelope id, for logs. */
  messageId: string;
}

export type CheckedCancel =
  | { ok: true; cancel: CancelData }
  | { ok: false; reason: AgentRefusalReason; detail: string; jobId?: string };

/**
 * Verifies a delivery from the agent's control queue: a signed envelope from a
 * trusted manager addressed to this agent (`self`; never `*`), holding a
 * `CancelJob` for a job of that manager, signed within `freshnessMs` of `now`
 * in either direction. The window bounds how long a captured cancellation can
 * be replayed and is the explicit tolerance for clock skew between manager
 * and agent; a cancellation that waited longer (the agent was down) is refused
 * as `stale` and dead-lettered, where an operator sees it.
 */
export function checkCancel(
  bytes: Uint8Array,
  {
    self,
    lookup,
    freshnessMs = DEFAULT_CANCEL_FRESHNESS_MS,
    now = Date.now(),
  }: { self: string; lookup: KeyLookup; freshnessMs?: number; now?: number },
): CheckedCancel {
  const opened = openControl(bytes, self, lookup);
  if (!opened.ok) return opened;
  const { envelope, sentAtMs } = opened.opened;
  const body = envelope.cancelJob;
  if (!body) {
    return {
      ok: false,
      reason: AgentRefusalReason.UnexpectedBody,
      detail: `a ${envelope.body} in a control queue`,
    };
  }
  const jobId = body.jobId || undefined;
  if (!body.ref || body.ref.manager !== envelope.sender) {
    return {
      ok: false,
      reason: AgentRefusalReason.SenderMismatch,
      detail: `${envelope.sender} signed a cancellation of a job of ${body.ref?.manager ?? 'no manager'}`,
      jobId,
    };
  }
  if (!jobId) {
    return {
      ok: false,
      reason: AgentRefusalReason.Malformed,
      detail: 'cancellation without job id',
    };
  }
  // The ledger keeps its tombstone: a NUL would fail every delivery of it, forever.
  if (holdsNul([jobId, body.reason ?? '', refRecord(body.ref)])) {
    return {
      ok: false,
      reason: AgentRefusalReason.Malformed,
      detail:
        'a string of the cancellation holds a NUL character (\\u0000), which the job ledger cannot store',
    };
  }
  const stale = staleness('cancellation', sentAtMs, now, freshnessMs);
  if (stale) return { ok: false, reason: AgentRefusalReason.Stale, detail: stale, jobId };
  return {
    ok: true,
    cancel: {
      managerId: envelope.sender,
      jobId,
      ref: body.ref,
      reason: body.reason || 'cancelled',
      messageId: envelope.id,
    },
  };
}

/** A control-queue message opened (signed by a trusted manager, for this agent), or why not. */
export function openControl(
  bytes: Uint8Array,
  self: string,
  lookup: KeyLookup,
):
  | { ok: true; opened: ReturnType<typeof open> }
  | { ok: false; reason: AgentRefusalReason; detail: string } {
  try {
    return { ok: true, opened: open(bytes, self, lookup) };
  } catch (error) {
    if (!(error instanceof RefusedMessageError)) throw error;
    return { ok: false, reason: error.reason, detail: error.message };
  }
}

/** Why a message signed at `sentAtMs` is outside the freshness window around `now`, or undefined. */
export function staleness(
  what: string,
  sentAtMs: number,
  now: number,
  freshnessMs: number,
): string | undefined {
  const skew = now - sentAtMs;
  if (Math.abs(skew) <= freshnessMs) return undefined;
  const when = skew > 0 ? `${skew} ms ago` : `${-skew} ms in the future`;
  return `${what} signed ${when}, outside the freshness window of ±${freshnessMs} ms`;
}
