import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDefinition } from '../../api/definitions.ts';
import { saveToken } from '../../db/tokens.ts';
import type { Definition } from '../../workflows/definition.ts';
import { startTestSite, type TestSite } from '../support/federation.ts';
import {
  deepLevels,
  hostileJson,
  hostileRequest,
  hostileString,
  operationsOf,
  percentEncode,
  renderBody,
  sendHostile,
  targetOf,
  type HostileRequest,
  type OpenApiDocument,
  type Operation,
} from './support/http-fuzz.ts';
import { hostileSeed } from './support/seed.ts';
import { Tally } from './support/tally.ts';

/**
 * Property-based fuzzing of every route the manager's and the agent's
 * OpenAPI documents list: bodies, queries, path parameters and headers of
 * every kind. Never a 5xx, never a dropped connection, always JSON with an
 * `error.code` for an error, and `/healthz` still answers after each route.
 */

/** Hostile requests per route; a few hundred per route group (runs, admin, schedules, ...). */
const RUNS_PER_ROUTE = 40;

/** A run that waits for a signal for ten minutes: a real target for run routes. */
const waitDefinition: Definition = {
  name: 'hostile-wait',
  version: 1,
  steps: [{ id: 'gate', wait: { signal: 'go', timeoutMs: 600_000 } }],
};

let site: TestSite;
let managerBase: string;
let agentBase: string;
let tokens: { admin: string; submitter: string };
let agentTokens: { admin: string; submitter: string };

beforeAll(async () => {
  site = await startTestSite();
  await applyDefinition(site.managerSql, waitDefinition);
  managerBase = `http://127.0.0.1:${site.federation.api.port}`;
  agentBase = `http://127.0.0.1:${site.federation.agent.apiPort}`;
  tokens = { admin: site.federation.tokens.admin, submitter: site.federation.tokens.site };
  // The agent has admin tokens only; a submitter's token of its own database must get 403.
  agentTokens = {
    admin: site.federation.agents[0]?.adminToken ?? '',
    submitter: 'caroni_hostile-agent-submitter-0123456789',
  };
  await saveToken(site.agentSql, 'hostile-submitter', 'submitter', agentTokens.submitter);
});

afterAll(async () => {
  await site?.teardown();
});

async function operations(base: string): Promise<Operation[]> {
  const response = await fetch(`${base}/openapi.json`);
  expect(response.status).toBe(200);
  return operationsOf((await response.json()) as OpenApiDocument);
}

/** Whether the service still answers its liveness route. */
async function alive(base: string): Promise<boolean> {
  const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) }).catch(
    () => undefined,
  );
  return response?.status === 200 && ((await response.json()) as { ok?: boolean }).ok === true;
}

/**
 * Runs `runs` hostile requests against each operation, stopping an
 * operation at its first bad answer (reported with the run's seed), and
 * checks liveness after each. @returns every problem found.
 */
async function fuzz(
  tally: Tally,
  base: string,
  apiTokens: { admin: string; submitter: string },
  targets: { operation: Operation; requests: fc.Arbitrary<HostileRequest>; runs: number }[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, { operation, requests, runs }] of targets.entries()) {
    let failure = '';
    try {
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          tally.sent();
          const verdict = await sendHostile(base, operation, request, apiTokens);
          if (verdict.ok) return;
          if (verdict.crash) tally.crashed();
          failure = `${operation.method} ${targetOf(operation, request).slice(0, 200)} with ${describeBody(request)}: ${verdict.why.slice(0, 300)}`;
          throw new Error(failure);
        }),
        // No shrinking: each request counts once, and the case reported is the one sent.
        // One seed per route, all from the run's: a failure replays with HOSTILE_SEED.
        { numRuns: runs, endOnFailure: true, seed: hostileSeed + index },
      );
    } catch (error) {
      problems.push(
        `${failure || (error as Error).message.slice(0, 500)} (HOSTILE_SEED=${hostileSeed})`,
      );
    }
    if (!(await alive(base))) {
      tally.crashed();
      problems.push(
        `${base} stopped answering /healthz after ${operation.method} ${operation.path}`,
      );
      break;
    }
  }
  return problems;
}

/** A short account of a request's body for a failure message (the bodies can be megabytes). */
function describeBody(request: HostileRequest): string {
  const { body, contentType } = request;
  if (body === undefined) return 'no body';
  const text = renderBody(body);
  const shown = typeof text === 'string' ? text.slice(0, 120) : `${text.byteLength} random bytes`;
  return `a ${body.kind} body (${contentType ?? 'application/json'}): ${shown}`;
}

describe('the manager API under hostile requests', () => {
  it('answers every route of /openapi.json with a JSON error below 500', async ({ task }) => {
    const tally = new Tally(task);
    const all = await operations(managerBase);
    expect(all.length).toBeGreaterThan(25);
    const problems = await fuzz(
      tally,
      managerBase,
      tokens,
      all.map((operation) => ({
        operation,
        requests: hostileRequest(operation, tokens),
        runs: RUNS_PER_ROUTE,
      })),
    );
    expect(problems).toEqual([]);
    expect(tally.crashes).toBe(0);
  });

  it('answers hostile control of a real, waiting run below 500, and the run survives', async ({
    task,
  }) => {
    const tally = new Tally(task);
    const started = await site.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow: waitDefinition.name }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const all = await operations(managerBase);
    const runRoutes = all.filter(
      (operation) =>
        operation.path.startsWith('/v1/runs/{id}') &&
        // The event stream of a live run never ends, and a cancellation would end the target.
        !operation.path.endsWith('/events') &&
        !operation.path.endsWith('/cancel'),
    );
    const startRoute = all.find((op) => op.method === 'POST' && op.path === '/v1/runs');
    if (!startRoute) throw new Error('no POST /v1/runs in /openapi.json');
    const onTheRun = (operation: Operation) =>
      hostileRequest(operation, tokens).map((request): HostileRequest => ({
        ...request,
        auth: { kind: 'admin' },
        pathValues: [percentEncode(id), ...request.pathValues.slice(1)],
      }));
    // Starts of a real definition with hostile inputs: they reach Temporal's payload converter.
    const hostileStart = fc
      .record({
        input: fc.oneof(hostileJson, fc.dictionary(hostileString, hostileJson, { maxKeys: 4 })),
        extra: fc.array(
          fc.tuple(fc.constantFrom('idempotencyKey', 'version', 'colour'), hostileJson),
          { maxLength: 2 },
        ),
        deep: fc.option(deepLevels, { nil: undefined }),
      })
      .map(({ input, extra, deep }): HostileRequest => ({
        pathValues: [],
        query: [],
        auth: { kind: 'admin' },
        headers: [],
        contentType: 'application/json',
        body:
          deep === undefined
            ? {
                kind: 'shaped',
                fields: [['workflow', waitDefinition.name], ['input', input], ...extra],
              }
            : {
                kind: 'deep',
                depth: deep,
                opener: '{"a":',
                field: 'input',
                around: [['workflow', waitDefinition.name]],
              },
      }));
    const problems = await fuzz(tally, managerBase, tokens, [
      ...runRoutes.map((operation) => ({
        operation,
        requests: onTheRun(operation),
        runs: RUNS_PER_ROUTE,
      })),
      { operation: startRoute, requests: hostileStart, runs: RUNS_PER_ROUTE },
    ]);
    expect(problems).toEqual([]);
    // Still there and still waiting for its signal (a random signal name is not `go`).
    const run = await site.fetchApi(`/v1/runs/${encodeURIComponent(id)}`);
    expect(run.status).toBe(200);
    expect(((await run.json()) as { status: string }).status).toBe('RUNNING');
    expect((await site.fetchApi(`/v1/runs/${id}/cancel`, { method: 'POST' })).status).toBe(202);
    expect(tally.crashes).toBe(0);
  });

  it('survives malformed HTTP on the socket and keeps serving', async ({ task }) => {
    const tally = new Tally(task);
    const { port } = site.federation.api;
    const garbage = [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(40_000)}\r\n\r\n`,
      'GET /healthz HTTP/1.1\r\nno colon here\r\n\r\n',
      'POST /v1/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"workflow":',
      'POST /v1/runs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n',
      'POST /v1/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nabcdefg',
      'POST /v1/runs HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      `POST /v1/runs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.admin}\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{}`,
      '\u0000\u0001\u0002\r\n\r\n',
      'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(50),
    ];
    for (const text of garbage) {
      tally.sent();
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
        socket.on('data', () => {});
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        // A request the server waits on (a body never sent) is cut off by the test.
        socket.setTimeout(2_000, () => socket.destroy());
      });
      if (!(await alive(managerBase))) tally.crashed();
    }
    expect(tally.crashes).toBe(0);
  });

  it('answers an overlong URL and garbage with a JSON error, not a bare status line', async () => {
    const { port } = site.federation.api;
    const answer = (text: string) =>
      new Promise<string>((resolve) => {
        let received = '';
        const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', () => resolve(received));
      });
    const long = await answer(
      `GET /v1/admin/definitions/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(long).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(long.slice(long.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'headers_too_large' },
    });
    const garbage = await answer('GARBAGE\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'bad_http' },
    });
  });
});

describe('the agent API under hostile requests', () => {
  it('answers every route of /openapi.json with a JSON error below 500', async ({ task }) => {
    const tally = new Tally(task);
    const all = await operations(agentBase);
    expect(all.length).toBeGreaterThan(6);
    const problems = await fuzz(
      tally,
      agentBase,
      agentTokens,
      all.map((operation) => ({
        operation,
        requests: hostileRequest(operation, agentTokens),
        // Fewer routes: more requests each, for a group of a few hundred.
        runs: RUNS_PER_ROUTE * 2,
      })),
    );
    // A fuzzed POST /v1/admin/drain may have drained it: the agent must take work again.
    const undrain = await site.fetchAgent(0, '/v1/admin/undrain', { method: 'POST' });
    expect(undrain.status).toBe(200);
    expect(problems).toEqual([]);
    expect(tally.crashes).toBe(0);
  });
});
