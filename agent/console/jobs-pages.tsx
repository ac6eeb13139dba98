import type { Context, Hono } from 'hono';
import { FormError, problemOf, type Shown } from '../../api/console/form.ts';
import { Field, JsonBlock, render, Time, type ConsoleEnv } from '../../api/console/layout.tsx';
import { NotFoundError } from '../../common/errors.ts';
import type { AgentApiContext } from '../admin-routes.ts';
import { getJob, type JobStatus } from '../ledger.ts';
import { jobStatuses, listLedger, type LedgerPage } from './ledger-list.ts';

const PAGE_SIZE = 50;

const jobPath = (managerId: string, jobId: string) =>
  `/console/job?${new URLSearchParams({ manager: managerId, id: jobId })}`;

/** The status filter of the page's query. @throws FormError */
function statusOf(text: string | undefined): JobStatus | undefined {
  if (!text) return undefined;
  const status = jobStatuses.find((s) => s === text);
  if (!status) throw new FormError('Status', `one of ${jobStatuses.join(', ')}, not "${text}"`);
  return status;
}

/** The job ledger, most recently received first, a page at a time. */
async function jobsPage(c: Context<ConsoleEnv>, { sql }: AgentApiContext): Promise<Response> {
  const managerId = c.req.query('manager') || undefined;
  const cursor = c.req.query('cursor') || undefined;
  let page: LedgerPage | undefined;
  let shown: Shown | undefined;
  try {
    page = await listLedger(sql, {
      limit: PAGE_SIZE,
      cursor,
      managerId,
      status: statusOf(c.req.query('status')),
    });
  } catch (error) {
    shown = problemOf(error);
  }
  const params = new URL(c.req.url).searchParams;
  params.delete('cursor');
  const first = `/console/jobs${params.size > 0 ? `?${params}` : ''}`;
  if (page?.nextCursor) params.set('cursor', page.nextCursor);
  const chosen = c.req.query('status') ?? '';
  return render(
    c,
    { title: 'Jobs', ...shown },
    <>
      <form method="get" action="/console/jobs" class="bar" aria-label="Filter jobs">
        <Field name="manager" label="Manager" value={managerId ?? ''} />
        <div class="field">
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">any</option>
            {jobStatuses.map((status) => (
              <option value={status} selected={chosen === status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filter</button>
      </form>
      {page && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Manager</th>
                <th scope="col">Job</th>
                <th scope="col">Job type</th>
                <th scope="col">Attempt</th>
                <th scope="col">Status</th>
                <th scope="col">Finished</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {page.jobs.length === 0 && (
                <tr>
                  <td colspan={8}>No jobs match.</td>
                </tr>
              )}
              {page.jobs.map((job) => (
                <tr>
                  <td>
                    <Time at={job.receivedAt} />
                  </td>
                  <td>{job.managerId}</td>
                  <td>
                    <a href={jobPath(job.managerId, job.jobId)}>{job.jobId}</a>
                  </td>
                  <td>{job.jobType || <span class="muted">(cancelled before it came)</span>}</td>
                  <td>{job.attempt}</td>
                  <td class="status">{job.status}</td>
                  <td>
                    <Time at={job.finishedAt ?? job.cancelledAt} />
                  </td>
                  <td>
                    {job.failure
                      ? `${job.failure.type}: ${job.failure.message}`
                      : (job.cancelReason ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Pages">
            {cursor && <a href={first}>First page</a>}{' '}
            {page.nextCursor && <a href={`/console/jobs?${params}`}>Older jobs</a>}
          </nav>
        </>
      )}
    </>,
  );
}

/** One ledger row in full: parameters, output or failure. */
async function jobPage(c: Context<ConsoleEnv>, { sql }: AgentApiContext): Promise<Response> {
  const managerId = c.req.query('manager') ?? '';
  const jobId = c.req.query('id') ?? '';
  const job = await getJob(sql, managerId, jobId);
  if (!job) {
    throw new NotFoundError(
      'job_not_found',
      `no job "${jobId}" of manager "${managerId}" in the ledger`,
    );
  }
  return render(
    c,
    { title: `Job ${job.jobId}` },
    <>
      <dl>
        <dt>Manager</dt>
        <dd>{job.managerId}</dd>
        <dt>Job type</dt>
        <dd>{job.jobType || '–'}</dd>
        <dt>Status</dt>
        <dd class="status">{job.status}</dd>
        <dt>Attempt</dt>
        <dd>{job.attempt}</dd>
        <dt>Idempotency key</dt>
        <dd>
          <code>{job.idempotencyKey || '–'}</code>
        </dd>
        <dt>Received</dt>
        <dd>
          <Time at={job.receivedAt} />
        </dd>
        <dt>Started</dt>
        <dd>
          <Time at={job.startedAt} />
        </dd>
        <dt>Finished</dt>
        <dd>
          <Time at={job.finishedAt} />
        </dd>
        {job.cancelReason && (
          <>
            <dt>Cancelled</dt>
            <dd>
              <Time at={job.cancelledAt} />: {job.cancelReason}
            </dd>
          </>
        )}
      </dl>
      <h2>Run</h2>
      <JsonBlock value={job.ref} label="Job reference" />
      <h2>Parameters</h2>
      <JsonBlock value={job.parameters} label="Parameters" />
      {job.failure ? (
        <>
          <h2>Failure</h2>
          <JsonBlock value={{ ...job.failure }} label="Failure" />
        </>
      ) : (
        <>
          <h2>Output</h2>
          <JsonBlock value={job.output} label="Output" />
        </>
      )}
    </>,
  );
}

/** The job ledger: the list and one job. */
export function registerJobPages(app: Hono<ConsoleEnv>, ctx: AgentApiContext): void {
  app.get('/jobs', (c) => jobsPage(c, ctx));
  app.get('/job', (c) => jobPage(c, ctx));
}
