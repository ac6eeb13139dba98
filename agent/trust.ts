import type { KeyObject } from 'node:crypto';
import type { Sql } from '../common/db.ts';
import { parsePublicKey } from '../common/keys.ts';
import { TrustedKeys } from '../common/trusted-keys.ts';

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
}

interface ManagerRow {
  manager_id: string;
  public_key_pem: string;
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
 * The agent's trusted managers (`trusted_managers`), cached in memory so a
 * signature check needs no query. A lookup miss reloads the list in the
 * background at most once a second (see `common/trusted-keys.ts`), and
 * {@link refresh} reloads it on demand, so a manager trusted a moment ago is
 * taken up without a restart.
 */
export class TrustedManagers {
  private shares = new Map<string, TrustedManager>();
  private readonly keys: TrustedKeys;

  private constructor(private readonly sql: Sql) {
    this.keys = new TrustedKeys(async () => {
      const rows = await this.sql<ManagerRow[]>`
        select manager_id, public_key_pem, weight, max_concurrent, job_types
        from trusted_managers order by manager_id`;
      this.shares = new Map(rows.map((row) => [row.manager_id, trustedManager(row)]));
      return rows.map((row) => ({ id: row.manager_id, publicKeyPem: row.public_key_pem }));
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

  /** The public key of a trusted manager's key id, or undefined; a `KeyLookup` for `open`. */
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
 * Trusts a manager, or replaces its key, weight, quota and allowed job types
 * if it is trusted already. `jobTypes` unset: every job type the agent handles.
 *
 * @returns the manager as now stored.
 * @throws KeyFileError when `publicKeyPem` is not an Ed25519 public key.
 */
export async function addTrustedManager(
  sql: Sql,
  {
    managerId,
    publicKeyPem,
    weight = 1,
    maxConcurrent,
    jobTypes,
  }: {
    managerId: string;
    publicKeyPem: string;
    weight?: number;
    maxConcurrent?: number;
    jobTypes?: string[];
  },
): Promise<TrustedManagerEntry> {
  // Refuse a bad key here rather than at every agent start.
  parsePublicKey(publicKeyPem);
  const rows = await sql<EntryRow[]>`
    insert into trusted_managers (manager_id, public_key_pem, weight, max_concurrent, job_types)
    values (${managerId}, ${publicKeyPem}, ${weight}, ${maxConcurrent ?? null},
      ${jobTypes ? sql.array(jobTypes) : null})
    on conflict (manager_id) do update
    set public_key_pem = excluded.public_key_pem, weight = excluded.weight,
      max_concurrent = excluded.max_concurrent, job_types = excluded.job_types
    returning manager_id, weight, max_concurrent, job_types, added_at`;
  // One row: the insert or the update.
  return entry(rows[0] as EntryRow);
}

/** The trusted managers, by id, as stored. */
export async function listTrustedManagers(sql: Sql): Promise<TrustedManagerEntry[]> {
  const rows = await sql<EntryRow[]>`
    select manager_id, weight, max_concurrent, job_types, added_at
    from trusted_managers order by manager_id`;
  return rows.map(entry);
}

type EntryRow = Omit<ManagerRow, 'public_key_pem'> & { added_at: Date };

function entry(row: EntryRow): TrustedManagerEntry {
  return {
    managerId: row.manager_id,
    weight: row.weight,
    maxConcurrent: row.max_concurrent,
    jobTypes: row.job_types,
    addedAt: row.added_at.toISOString(),
  };
}

/** Stops trusting a manager. @returns false when it was not trusted. */
export async function removeTrustedManager(sql: Sql, managerId: string): Promise<boolean> {
  const rows =
    await sql`delete from trusted_managers where manager_id = ${managerId} returning manager_id`;
  return rows.length > 0;
}
