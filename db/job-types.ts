import type { Sql } from 'postgres';
import type { JsonObject } from '../common/json.ts';
import type { JobTimeouts, RetryPolicy } from '../workflows/definition.ts';

/** A job type this manager's workflows may dispatch, with its defaults and the shape of its data. */
export interface JobTypeRow {
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12) the rendered params of a job must satisfy. */
  paramsSchema?: JsonObject;
  /** JSON Schema (draft 2020-12) of the job's output, for documentation and checks. */
  outputSchema?: JsonObject;
  timeouts: JobTimeouts;
  retry?: RetryPolicy;
}

interface Row {
  name: string;
  description: string;
  params_schema: JsonObject | null;
  output_schema: JsonObject | null;
  retry: RetryPolicy | null;
  queue_timeout_ms: number | null;
  run_timeout_ms: number | null;
  progress_timeout_ms: number | null;
}

function timeoutsOf(row: Pick<Row, 'queue_timeout_ms' | 'run_timeout_ms' | 'progress_timeout_ms'>) {
  const timeouts: JobTimeouts = {};
  if (row.queue_timeout_ms !== null) timeouts.queueMs = row.queue_timeout_ms;
  if (row.run_timeout_ms !== null) timeouts.runMs = row.run_timeout_ms;
  if (row.progress_timeout_ms !== null) timeouts.progressMs = row.progress_timeout_ms;
  return timeouts;
}

function fromRow(row: Row): JobTypeRow {
  const jobType: JobTypeRow = {
    name: row.name,
    description: row.description,
    timeouts: timeoutsOf(row),
  };
  if (row.params_schema !== null) jobType.paramsSchema = row.params_schema;
  if (row.output_schema !== null) jobType.outputSchema = row.output_schema;
  if (row.retry !== null) jobType.retry = row.retry;
  return jobType;
}

const columns = (sql: Sql) => sql`
  name, description, params_schema, output_schema, retry,
  queue_timeout_ms, run_timeout_ms, progress_timeout_ms`;

/**
 * Creates or replaces a job type. Check it first with `validateJobType`
 * (common/job-type-schema.ts): this stores what it is given.
 */
export async function saveJobType(sql: Sql, jobType: JobTypeRow): Promise<void> {
  const json = (value: JsonObject | RetryPolicy | undefined) =>
    value === undefined ? null : sql.json(value as Parameters<typeof sql.json>[0]);
  await sql`
    insert into job_types (name, description, params_schema, output_schema, retry,
                           queue_timeout_ms, run_timeout_ms, progress_timeout_ms)
    values (${jobType.name}, ${jobType.description}, ${json(jobType.paramsSchema)},
            ${json(jobType.outputSchema)}, ${json(jobType.retry)},
            ${jobType.timeouts.queueMs ?? null}, ${jobType.timeouts.runMs ?? null},
            ${jobType.timeouts.progressMs ?? null})
    on conflict (name) do update set description = excluded.description,
      params_schema = excluded.params_schema, output_schema = excluded.output_schema,
      retry = excluded.retry, queue_timeout_ms = excluded.queue_timeout_ms,
      run_timeout_ms = excluded.run_timeout_ms, progress_timeout_ms = excluded.progress_timeout_ms`;
}

/** One job type, or undefined when there is none by that name. */
export async function getJobType(sql: Sql, name: string): Promise<JobTypeRow | undefined> {
  const rows = await sql<Row[]>`select ${columns(sql)} from job_types where name = ${name}`;
  return rows[0] && fromRow(rows[0]);
}

/** Every job type, by name. */
export async function listJobTypes(sql: Sql): Promise<JobTypeRow[]> {
  const rows = await sql<Row[]>`select ${columns(sql)} from job_types order by name`;
  return rows.map(fromRow);
}

/** Timeouts and retry policy each known job type sets, for the job types in `names`. */
export async function jobTypeDefaults(
  sql: Sql,
  names: string[],
): Promise<Record<string, { timeouts: JobTimeouts; retry?: RetryPolicy }>> {
  const rows = await sql<Row[]>`
    select name, retry, queue_timeout_ms, run_timeout_ms, progress_timeout_ms
    from job_types where name = any(${names})`;
  return Object.fromEntries(
    rows.map((row) => [
      row.name,
      row.retry === null
        ? { timeouts: timeoutsOf(row) }
        : { timeouts: timeoutsOf(row), retry: row.retry },
    ]),
  );
}
