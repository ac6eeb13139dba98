import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { definitionJsonSchema } from '../../common/definition-schema.ts';
import type { ApiEnv } from '../auth.ts';
import type { RunsContext } from '../runs.ts';
import { json } from '../schemas.ts';
import { registerMetricsRoute } from './metrics.ts';

const Health = z.object({ ok: z.boolean() }).openapi('Health');
const Readiness = z
  .object({
    ok: z.boolean(),
    database: z.string().openapi({ example: 'ok' }),
    temporal: z.string().openapi({ example: 'ok' }),
  })
  .openapi('Readiness');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the process serves requests',
  tags: ['meta'],
  responses: { 200: json('Alive', Health) },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: the manager database and Temporal answer',
  tags: ['meta'],
  responses: {
    200: json('Ready', Readiness),
    503: json('Not ready: the failing dependency says why', Readiness),
  },
});

const definitionSchemaRoute = createRoute({
  method: 'get',
  path: '/v1/schemas/definition.json',
  summary: 'The JSON Schema of workflow definitions (structure only; the API checks the rest)',
  tags: ['meta'],
  responses: {
    200: json('JSON Schema (draft 2020-12)', z.record(z.string(), z.unknown())),
  },
});

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await probe();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

/** Routes that need no token. */
export function registerMetaRoutes(app: OpenAPIHono<ApiEnv>, ctx: RunsContext): void {
  app.openapi(healthRoute, (c) => c.json({ ok: true }, 200));
  registerMetricsRoute(app);

  app.openapi(readyRoute, async (c) => {
    const [database, temporal] = await Promise.all([
      check(() => ctx.sql`select 1`),
      check(() => ctx.client.workflowService.getSystemInfo({})),
    ]);
    const ok = database === 'ok' && temporal === 'ok';
    return c.json({ ok, database, temporal }, ok ? 200 : 503);
  });

  app.openapi(definitionSchemaRoute, (c) =>
    c.json(definitionJsonSchema as Record<string, unknown>, 200),
  );
}
