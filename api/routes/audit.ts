import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { listAudit } from '../../db/audit.ts';
import type { ApiEnv } from '../auth.ts';
import { errorResponses, json, security } from '../schemas.ts';

const auditRoute = createRoute({
  method: 'get',
  path: '/v1/admin/audit',
  summary: 'The audit log of admin changes, newest first',
  tags: ['admin'],
  security,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().positive().optional().openapi({
        description: 'The `nextBefore` of the previous page',
      }),
    }),
  },
  responses: {
    200: json(
      'Entries',
      z.object({
        entries: z.array(
          z.object({
            id: z.number(),
            at: z.string(),
            actor: z.string(),
            action: z.string(),
            target: z.string(),
            details: z.unknown(),
          }),
        ),
        nextBefore: z.number().optional(),
      }),
    ),
    ...errorResponses,
  },
});

/** `GET /v1/admin/audit` over `sql`'s `audit_log`: the manager's and the agent's APIs both serve it. */
export function registerAuditRoute(app: OpenAPIHono<ApiEnv>, sql: Sql): void {
  app.openapi(auditRoute, async (c) => {
    const { limit, before } = c.req.valid('query');
    const entries = await listAudit(sql, { limit, before });
    const last = entries.at(-1);
    return c.json(
      { entries, ...(entries.length === limit && last ? { nextBefore: last.id } : {}) },
      200,
    );
  });
}
