import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import {
  identifierPattern,
  identifierRule,
  maxDefinitionVersion,
} from '../../common/definition-schema.ts';
import type { ApiEnv } from '../auth.ts';
import { streamRunEvents } from '../run-events.ts';
import { listRuns, runStatusNames, type RunStatus } from '../run-list.ts';
import { getRun, type RunsContext } from '../runs.ts';
import { errorResponses, json, RunIdParam, RunSummarySchema, security } from '../schemas.ts';

const statusList = z
  .string()
  .transform((text, ctx) => {
    const statuses = text.split(',').map((s) => s.trim().toUpperCase());
    const unknown = statuses.filter((s) => !(runStatusNames as string[]).includes(s));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown status ${unknown.map((s) => `"${s}"`).join(', ')}: use ${runStatusNames.join(', ')} (comma-separated for several)`,
      });
      return z.NEVER;
    }
    return statuses as RunStatus[];
  })
  .openapi({
    type: 'string',
    description: `One or more of ${runStatusNames.join(', ')}, comma-separated. Without it: every status but CONTINUED_AS_NEW (a run that continued as new is listed once, as its latest run).`,
    example: 'RUNNING,FAILED',
  });

const isoTime = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const ListRunsQuery = z
  .object({
    status: statusList.optional(),
    workflow: z
      .string()
      .regex(identifierPattern, identifierRule)
      .optional()
      .openapi({ description: 'Definition name' }),
    version: z.coerce.number().int().positive().max(maxDefinitionVersion).optional(),
    startedAfter: isoTime.optional().openapi({
      type: 'string',
      description: 'ISO 8601 time, e.g. 2025-01-31T12:00:00Z',
    }),
    startedBefore: isoTime.optional().openapi({ type: 'string', description: 'ISO 8601 time' }),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().min(1).max(4_096).optional().openapi({
      description: 'The `nextCursor` of the previous page',
    }),
  })
  .strict();

const listRunsRoute = createRoute({
  method: 'get',
  path: '/v1/runs',
  summary:
    'List the site’s runs (top-level only), running ones first, then closed ones by close time, newest first',
  description:
    'Read from Temporal visibility, which is eventually consistent: a run started a moment ago may not be listed yet. Page with `cursor` = the previous page’s `nextCursor`.',
  tags: ['runs'],
  security,
  request: { query: ListRunsQuery },
  responses: {
    200: json(
      'A page of runs; `nextCursor` is there while more may follow',
      z.object({ runs: z.array(RunSummarySchema), nextCursor: z.string().optional() }),
    ),
    ...errorResponses,
  },
});

const runEventsRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{id}/events',
  summary: 'Follow a run as server-sent events: a `step` event per step change, then `end`',
  description:
    'The run is read every 250 ms. `event: step` carries a Step (a state shorter than that may be missed; a step’s events keep their order), `id` a sequence number; `event: end` carries `{id, runId, status, closedAt, output, error, temporalWebUrl}` and the stream closes. A reconnect with `Last-Event-ID` replays every step’s current state, with ids continuing after it.',
  tags: ['runs'],
  security,
  request: {
    params: RunIdParam,
    headers: z.object({
      'last-event-id': z
        .string()
        .regex(/^\d{1,15}$/)
        .optional(),
    }),
  },
  responses: {
    200: {
      description: 'The event stream',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses,
  },
});

/** Runs in bulk and over time: the listing and a run's event stream. */
export function registerRunFeedRoutes(app: OpenAPIHono<ApiEnv>, ctx: RunsContext): void {
  app.openapi(listRunsRoute, async (c) => {
    const { limit, cursor, status, ...filter } = c.req.valid('query');
    return c.json(await listRuns(ctx, { ...filter, statuses: status }, { limit, cursor }), 200);
  });

  app.openapi(runEventsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const lastEventId = Number(c.req.valid('header')['last-event-id'] ?? 0);
    // Read once before streaming, so an unknown run answers 404 JSON rather than an empty stream.
    const first = await getRun(ctx, id);
    return streamSSE(
      c,
      (stream) => streamRunEvents(ctx, stream, first, lastEventId),
      // Headers are sent by now: the failure can only be reported inside the stream.
      async (error, stream) => {
        await stream.writeSSE({
          event: 'error',
          data: JSON.stringify({
            code: 'events_failed',
            message: `reading the run failed (${error.message}); reconnect to follow it again`,
          }),
        });
      },
    );
  });
}
