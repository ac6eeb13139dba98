import type { Sql } from 'postgres';

/** A job log (or its end) as an agent's verified reply reported it. */
export interface ReportedLog {
  jobId: string;
  attempt: number;
  workflowId: string;
  stepId: string;
  generation: number;
  agentId: string;
  text: string;
  /** Bytes the job wrote in all. */
  bytes: number;
  truncated: boolean;
  /** True for the log a result carries: the job has ended and this is all of it the agent kept. */
  complete: boolean;
}

/** A step's log as the API serves it. */
export interface StepLog extends ReportedLog {
  updatedAt: string;
}

/**
 * Stores a reported log. A result's log replaces whatever is there; a
 * progress tail never replaces a complete log or a longer tail (progress
 * can arrive late, after a redelivery).
 */
export async function saveJobLog(sql: Sql, log: ReportedLog): Promise<void> {
  await sql`
    insert into job_logs (job_id, attempt, workflow_id, step_id, generation, agent_id, text,
                          bytes, truncated, complete)
    values (${log.jobId}, ${log.attempt}, ${log.workflowId}, ${log.stepId}, ${log.generation},
            ${log.agentId}, ${log.text}, ${log.bytes}, ${log.truncated}, ${log.complete})
    on conflict (job_id, attempt) do update
    set agent_id = excluded.agent_id, text = excluded.text, bytes = excluded.bytes,
        truncated = excluded.truncated, complete = excluded.complete, updated_at = now()
    where excluded.complete
       or (not job_logs.complete and job_logs.bytes <= excluded.bytes)`;
}

/**
 * Deletes job logs not written to for `retentionMs`.
 *
 * @returns how many went.
 */
export async function pruneJobLogs(sql: Sql, retentionMs: number): Promise<number> {
  const gone = await sql`
    delete from job_logs where updated_at < now() - make_interval(secs => ${retentionMs / 1000})`;
  return gone.count;
}

interface LogRow {
  job_id: string;
  attempt: number;
  workflow_id: string;
  step_id: string;
  generation: number;
  agent_id: string;
  text: string;
  bytes: string;
  truncated: boolean;
  complete: boolean;
  updated_at: Date;
}

/**
 * The log of a run's step: of `attempt` if given, else of its latest
 * attempt (the latest operator retry's, then the latest dispatch attempt's).
 */
export async function stepLog(
  sql: Sql,
  workflowId: string,
  stepId: string,
  attempt?: number,
): Promise<StepLog | undefined> {
  const [row] = await sql<LogRow[]>`
    select * from job_logs
    where workflow_id = ${workflowId} and step_id = ${stepId}
      ${attempt === undefined ? sql`` : sql`and attempt = ${attempt}`}
    order by generation desc, attempt desc
    limit 1`;
  if (!row) return undefined;
  return {
    jobId: row.job_id,
    attempt: row.attempt,
    workflowId: row.workflow_id,
    stepId: row.step_id,
    generation: row.generation,
    agentId: row.agent_id,
    text: row.text,
    // bigint arrives as a string; a log's size is far below 2^53.
    bytes: Number(row.bytes),
    truncated: row.truncated,
    complete: row.complete,
    updatedAt: row.updated_at.toISOString(),
  };
}
