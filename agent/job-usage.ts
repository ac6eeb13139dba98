import type { Sql } from '../common/db.ts';
import type { JobUsageData, UsageGroup } from '../common/usage.ts';
import { usageTotals } from '../db/job-usage.ts';

/**
 * The agent's usage books: `job_usage`, one row per (manager, job, attempt)
 * that reached an outcome. Rows are written by `finishJob` (ledger.ts), in
 * the statement that finishes the ledger row; this module only reads them.
 */

interface UsageDbRow {
  attempt: number;
  queue_wait_ms: string;
  wall_ms: string;
  slot_ms: string;
  cpu_ms: string;
  peak_rss_kb: string;
}

/** The stored usage of one run, to repeat in a ledger answer; undefined when none was stored. */
export async function storedUsage(
  sql: Sql,
  managerId: string,
  jobId: string,
  attempt: number,
): Promise<JobUsageData | undefined> {
  const [row] = await sql<UsageDbRow[]>`
    select attempt, queue_wait_ms, wall_ms, slot_ms, cpu_ms, peak_rss_kb from job_usage
    where manager_id = ${managerId} and job_id = ${jobId} and attempt = ${attempt}`;
  if (!row) return undefined;
  return {
    attempt: row.attempt,
    // bigint columns arrive as strings; every value is far below 2^53.
    queueWaitMs: Number(row.queue_wait_ms),
    wallMs: Number(row.wall_ms),
    slotMs: Number(row.slot_ms),
    cpuMs: Number(row.cpu_ms),
    peakRssKb: Number(row.peak_rss_kb),
  };
}

/** Usage per manager (and per job type within it), for the agent's admin API. */
export function usageByManager(sql: Sql): Promise<UsageGroup<'managerId'>[]> {
  return usageTotals(sql, 'manager_id', 'managerId');
}
