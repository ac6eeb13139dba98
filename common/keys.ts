import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from 'node:util';
import { partyId } from './config.ts';
import { CaroniError } from './errors.ts';

/** A public key as it is shared with the other side: PEM text. */
export type PublicKeyPem = string;

/** Stable short id of a public key: the first 16 hex digits of SHA-256 over its DER form. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/**
 * An Ed25519 identity: a manager's or an agent's. Keys are parsed once into
 * `KeyObject`s because signing with a PEM string parses it on every call.
 * Logged or printed, it shows its id and key id only: `toJSON` (pino,
 * `JSON.stringify`) and `util.inspect` (`console.log`) leave the private key out.
 */
export class Identity {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(
    readonly id: string,
    readonly privateKey: KeyObject,
  ) {
    this.publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  toJSON(): { id: string; keyId: string } {
    return { id: this.id, keyId: this.keyId };
  }

  [inspect.custom](): string {
    return `Identity { id: ${this.id}, keyId: ${this.keyId} }`;
  }
}

export class KeyFileError extends CaroniError {
  override readonly name = 'KeyFileError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('key_file_invalid', message, options);
  }
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
  return new Identity(id, generateKeyPairSync('ed25519').privateKey);
}

export function identityFromPrivatePem(id: string, pem: string): Identity {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new KeyFileError(`expected an Ed25519 private key, got ${privateKey.asymmetricKeyType}`);
  }
  return new Identity(id, privateKey);
}

/** The private key as PEM (PKCS #8): for its file only, never for a log or a message. */
function privateKeyPem(identity: Identity): string {
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

/** Where a party's retired keys go when it rotates: `<keys dir>/retired/<id>.<key id>.key|.pub`. */
export function retiredKeysDir(dir: string): string {
  return path.join(dir, 'retired');
}

/** Private key files: owner read/write only. Their folders: owner only. */
const PRIVATE_FILE_MODE = 0o600;
const KEYS_DIR_MODE = 0o700;

/** @throws KeyFileError when `id` is not a party id: it names files, so `../x` must not pass. */
function keyPaths(dir: string, id: string) {
  if (!partyId.safeParse(id).success) {
    throw new KeyFileError(
      `"${id}" is not a manager or agent id: use lowercase letters, digits, "-" and "_" (at most 63)`,
    );
  }
  return { privatePath: path.join(dir, `${id}.key`), publicPath: path.join(dir, `${id}.pub`) };
}

function retiredPaths(dir: string, id: string, keyId: string) {
  const base = path.join(retiredKeysDir(dir), `${id}.${keyId}`);
  return { privatePath: `${base}.key`, publicPath: `${base}.pub` };
}

/** Creates `file` with `text`, owner-only; never replaces a file. */
async function writeNewPrivateFile(file: string, text: string): Promise<void> {
  await writeFile(file, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
}

/**
 * Writes a new key pair for `id` to `<dir>/<id>.key` (mode 0600) and
 * `<dir>/<id>.pub`; refuses to overwrite an existing key. `dir` is created
 * owner-only (0700) if missing.
 *
 * @throws KeyFileError when a key for `id` already exists or `id` is not a party id.
 */
export async function initKeyFiles(dir: string, id: string): Promise<Identity> {
  const { privatePath, publicPath } = keyPaths(dir, id);
  const identity = generateIdentity(id);
  await mkdir(dir, { recursive: true, mode: KEYS_DIR_MODE });
  try {
    await writeNewPrivateFile(privatePath, privateKeyPem(identity));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KeyFileError(
        `${privatePath} exists already: \`caroni keys rotate ${id}\` replaces it and keeps the old key as retired`,
        { cause: error },
      );
    }
    throw error;
  }
  await writeFile(publicPath, publicKeyPem(identity.publicKey));
  return identity;
}

/**
 * Loads `<dir>/<id>.key`, the key `id` signs with.
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

/** What `caroni keys rotate` did. */
export interface Rotation {
  /** The new key, now in `<dir>/<id>.key`: what the party signs with from its next start. */
  current: Identity;
  /** The key id of the key it replaced. */
  retiredKeyId: string;
  /** Where the replaced key pair now lies (`.key`, mode 0600, and `.pub`). */
  retiredPrivatePath: string;
}

/**
 * Rotates `id`'s key: makes a new key pair, copies the current one to
 * `<dir>/retired/<id>.<key id>.key` (0600, folder 0700) and `.pub`, then puts
 * the new one in place of `<dir>/<id>.key` and `.pub` by renaming, so a crash
 * leaves either the old key or the new one current, never a half-written
 * file. A retired key is never loaded to sign: it is kept so the operator can
 * go back to it (move it back) while no peer has the new key yet, and may be
 * deleted once every peer refuses it. Running processes keep signing with the
 * key they loaded at start until they restart.
 *
 * @throws KeyFileError when `id` has no key yet (`caroni keys init`) or a
 *   retired file of that key id exists with other content.
 */
export async function rotateKeyFiles(dir: string, id: string): Promise<Rotation> {
  const { privatePath, publicPath } = keyPaths(dir, id);
  const old = await loadIdentity(dir, id);
  const retired = retiredPaths(dir, id, old.keyId);
  await mkdir(retiredKeysDir(dir), { recursive: true, mode: KEYS_DIR_MODE });
  await keepRetired(retired.privatePath, privateKeyPem(old));
  await writeFile(retired.publicPath, publicKeyPem(old.publicKey));

  const current = generateIdentity(id);
  const nextPrivate = `${privatePath}.next`;
  const nextPublic = `${publicPath}.next`;
  // Left behind by a rotation that stopped halfway: it was never current.
  await rm(nextPrivate, { force: true });
  await writeNewPrivateFile(nextPrivate, privateKeyPem(current));
  await writeFile(nextPublic, publicKeyPem(current.publicKey));
  await rename(nextPrivate, privatePath);
  await rename(nextPublic, publicPath);
  return { current, retiredKeyId: old.keyId, retiredPrivatePath: retired.privatePath };
}

/** Writes a retired private key; one already there from an interrupted rotation must be the same. */
async function keepRetired(file: string, pem: string): Promise<void> {
  try {
    await writeNewPrivateFile(file, pem);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if ((await readFile(file, 'utf8')) !== pem) {
      throw new KeyFileError(`${file} exists and holds another key: move it away, then rotate`, {
        cause: error,
      });
    }
  }
}

/**
 * The key ids of `id`'s retired keys under `<dir>/retired`, sorted.
 * @throws KeyFileError when `id` is not a party id.
 */
export async function retiredKeyIds(dir: string, id: string): Promise<string[]> {
  keyPaths(dir, id);
  let names: string[];
  try {
    names = await readdir(retiredKeysDir(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const pattern = new RegExp(`^${id}\\.([0-9a-f]{16})\\.key$`);
  return names.flatMap((name) => pattern.exec(name)?.[1] ?? []).sort();
}
