import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../auth.ts';
import type { RunsContext } from '../runs.ts';
import { errorResponses, json, security } from '../schemas.ts';

const Bands = z.object({ high: z.number(), normal: z.number(), low: z.number() });

const queuesRoute = createRoute({
  method: 'get',
  path: '/v1/queues',
  summary:
    "This site's jobs waiting in the broker by job type and band, and the load of the agents serving it",
  tags: ['runs'],
  security,
  responses: {
    200: json(
      'Queues',
      z
        .object({
          jobTypes: z.array(z.object({ jobType: z.string(), queued: Bands, total: z.number() })),
          pinned: z.array(z.object({ agentId: z.string(), queued: z.number() })).openapi({
            description:
              'Jobs pinned to one agent (a placement, or after an untrusted agent took them)',
          }),
          agents: z.array(
            z.object({
              agentId: z.string(),
              capacity: z.number(),
              load: z.number().openapi({ description: 'Jobs running on it, of every site' }),
              loadForSite: z.number().openapi({ description: "This site's jobs running on it" }),
              draining: z.boolean(),
              quiet: z.boolean(),
              announcedAt: z.string(),
            }),
          ),
        })
        .openapi('QueueView'),
    ),
    ...errorResponses,
  },
});

/** `GET /v1/queues`: any token of the site; it names only the site's own queues. */
export function registerQueueRoutes(app: OpenAPIHono<ApiEnv>, ctx: RunsContext): void {
  app.openapi(queuesRoute, async (c) => c.json(await ctx.queues.view(ctx.sql), 200));
}
