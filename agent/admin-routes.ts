import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  checkedKeyId,
  graceSecondsField,
  PublicKeyPemField,
  TrustedKeySchema,
} from '../api/trusted-key-schemas.ts';
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
import { NotFoundError } from '../common/errors.ts';
import type { Json } from '../common/json.ts';
import {} from '../common/trusted-keys.ts';
import { recordAudit } from '../db/audit.ts';
import type { Agent } from './agent.ts';
import { usageByManager } from './job-usage.ts';
import {
  addTrustedManager,
  addTrustedManagerKey,
  listTrustedManagers,
  removeTrustedManager,
  revokeTrustedManagerKey,
} from './trust.ts';

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

const GraceSeconds = graceSecondsField('manager');

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
    keys: z.array(TrustedKeySchema),
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

const ManagerKeyParams = ManagerIdParam.extend({
  keyId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'keyId', in: 'path' } }),
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
      'Trust a manager (or replace its weight, quota and job types) with this key as its current one; a previous key stays valid for the grace period. At once',
    tags,
    security,
    request: jsonBody(
      z
        .object({
          managerId: partyId,
          publicKeyPem: PublicKeyPemField,
          graceSeconds: GraceSeconds,
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
  addManagerKey: createRoute({
    method: 'post',
    path: '/v1/admin/managers/{managerId}/keys',
    summary:
      'Add the new key of a trusted manager that rotated (`caroni keys rotate`), keeping its share; its previous key stays valid for the grace period. At once',
    tags,
    security,
    request: {
      params: ManagerIdParam,
      ...jsonBody(
        z
          .object({ publicKeyPem: PublicKeyPemField, graceSeconds: GraceSeconds })
          .strict()
          .openapi('AddManagerKey'),
      ),
    },
    responses: { 200: json('The manager with its keys', TrustedManager), ...errorResponses },
  }),
  revokeManagerKey: createRoute({
    method: 'post',
    path: '/v1/admin/managers/{managerId}/keys/{keyId}/revoke',
    summary:
      "Revoke a manager's key (stolen or lost): its requests and cancellations are refused as revoked_key, at once",
    tags,
    security,
    request: { params: ManagerKeyParams },
    responses: {
      200: json(
        'Revoked',
        z.object({ managerId: z.string(), keyId: z.string(), revokedAt: z.string() }),
      ),
      ...errorResponses,
    },
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
    const keyId = checkedKeyId(body.publicKeyPem);
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
      keyId,
      graceSeconds: body.graceSeconds ?? null,
    });
    return c.json(saved, 200);
  });

  app.openapi(routes.addManagerKey, async (c) => {
    const { managerId } = c.req.valid('param');
    const { publicKeyPem, graceSeconds } = c.req.valid('json');
    const keyId = checkedKeyId(publicKeyPem);
    const saved = await addTrustedManagerKey(sql, managerId, publicKeyPem, graceSeconds);
    await agent.reloadTrust();
    await audit(c, 'trust.manager.key.add', managerId, {
      keyId,
      graceSeconds: graceSeconds ?? null,
    });
    return c.json(saved, 200);
  });

  app.openapi(routes.revokeManagerKey, async (c) => {
    const { managerId, keyId } = c.req.valid('param');
    const revokedAt = await revokeTrustedManagerKey(sql, managerId, keyId);
    // Before answering: once the operator sees 200, this agent refuses the key.
    await agent.reloadTrust();
    await audit(c, 'trust.manager.key.revoke', managerId, { keyId });
    return c.json({ managerId, keyId, revokedAt: revokedAt.toISOString() }, 200);
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
