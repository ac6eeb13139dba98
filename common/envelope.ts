import { randomUUID, type KeyObject } from 'node:crypto';
import { caroni } from '../proto/generated/caroni.js';
import { CaroniError } from './errors.ts';
import { signBytes, verifyBytes, type Identity } from './keys.ts';

const v1 = caroni.v1;

/** The protocol version this code writes. */
export const PROTOCOL_VERSION = 1;
/** The protocol versions this code reads (and agents announce). */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1];

/** One body of the envelope's oneof, by field name. */
export type Body =
  | { jobRequest: caroni.v1.IJobRequest }
  | { jobAccepted: caroni.v1.IJobAccepted }
  | { jobProgress: caroni.v1.IJobProgress }
  | { jobResult: caroni.v1.IJobResult }
  | { cancelJob: caroni.v1.ICancelJob }
  | { jobCancelled: caroni.v1.IJobCancelled }
  | { jobRejected: caroni.v1.IJobRejected }
  | { agentAnnouncement: caroni.v1.IAgentAnnouncement }
  | { reconcileJobs: caroni.v1.IReconcileJobs }
  | { jobVerdicts: caroni.v1.IJobVerdicts };

export type BodyKind = NonNullable<caroni.v1.Envelope['body']>;

/** Why a message was refused. Stable: used in logs, metrics and dead-letter headers. */
export const RefusalReason = {
  Malformed: 'malformed',
  UnsupportedVersion: 'unsupported_version',
  UnknownKey: 'unknown_key',
  /** A key of the sender that its receiver's trust list marks revoked: refused at once, for good. */
  RevokedKey: 'revoked_key',
  /** A key the sender rotated away from, after its grace period on the receiver's trust list ended. */
  RetiredKey: 'retired_key',
  BadSignature: 'bad_signature',
  WrongRecipient: 'wrong_recipient',
  UnexpectedBody: 'unexpected_body',
  Expired: 'expired',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

export class RefusedMessageError extends CaroniError {
  override readonly name = 'RefusedMessageError';
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly sender?: string,
    options?: { cause?: unknown },
  ) {
    super(`message_refused_${reason}`, message, options);
  }
}

/**
 * Signs `body` as `identity` for `recipient` and returns the wire bytes of the
 * `SignedEnvelope`.
 */
export function seal(
  identity: Identity,
  recipient: string,
  body: Body,
  headers: Record<string, string> = {},
  now: number = Date.now(),
): Uint8Array {
  const payload = v1.Envelope.encode({
    protocolVersion: PROTOCOL_VERSION,
    id: randomUUID(),
    sender: identity.id,
    keyId: identity.keyId,
    recipient,
    sentAtMs: now,
    ...body,
  }).finish();
  const signature = signBytes(identity, payload);
  return v1.SignedEnvelope.encode({ payload, signature, headers }).finish();
}

/** A verified message. */
export interface Opened {
  envelope: caroni.v1.Envelope;
  kind: BodyKind;
  sentAtMs: number;
  headers: Record<string, string>;
}

/**
 * Recipient of a message any party of a shared queue may take: job requests
 * go to the (manager, job type) queue that every trusting agent consumes.
 */
export const ANY_RECIPIENT = '*';

/**
 * Answers with the public key of a trusted sender's key id, or undefined if not trusted.
 * It may instead throw a {@link RefusedMessageError} with a more specific reason
 * (`revoked_key`, `retired_key`), which `open` passes on.
 */
export type KeyLookup = (sender: string, keyId: string) => KeyObject | undefined;

/**
 * Decodes wire bytes WITHOUT verifying them, for a refused message whose
 * claims may still be worth acting on in a way that cannot hurt (e.g. an
 * untrusted agent's acceptance: publish the job again). Never trust what it
 * returns. @returns undefined when the bytes are not an envelope.
 */
/** The body of an agent's reply about a job (accepted, progress, result, rejected, cancelled); undefined for any other message. */
export function jobReplyBody(envelope: caroni.v1.Envelope) {
  return (
    envelope.jobAccepted ??
    envelope.jobProgress ??
    envelope.jobResult ??
    envelope.jobRejected ??
    envelope.jobCancelled ??
    undefined
  );
}

export function peekUnverified(bytes: Uint8Array): caroni.v1.Envelope | undefined {
  try {
    return v1.Envelope.decode(v1.SignedEnvelope.decode(bytes).payload);
  } catch {
    return undefined;
  }
}

/**
 * Parses and verifies wire bytes: well-formed, a protocol version we speak, a
 * key that `lookup` trusts for the sender, a valid signature over the payload
 * and this party as the recipient (`self`: this party's id, or every recipient
 * it answers to, e.g. `[agentId, ANY_RECIPIENT]`).
 *
 * @throws RefusedMessageError with the reason when any check fails.
 */
export function open(
  bytes: Uint8Array,
  self: string | readonly string[],
  lookup: KeyLookup,
): Opened {
  let signed: caroni.v1.SignedEnvelope;
  let envelope: caroni.v1.Envelope;
  try {
    signed = v1.SignedEnvelope.decode(bytes);
    envelope = v1.Envelope.decode(signed.payload);
  } catch (error) {
    throw new RefusedMessageError(
      RefusalReason.Malformed,
      'not a Caroni signed envelope',
      undefined,
      {
        cause: error,
      },
    );
  }
  const sender = envelope.sender;
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(envelope.protocolVersion)) {
    throw new RefusedMessageError(
      RefusalReason.UnsupportedVersion,
      `protocol version ${envelope.protocolVersion} is not supported (this side speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
      sender,
    );
  }
  const key = lookup(sender, envelope.keyId);
  if (!key) {
    throw new RefusedMessageError(
      RefusalReason.UnknownKey,
      `key ${envelope.keyId} of ${sender} is not trusted here`,
      sender,
    );
  }
  if (!verifyBytes(key, signed.payload, signed.signature)) {
    throw new RefusedMessageError(
      RefusalReason.BadSignature,
      `bad signature on a message from ${sender}`,
      sender,
    );
  }
  const recipients = typeof self === 'string' ? [self] : self;
  if (!recipients.includes(envelope.recipient)) {
    throw new RefusedMessageError(
      RefusalReason.WrongRecipient,
      `message for ${envelope.recipient} reached ${recipients.join(' / ')}`,
      sender,
    );
  }
  if (!envelope.body) {
    throw new RefusedMessageError(RefusalReason.Malformed, 'envelope has no body', sender);
  }
  return {
    envelope,
    kind: envelope.body,
    sentAtMs: toNumber(envelope.sentAtMs),
    headers: { ...signed.headers },
  };
}

/** protobufjs reads int64 as a `Long` when the `long` package is present. */
export function toNumber(value: number | { toNumber(): number }): number {
  return typeof value === 'number' ? value : value.toNumber();
}
