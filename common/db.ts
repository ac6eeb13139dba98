import postgres, { type Options, type PostgresType, type Sql } from 'postgres';
import { CaroniError } from './errors.ts';
import { redact } from './redact.ts';
import { migrate, type Role } from '../db/migrate.ts';

export type { Sql };

/** Pool settings a caller may override; the embedded database needs a pool of one. */
export type PoolOptions = Pick<Options<Record<string, PostgresType>>, 'max' | 'max_lifetime'>;

/**
 * Opens a database and applies pending migrations for `role`. The pool has
 * 10 connections unless `pool` says otherwise.
 *
 * @throws CaroniError `database_unreachable` with what to run when it cannot connect.
 */
export async function openDatabase(url: string, role: Role, pool: PoolOptions = {}): Promise<Sql> {
  const sql = postgres(url, { onnotice: () => {}, max: 10, ...pool });
  try {
    await migrate(sql, role);
  } catch (error) {
    await sql.end({ timeout: 1 });
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === '3D000' || code === 'ENOTFOUND') {
      throw new CaroniError(
        'database_unreachable',
        `cannot use the ${role} database at ${redact(url)} (${(error as Error).message}): start PostgreSQL or fix DATABASE_URL`,
        { cause: error },
      );
    }
    throw error;
  }
  return sql;
}
