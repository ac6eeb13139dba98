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
}

interface ManagerRow {
  manager_id: string;
  public_key_pem: string;
  weight: number;
  max_concurrent: number | null;
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
        select manager_id, public_key_pem, weight, max_concurrent
        from trusted_managers order by manager_id`;
      this.shares = new Map(
        rows.map((row) => [
          row.manager_id,
          row.max_concurrent === null
            ? { managerId: row.manager_id, weight: row.weight }
            : { managerId: row.manager_id, weight: row.weight, maxConcurrent: row.max_concurrent },
        ]),
      );
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
 * Trusts a manager, or replaces its key, weight and quota if it is trusted already.
 *
 * @throws KeyFileError when `publicKeyPem` is not an Ed25519 public key.
 */
export async function addTrustedManager(
  sql: Sql,
  {
    managerId,
    publicKeyPem,
    weight = 1,
    maxConcurrent,
  }: { managerId: string; publicKeyPem: string; weight?: number; maxConcurrent?: number },
): Promise<void> {
  // Refuse a bad key here rather than at every agent start.
  parsePublicKey(publicKeyPem);
  await sql`
    insert into trusted_managers (manager_id, public_key_pem, weight, max_concurrent)
    values (${managerId}, ${publicKeyPem}, ${weight}, ${maxConcurrent ?? null})
    on conflict (manager_id) do update
    set public_key_pem = excluded.public_key_pem, weight = excluded.weight,
      max_concurrent = excluded.max_concurrent`;
}

/** Stops trusting a manager. @returns false when it was not trusted. */
export async function removeTrustedManager(sql: Sql, managerId: string): Promise<boolean> {
  const rows =
    await sql`delete from trusted_managers where manager_id = ${managerId} returning manager_id`;
  return rows.length > 0;
}
