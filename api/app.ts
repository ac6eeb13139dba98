import type { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import type { Logger } from '../common/log.ts';
import { authenticate, requireAdmin, type ApiEnv } from './auth.ts';
import { createManagerConsole } from './console/manager-console.ts';
import { createOpenApiApp } from './openapi-app.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerQueueRoutes } from './routes/queues.ts';
import { registerRunRoutes } from './routes/runs.ts';
import { registerScheduleRoutes } from './routes/schedules.ts';
import type { RunsContext } from './runs.ts';

/**
 * The API of one manager: the site's runs (submitter or admin token) and its
 * administration (admin token, under `/v1/admin`). Built without a server so
 * tests can call `app.request(...)` in process.
 */
export function createApp(ctx: RunsContext, log: Logger): OpenAPIHono<ApiEnv> {
  const app = createOpenApiApp(log);

  // Public: health, the API's own description and the definition language's schema.
  registerMetaRoutes(app, ctx);
  app.get('/docs', swaggerUI({ url: '/openapi.json' }));
  app.route('/console', createManagerConsole(ctx, log));

  app.use('/v1/*', authenticate(ctx.sql));
  app.use('/v1/admin/*', requireAdmin);
  registerRunRoutes(app, ctx);
  registerScheduleRoutes(app, ctx);
  registerQueueRoutes(app, ctx);
  registerAdminRoutes(app, ctx);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A submitter token (runs) or an admin token (runs and /v1/admin)',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Caroni manager API',
      version: '1',
      description:
        'Start, follow and control a site’s runs; administer its job types, workflow definitions, schedules and trust.',
    },
  });
  return app;
}
