import { z } from '@hono/zod-openapi';
import { CaroniError } from '../common/errors.ts';
import { keyIdOf, parsePublicKey } from '../common/keys.ts';
import {
  DEFAULT_KEY_GRACE_SECONDS,
  KeyState,
  MAX_KEY_GRACE_SECONDS,
} from '../common/trusted-keys.ts';

/** A key of a trusted party, as both admin APIs (manager and agent) list it. */
export const TrustedKeySchema = z
  .object({
    keyId: z.string(),
    publicKeyPem: z.string(),
    addedAt: z.string(),
    notAfter: z
      .string()
      .nullable()
      .openapi({ description: 'End of its grace period; null while it is the current key' }),
    revokedAt: z.string().nullable(),
    state: z.enum(KeyState).openapi({
      description:
        'current and retired keys verify messages; expired (grace over) and revoked ones are refused',
    }),
  })
  .openapi('TrustedKey');

export const PublicKeyPemField = z.string().min(1).max(10_000);

/** The `graceSeconds` field of a key change; `party` names whose previous key it keeps valid. */
export function graceSecondsField(party: 'agent' | 'manager') {
  return z
    .number()
    .int()
    .min(0)
    .max(MAX_KEY_GRACE_SECONDS)
    .optional()
    .openapi({
      description: `How long the ${party}'s previous key stays valid, in seconds (default ${DEFAULT_KEY_GRACE_SECONDS}: 7 days; 0: refused at once)`,
    });
}

/**
 * @returns the key id of `pem`.
 * @throws CaroniError `invalid_public_key` (400) naming what is wrong.
 */
export function checkedKeyId(pem: string): string {
  try {
    return keyIdOf(parsePublicKey(pem));
  } catch (error) {
    throw new CaroniError(
      'invalid_public_key',
      `publicKeyPem is not an Ed25519 public key in PEM (SPKI): ${(error as Error).message}`,
    );
  }
}
