import type { KeyObject } from 'node:crypto';
import type { Sql } from '../common/db.ts';
import {
  addKeyToParty,
  addTrustedKey,
  keyView,
  notTrusted,
  removeParty,
  revokeTrustedKey,
  storedKey,
  storedKeys,
  TrustedKeys,
  type TrustedKeyView,
  type TrustTable,
} from '../common/trusted-keys.ts';

/** The agent's trust list: `trusted_managers` (the share) and `trusted_manager_keys`. */
const table: TrustTable = {
  parties: 'trusted_managers',
  keys: 'trusted_manager_keys',
  party: 'manager_id',
  kind: 'manager',
};

/** A manager whose jobs this agent runs. */
export interface TrustedManager {
  managerId: string;
  /** Fair-share weight between managers (at least 1). */
  weight: number;
  /** Most of its jobs running here at once; undefined: no limit but the slots. */
  maxConcurrent?: number;
  /** The job types it may run here; undefined: every job type the agent handles. */
  jobTypes?: string[];
}

/** A trusted manager as the admin API lists it. */
export interface TrustedManagerEntry {
  managerId: string;
  weight: number;
  maxConcurrent: number | null;
  /** null: every job type the agent handles. */
  jobTypes: string[] | null;
  addedAt: string;
  /** Its keys, oldest first: the current one, retired ones, revoked ones. */
  keys: TrustedKeyView[];
}

interface ManagerRow {
  manager_id: string;
  weight: number;
  max_concurrent: number | null;
  job_types: string[] | null;
}

function trustedManager(row: ManagerRow): TrustedManager {
  return {
    managerId: row.manager_id,
    weight: row.weight,
    ...(row.max_concurrent === null ? {} : { maxConcurrent: row.max_concurrent }),
    ...(row.job_types === null ? {} : { jobTypes: row.job_types }),
  };
}

/**
 * The agent's trusted managers and their keys, cached in memory so a
 * signature check needs no query. A lookup miss reloads the list in the
 * background at most once a second (see `common/trusted-keys.ts`), and
 * {@link refresh} reloads it on demand (the agent does every 5 s, and at once
 * after a change through its admin API), so a manager trusted a moment ago
 * is taken up without a restart and a revoked key is refused at once.
 */
export class TrustedManagers {
  private shares = new Map<string, TrustedManager>();
  private readonly keys: TrustedKeys;

  private constructor(private readonly sql: Sql) {
    this.keys = new TrustedKeys(async () => {
      const [rows, keys] = await Promise.all([
        this.sql<ManagerRow[]>`
          select manager_id, weight, max_concurrent, job_types
          from trusted_managers order by manager_id`,
        storedKeys(this.sql, table),
      ]);
      this.shares = new Map(rows.map((row) => [row.manager_id, trustedManager(row)]));
      return rows.map((row) => ({
        id: row.manager_id,
        keys: (keys.get(row.manager_id) ?? []).map(storedKey),
      }));
    });
  }

  /** Loads the list once. @throws when the database cannot be read or a stored key is not Ed25519. */
  static async load(sql: Sql): Promise<TrustedManagers> {
    const trusted = new TrustedManagers(sql);
    await trusted.refresh();
    return trusted;
  }

  /** Reloads the list from the database. */
  async refresh(): Promise<void> {
    await this.keys.refresh();
  }

  /**
   * The public key of a trusted manager's key id, or undefined; a `KeyLookup` for `open`.
   * @throws RefusedMessageError `revoked_key` or `retired_key` (see `TrustedKeys.lookup`).
   */
  lookup = (sender: string, keyId: string): KeyObject | undefined =>
    this.keys.lookup(sender, keyId);

  /** The managers trusted now, by id. */
  list(): TrustedManager[] {
    return this.keys
      .ids()
      .sort()
      .map((managerId) => this.shares.get(managerId) ?? { managerId, weight: 1 });
  }
}

/**
 * Trusts a manager, or replaces its weight, quota and allowed job types if it
 * is trusted already. `publicKeyPem` becomes its current key; a different
 * key it had stays valid for `graceSeconds` (default 7 days), so messages it
 * signed before it rotated are still taken. `jobTypes` unset: every job type
 * the agent handles.
 *
 * @returns the manager as now stored.
 * @throws KeyFileError when `publicKeyPem` is not an Ed25519 public key;
 *   ConflictError `key_revoked` when that key was revoked.
 */
export async function addTrustedManager(
  sql: Sql,
  {
    managerId,
    publicKeyPem,
    weight = 1,
    maxConcurrent,
    jobTypes,
    graceSeconds,
  }: {
    managerId: string;
    publicKeyPem: string;
    weight?: number;
    maxConcurrent?: number;
    jobTypes?: string[];
    graceSeconds?: number;
  },
): Promise<TrustedManagerEntry> {
  await sql.begin(async (tx) => {
    await tx`
      insert into trusted_managers (manager_id, weight, max_concurrent, job_types)
      values (${managerId}, ${weight}, ${maxConcurrent ?? null},
        ${jobTypes ? tx.array(jobTypes) : null})
      on conflict (manager_id) do update
      set weight = excluded.weight, max_concurrent = excluded.max_concurrent,
        job_types = excluded.job_types`;
    await addTrustedKey(tx, table, managerId, publicKeyPem, graceSeconds);
  });
  return trustedManagerEntry(sql, managerId);
}

/**
 * Adds a key to a trusted manager without touching its share: the one to
 * take after it rotated (`caroni keys rotate`). Its previous key stays valid
 * for `graceSeconds` (default 7 days).
 *
 * @returns the manager as now stored.
 * @throws NotFoundError `manager_not_trusted`; ConflictError `key_revoked`;
 *   KeyFileError when the key is not Ed25519.
 */
export async function addTrustedManagerKey(
  sql: Sql,
  managerId: string,
  publicKeyPem: string,
  graceSeconds?: number,
): Promise<TrustedManagerEntry> {
  await addKeyToParty(sql, table, managerId, publicKeyPem, graceSeconds);
  return trustedManagerEntry(sql, managerId);
}

/**
 * Revokes a key of a trusted manager: its messages are refused (`revoked_key`)
 * once the trust list reloads (the admin route reloads it before answering).
 *
 * @returns when it was revoked (the first time, if it was already).
 * @throws NotFoundError `key_not_found`.
 */
export async function revokeTrustedManagerKey(
  sql: Sql,
  managerId: string,
  keyId: string,
): Promise<Date> {
  return revokeTrustedKey(sql, table, managerId, keyId);
}

/** The trusted managers, by id, as stored, with their keys. */
export async function listTrustedManagers(sql: Sql): Promise<TrustedManagerEntry[]> {
  return selectEntries(sql);
}

async function selectEntries(sql: Sql, managerId?: string): Promise<TrustedManagerEntry[]> {
  const [rows, keys] = await Promise.all([
    sql<EntryRow[]>`
      select manager_id, weight, max_concurrent, job_types, added_at from trusted_managers
      ${managerId === undefined ? sql`` : sql`where manager_id = ${managerId}`}
      order by manager_id`,
    storedKeys(sql, table, managerId),
  ]);
  const now = Date.now();
  return rows.map((row) => ({
    managerId: row.manager_id,
    weight: row.weight,
    maxConcurrent: row.max_concurrent,
    jobTypes: row.job_types,
    addedAt: row.added_at.toISOString(),
    keys: (keys.get(row.manager_id) ?? []).map((key) => keyView(key, now)),
  }));
}

async function trustedManagerEntry(sql: Sql, managerId: string): Promise<TrustedManagerEntry> {
  const [found] = await selectEntries(sql, managerId);
  // Written a moment ago; gone only if removed since.
  if (!found) throw notTrusted(table, managerId);
  return found;
}

type EntryRow = ManagerRow & { added_at: Date };

/**
 * Stops trusting a manager; its keys end with it (trusted again, it starts
 * from the key given then). @returns false when it was not trusted.
 */
export async function removeTrustedManager(sql: Sql, managerId: string): Promise<boolean> {
  return removeParty(sql, table, managerId);
}
