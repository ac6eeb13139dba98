import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiEnv } from '../api/auth.ts';
import { actor } from '../api/auth.ts';
import { errorBody } from '../api/errors.ts';
import {
  errorResponses,
  JobTypeUsage,
  json,
  jsonBody,
  security,
  UsageSums,
} from '../api/schemas.ts';
import { partyId } from '../common/config.ts';
import type { Sql } from '../common/db.ts';
import { CaroniError, NotFoundError } from '../common/errors.ts';
import type { Json } from '../common/json.ts';
import { parsePublicKey } from '../common/keys.ts';
import { recordAudit } from '../db/audit.ts';
import type { Agent } from './agent.ts';
import { usageByManager } from './job-usage.ts';
import { addTrustedManager, listTrustedManagers, removeTrustedManager } from './trust.ts';

/** What the agent's admin routes work on: its database and the running agent. */
export interface AgentApiContext {
  sql: Sql;
  agent: Agent;
}

const tags = ['agent'];

const Stats = z
  .object({
    refused: z.record(z.string(), z.number()),
    jobsRun: z.number(),
    answeredFromLedger: z.number(),
    cancelled: z.number(),
    duplicatesIgnored: z.number(),
    resentByReconciliation: z.number(),
    stoppedByReconciliation: z.number(),
    requeuedNoSlot: z.number(),
    running: z.number(),
    maxConcurrent: z.number(),
  })
  .openapi('AgentStats');

const Status = z
  .object({
    agentId: z.string(),
    slots: z.number(),
    draining: z.boolean(),
    jobTypes: z.array(z.string()),
    labels: z.record(z.string(), z.string()),
    running: z.record(z.string(), z.number()).openapi({ description: 'Running jobs by manager' }),
    stats: Stats,
  })
  .openapi('AgentStatus');

const TrustedManager = z
  .object({
    managerId: z.string(),
    weight: z.number(),
    maxConcurrent: z.number().nullable(),
    jobTypes: z
      .array(z.string())
      .nullable()
      .openapi({ description: 'null: every job type the agent handles' }),
    addedAt: z.string(),
  })
  .openapi('TrustedManager');

const ManagerUsage = UsageSums.extend({
  managerId: z.string(),
  jobTypes: z.array(JobTypeUsage),
}).openapi('ManagerUsage');

const ManagerIdParam = z.object({
  managerId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'managerId', in: 'path' } }),
});

const routes = {
  status: createRoute({
    method: 'get',
    path: '/v1/admin/status',
    summary: 'What the agent runs now, for whom, and what it did since it started',
    tags,
    security,
    responses: { 200: json('Status', Status), ...errorResponses },
  }),
  listManagers: createRoute({
    method: 'get',
    path: '/v1/admin/managers',
    summary: 'List the managers whose jobs this agent runs',
    tags,
    security,
    responses: {
      200: json('Trusted managers', z.object({ managers: z.array(TrustedManager) })),
      ...errorResponses,
    },
  }),
  trustManager: createRoute({
    method: 'post',
    path: '/v1/admin/managers',
    summary:
      'Trust a manager (or replace its key, weight, quota and job types); takes effect at once',
    tags,
    security,
    request: jsonBody(
      z
        .object({
          managerId: partyId,
          publicKeyPem: z.string().min(1).max(10_000),
          weight: z.number().int().min(1).max(10_000).optional(),
          maxConcurrent: z.number().int().min(1).max(10_000).optional(),
          jobTypes: z
            .array(z.string().min(1))
            .min(1)
            .optional()
            .openapi({ description: 'Unset: every job type the agent handles' }),
        })
        .strict()
        .openapi('TrustManager'),
    ),
    responses: { 200: json('Trusted', TrustedManager), ...errorResponses },
  }),
  distrustManager: createRoute({
    method: 'delete',
    path: '/v1/admin/managers/{managerId}',
    summary: 'Stop trusting a manager; its queued jobs stay queued and none starts here',
    tags,
    security,
    request: { params: ManagerIdParam },
    responses: { 200: json('Removed', z.object({ managerId: z.string() })), ...errorResponses },
  }),
  drain: createRoute({
    method: 'post',
    path: '/v1/admin/drain',
    summary: 'Stop taking new jobs; running ones finish and reply, cancellations are still taken',
    tags,
    security,
    responses: { 200: json('Status', Status), ...errorResponses },
  }),
  usage: createRoute({
    method: 'get',
    path: '/v1/admin/usage',
    summary:
      'Usage of the job runs this agent finished, per manager and job type, as its signed results reported it',
    tags,
    security,
    responses: {
      200: json('Usage', z.object({ managers: z.array(ManagerUsage) })),
      ...errorResponses,
    },
  }),
  undrain: createRoute({
    method: 'post',
    path: '/v1/admin/undrain',
    summary: 'Take jobs again after a drain',
    tags,
    security,
    responses: { 200: json('Status', Status), ...errorResponses },
  }),
};

/** Administration of the agent: admin tokens only (enforced on `/v1/*`). */
export function registerAgentAdminRoutes(app: OpenAPIHono<ApiEnv>, ctx: AgentApiContext): void {
  const { sql, agent } = ctx;
  const audit = (c: Context<ApiEnv>, action: string, target: string, details?: Json) =>
    recordAudit(sql, { actor: actor(c), action, target, details });

  app.openapi(routes.status, (c) => c.json(agent.status(), 200));

  app.openapi(routes.usage, async (c) => c.json({ managers: await usageByManager(sql) }, 200));

  app.openapi(routes.listManagers, async (c) =>
    c.json({ managers: await listTrustedManagers(sql) }, 200),
  );

  app.openapi(routes.trustManager, async (c) => {
    const body = c.req.valid('json');
    try {
      parsePublicKey(body.publicKeyPem);
    } catch (error) {
      throw new CaroniError(
        'invalid_public_key',
        `publicKeyPem is not an Ed25519 public key in PEM (SPKI): ${(error as Error).message}`,
      );
    }
    const handled = agent.handledJobTypes();
    const unknown = (body.jobTypes ?? []).filter((jobType) => !handled.includes(jobType));
    if (unknown.length > 0) {
      return c.json(
        errorBody(
          'unknown_job_type',
          `this agent does not handle ${unknown.join(', ')}; it handles ${handled.join(', ')}`,
        ),
        400,
      );
    }
    const saved = await addTrustedManager(sql, body);
    await agent.reloadTrust();
    await audit(c, 'trust.manager.add', body.managerId, {
      weight: body.weight ?? 1,
      maxConcurrent: body.maxConcurrent ?? null,
      jobTypes: body.jobTypes ?? null,
    });
    return c.json(saved, 200);
  });

  app.openapi(routes.distrustManager, async (c) => {
    const { managerId } = c.req.valid('param');
    if (!(await removeTrustedManager(sql, managerId))) {
      throw new NotFoundError('manager_not_trusted', `manager "${managerId}" is not trusted here`);
    }
    await agent.reloadTrust();
    await audit(c, 'trust.manager.remove', managerId);
    return c.json({ managerId }, 200);
  });

  app.openapi(routes.drain, async (c) => {
    await agent.drain();
    await audit(c, 'agent.drain', agent.status().agentId);
    return c.json(agent.status(), 200);
  });

  app.openapi(routes.undrain, async (c) => {
    await agent.undrain();
    await audit(c, 'agent.undrain', agent.status().agentId);
    return c.json(agent.status(), 200);
  });
}
