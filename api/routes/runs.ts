import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { maxDefinitionVersion } from '../../common/definition-schema.ts';
import type { Json, JsonObject } from '../../common/json.ts';
import type { ApiEnv } from '../auth.ts';
import { cancelRun, controlStep, signalRun } from '../run-control.ts';
import { getRun, startRun, type RunsContext } from '../runs.ts';
import { getStepLog } from '../step-logs.ts';
import {
  errorResponses,
  json,
  jsonBody,
  RunIdParam,
  RunSummarySchema,
  security,
} from '../schemas.ts';
import { registerRunFeedRoutes } from './run-feeds.ts';

const StartRunSchema = z
  .object({
    workflow: z.string().min(1).openapi({ example: 'example' }),
    version: z.number().int().positive().max(maxDefinitionVersion).optional(),
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

const RunSchema = RunSummarySchema.extend({
  steps: z.array(StepSchema).optional(),
  output: z.unknown().optional(),
  error: z.object({ type: z.string().optional(), message: z.string() }).optional(),
  temporalWebUrl: z.string(),
}).openapi('Run');

const startRunRoute = createRoute({
  method: 'post',
  path: '/v1/runs',
  summary: 'Start a run of a workflow definition',
  tags: ['runs'],
  security,
  request: {
    body: { content: { 'application/json': { schema: StartRunSchema } }, required: true },
  },
  responses: {
    202: {
      description:
        'The run is started (or, for a repeated idempotency key, the first run is returned)',
      content: { 'application/json': { schema: z.object({ id: z.string(), url: z.string() }) } },
    },
    ...errorResponses,
  },
});

const getRunRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{id}',
  summary: 'Get a run: status, steps, output or error, and its Temporal Web link',
  tags: ['runs'],
  security,
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: RunSchema } } },
    ...errorResponses,
  },
});

const cancelRunRoute = createRoute({
  method: 'post',
  path: '/v1/runs/{id}/cancel',
  summary: 'Cancel a run: queued jobs never run, running jobs are stopped, the run ends Cancelled',
  tags: ['runs'],
  security,
  request: { params: RunIdParam },
  responses: {
    202: json('Cancellation requested', z.object({ id: z.string() })),
    ...errorResponses,
  },
});

const SignalSchema = z
  .object({
    name: z.string().min(1).max(200).openapi({ example: 'approve' }),
    payload: z
      .unknown()
      .optional()
      .openapi({ example: { by: 'alice' } }),
  })
  .strict()
  .openapi('Signal');

const signalRunRoute = createRoute({
  method: 'post',
  path: '/v1/runs/{id}/signals',
  summary: 'Send a named signal to a run (approval steps wait for theirs)',
  tags: ['runs'],
  security,
  request: { params: RunIdParam, ...jsonBody(SignalSchema) },
  responses: { 202: json('Signal delivered', z.object({ id: z.string() })), ...errorResponses },
});

const StepParams = RunIdParam.extend({
  stepId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'stepId', in: 'path' } }),
});

const retryStepRoute = createRoute({
  method: 'post',
  path: '/v1/runs/{id}/steps/{stepId}/retry',
  summary: 'Retry a paused step: its jobs run again with new job ids',
  tags: ['runs'],
  security,
  request: { params: StepParams },
  responses: { 200: json('The step, now pending again', StepSchema), ...errorResponses },
});

const SkipSchema = z
  .object({
    output: z
      .unknown()
      .optional()
      .openapi({ example: { calls: 0 } }),
  })
  .strict()
  .openapi('SkipStep');

const skipStepRoute = createRoute({
  method: 'post',
  path: '/v1/runs/{id}/steps/{stepId}/skip',
  summary: 'Skip a paused step with the given output',
  tags: ['runs'],
  security,
  request: { params: StepParams, ...jsonBody(SkipSchema) },
  responses: { 200: json('The step', StepSchema), ...errorResponses },
});

const FailSchema = z
  .object({ reason: z.string().max(2_000).optional() })
  .strict()
  .openapi('FailStep');

const failStepRoute = createRoute({
  method: 'post',
  path: '/v1/runs/{id}/steps/{stepId}/fail',
  summary: 'Fail a paused step, and with it the run',
  tags: ['runs'],
  security,
  request: { params: StepParams, ...jsonBody(FailSchema) },
  responses: { 200: json('The step', StepSchema), ...errorResponses },
});

const StepLogSchema = z
  .object({
    workflowId: z.string(),
    stepId: z.string(),
    generation: z.number(),
    jobId: z.string(),
    attempt: z.number(),
    agentId: z.string(),
    complete: z
      .boolean()
      .openapi({ description: 'true once the job has ended: `text` is all the agent kept' }),
    bytes: z.number().openapi({ description: 'bytes the job wrote in all' }),
    truncated: z.boolean().openapi({ description: '`text` is not all of those bytes' }),
    text: z.string(),
    updatedAt: z.string(),
  })
  .openapi('StepLog');

const stepLogRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{id}/steps/{stepId}/log',
  summary:
    "A step's job log (a program's stdout and stderr): its end while the job runs, all of it (bounded by the agent) once it has ended",
  tags: ['runs'],
  security,
  request: {
    params: StepParams,
    query: z.object({
      attempt: z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31 - 1)
        .optional()
        .openapi({ description: 'a dispatch attempt; default the latest' }),
    }),
  },
  responses: { 200: json('The log', StepLogSchema), ...errorResponses },
});

/** Start, read and control runs: what a site (submitter token) may do. */
export function registerRunRoutes(app: OpenAPIHono<ApiEnv>, ctx: RunsContext): void {
  registerRunFeedRoutes(app, ctx);

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

  app.openapi(cancelRunRoute, async (c) => {
    const { id } = c.req.valid('param');
    await cancelRun(ctx, id);
    return c.json({ id }, 202);
  });

  app.openapi(signalRunRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { name, payload } = c.req.valid('json');
    await signalRun(ctx, id, name, (payload ?? null) as Json);
    return c.json({ id }, 202);
  });

  app.openapi(stepLogRoute, async (c) => {
    const { id, stepId } = c.req.valid('param');
    const { attempt } = c.req.valid('query');
    return c.json(await getStepLog(ctx, id, stepId, attempt), 200);
  });

  app.openapi(retryStepRoute, async (c) => {
    const { id, stepId } = c.req.valid('param');
    return c.json(await controlStep(ctx, id, { stepId, action: 'retry' }), 200);
  });

  app.openapi(skipStepRoute, async (c) => {
    const { id, stepId } = c.req.valid('param');
    const { output } = c.req.valid('json');
    const step = await controlStep(ctx, id, {
      stepId,
      action: 'skip',
      output: (output ?? null) as Json,
    });
    return c.json(step, 200);
  });

  app.openapi(failStepRoute, async (c) => {
    const { id, stepId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(await controlStep(ctx, id, { stepId, action: 'fail', reason }), 200);
  });
}
