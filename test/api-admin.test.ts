import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { createLogger } from '../common/log.ts';
import { generateIdentity, publicKeyPem } from '../common/keys.ts';
import { saveToken } from '../db/tokens.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { caroni } from './support/cli.ts';
import { waitFor } from './support/isolation.ts';

let site: TestSite;
let admin: string;
beforeAll(async () => {
  site = await startTestSite();
  await seedTestSite(site.managerSql);
  admin = site.federation.tokens.admin;
});
afterAll(async () => {
  await site?.teardown();
});

/** The API over HTTP as an admin. */
function asAdmin(route: string, init: RequestInit = {}): Promise<Response> {
  return site.fetchApi(route, { ...init, token: admin });
}

async function errorOf(response: Response): Promise<{
  status: number;
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}> {
  const body = (await response.json()) as {
    error: { code: string; message: string; issues?: { path: string; message: string }[] };
  };
  return { status: response.status, ...body.error };
}

describe('authentication and roles', () => {
  it('answers 401 without a token or with an unknown one, over HTTP and in process', async () => {
    for (const route of ['/v1/runs/some-run', '/v1/admin/job-types']) {
      const none = await site.fetchApi(route, { token: null });
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect(await errorOf(none)).toMatchObject({ code: 'unauthenticated' });
      const unknown = await site.fetchApi(route, { token: 'caroni_not-a-real-token' });
      expect(await errorOf(unknown)).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
    const app = createApp(site.federation.api.ctx, createLogger('test', 'silent'));
    expect((await app.request('/v1/admin/definitions')).status).toBe(401);
    const malformed = await app.request('/v1/admin/definitions', {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(malformed.status).toBe(401);
  });

  it('answers 403 to a submitter on admin routes, and lets both roles use runs', async () => {
    const forbidden = await site.fetchApi('/v1/admin/definitions');
    expect(await errorOf(forbidden)).toMatchObject({ status: 403, code: 'forbidden' });
    const start = (token: string) =>
      site.fetchApi('/v1/runs', {
        method: 'POST',
        token,
        body: JSON.stringify({ workflow: 'double', input: { x: 2 } }),
      });
    expect((await start(site.federation.tokens.site)).status).toBe(202);
    expect((await start(admin)).status).toBe(202);
  });

  it('accepts a token made later, in process', async () => {
    await saveToken(site.managerSql, 'ci-bot', 'admin', 'caroni_ci-bot-token-0123456789');
    const app = createApp(site.federation.api.ctx, createLogger('test', 'silent'));
    const response = await app.request('/v1/admin/job-types', {
      headers: { authorization: 'Bearer caroni_ci-bot-token-0123456789' },
    });
    expect(response.status).toBe(200);
  });

  it('serves health, readiness, the OpenAPI document, its reference page and the definition schema without a token', async () => {
    expect(await (await site.fetchApi('/healthz', { token: null })).json()).toEqual({ ok: true });
    expect(await (await site.fetchApi('/readyz', { token: null })).json()).toEqual({
      ok: true,
      database: 'ok',
      temporal: 'ok',
    });
    const docs = await site.fetchApi('/docs', { token: null });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
    const schema = (await (
      await site.fetchApi('/v1/schemas/definition.json', { token: null })
    ).json()) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'version', 'steps']),
    );
  });
});

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3 and covers every route the app serves', async () => {
    const document = (await (await site.fetchApi('/openapi.json', { token: null })).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const validator = new Validator();
    const result = await validator.validate(
      document as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const app = createApp(site.federation.api.ctx, createLogger('test', 'silent'));
    const documented = new Set(
      Object.entries(document.paths).flatMap(([route, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
      ),
    );
    // Hono's own routes: middleware (ALL), the document and reference page themselves, and the
    // console's HTML pages (not API) aside.
    const served = app.routes
      .filter(
        (route) =>
          route.method !== 'ALL' &&
          !['/openapi.json', '/docs'].includes(route.path) &&
          !route.path.startsWith('/console'),
      )
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });
});

describe('administration', () => {
  it('creates, validates, lists and reads job types', async () => {
    const jobType = {
      name: 'text.upper',
      description: 'upper-cases params.text',
      paramsSchema: {
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string' } },
      },
      timeouts: { runMs: 5_000 },
    };
    const saved = await asAdmin('/v1/admin/job-types', {
      method: 'POST',
      body: JSON.stringify(jobType),
    });
    expect(saved.status).toBe(200);
    expect(await (await asAdmin('/v1/admin/job-types/text.upper')).json()).toEqual(jobType);
    const list = (await (await asAdmin('/v1/admin/job-types')).json()) as {
      jobTypes: { name: string }[];
    };
    expect(list.jobTypes.map((j) => j.name)).toContain('text.upper');

    const check = await asAdmin('/v1/admin/job-types/validate', {
      method: 'POST',
      body: JSON.stringify({ name: 'text.odd', paramsSchema: { type: 'stringy' } }),
    });
    expect(await check.json()).toMatchObject({
      ok: false,
      errors: [{ path: expect.stringMatching(/^paramsSchema/) }],
    });
    expect(await errorOf(await asAdmin('/v1/admin/job-types/text.nope'))).toMatchObject({
      status: 404,
      code: 'job_type_not_found',
    });
  });

  it('saves definition versions from JSON and YAML, immutably, and reads them back', async () => {
    const v1 = {
      name: 'upper',
      version: 1,
      steps: [{ id: 'u', job: 'test.echo', params: { t: '{{ input.t }}' } }],
    };
    expect(
      (await asAdmin('/v1/admin/definitions', { method: 'POST', body: JSON.stringify(v1) })).status,
    ).toBe(201);
    const yaml = [
      'name: upper',
      'version: 2',
      'steps:',
      '  - id: u',
      '    job: test.echo',
      '    params: { t: "{{ input.t }}", v: 2 }',
    ].join('\n');
    const fromYaml = await asAdmin('/v1/admin/definitions', {
      method: 'POST',
      body: yaml,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(fromYaml.status).toBe(201);
    expect(await (await asAdmin('/v1/admin/definitions/upper')).json()).toMatchObject({
      version: 2,
    });
    expect(await (await asAdmin('/v1/admin/definitions/upper/versions/1')).json()).toEqual(v1);
    const versions = (await (await asAdmin('/v1/admin/definitions/upper/versions')).json()) as {
      versions: { version: number }[];
    };
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
    const list = (await (await asAdmin('/v1/admin/definitions')).json()) as {
      definitions: { name: string; latestVersion: number }[];
    };
    expect(list.definitions).toContainEqual({ name: 'upper', latestVersion: 2, versions: 2 });

    const changed = await asAdmin('/v1/admin/definitions', {
      method: 'POST',
      body: JSON.stringify({ ...v1, steps: [{ id: 'other', job: 'test.echo' }] }),
    });
    expect(await errorOf(changed)).toMatchObject({
      status: 409,
      code: 'definition_version_exists',
    });
    expect(await (await asAdmin('/v1/admin/definitions/upper/versions/1')).json()).toEqual(v1);
  });

  it('trusts and distrusts agents, lists the agents it has heard from', async () => {
    const stranger = generateIdentity('stranger');
    const added = await asAdmin('/v1/admin/trusted-agents', {
      method: 'POST',
      body: JSON.stringify({ agentId: 'stranger', publicKeyPem: publicKeyPem(stranger.publicKey) }),
    });
    expect(added.status).toBe(200);
    const badKey = await asAdmin('/v1/admin/trusted-agents', {
      method: 'POST',
      body: JSON.stringify({ agentId: 'x', publicKeyPem: 'not a key' }),
    });
    expect(await errorOf(badKey)).toMatchObject({ status: 400, code: 'invalid_public_key' });
    expect((await asAdmin('/v1/admin/trusted-agents/stranger', { method: 'DELETE' })).status).toBe(
      200,
    );
    expect(
      await errorOf(await asAdmin('/v1/admin/trusted-agents/stranger', { method: 'DELETE' })),
    ).toMatchObject({
      status: 404,
      code: 'agent_not_trusted',
    });

    const { id } = (await (
      await site.fetchApi('/v1/runs', {
        method: 'POST',
        body: JSON.stringify({ workflow: 'double', input: { x: 1 } }),
      })
    ).json()) as { id: string };
    await site.federation.api.ctx.client.workflow.getHandle(id).result();
    const agents = await waitFor(async () => {
      const body = (await (await asAdmin('/v1/admin/agents')).json()) as {
        agents: { agentId: string; trusted: boolean; lastSeenAt?: string }[];
      };
      const ours = body.agents.find((agent) => agent.agentId === site.config.agent.id);
      return ours?.lastSeenAt ? body.agents : undefined;
    });
    expect(agents).toContainEqual(
      expect.objectContaining({ agentId: site.config.agent.id, trusted: true }),
    );
  });

  it('writes every admin change to the audit log: who, what, on what, when', async () => {
    await asAdmin('/v1/admin/job-types', {
      method: 'POST',
      body: JSON.stringify({ name: 'text.audited' }),
    });
    const first = (await (await asAdmin('/v1/admin/audit?limit=1')).json()) as {
      entries: { id: number; actor: string; action: string; target: string; at: string }[];
      nextBefore?: number;
    };
    expect(first.entries).toEqual([
      expect.objectContaining({
        actor: 'dev-admin',
        action: 'job_type.apply',
        target: 'text.audited',
      }),
    ]);
    expect(Date.now() - Date.parse(first.entries[0]?.at ?? '')).toBeLessThan(60_000);
    expect(first.nextBefore).toBe(first.entries[0]?.id);
    const rest = (await (
      await asAdmin(`/v1/admin/audit?before=${first.nextBefore}&limit=500`)
    ).json()) as {
      entries: { action: string; target: string }[];
    };
    expect(rest.entries.map((e) => `${e.action} ${e.target}`)).toEqual(
      expect.arrayContaining([
        'definition.apply upper@1',
        'trust.agent.add stranger',
        'trust.agent.remove stranger',
      ]),
    );
    // Reads are not changes.
    expect(rest.entries.some((e) => e.action.startsWith('get'))).toBe(false);
  });
});

describe('malformed requests', () => {
  it('gets a 4xx JSON error naming the problem, and saves or starts nothing', async () => {
    const post = (
      route: string,
      body: string,
      token = admin,
      headers: Record<string, string> = {},
    ) => site.fetchApi(route, { method: 'POST', body, token, headers });

    expect(await errorOf(await post('/v1/runs', '{"workflow": "double", '))).toMatchObject({
      status: 400,
      code: 'bad_request',
    });
    const wrongTypes = await errorOf(
      await post('/v1/runs', JSON.stringify({ workflow: 7, input: [] })),
    );
    expect(wrongTypes).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(wrongTypes.issues?.map((i) => i.path).sort()).toEqual(['input', 'workflow']);
    const unknownField = await errorOf(
      await post('/v1/runs', JSON.stringify({ workflow: 'double', input: {}, priority: 'high' })),
    );
    expect(unknownField).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(unknownField.message).toContain('priority');
    // In process: over a socket, the server answers 413 at once and drops the rest of the
    // body after a moment, which a client still sending (undici) reports as a socket error.
    const app = createApp(site.federation.api.ctx, createLogger('test', 'silent'));
    const huge = await app.request('/v1/runs', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workflow: 'double', input: { x: 'y'.repeat(2 * 1024 * 1024) } }),
    });
    expect(await errorOf(huge)).toMatchObject({ status: 413, code: 'body_too_large' });

    const invalid = await errorOf(
      await post(
        '/v1/admin/definitions',
        JSON.stringify({
          name: 'broken',
          version: 1,
          steps: [{ id: 'a', after: ['a'], job: 'nope.nope' }],
        }),
      ),
    );
    expect(invalid).toMatchObject({ status: 400, code: 'invalid_definition' });
    expect(invalid.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['steps[0].job']));
    const badYaml = await errorOf(
      await post('/v1/admin/definitions', 'name: broken\nsteps: [', admin, {
        'content-type': 'application/yaml',
      }),
    );
    expect(badYaml).toMatchObject({ status: 400, code: 'definition_syntax' });
    const noType = await errorOf(
      await post('/v1/admin/definitions', 'name: x', admin, { 'content-type': 'text/plain' }),
    );
    expect(noType).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await errorOf(await asAdmin('/v1/admin/definitions/broken'))).toMatchObject({
      status: 404,
    });

    // None of the refused starts became a run.
    const started: string[] = [];
    for await (const execution of site.federation.api.ctx.client.workflow.list({
      query: `CaroniWorkflow = "double" AND ExecutionStatus = "Running"`,
    })) {
      started.push(execution.workflowId);
    }
    expect(started).toEqual([]);
  });
});

describe('the admin CLI, through the API', () => {
  it('applies job types and definitions from files, and reports invalid ones with their paths', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-cli-admin-'));
    try {
      const env = {
        CARONI_API_URL: `http://127.0.0.1:${site.federation.api.port}`,
        CARONI_TOKEN: admin,
        CARONI_DATA_DIR: dir,
      };
      await writeFile(
        path.join(dir, 'types.yaml'),
        '- name: text.lower\n  description: lower-cases\n- name: text.title\n',
      );
      const types = await caroni(['job-types', 'apply', path.join(dir, 'types.yaml')], env);
      expect(types).toMatchObject({ code: 0 });
      expect(types.stderr).toContain('saved job type text.title');

      await writeFile(
        path.join(dir, 'lower.yaml'),
        'name: lower\nversion: 1\nsteps:\n  - id: l\n    job: text.lower\n',
      );
      const applied = await caroni(['definitions', 'apply', path.join(dir, 'lower.yaml')], env);
      expect(applied).toMatchObject({ code: 0, stderr: 'saved lower version 1\n' });
      const got = await caroni(['definitions', 'get', 'lower'], env);
      expect(JSON.parse(got.stdout)).toMatchObject({ name: 'lower', version: 1 });

      await writeFile(
        path.join(dir, 'bad.json'),
        JSON.stringify({ name: 'bad', version: 1, steps: [{ id: 'x', job: 'text.nope' }] }),
      );
      const checked = await caroni(['definitions', 'validate', path.join(dir, 'bad.json')], env);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toMatch(/bad\.json: steps\[0\]\.job: unknown job type "text\.nope"/);
      const refused = await caroni(['definitions', 'apply', path.join(dir, 'bad.json')], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^caroni: the definition is invalid: steps\[0\]\.job: /);

      const asSubmitter = await caroni(['job-types', 'list'], {
        ...env,
        CARONI_TOKEN: site.federation.tokens.site,
      });
      expect(asSubmitter).toMatchObject({ code: 1 });
      expect(asSubmitter.stderr).toContain('needs an admin token');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
