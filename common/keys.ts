import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CaroniError } from './errors.ts';

/**
 * An Ed25519 identity: a manager's or an agent's. Keys are parsed once into
 * `KeyObject`s because signing with a PEM string parses it on every call.
 */
export interface Identity {
  id: string;
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A public key as it is shared with the other side: PEM text. */
export type PublicKeyPem = string;

export class KeyFileError extends CaroniError {
  override readonly name = 'KeyFileError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('key_file_invalid', message, options);
  }
}

/** Stable short id of a public key: the first 16 hex digits of SHA-256 over its DER form. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function parsePublicKey(pem: PublicKeyPem): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeyFileError(`expected an Ed25519 public key, got ${key.asymmetricKeyType}`);
  }
  return key;
}

export function publicKeyPem(key: KeyObject): PublicKeyPem {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Makes a new identity in memory (tests, `caroni dev`). */
export function generateIdentity(id: string): Identity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { id, keyId: keyIdOf(publicKey), privateKey, publicKey };
}

export function identityFromPrivatePem(id: string, pem: string): Identity {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new KeyFileError(`expected an Ed25519 private key, got ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { id, keyId: keyIdOf(publicKey), privateKey, publicKey };
}

export function privateKeyPem(identity: Identity): string {
  return identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function signBytes(identity: Identity, bytes: Uint8Array): Buffer {
  return sign(null, bytes, identity.privateKey);
}

export function verifyBytes(
  publicKey: KeyObject,
  bytes: Uint8Array,
  signature: Uint8Array,
): boolean {
  return verify(null, bytes, publicKey, signature);
}

function keyPaths(dir: string, id: string) {
  return { privatePath: path.join(dir, `${id}.key`), publicPath: path.join(dir, `${id}.pub`) };
}

/**
 * Writes a new key pair for `id` to `<dir>/<id>.key` (mode 0600) and
 * `<dir>/<id>.pub`; refuses to overwrite an existing key.
 *
 * @throws KeyFileError when a key for `id` already exists.
 */
export async function initKeyFiles(dir: string, id: string): Promise<Identity> {
  const identity = generateIdentity(id);
  const { privatePath, publicPath } = keyPaths(dir, id);
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(privatePath, privateKeyPem(identity), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KeyFileError(`${privatePath} exists already; remove it first to make a new key`, {
        cause: error,
      });
    }
    throw error;
  }
  await writeFile(publicPath, publicKeyPem(identity.publicKey));
  return identity;
}

/**
 * Loads `<dir>/<id>.key`.
 *
 * @throws KeyFileError when the file is missing or not an Ed25519 private key.
 */
export async function loadIdentity(dir: string, id: string): Promise<Identity> {
  const { privatePath } = keyPaths(dir, id);
  let pem: string;
  try {
    pem = await readFile(privatePath, 'utf8');
  } catch (error) {
    throw new KeyFileError(`no key for ${id} at ${privatePath}: run \`caroni keys init ${id}\``, {
      cause: error,
    });
  }
  return identityFromPrivatePem(id, pem);
}

/** Loads the identity from `dir`, creating it on first use (`caroni dev`). */
export async function loadOrInitIdentity(dir: string, id: string): Promise<Identity> {
  try {
    return await loadIdentity(dir, id);
  } catch (error) {
    if (error instanceof KeyFileError) return initKeyFiles(dir, id);
    throw error;
  }
}
