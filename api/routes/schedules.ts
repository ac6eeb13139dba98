import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  identifierPattern,
  identifierRule,
  maxDefinitionVersion,
} from '../../common/definition-schema.ts';
import type { Json, JsonObject } from '../../common/json.ts';
import { recordAudit } from '../../db/audit.ts';
import { actor, type ApiEnv } from '../auth.ts';
import type { RunsContext } from '../runs.ts';
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  setSchedulePaused,
  type ScheduleTiming,
} from '../schedules.ts';
import { errorResponses, json, jsonBody, security } from '../schemas.ts';

const tags = ['schedules'];

const scheduleId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,99}$/,
    'lowercase letters, digits, ".", "-" and "_", starting with a letter or digit, at most 100 characters',
  );

const CreateScheduleSchema = z
  .object({
    id: scheduleId.openapi({ example: 'nightly-report' }),
    workflow: z.string().regex(identifierPattern, identifierRule).openapi({ example: 'example' }),
    version: z.number().int().positive().max(maxDefinitionVersion).optional().openapi({
      description: 'Default: the latest version now',
    }),
    input: z
      .record(z.string(), z.unknown())
      .default({})
      .openapi({ example: { text: 'the quick brown fox' } }),
    cron: z.string().min(1).max(200).optional().openapi({
      description: 'Cron expression (UTC), e.g. `0 3 * * *`; give this or intervalMs',
      example: '0 3 * * *',
    }),
    intervalMs: z
      .number()
      .int()
      .min(1_000)
      .max(366 * 24 * 3_600_000)
      .optional()
      .openapi({
        description: 'Fire every this many milliseconds (at least 1000); give this or cron',
      }),
    paused: z.boolean().default(false),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.cron === undefined) === (body.intervalMs === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: 'give exactly one of cron and intervalMs',
      });
    }
  })
  .openapi('CreateSchedule');

const ScheduleSchema = z
  .object({
    id: z.string(),
    workflow: z.string().optional(),
    version: z.number().optional(),
    cron: z.string().optional(),
    intervalMs: z.number().optional(),
    paused: z.boolean(),
    note: z.string().optional(),
    recentRuns: z.array(
      z.object({ id: z.string(), scheduledAt: z.string(), startedAt: z.string() }),
    ),
    nextRunTimes: z.array(z.string()),
    input: z.record(z.string(), z.unknown()).optional(),
    createdAt: z.string().optional(),
  })
  .openapi('Schedule');

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const routes = {
  create: createRoute({
    method: 'post',
    path: '/v1/admin/schedules',
    summary:
      'Create a schedule that starts runs of a workflow; the definition is snapshotted now, so re-create the schedule to pick up a new version',
    tags,
    security,
    request: jsonBody(CreateScheduleSchema),
    responses: { 201: json('The schedule', ScheduleSchema), ...errorResponses },
  }),
  list: createRoute({
    method: 'get',
    path: '/v1/admin/schedules',
    summary: 'List schedules (from Temporal visibility: a new one may take a moment to show)',
    tags,
    security,
    responses: {
      200: json('Schedules', z.object({ schedules: z.array(ScheduleSchema) })),
      ...errorResponses,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/v1/admin/schedules/{id}',
    summary: 'Get a schedule, with the input its runs get and its recent and next runs',
    tags,
    security,
    request: { params: IdParam },
    responses: { 200: json('The schedule', ScheduleSchema), ...errorResponses },
  }),
  pause: createRoute({
    method: 'post',
    path: '/v1/admin/schedules/{id}/pause',
    summary: 'Pause a schedule: no runs start until it is unpaused (running ones go on)',
    tags,
    security,
    request: { params: IdParam },
    responses: { 200: json('The schedule', ScheduleSchema), ...errorResponses },
  }),
  unpause: createRoute({
    method: 'post',
    path: '/v1/admin/schedules/{id}/unpause',
    summary: 'Unpause a schedule',
    tags,
    security,
    request: { params: IdParam },
    responses: { 200: json('The schedule', ScheduleSchema), ...errorResponses },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/v1/admin/schedules/{id}',
    summary: 'Delete a schedule (runs it started go on)',
    tags,
    security,
    request: { params: IdParam },
    responses: { 200: json('Deleted', z.object({ id: z.string() })), ...errorResponses },
  }),
};

/** Schedules of runs, on Temporal Schedules: admin tokens only (enforced on `/v1/admin/*`). Every change is audited. */
export function registerScheduleRoutes(app: OpenAPIHono<ApiEnv>, ctx: RunsContext): void {
  const audit = (c: Context<ApiEnv>, action: string, target: string, details?: Json) =>
    recordAudit(ctx.sql, { actor: actor(c), action, target, details });

  app.openapi(routes.create, async (c) => {
    const { cron, intervalMs, ...body } = c.req.valid('json');
    // The schema refined exactly one of cron and intervalMs.
    const timing: ScheduleTiming =
      cron !== undefined ? { cron } : { intervalMs: intervalMs as number };
    const schedule = await createSchedule(ctx, {
      ...body,
      ...timing,
      // A parsed JSON body holds only JSON values.
      input: body.input as JsonObject,
    });
    await audit(c, 'schedule.create', schedule.id, {
      workflow: body.workflow,
      version: schedule.version ?? null,
      ...timing,
      paused: body.paused,
    });
    return c.json(schedule, 201);
  });

  app.openapi(routes.list, async (c) => c.json({ schedules: await listSchedules(ctx) }, 200));

  app.openapi(routes.get, async (c) =>
    c.json(await getSchedule(ctx, c.req.valid('param').id), 200),
  );

  app.openapi(routes.pause, async (c) => {
    const { id } = c.req.valid('param');
    const schedule = await setSchedulePaused(ctx, id, true, `paused by ${actor(c)}`);
    await audit(c, 'schedule.pause', id);
    return c.json(schedule, 200);
  });

  app.openapi(routes.unpause, async (c) => {
    const { id } = c.req.valid('param');
    const schedule = await setSchedulePaused(ctx, id, false, `unpaused by ${actor(c)}`);
    await audit(c, 'schedule.unpause', id);
    return c.json(schedule, 200);
  });

  app.openapi(routes.delete, async (c) => {
    const { id } = c.req.valid('param');
    await deleteSchedule(ctx, id);
    await audit(c, 'schedule.delete', id);
    return c.json({ id }, 200);
  });
}
