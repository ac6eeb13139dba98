import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { caroni } from '../../../proto/generated/caroni.js';
import { PROTOCOL_VERSION } from '../../../common/envelope.ts';
import { signBytes, type Identity } from '../../../common/keys.ts';

const v1 = caroni.v1;

/**
 * Signs any envelope `identity` likes, however odd: every field may be
 * overridden, the body left out, the protocol version changed. The signature
 * is valid for exactly these payload bytes.
 */
export function sealAny(identity: Identity, fields: caroni.v1.IEnvelope): Uint8Array {
  const payload = v1.Envelope.encode({
    protocolVersion: PROTOCOL_VERSION,
    id: randomUUID(),
    sender: identity.id,
    keyId: identity.keyId,
    sentAtMs: Date.now(),
    ...fields,
  }).finish();
  return v1.SignedEnvelope.encode({ payload, signature: signBytes(identity, payload) }).finish();
}

/** A signed envelope with its signature or payload changed afterwards. */
export function forge(
  bytes: Uint8Array,
  how: 'flip-signature' | 'random-signature' | 'no-signature' | 'flip-payload' | 'swap-payload',
  other?: Uint8Array,
): Uint8Array {
  const signed = v1.SignedEnvelope.decode(bytes);
  const payload = Buffer.from(signed.payload);
  let signature = Buffer.from(signed.signature);
  if (how === 'flip-signature') signature[signature.length - 1] = (signature.at(-1) ?? 0) ^ 0x80;
  if (how === 'random-signature') signature = randomBytes(64);
  if (how === 'no-signature') signature = Buffer.alloc(0);
  if (how === 'flip-payload')
    payload[payload.length >> 1] = (payload[payload.length >> 1] ?? 0) ^ 0x01;
  const body =
    how === 'swap-payload' && other
      ? Buffer.from(v1.SignedEnvelope.decode(other).payload)
      : payload;
  return v1.SignedEnvelope.encode({ payload: body, signature }).finish();
}

/** Strings that break storage, headers and logs: NUL, huge, odd Unicode. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    '\u0000',
    'job\u0000id',
    '../../etc/passwd',
    '*',
    '\ud800',
    'x'.repeat(300_000),
  ),
);

/** Numbers at the edges of uint32 and int64 fields. */
export const oddUint32 = fc.constantFrom(0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1);

/**
 * How a key that is not (or no longer) trusted is refused: unknown, or
 * revoked where the trust list keeps a revoked key to say so.
 */
export const untrustedKey = ['unknown_key', 'revoked_key'];
