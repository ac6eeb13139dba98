import { createHash } from 'node:crypto';
import { isGrpcServiceError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import proto from '@temporalio/proto';
import Long from 'long';
import { CaroniError } from '../common/errors.ts';
import { versionKey, workflowKey } from '../workflows/search-attributes.ts';
import type { RunsContext } from './runs.ts';

type ExecutionInfo = proto.temporal.api.workflow.v1.IWorkflowExecutionInfo;
type Timestamp = proto.google.protobuf.ITimestamp;

/** Temporal's execution status names, as the API shows them, and their visibility query values. */
export const RunStatuses = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Canceled',
  TERMINATED: 'Terminated',
  TIMED_OUT: 'TimedOut',
  CONTINUED_AS_NEW: 'ContinuedAsNew',
} as const;
export type RunStatus = keyof typeof RunStatuses;

export const runStatusNames = Object.keys(RunStatuses) as [RunStatus, ...RunStatus[]];

/** Validated filters of a run listing; every field reaches the query only through {@link visibilityQuery}. */
export interface RunFilter {
  statuses?: RunStatus[];
  /** A definition name (`CaroniWorkflow`). */
  workflow?: string;
  version?: number;
  startedAfter?: Date;
  startedBefore?: Date;
}

/** One run in a listing. */
export interface RunSummary {
  id: string;
  runId: string;
  workflow: string | undefined;
  version: number | undefined;
  status: string;
  startedAt: string;
  closedAt: string | undefined;
}

export interface RunPage {
  runs: RunSummary[];
  /** Present while there may be more runs: pass it as `cursor` for the next page. */
  nextCursor?: string;
}

/** A cursor the API did not hand out, or one Temporal no longer understands. */
export class InvalidCursorError extends CaroniError {
  override readonly name = 'InvalidCursorError';
  constructor(options?: { cause?: unknown }) {
    super(
      'invalid_cursor',
      'cursor is not a nextCursor this API returned for these filters: pass it unchanged with the same filters, or drop it to start from the first page',
      options,
    );
  }
}

/** A visibility query string literal: quotes and backslashes escaped, so a value never ends it. */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The visibility query for `filter`: the site's top-level interpreter runs.
 * Children (a step's child workflow is an interpreter run too) have a parent;
 * a run that continued as new shows once, as its latest run, unless asked for
 * by status.
 */
export function visibilityQuery(filter: RunFilter): string {
  const clauses = [`WorkflowType = 'interpreter'`, 'ParentWorkflowId IS NULL'];
  if (filter.statuses?.length) {
    clauses.push(
      `ExecutionStatus IN (${filter.statuses.map((s) => literal(RunStatuses[s])).join(', ')})`,
    );
  } else {
    clauses.push(`ExecutionStatus != ${literal(RunStatuses.CONTINUED_AS_NEW)}`);
  }
  if (filter.workflow !== undefined) {
    clauses.push(`${workflowKey.name} = ${literal(filter.workflow)}`);
  }
  if (filter.version !== undefined) clauses.push(`${versionKey.name} = ${filter.version}`);
  for (const [operator, time] of [
    ['>', filter.startedAfter],
    ['<', filter.startedBefore],
  ] as const) {
    if (time) clauses.push(`StartTime ${operator} ${literal(time.toISOString())}`);
  }
  return clauses.join(' AND ');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Ties a cursor to its query, so a cursor mangled in transit or reused with other filters is refused at once. */
function checksum(query: string, token: string): string {
  return createHash('sha256').update(`${query}\n${token}`).digest('base64url').slice(0, 12);
}

/** `<Temporal's page token, base64url>.<checksum>`: opaque to clients. */
function encodeCursor(query: string, token: Uint8Array): string {
  const encoded = Buffer.from(token).toString('base64url');
  return `${encoded}.${checksum(query, encoded)}`;
}

function decodeCursor(query: string, cursor: string): Buffer {
  const [encoded = '', sum, ...rest] = cursor.split('.');
  if (rest.length > 0 || !BASE64URL.test(encoded) || sum !== checksum(query, encoded)) {
    throw new InvalidCursorError();
  }
  return Buffer.from(encoded, 'base64url');
}

/**
 * One page of the site's runs, newest first in the order of Temporal's
 * visibility store (SQL visibility cannot `ORDER BY`): running runs by start
 * time, then closed runs by close time. Visibility is eventually consistent:
 * a run started a moment ago may not be listed yet.
 *
 * @throws InvalidCursorError when `cursor` is not a `nextCursor` of the same
 *   filters, or Temporal cannot read the page token in it.
 */
export async function listRuns(
  ctx: RunsContext,
  filter: RunFilter,
  page: { limit: number; cursor?: string },
): Promise<RunPage> {
  const query = visibilityQuery(filter);
  const request = { namespace: ctx.namespace, pageSize: page.limit, query };
  const nextPageToken = page.cursor === undefined ? undefined : decodeCursor(query, page.cursor);
  let response;
  try {
    response = await ctx.client.workflowService.listWorkflowExecutions({
      ...request,
      nextPageToken,
    });
  } catch (error) {
    if (nextPageToken === undefined || !isGrpcServiceError(error)) throw error;
    // Only a forged cursor gets here. Temporal reports a token it cannot read as
    // an internal error (which the client retries for a while): if the same
    // query answers without the token, the token was the problem.
    await ctx.client.workflowService.listWorkflowExecutions({ ...request, pageSize: 1 });
    throw new InvalidCursorError({ cause: error });
  }
  const token = response.nextPageToken;
  return {
    runs: response.executions.map(summarize),
    ...(token && token.length > 0 ? { nextCursor: encodeCursor(query, token) } : {}),
  };
}

function summarize(info: ExecutionInfo): RunSummary {
  const fields = info.searchAttributes?.indexedFields ?? {};
  const workflow = decodeField(fields[workflowKey.name]);
  const version = decodeField(fields[versionKey.name]);
  return {
    id: info.execution?.workflowId ?? '',
    runId: info.execution?.runId ?? '',
    workflow: typeof workflow === 'string' ? workflow : undefined,
    version: typeof version === 'number' ? version : undefined,
    status: statusName(info.status),
    startedAt: isoTime(info.startTime) ?? '',
    closedAt: isoTime(info.closeTime),
  };
}

function decodeField(payload: proto.temporal.api.common.v1.IPayload | undefined): unknown {
  return payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
}

const statusPrefix = 'WORKFLOW_EXECUTION_STATUS_';

function statusName(status: ExecutionInfo['status']): string {
  const name = proto.temporal.api.enums.v1.WorkflowExecutionStatus[status ?? 0];
  return name?.startsWith(statusPrefix) ? name.slice(statusPrefix.length) : 'UNSPECIFIED';
}

function isoTime(time: Timestamp | null | undefined): string | undefined {
  if (!time) return undefined;
  const millis = Long.fromValue(time.seconds ?? 0).toNumber() * 1_000 + (time.nanos ?? 0) / 1e6;
  return new Date(millis).toISOString();
}
