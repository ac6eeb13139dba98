import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { authenticate, requireAdmin, type ApiEnv } from '../api/auth.ts';
import { createOpenApiApp, listen, type Listening } from '../api/openapi-app.ts';
import { json } from '../api/schemas.ts';
import type { Logger } from '../common/log.ts';
import { registerAuditRoute } from '../api/routes/audit.ts';
import { registerMetricsRoute } from '../api/routes/metrics.ts';
import { registerAgentAdminRoutes, type AgentApiContext } from './admin-routes.ts';
import { createAgentConsole } from './console/agent-console.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the agent serves requests',
  tags: ['meta'],
  responses: { 200: json('Alive', z.object({ ok: z.boolean() }).openapi('Health')) },
});

/**
 * The admin API of one agent: its status, trusted managers, drain and audit
 * log, every `/v1` route for admin tokens of the agent's own database
 * (`api_tokens`). Built without a server so tests can call `app.request(...)`.
 */
export function createAgentApp(ctx: AgentApiContext, log: Logger): OpenAPIHono<ApiEnv> {
  const app = createOpenApiApp(log);
  app.openapi(healthRoute, (c) => c.json({ ok: true }, 200));
  registerMetricsRoute(app);
  app.route('/console', createAgentConsole(ctx, log));
  app.use('/v1/*', authenticate(ctx.sql, { server: 'agent' }));
  app.use('/v1/*', requireAdmin);
  registerAgentAdminRoutes(app, ctx);
  registerAuditRoute(app, ctx.sql);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: "An admin token of this agent's database",
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Caroni agent API',
      version: '1',
      description: 'Administer one agent: the managers it trusts, drain, status and audit log.',
    },
  });
  return app;
}

/** Serves the agent's admin API on `hostname:port` (0 picks a free port). @throws when the port cannot be bound. */
export async function serveAgentApi(
  ctx: AgentApiContext,
  { port, hostname, log }: { port: number; hostname: string; log: Logger },
): Promise<Listening> {
  const server = await listen(createAgentApp(ctx, log), { port, hostname });
  log.info({ port: server.port }, 'agent API listening');
  return server;
}
