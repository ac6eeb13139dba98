import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from 'postgres';

/** Which database a migration set belongs to: each manager and each agent has its own. */
export type Role = 'manager' | 'agent';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Advisory lock key, so concurrent starts of the same service migrate one at a time. */
const LOCK_KEY = 0x6361726f; // "caro"

/**
 * Applies the numbered SQL files in `db/migrations/<role>/` that the database
 * has not seen yet, each in its own transaction, in order. Forward only: an
 * applied file is never re-run or rolled back.
 *
 * @returns the names of the files applied now.
 */
export async function migrate(sql: Sql, role: Role): Promise<string[]> {
  const files = (await readdir(path.join(migrationsDir, role)))
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort();
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
    await tx`create table if not exists caroni_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`;
    const applied = new Set(
      (await tx<{ name: string }[]>`select name from caroni_migrations`).map((row) => row.name),
    );
    const fresh: string[] = [];
    for (const file of files) {
      if (applied.has(file)) continue;
      const text = await readFile(path.join(migrationsDir, role, file), 'utf8');
      await tx.savepoint(async (step) => {
        await step.unsafe(text);
        await step`insert into caroni_migrations (name) values (${file})`;
      });
      fresh.push(file);
    }
    return fresh;
  });
}
