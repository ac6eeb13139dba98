import type { KeyObject } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import { RefusalReason, RefusedMessageError } from './envelope.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { keyIdOf, parsePublicKey, publicKeyPem } from './keys.ts';

/** How long a party's previous key stays valid once a new one is added, by default: 7 days. */
export const DEFAULT_KEY_GRACE_SECONDS = 7 * 24 * 60 * 60;
/** The longest grace period a caller may ask for: a year. */
export const MAX_KEY_GRACE_SECONDS = 365 * 24 * 60 * 60;

/** One key of a trusted party, as its trust list stores it. */
export interface StoredKey {
  publicKeyPem: string;
  /** End of its grace period once the party has a newer key; null while it is the current one. */
  notAfter: Date | null;
  /** When it was revoked: refused from then on. */
  revokedAt: Date | null;
}

/**
 * A party this side trusts, with every key its trust list holds for it; or,
 * as before keys rotated, with one key: its current one.
 */
export type TrustedParty = { id: string; keys: StoredKey[] } | { id: string; publicKeyPem: string };

function keysOf(party: TrustedParty): StoredKey[] {
  if ('keys' in party) return party.keys;
  return [{ publicKeyPem: party.publicKeyPem, notAfter: null, revokedAt: null }];
}

/** Where a key stands: only `current` and `retired` keys verify messages. */
export const KeyState = {
  /** The party's newest key. */
  Current: 'current',
  /** Replaced by a newer key, still inside its grace period. */
  Retired: 'retired',
  /** Replaced, and its grace period is over: refused as `retired_key`. */
  Expired: 'expired',
  /** Refused as `revoked_key`, whatever its grace period. */
  Revoked: 'revoked',
} as const;
export type KeyState = (typeof KeyState)[keyof typeof KeyState];

export function keyState(
  key: Pick<StoredKey, 'notAfter' | 'revokedAt'>,
  now: number = Date.now(),
): KeyState {
  if (key.revokedAt) return KeyState.Revoked;
  if (!key.notAfter) return KeyState.Current;
  return key.notAfter.getTime() > now ? KeyState.Retired : KeyState.Expired;
}

interface Entry {
  key: KeyObject;
  notAfter: number | undefined;
  revokedAt: Date | undefined;
}

/**
 * An in-memory view of a trust list, (party, key id) → key, for checking
 * signatures without a query per message. A lookup miss triggers a reload (at
 * most once per `missReloadMs`), so a party or key trusted a moment ago is
 * accepted without a restart; a revocation made elsewhere shows at the next
 * {@link refresh} (the owner refreshes periodically, and at once after its
 * own admin changes). Grace periods are checked at lookup time, so a retired
 * key is refused the moment its grace ends, reload or not.
 */
export class TrustedKeys {
  private parties = new Map<string, Map<string, Entry>>();
  private lastReload = 0;
  private reloading: Promise<void> | undefined;
  private readonly missReloadMs: number;
  private readonly now: () => number;

  constructor(
    private readonly load: () => Promise<TrustedParty[]>,
    { missReloadMs = 1_000, now = Date.now }: { missReloadMs?: number; now?: () => number } = {},
  ) {
    this.missReloadMs = missReloadMs;
    this.now = now;
  }

  /** Reloads the list from its source. @throws when it cannot be read or a stored key is not Ed25519. */
  async refresh(): Promise<void> {
    const parties = await this.load();
    const next = new Map<string, Map<string, Entry>>();
    for (const party of parties) {
      const keys = new Map<string, Entry>();
      for (const stored of keysOf(party)) {
        const key = parsePublicKey(stored.publicKeyPem);
        keys.set(keyIdOf(key), {
          key,
          notAfter: stored.notAfter?.getTime(),
          revokedAt: stored.revokedAt ?? undefined,
        });
      }
      next.set(party.id, keys);
    }
    this.parties = next;
    this.lastReload = Date.now();
  }

  /**
   * The key of a trusted `sender` with id `keyId`, or undefined (and a reload
   * in the background); a `KeyLookup` for `open`.
   *
   * @throws RefusedMessageError `revoked_key` for a revoked key, `retired_key`
   *   for one whose grace period has ended.
   */
  lookup = (sender: string, keyId: string): KeyObject | undefined => {
    const entry = this.parties.get(sender)?.get(keyId);
    if (!entry) {
      this.reloadSoon();
      return undefined;
    }
    if (entry.revokedAt) {
      throw new RefusedMessageError(
        RefusalReason.RevokedKey,
        `key ${keyId} of ${sender} was revoked at ${entry.revokedAt.toISOString()}`,
        sender,
      );
    }
    if (entry.notAfter !== undefined && this.now() >= entry.notAfter) {
      // Trusted again since (added anew)? The reload shows it.
      this.reloadSoon();
      throw new RefusedMessageError(
        RefusalReason.RetiredKey,
        `key ${keyId} of ${sender} was replaced by a newer key and its grace period ended at ${new Date(entry.notAfter).toISOString()}: ${sender} must sign with its current key`,
        sender,
      );
    }
    return entry.key;
  };

  /** The trusted parties, whatever the state of their keys. */
  ids(): string[] {
    return [...this.parties.keys()];
  }

  /** Resolves once a reload that started because of a miss has finished (tests, retries). */
  async settled(): Promise<void> {
    await this.reloading;
  }

  private reloadSoon(): void {
    if (this.reloading || Date.now() - this.lastReload < this.missReloadMs) return;
    this.reloading = this.refresh()
      .catch(() => undefined)
      .finally(() => {
        this.reloading = undefined;
      });
  }
}

/**
 * The tables of one side's trust list: a row per party, and its keys
 * (`key_id`, `public_key_pem`, `added_at`, `not_after`, `revoked_at`).
 */
export interface TrustTable {
  /** e.g. `trusted_agents`. */
  parties: string;
  /** e.g. `trusted_agent_keys`. */
  keys: string;
  /** The party id column of both, e.g. `agent_id`. */
  party: string;
  /** What the parties are, for error codes and messages. */
  kind: 'agent' | 'manager';
}

/** A trusted party's key as the admin APIs list it. */
export interface TrustedKeyView {
  keyId: string;
  publicKeyPem: string;
  addedAt: string;
  notAfter: string | null;
  revokedAt: string | null;
  state: KeyState;
}

/** A row of a keys table, its party id as `party`. */
export interface KeyRow {
  party: string;
  key_id: string;
  public_key_pem: string;
  added_at: Date;
  not_after: Date | null;
  revoked_at: Date | null;
}

/** Every key of `table` (or of `partyId` only), by party id, oldest first. */
export async function storedKeys(
  sql: Sql,
  table: TrustTable,
  partyId?: string,
): Promise<Map<string, KeyRow[]>> {
  const rows = await sql<KeyRow[]>`
    select ${sql(table.party)} as party, key_id, public_key_pem, added_at, not_after, revoked_at
    from ${sql(table.keys)}
    ${partyId === undefined ? sql`` : sql`where ${sql(table.party)} = ${partyId}`}
    order by party, added_at, key_id`;
  const byParty = new Map<string, KeyRow[]>();
  for (const row of rows) byParty.set(row.party, [...(byParty.get(row.party) ?? []), row]);
  return byParty;
}

export function storedKey(row: KeyRow): StoredKey {
  return { publicKeyPem: row.public_key_pem, notAfter: row.not_after, revokedAt: row.revoked_at };
}

export function keyView(row: KeyRow, now: number = Date.now()): TrustedKeyView {
  return {
    keyId: row.key_id,
    publicKeyPem: row.public_key_pem,
    addedAt: row.added_at.toISOString(),
    notAfter: row.not_after?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    state: keyState(storedKey(row), now),
  };
}

/**
 * Makes `publicKeyPem` the current key of `partyId`, whose row in
 * `table.parties` must exist (run it in the transaction that writes that
 * row; it is locked, so keys added at the same time take turns). The party's
 * other current key, if any, is retired: still valid for `graceSeconds`
 * (0: refused at once), then refused. Adding the current key again changes
 * nothing; adding a retired one makes it current again.
 *
 * @returns the key id.
 * @throws KeyFileError when the key is not Ed25519; NotFoundError
 *   `<kind>_not_trusted` when the party has no row; ConflictError
 *   `key_revoked` when the key was revoked (a revoked key is never trusted again).
 */
export async function addTrustedKey(
  tx: TransactionSql,
  table: TrustTable,
  partyId: string,
  pem: string,
  graceSeconds: number = DEFAULT_KEY_GRACE_SECONDS,
): Promise<string> {
  const key = parsePublicKey(pem);
  const keyId = keyIdOf(key);
  const [party] = await tx`
    select 1 from ${tx(table.parties)} where ${tx(table.party)} = ${partyId} for update`;
  if (!party) throw notTrusted(table, partyId);
  const [revoked] = await tx<{ revoked_at: Date }[]>`
    select revoked_at from ${tx(table.keys)}
    where ${tx(table.party)} = ${partyId} and key_id = ${keyId} and revoked_at is not null`;
  if (revoked) {
    throw new ConflictError(
      'key_revoked',
      `key ${keyId} of ${table.kind} ${partyId} was revoked at ${revoked.revoked_at.toISOString()} and cannot be trusted again: have ${partyId} make a new one (\`caroni keys rotate ${partyId}\`)`,
    );
  }
  await tx`
    update ${tx(table.keys)} set not_after = now() + ${graceSeconds} * interval '1 second'
    where ${tx(table.party)} = ${partyId} and key_id <> ${keyId}
      and not_after is null and revoked_at is null`;
  await tx`
    insert into ${tx(table.keys)} (${tx(table.party)}, key_id, public_key_pem)
    values (${partyId}, ${keyId}, ${publicKeyPem(key)})
    on conflict (${tx(table.party)}, key_id) do update set not_after = null`;
  return keyId;
}

/**
 * Adds a key to a party trusted already, leaving the rest of its trust entry
 * as it is; see {@link addTrustedKey}.
 *
 * @throws NotFoundError `<kind>_not_trusted` when the party is not trusted.
 */
export async function addKeyToParty(
  sql: Sql,
  table: TrustTable,
  partyId: string,
  pem: string,
  graceSeconds?: number,
): Promise<string> {
  return sql.begin((tx) => addTrustedKey(tx, table, partyId, pem, graceSeconds));
}

/**
 * Revokes key `keyId` of `partyId`: refused from now on by every process
 * that reloads this trust list. Revoking it again keeps the first time.
 *
 * @returns when it was revoked.
 * @throws NotFoundError `key_not_found` when the party has no such key.
 */
export async function revokeTrustedKey(
  sql: Sql,
  table: TrustTable,
  partyId: string,
  keyId: string,
): Promise<Date> {
  const [row] = await sql<{ revoked_at: Date }[]>`
    update ${sql(table.keys)} set revoked_at = coalesce(revoked_at, now())
    where ${sql(table.party)} = ${partyId} and key_id = ${keyId}
    returning revoked_at`;
  if (!row) {
    throw new NotFoundError(
      'key_not_found',
      `${table.kind} ${partyId} has no key ${keyId} here: the trust list shows its keys`,
    );
  }
  return row.revoked_at;
}

/**
 * Stops trusting `partyId`. Its keys stay in `table.keys`, ended: trusted
 * again later, it starts from the key it is given then, an old key of it is
 * not valid again, and a revoked one stays refused.
 *
 * @returns false when it was not trusted.
 */
export async function removeParty(sql: Sql, table: TrustTable, partyId: string): Promise<boolean> {
  return sql.begin(async (tx) => {
    const removed = await tx`
      delete from ${tx(table.parties)} where ${tx(table.party)} = ${partyId}
      returning ${tx(table.party)}`;
    await tx`
      update ${tx(table.keys)} set not_after = now()
      where ${tx(table.party)} = ${partyId} and revoked_at is null
        and (not_after is null or not_after > now())`;
    return removed.length > 0;
  });
}

export function notTrusted(table: TrustTable, partyId: string): NotFoundError {
  return new NotFoundError(
    `${table.kind}_not_trusted`,
    `${table.kind} "${partyId}" is not trusted here`,
  );
}
