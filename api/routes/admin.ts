import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  checkedKeyId,
  graceSecondsField,
  PublicKeyPemField,
  TrustedKeySchema,
} from '../trusted-key-schemas.ts';
import type { Context } from 'hono';
import {
  addTrustedAgent,
  addTrustedAgentKey,
  getTrustedAgent,
  listTrustedAgents,
  removeTrustedAgent,
  revokeTrustedAgentKey,
} from '../../bridge/trust.ts';
import { maxDefinitionVersion } from '../../common/definition-schema.ts';
import { parseDefinitionText } from '../../common/definition-text.ts';
import { CaroniError } from '../../common/errors.ts';
import type { Json } from '../../common/json.ts';
import {} from '../../common/trusted-keys.ts';
import { validateJobType } from '../../common/job-type-schema.ts';
import { listSeenAgents, QUIET_AFTER_INTERVALS } from '../../db/agents-seen.ts';
import { usageByAgent } from '../../db/job-usage.ts';
import { recordAudit } from '../../db/audit.ts';
import { getDefinition, listDefinitions, listDefinitionVersions } from '../../db/definitions.ts';
import { getJobType, listJobTypes } from '../../db/job-types.ts';
import { actor, type ApiEnv } from '../auth.ts';
import { applyDefinition, applyJobType, checkDefinition } from '../definitions.ts';
import { NotFoundError } from '../../common/errors.ts';
import type { RunsContext } from '../runs.ts';
import {
  AgentAdSchema,
  errorResponses,
  JobTypeUsage,
  json,
  jsonBody,
  security,
  UsageSums,
} from '../schemas.ts';
import { registerAuditRoute } from './audit.ts';

const tags = ['admin'];
const AnyObject = z.record(z.string(), z.unknown());

const Issue = z.object({ path: z.string(), message: z.string() });
const Validation = z
  .object({ ok: z.boolean(), errors: z.array(Issue).optional() })
  .openapi('Validation');

const JobType = z
  .object({
    name: z.string().openapi({ example: 'text.stats' }),
    description: z.string().optional(),
    paramsSchema: AnyObject.optional(),
    outputSchema: AnyObject.optional(),
    timeouts: z
      .object({
        queueMs: z.number().optional(),
        runMs: z.number().optional(),
        progressMs: z.number().optional(),
      })
      .optional(),
    retry: AnyObject.optional(),
  })
  .openapi('JobType');

const AgentUsage = UsageSums.extend({
  agentId: z.string(),
  jobTypes: z.array(JobTypeUsage),
}).openapi('AgentUsage');

const TrustedAgent = z
  .object({
    agentId: z.string(),
    publicKeyPem: z.string().nullable().openapi({
      description: 'Its current key; null when every key it had is retired or revoked',
    }),
    addedAt: z.string(),
    keys: z.array(TrustedKeySchema),
  })
  .openapi('TrustedAgent');

const GraceSeconds = graceSecondsField('agent');

const AgentIdParam = z.object({
  agentId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'agentId', in: 'path' } }),
});
const AgentKeyParams = AgentIdParam.extend({
  keyId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'keyId', in: 'path' } }),
});

const NameParam = z.object({
  name: z
    .string()
    .min(1)
    .openapi({ param: { name: 'name', in: 'path' } }),
});
const VersionParams = NameParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .max(maxDefinitionVersion)
    .openapi({ param: { name: 'version', in: 'path' }, type: 'integer' }),
});

/**
 * A definition body: JSON, or YAML with `Content-Type: application/yaml`.
 * Not marked required, so the JSON validator runs only for JSON bodies.
 */
const definitionBody = {
  body: {
    content: {
      'application/json': { schema: AnyObject.openapi('Definition') },
      'application/yaml': { schema: z.string() },
    },
  },
};

async function definitionFrom(c: Context<ApiEnv>, json: unknown): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (/yaml/i.test(type)) return parseDefinitionText(await c.req.text(), 'yaml');
  if (json === undefined) {
    throw new CaroniError(
      'unsupported_media_type',
      'send the definition as application/json or application/yaml',
    );
  }
  return json;
}

const routes = {
  listJobTypes: createRoute({
    method: 'get',
    path: '/v1/admin/job-types',
    summary: 'List job types',
    tags,
    security,
    responses: {
      200: json('Job types by name', z.object({ jobTypes: z.array(JobType) })),
      ...errorResponses,
    },
  }),
  getJobType: createRoute({
    method: 'get',
    path: '/v1/admin/job-types/{name}',
    summary: 'Get a job type',
    tags,
    security,
    request: { params: NameParam },
    responses: { 200: json('The job type', JobType), ...errorResponses },
  }),
  applyJobType: createRoute({
    method: 'post',
    path: '/v1/admin/job-types',
    summary: 'Create or replace a job type (validated first)',
    tags,
    security,
    request: jsonBody(AnyObject.openapi('JobTypeInput')),
    responses: { 200: json('The saved job type', JobType), ...errorResponses },
  }),
  validateJobType: createRoute({
    method: 'post',
    path: '/v1/admin/job-types/validate',
    summary: 'Validate a job type without saving it',
    tags,
    security,
    request: jsonBody(AnyObject),
    responses: { 200: json('Every problem, with its path', Validation), ...errorResponses },
  }),
  listDefinitions: createRoute({
    method: 'get',
    path: '/v1/admin/definitions',
    summary: 'List workflow definitions with their latest version',
    tags,
    security,
    responses: {
      200: json(
        'Definitions by name',
        z.object({
          definitions: z.array(
            z.object({ name: z.string(), latestVersion: z.number(), versions: z.number() }),
          ),
        }),
      ),
      ...errorResponses,
    },
  }),
  applyDefinition: createRoute({
    method: 'post',
    path: '/v1/admin/definitions',
    summary:
      'Save a new version of a workflow definition (validated first; versions are immutable)',
    tags,
    security,
    request: definitionBody,
    responses: { 201: json('The saved definition', AnyObject), ...errorResponses },
  }),
  validateDefinition: createRoute({
    method: 'post',
    path: '/v1/admin/definitions/validate',
    summary: 'Validate a workflow definition without saving it',
    tags,
    security,
    request: definitionBody,
    responses: { 200: json('Every problem, with its exact path', Validation), ...errorResponses },
  }),
  listVersions: createRoute({
    method: 'get',
    path: '/v1/admin/definitions/{name}/versions',
    summary: 'List the versions of a definition',
    tags,
    security,
    request: { params: NameParam },
    responses: {
      200: json(
        'Versions, oldest first',
        z.object({ versions: z.array(z.object({ version: z.number(), createdAt: z.string() })) }),
      ),
      ...errorResponses,
    },
  }),
  getLatest: createRoute({
    method: 'get',
    path: '/v1/admin/definitions/{name}',
    summary: 'Get the latest version of a definition',
    tags,
    security,
    request: { params: NameParam },
    responses: { 200: json('The definition', AnyObject), ...errorResponses },
  }),
  getVersion: createRoute({
    method: 'get',
    path: '/v1/admin/definitions/{name}/versions/{version}',
    summary: 'Get one version of a definition',
    tags,
    security,
    request: { params: VersionParams },
    responses: { 200: json('The definition', AnyObject), ...errorResponses },
  }),
  listTrustedAgents: createRoute({
    method: 'get',
    path: '/v1/admin/trusted-agents',
    summary: 'List the agents whose acceptances and results this manager takes, with their keys',
    tags,
    security,
    responses: {
      200: json('Trusted agents', z.object({ agents: z.array(TrustedAgent) })),
      ...errorResponses,
    },
  }),
  trustAgent: createRoute({
    method: 'post',
    path: '/v1/admin/trusted-agents',
    summary:
      'Trust an agent with this key as its current one; a previous key stays valid for the grace period. Bridges take it up within 5 s',
    tags,
    security,
    request: jsonBody(
      z
        .object({
          agentId: z.string().min(1).max(200),
          publicKeyPem: PublicKeyPemField,
          graceSeconds: GraceSeconds,
        })
        .strict()
        .openapi('TrustAgent'),
    ),
    responses: { 200: json('Trusted', TrustedAgent), ...errorResponses },
  }),
  addAgentKey: createRoute({
    method: 'post',
    path: '/v1/admin/trusted-agents/{agentId}/keys',
    summary:
      'Add the new key of a trusted agent that rotated (`caroni keys rotate`); its previous key stays valid for the grace period',
    tags,
    security,
    request: {
      params: AgentIdParam,
      ...jsonBody(
        z
          .object({ publicKeyPem: PublicKeyPemField, graceSeconds: GraceSeconds })
          .strict()
          .openapi('AddAgentKey'),
      ),
    },
    responses: { 200: json('The agent with its keys', TrustedAgent), ...errorResponses },
  }),
  revokeAgentKey: createRoute({
    method: 'post',
    path: '/v1/admin/trusted-agents/{agentId}/keys/{keyId}/revoke',
    summary:
      "Revoke an agent's key (stolen or lost): its replies are refused as revoked_key, by every bridge within 5 s",
    tags,
    security,
    request: { params: AgentKeyParams },
    responses: {
      200: json(
        'Revoked',
        z.object({ agentId: z.string(), keyId: z.string(), revokedAt: z.string() }),
      ),
      ...errorResponses,
    },
  }),
  distrustAgent: createRoute({
    method: 'delete',
    path: '/v1/admin/trusted-agents/{agentId}',
    summary: 'Stop trusting an agent; bridges take it up within 5 s',
    tags,
    security,
    request: { params: AgentIdParam },
    responses: { 200: json('Removed', z.object({ agentId: z.string() })), ...errorResponses },
  }),
  agents: createRoute({
    method: 'get',
    path: '/v1/admin/agents',
    summary:
      'Agents this manager trusts or has heard from: when last, their latest capability ad, and whether they have gone quiet',
    tags,
    security,
    responses: {
      200: json(
        'Agents',
        z.object({
          agents: z.array(
            z.object({
              agentId: z.string(),
              trusted: z.boolean(),
              firstSeenAt: z.string().optional(),
              lastSeenAt: z.string().optional(),
              ad: AgentAdSchema.nullable().openapi({
                description: 'Its latest signed ad; null when it never sent one here',
              }),
              quiet: z.boolean().openapi({
                description: `No ad for ${QUIET_AFTER_INTERVALS} of its announce intervals (or never): jobs are not pinned to it`,
              }),
            }),
          ),
        }),
      ),
      ...errorResponses,
    },
  }),
  usage: createRoute({
    method: 'get',
    path: '/v1/admin/usage',
    summary:
      "Usage of this site's job runs per agent and job type, as the agents' signed results reported it",
    tags,
    security,
    responses: {
      200: json('Usage', z.object({ agents: z.array(AgentUsage) })),
      ...errorResponses,
    },
  }),
};

/** Administration of the site: admin tokens only (enforced on `/v1/admin/*`). */
export function registerAdminRoutes(app: OpenAPIHono<ApiEnv>, ctx: RunsContext): void {
  const { sql } = ctx;
  const audit = (c: Context<ApiEnv>, action: string, target: string, details?: Json) =>
    recordAudit(sql, { actor: actor(c), action, target, details });

  app.openapi(routes.listJobTypes, async (c) => c.json({ jobTypes: await listJobTypes(sql) }, 200));

  app.openapi(routes.getJobType, async (c) => {
    const { name } = c.req.valid('param');
    const jobType = await getJobType(sql, name);
    if (!jobType) throw new NotFoundError('job_type_not_found', `no job type "${name}" here`);
    return c.json(jobType, 200);
  });

  app.openapi(routes.applyJobType, async (c) => {
    const jobType = await applyJobType(sql, c.req.valid('json'));
    await audit(c, 'job_type.apply', jobType.name, jobType as unknown as Json);
    return c.json(jobType, 200);
  });

  app.openapi(routes.validateJobType, (c) => {
    const result = validateJobType(c.req.valid('json'));
    return c.json(result.ok ? { ok: true } : { ok: false, errors: result.errors }, 200);
  });

  app.openapi(routes.listDefinitions, async (c) =>
    c.json({ definitions: await listDefinitions(sql) }, 200),
  );

  app.openapi(routes.applyDefinition, async (c) => {
    const definition = await applyDefinition(sql, await definitionFrom(c, c.req.valid('json')));
    await audit(c, 'definition.apply', `${definition.name}@${definition.version}`);
    return c.json(definition as unknown as Record<string, unknown>, 201);
  });

  app.openapi(routes.validateDefinition, async (c) => {
    const result = await checkDefinition(sql, await definitionFrom(c, c.req.valid('json')));
    return c.json(result.ok ? { ok: true } : { ok: false, errors: result.errors }, 200);
  });

  app.openapi(routes.listVersions, async (c) => {
    const { name } = c.req.valid('param');
    const versions = await listDefinitionVersions(sql, name);
    if (versions.length === 0)
      throw new NotFoundError('definition_not_found', `no definition "${name}" here`);
    return c.json({ versions }, 200);
  });

  app.openapi(routes.getLatest, async (c) => {
    const { name } = c.req.valid('param');
    const definition = await getDefinition(sql, name);
    if (!definition)
      throw new NotFoundError('definition_not_found', `no definition "${name}" here`);
    return c.json(definition as unknown as Record<string, unknown>, 200);
  });

  app.openapi(routes.getVersion, async (c) => {
    const { name, version } = c.req.valid('param');
    const definition = await getDefinition(sql, name, version);
    if (!definition) {
      throw new NotFoundError('definition_not_found', `no version ${version} of "${name}" here`);
    }
    return c.json(definition as unknown as Record<string, unknown>, 200);
  });

  app.openapi(routes.listTrustedAgents, async (c) =>
    c.json({ agents: await listTrustedAgents(sql) }, 200),
  );

  app.openapi(routes.trustAgent, async (c) => {
    const { agentId, publicKeyPem, graceSeconds } = c.req.valid('json');
    checkedKeyId(publicKeyPem);
    const keyId = await addTrustedAgent(sql, agentId, publicKeyPem, graceSeconds);
    await audit(c, 'trust.agent.add', agentId, { keyId, graceSeconds: graceSeconds ?? null });
    return c.json(await getTrustedAgent(sql, agentId), 200);
  });

  app.openapi(routes.addAgentKey, async (c) => {
    const { agentId } = c.req.valid('param');
    const { publicKeyPem, graceSeconds } = c.req.valid('json');
    checkedKeyId(publicKeyPem);
    const keyId = await addTrustedAgentKey(sql, agentId, publicKeyPem, graceSeconds);
    await audit(c, 'trust.agent.key.add', agentId, { keyId, graceSeconds: graceSeconds ?? null });
    return c.json(await getTrustedAgent(sql, agentId), 200);
  });

  app.openapi(routes.revokeAgentKey, async (c) => {
    const { agentId, keyId } = c.req.valid('param');
    const revokedAt = await revokeTrustedAgentKey(sql, agentId, keyId);
    await audit(c, 'trust.agent.key.revoke', agentId, { keyId });
    return c.json({ agentId, keyId, revokedAt: revokedAt.toISOString() }, 200);
  });

  app.openapi(routes.distrustAgent, async (c) => {
    const { agentId } = c.req.valid('param');
    if (!(await removeTrustedAgent(sql, agentId))) {
      throw new NotFoundError('agent_not_trusted', `agent "${agentId}" is not trusted here`);
    }
    await audit(c, 'trust.agent.remove', agentId);
    return c.json({ agentId }, 200);
  });

  app.openapi(routes.agents, async (c) => c.json({ agents: await listSeenAgents(sql) }, 200));

  app.openapi(routes.usage, async (c) => c.json({ agents: await usageByAgent(sql) }, 200));

  registerAuditRoute(app, sql);
}
