import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../common/log.ts';
import { authenticate, requireAdmin, type ApiEnv } from './auth.ts';
import { errorBody, onError } from './errors.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerRunRoutes } from './routes/runs.ts';
import { registerScheduleRoutes } from './routes/schedules.ts';
import type { RunsContext } from './runs.ts';

/** Largest request body: a definition may be 256 KiB of JSON, YAML a little more. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The API of one manager: the site's runs (submitter or admin token) and its
 * administration (admin token, under `/v1/admin`). Built without a server so
 * tests can call `app.request(...)` in process.
 */
export function createApp(ctx: RunsContext, log: Logger): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
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

  // Public: health, the API's own description and the definition language's schema.
  registerMetaRoutes(app, ctx);
  app.get('/docs', swaggerUI({ url: '/openapi.json' }));

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          errorBody('body_too_large', `the request body is over ${MAX_BODY_BYTES} bytes`),
          413,
        ),
    }),
  );
  app.use('/v1/*', authenticate(ctx.sql));
  app.use('/v1/admin/*', requireAdmin);
  registerRunRoutes(app, ctx);
  registerScheduleRoutes(app, ctx);
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
