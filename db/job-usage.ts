import type { Sql } from 'postgres';
import { groupUsage, type JobUsageData, type UsageGroup, type UsageRow } from '../common/usage.ts';

/** A run's usage as an agent's signed result reported it. */
export interface ReportedUsage {
  agentId: string;
  jobId: string;
  jobType: string;
  usage: JobUsageData;
}

/**
 * Records a run's usage once: a redelivered result, or a ledger answer
 * repeating the same run (same agent, job and measured attempt), is ignored.
 */
export async function recordUsage(sql: Sql, { agentId, jobId, jobType, usage }: ReportedUsage) {
  await sql`
    insert into job_usage (agent_id, job_id, attempt, job_type, queue_wait_ms, wall_ms, slot_ms,
                           cpu_ms, peak_rss_kb)
    values (${agentId}, ${jobId}, ${usage.attempt}, ${jobType}, ${usage.queueWaitMs},
            ${usage.wallMs}, ${usage.slotMs}, ${usage.cpuMs}, ${usage.peakRssKb})
    on conflict (agent_id, job_id, attempt) do nothing`;
}

/**
 * Usage per party and job type: per agent on a manager (`agent_id`), per
 * manager on an agent (`manager_id`); both databases' `job_usage` tables
 * have these columns.
 */
export async function usageTotals<K extends string>(
  sql: Sql,
  party: 'agent_id' | 'manager_id',
  key: K,
): Promise<UsageGroup<K>[]> {
  // float8: exact for integers below 2^53, and postgres returns it as a number.
  const rows = await sql<UsageRow[]>`
    select ${sql(party)} as party, job_type as "jobType", count(*)::float8 as jobs,
           sum(queue_wait_ms)::float8 as "queueWaitMs", sum(wall_ms)::float8 as "wallMs",
           sum(slot_ms)::float8 as "slotMs", sum(cpu_ms)::float8 as "cpuMs",
           sum(peak_rss_kb)::float8 as "peakRssKb"
    from job_usage group by ${sql(party)}, job_type order by ${sql(party)}, job_type`;
  return groupUsage(rows, key);
}

/** Usage per agent (and per job type within it), for the manager's admin API. */
export function usageByAgent(sql: Sql): Promise<UsageGroup<'agentId'>[]> {
  return usageTotals(sql, 'agent_id', 'agentId');
}
