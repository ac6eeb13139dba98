import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { caroni } from '../proto/generated/caroni.js';
import { openJobsQuery, type OpenJob } from '../workflows/messages.ts';

const State = caroni.v1.JobVerdict.State;

/** Most jobs one reconciliation may ask about; the agent sends more in several messages. */
export const MAX_HELD_JOBS = 500;

/**
 * What the manager's runs want of the jobs an agent holds: `WAITING` (with
 * the attempt) while the job is open in its run, `DONE` when the run has
 * closed, has moved on (continue-as-new, the step ended) or never existed,
 * `UNKNOWN` when Temporal cannot answer now. One query per run, however
 * many of its jobs the agent holds.
 */
export async function judgeHeldJobs(
  client: Client,
  held: caroni.v1.IHeldJob[],
): Promise<caroni.v1.IJobVerdict[]> {
  const byRun = new Map<string, caroni.v1.IHeldJob[]>();
  for (const job of held.slice(0, MAX_HELD_JOBS)) {
    const key = `${job.ref?.workflowId ?? ''}/${job.ref?.runId ?? ''}`;
    byRun.set(key, [...(byRun.get(key) ?? []), job]);
  }
  const verdicts: caroni.v1.IJobVerdict[] = [];
  for (const jobs of byRun.values()) {
    const ref = jobs[0]?.ref;
    const open = await openJobsOf(client, ref?.workflowId ?? '', ref?.runId ?? '');
    for (const job of jobs) {
      const base = { jobId: job.jobId, ref: job.ref };
      if (open === 'unknown') verdicts.push({ ...base, state: State.STATE_UNKNOWN });
      else {
        const found = open.find((entry) => entry.jobId === job.jobId);
        verdicts.push(
          found
            ? { ...base, state: State.STATE_WAITING, attempt: found.attempt }
            : { ...base, state: State.STATE_DONE },
        );
      }
    }
  }
  return verdicts;
}

/** The open jobs of one run; none once it has closed or is unknown; `unknown` if Temporal does not answer. */
async function openJobsOf(
  client: Client,
  workflowId: string,
  runId: string,
): Promise<OpenJob[] | 'unknown'> {
  if (!workflowId || !runId) return [];
  const handle = client.workflow.getHandle(workflowId, runId);
  try {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return [];
    return await handle.query(openJobsQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return [];
    return 'unknown';
  }
}
