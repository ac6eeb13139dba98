import type { Sql } from 'postgres';
import type { JobTimeouts, Definition } from '../workflows/definition.ts';

/** The latest version of `name`, or the given `version`; undefined when there is none. */
export async function getDefinition(
  sql: Sql,
  name: string,
  version?: number,
): Promise<Definition | undefined> {
  const rows =
    version === undefined
      ? await sql<{ definition: Definition }[]>`
        select definition from workflow_definitions where name = ${name}
        order by version desc limit 1`
      : await sql<{ definition: Definition }[]>`
        select definition from workflow_definitions where name = ${name} and version = ${version}`;
  return rows[0]?.definition;
}

/**
 * Saves a definition version. Versions are immutable: saving the same
 * version again with the same content is a no-op, with other content it is
 * refused.
 *
 * @returns false when that version exists with different content.
 */
export async function saveDefinition(sql: Sql, definition: Definition): Promise<boolean> {
  const body = sql.json(definition as unknown as Parameters<typeof sql.json>[0]);
  const rows = await sql<{ same: boolean }[]>`
    insert into workflow_definitions (name, version, definition)
    values (${definition.name}, ${definition.version}, ${body})
    on conflict (name, version) do update set name = excluded.name
    returning definition = ${body} as same`;
  return rows[0]?.same ?? false;
}

export interface JobTypeRow {
  name: string;
  description: string;
  timeouts: JobTimeouts;
}

export async function saveJobType(sql: Sql, jobType: JobTypeRow): Promise<void> {
  await sql`
    insert into job_types (name, description, queue_timeout_ms, run_timeout_ms, progress_timeout_ms)
    values (${jobType.name}, ${jobType.description}, ${jobType.timeouts.queueMs ?? null},
            ${jobType.timeouts.runMs ?? null}, ${jobType.timeouts.progressMs ?? null})
    on conflict (name) do update set description = excluded.description,
      queue_timeout_ms = excluded.queue_timeout_ms, run_timeout_ms = excluded.run_timeout_ms,
      progress_timeout_ms = excluded.progress_timeout_ms`;
}

/** Timeouts each known job type sets, for the job types in `names`. */
export async function jobTypeTimeouts(
  sql: Sql,
  names: string[],
): Promise<Record<string, JobTimeouts>> {
  const rows = await sql<{ name: string; q: number | null; r: number | null; p: number | null }[]>`
    select name, queue_timeout_ms as q, run_timeout_ms as r, progress_timeout_ms as p
    from job_types where name = any(${names})`;
  const out: Record<string, JobTimeouts> = {};
  for (const row of rows) {
    const timeouts: JobTimeouts = {};
    if (row.q !== null) timeouts.queueMs = row.q;
    if (row.r !== null) timeouts.runMs = row.r;
    if (row.p !== null) timeouts.progressMs = row.p;
    out[row.name] = timeouts;
  }
  return out;
}
