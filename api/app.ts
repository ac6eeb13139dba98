import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { JsonObject } from '../common/json.ts';
import type { Logger } from '../common/log.ts';
import { errorBody, onError } from './errors.ts';
import { getRun, startRun, type RunsContext } from './runs.ts';

const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const StartRunSchema = z
  .object({
    workflow: z.string().min(1).openapi({ example: 'example' }),
    version: z.number().int().positive().optional(),
    input: z
      .record(z.string(), z.unknown())
      .default({})
      .openapi({ example: { text: 'the quick brown fox' } }),
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .strict()
  .openapi('StartRun');

const StepSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: 'job:text.stats' }),
    status: z.enum([
      'pending',
      'waiting',
      'queued',
      'running',
      'succeeded',
      'skipped',
      'failed',
      'paused',
      'cancelled',
    ]),
    generation: z.number(),
    jobId: z.string().optional(),
    attempt: z.number().optional(),
    agent: z.string().optional(),
    progress: z.unknown().optional(),
    items: z
      .object({ total: z.number(), running: z.number(), succeeded: z.number(), failed: z.number() })
      .optional(),
    output: z.unknown().optional(),
    error: z.object({ type: z.string(), message: z.string() }).optional(),
    queuedAt: z.string().optional(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
  })
  .openapi('Step');

const RunSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    workflow: z.string().optional(),
    version: z.number().optional(),
    status: z.string().openapi({ example: 'COMPLETED' }),
    startedAt: z.string(),
    closedAt: z.string().optional(),
    steps: z.array(StepSchema).optional(),
    output: z.unknown().optional(),
    error: z.object({ type: z.string().optional(), message: z.string() }).optional(),
    temporalWebUrl: z.string(),
  })
  .openapi('Run');

const errors = {
  400: {
    description: 'The request is malformed',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } },
};

const startRunRoute = createRoute({
  method: 'post',
  path: '/v1/runs',
  summary: 'Start a run of a workflow definition',
  request: {
    body: { content: { 'application/json': { schema: StartRunSchema } }, required: true },
  },
  responses: {
    202: {
      description:
        'The run is started (or, for a repeated idempotency key, the first run is returned)',
      content: { 'application/json': { schema: z.object({ id: z.string(), url: z.string() }) } },
    },
    ...errors,
  },
});

const getRunRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{id}',
  summary: 'Get a run: status, steps, output or error, and its Temporal Web link',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: RunSchema } } },
    ...errors,
  },
});

/**
 * The site API of one manager. Built without a server so tests can call
 * `app.request(...)` in process.
 */
export function createApp(ctx: RunsContext, log: Logger) {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(body)',
        message: issue.message,
      }));
      return c.json(
        errorBody(
          'invalid_request',
          `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        ),
        400,
      );
    },
  });
  app.onError(onError(log));
  app.notFound((c) =>
    c.json(errorBody('route_not_found', `no route for ${c.req.method} ${c.req.path}`), 404),
  );

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.openapi(startRunRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = await startRun(ctx, {
      workflow: body.workflow,
      version: body.version,
      // A parsed JSON body holds only JSON values.
      input: body.input as JsonObject,
      idempotencyKey: body.idempotencyKey ?? c.req.header('Idempotency-Key'),
    });
    return c.json({ id, url: `/v1/runs/${encodeURIComponent(id)}` }, 202);
  });

  app.openapi(getRunRoute, async (c) => {
    const run = await getRun(ctx, c.req.valid('param').id);
    return c.json(run, 200);
  });

  app.doc('/openapi.json', {
    openapi: '3.0.0',
    info: { title: 'Caroni manager API', version: '1' },
  });
  return app;
}
