import postgres from 'postgres';
import type { Sql } from '../../common/db.ts';
import { FormError } from '../../api/console/form.ts';
import type { JobFailureData, JobStatus } from '../ledger.ts';

/** A ledger row as the console lists it: no parameters or output (the job's own page shows them). */
export interface LedgerEntry {
  managerId: string;
  jobId: string;
  attempt: number;
  jobType: string;
  status: JobStatus;
  failure: JobFailureData | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  receivedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface LedgerPage {
  jobs: LedgerEntry[];
  /** Present while older jobs may follow: pass it as `cursor` for the next page. */
  nextCursor?: string;
}

export const jobStatuses: readonly JobStatus[] = ['running', 'succeeded', 'failed', 'cancelled'];

/** Where a page ended: the last row's received time (as PostgreSQL wrote it, to the microsecond), manager and job. */
type Position = [receivedAt: string, managerId: string, jobId: string];

function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

const invalidCursor = (cause?: unknown) =>
  new FormError('Cursor', 'not one this page handed out: start again from the first page', {
    cause,
  });

/** PostgreSQL's text of a timestamptz, e.g. `2025-01-31 12:00:00.123456+00`. */
const TIMESTAMP_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/;

/** @throws FormError when `cursor` is not one this listing handed out. */
function decodeCursor(cursor: string): Position {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch (error) {
    throw invalidCursor(error);
  }
  const valid =
    Array.isArray(value) &&
    value.length === 3 &&
    value.every((part) => typeof part === 'string') &&
    TIMESTAMP_TEXT.test(value[0] as string);
  if (!valid) throw invalidCursor();
  return value as Position;
}

interface Row {
  manager_id: string;
  job_id: string;
  attempt: number;
  job_type: string;
  status: JobStatus;
  failure: JobFailureData | null;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  received_at: Date;
  received_at_text: string;
  started_at: Date | null;
  finished_at: Date | null;
}

/**
 * One page of the job ledger, the most recently received first, optionally
 * of one manager or one status. Keyset paging: a job received while paging
 * shows on the first page, never twice.
 *
 * @throws FormError when `cursor` is not a `nextCursor` of this listing.
 */
export async function listLedger(
  sql: Sql,
  options: { limit: number; cursor?: string; managerId?: string; status?: JobStatus },
): Promise<LedgerPage> {
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const query = sql<Row[]>`
    select manager_id, job_id, attempt, job_type, status, failure, cancel_reason,
           cancelled_at, received_at, received_at::text as received_at_text, started_at, finished_at
    from jobs
    where ${options.managerId === undefined ? sql`true` : sql`manager_id = ${options.managerId}`}
      and ${options.status === undefined ? sql`true` : sql`status = ${options.status}`}
      and ${
        after === undefined
          ? sql`true`
          : sql`(received_at, manager_id, job_id) < (${after[0]}::timestamptz, ${after[1]}, ${after[2]})`
      }
    order by received_at desc, manager_id desc, job_id desc
    limit ${options.limit + 1}`;
  let rows: Row[];
  try {
    rows = await query;
  } catch (error) {
    // A cursor shaped right that is no time still (month 13): PostgreSQL's data exceptions are class 22.
    if (
      after !== undefined &&
      error instanceof postgres.PostgresError &&
      error.code.startsWith('22')
    ) {
      throw invalidCursor(error);
    }
    throw error;
  }
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    jobs: page.map((row) => ({
      managerId: row.manager_id,
      jobId: row.job_id,
      attempt: row.attempt,
      jobType: row.job_type,
      status: row.status,
      failure: row.failure,
      cancelReason: row.cancel_reason,
      cancelledAt: row.cancelled_at,
      receivedAt: row.received_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    })),
    ...(rows.length > options.limit && last
      ? { nextCursor: encodeCursor([last.received_at_text, last.manager_id, last.job_id]) }
      : {}),
  };
}
