import type { Sql } from 'postgres';

/**
 * What the suite adds to each agent database, beside the agent's own
 * migrations: `fault_log`, one ordered log of every handler call (written by
 * `support/handlers.ts` before the handler's effect) and of every outcome
 * the ledger takes (written by a trigger on `jobs`, inside the transaction
 * that finishes the row). Both take their `seq` from one sequence, so a call
 * with a higher `seq` than a success of the same job started after that
 * success was committed.
 */
export async function installFaultLog(sql: Sql): Promise<void> {
  await sql.unsafe(`
    create table fault_log (
      seq bigserial primary key,
      job_id text not null,
      attempt integer not null,
      event text not null check (event in ('call', 'succeeded', 'failed')),
      at timestamptz not null default clock_timestamp()
    );
    create function fault_log_outcome() returns trigger language plpgsql as $$
    begin
      if new.status in ('succeeded', 'failed')
         and (tg_op = 'INSERT' or old.status is distinct from new.status) then
        insert into fault_log (job_id, attempt, event) values (new.job_id, new.attempt, new.status);
      end if;
      return new;
    end $$;
    create trigger fault_log_outcome after insert or update of status on jobs
      for each row execute function fault_log_outcome();
  `);
}

/**
 * Jobs of these runs (by workflow id, the first part of a job id) that this
 * agent's handler was called for again after the ledger had recorded their
 * success: the one thing the ledger exists to prevent. A job interrupted
 * before its success was recorded may run again.
 */
export async function rerunsAfterFinish(sql: Sql, workflowIds: string[]): Promise<string[]> {
  const rows = await sql<{ job_id: string }[]>`
    select distinct call.job_id from fault_log call
    join fault_log finish
      on finish.job_id = call.job_id and finish.event = 'succeeded' and finish.seq < call.seq
    where call.event = 'call' and split_part(call.job_id, '/', 1) = any(${workflowIds})
    order by call.job_id`;
  return rows.map((row) => row.job_id);
}

/** Handler calls per job of these runs on this agent, with the attempts they ran for. */
export async function handlerCalls(
  sql: Sql,
  workflowIds: string[],
): Promise<Map<string, number[]>> {
  const rows = await sql<{ job_id: string; attempt: number }[]>`
    select job_id, attempt from fault_log
    where event = 'call' and split_part(job_id, '/', 1) = any(${workflowIds})
    order by seq`;
  const calls = new Map<string, number[]>();
  for (const { job_id: jobId, attempt } of rows)
    calls.set(jobId, [...(calls.get(jobId) ?? []), attempt]);
  return calls;
}
