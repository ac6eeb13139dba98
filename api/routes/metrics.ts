import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { metricsContentType, metricsText } from '../../common/metrics.ts';
import type { ApiEnv } from '../auth.ts';

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  summary:
    'Prometheus metrics of this process (every site and agent it runs, told apart by labels)',
  tags: ['meta'],
  responses: {
    200: {
      description: 'Prometheus text exposition format',
      content: { 'text/plain': { schema: z.string() } },
    },
  },
});

/** `GET /metrics`, without a token like `/healthz`: what a Prometheus scraper reads. */
export function registerMetricsRoute(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(metricsRoute, async (c) =>
    c.text(await metricsText(), 200, { 'content-type': metricsContentType }),
  );
}
