// One run through four real processes (`caroni api`, `caroni manager`,
// `caroni bridge`, `caroni agent`), each exporting its spans over OTLP/HTTP
// (JSON) to a receiver hosted here: the run must be one trace across them, the
// hops across the broker included, with every span's parent in it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Outbox } from '../agent/outbox.ts';
import { addTrustedManager } from '../agent/trust.ts';
import type { RunView } from '../api/runs.ts';
import { addTrustedAgent } from '../bridge/trust.ts';
import { openDatabase } from '../common/db.ts';
import { loadOrInitIdentity, publicKeyPem } from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import type { TraceHeaders } from '../common/trace-context.ts';
import { freePort } from '../common/ports.ts';
import { generateToken, saveToken } from '../db/tokens.ts';
import { seedExampleSite } from '../examples/seed.ts';
import { caroni } from '../proto/generated/caroni.js';
import { Service } from './faults/support/service.ts';
import type { Role } from '../db/migrate.ts';
import {
  createTestDatabase,
  deleteBrokerTopology,
  openTestDatabase,
  testAmqpUrl,
  uniqueName,
  waitFor,
} from './support/isolation.ts';

/** A span as the receiver got it, with the `service.name` of the process that sent it. */
interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      spans?: {
        name: string;
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

function attributes(list: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(
    list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]),
  );
}

/** An OTLP/HTTP traces receiver (JSON encoding, as `@opentelemetry/exporter-trace-otlp-http` sends). */
async function startReceiver(): Promise<{
  url: string;
  spans: ReceivedSpan[];
  close(): Promise<void>;
}> {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributes(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              service,
              name: span.name,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              attributes: attributes(span.attributes),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('tracing', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let services: Record<'manager' | 'bridge' | 'agent' | 'api', Service>;
  let agentSql: Sql;
  let apiUrl: string;
  let token: string;
  let logDir: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-tracing-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    logDir = path.join(dir, 'logs');
    await mkdir(logDir);
    const database = (label: string, role: Role) => openTestDatabase(label, role, cleanups);
    const manager = await database('tracing_manager', 'manager');
    const agent = await database('tracing_agent', 'agent');
    agentSql = agent.sql;
    const prefix = uniqueName('trace').replace('-', '_');
    const managerId = uniqueName('tsite');
    const agentId = uniqueName('tagent');
    const keysDir = path.join(dir, 'keys');
    const managerKey = await loadOrInitIdentity(keysDir, managerId);
    const agentKey = await loadOrInitIdentity(keysDir, agentId);
    await addTrustedManager(agent.sql, {
      managerId,
      publicKeyPem: publicKeyPem(managerKey.publicKey),
    });
    await addTrustedAgent(manager.sql, agentId, publicKeyPem(agentKey.publicKey));
    await seedExampleSite(manager.sql);
    token = generateToken();
    await saveToken(manager.sql, 'tracing-test', 'submitter', token);
    cleanups.push(() =>
      deleteBrokerTopology(prefix, [managerId], ['text.stats', 'text.sha256'], [agentId]),
    );

    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const common: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? dir,
      CARONI_DATA_DIR: dir,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      AMQP_URL: testAmqpUrl,
      CARONI_BROKER_PREFIX: prefix,
      CARONI_QUEUE_TYPE: 'classic',
      CARONI_MANAGER_ID: managerId,
      TEMPORAL_NAMESPACE: `ns-${managerId}`,
      LOG_LEVEL: 'info',
      CARONI_TRACING: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    };
    const service = (name: keyof typeof services, env: Record<string, string>) =>
      new Service({ name, command: name, env: { ...common, ...env }, logDir });
    services = {
      manager: service('manager', {}),
      bridge: service('bridge', {
        DATABASE_URL: manager.url,
        CARONI_BRIDGE_METRICS_PORT: '0',
      }),
      agent: service('agent', {
        DATABASE_URL: agent.url,
        CARONI_AGENT_ID: agentId,
        CARONI_AGENT_HANDLERS: path.resolve('examples/handlers/text.ts'),
        CARONI_AGENT_PORT: '0',
      }),
      api: service('api', { DATABASE_URL: manager.url, CARONI_API_PORT: String(apiPort) }),
    };
    cleanups.push(() => Promise.all(Object.values(services).map((s) => s.stop())));
    // The manager bundles its workflows at start: the slowest by far.
    await Promise.all(Object.values(services).map((s) => s.start()));
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 120_000);

  it('puts one run in one trace across the API, manager, bridge and agent processes', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const started = await fetch(`${apiUrl}/v1/runs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ workflow: 'example', input: { text: 'one trace' } }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const run = await waitFor(
      async () => {
        const view = (await (
          await fetch(`${apiUrl}/v1/runs/${id}`, { headers })
        ).json()) as RunView;
        return view.status === 'RUNNING' ? undefined : view;
      },
      { timeoutMs: 60_000, what: 'the run to end' },
    );
    expect(run.status).toBe('COMPLETED');

    // A graceful stop exports what each process still holds.
    for (const name of ['agent', 'bridge', 'api', 'manager'] as const) await services[name].stop();

    const runSpan = receiver.spans.find(
      (span) => span.service === 'caroni-manager' && span.attributes['temporal.workflow.id'] === id,
    );
    expect(runSpan, `the manager's span of run ${id}`).toBeDefined();
    const trace = receiver.spans.filter((span) => span.traceId === runSpan?.traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const parentOf = (span: ReceivedSpan | undefined) => byId.get(span?.parentSpanId ?? '');
    const names = (service: string) =>
      trace.filter((span) => span.service === service).map((span) => span.name);

    expect(names('caroni-api')).toContain('StartWorkflow:interpreter');
    expect(names('caroni-manager')).toEqual(['run interpreter']);
    // No `reply jobAccepted` is required: a quick job's acceptance is superseded by its success
    // within the bridge's acceptance hold, and then never signalled.
    expect(names('caroni-bridge')).toEqual(
      expect.arrayContaining(['RunActivity:publishJob', 'reply jobResult']),
    );
    expect(names('caroni-agent').sort()).toEqual(['job text.sha256', 'job text.stats']);

    // Parent links, hop by hop: the API's start, the run, the bridge's publish,
    // the agent's job (over the broker), the bridge's reply (back over it).
    expect(parentOf(runSpan)?.name).toBe('StartWorkflow:interpreter');
    for (const job of trace.filter((span) => span.service === 'caroni-agent')) {
      expect(job.attributes['caroni.job.outcome']).toBe('succeeded');
      const publish = parentOf(job);
      expect(publish?.name).toBe('RunActivity:publishJob');
      expect(parentOf(publish)).toBe(runSpan);
      const replies = trace.filter((span) => span.parentSpanId === job.spanId);
      expect(replies.map((span) => span.name)).toContain('reply jobResult');
      for (const reply of replies) expect(reply.service).toBe('caroni-bridge');
    }
    // Nothing in the trace hangs from a span that is not in it.
    const orphans = trace.filter((span) => span.parentSpanId && !byId.has(span.parentSpanId));
    expect(orphans.map((span) => `${span.service} ${span.name}`)).toEqual([]);
    // The agent's ledger keeps each job's span for its replies, also those the outbox sends again.
    const ledger = await agentSql<{ job_type: string; trace_context: Record<string, string> }[]>`
      select job_type, trace_context from jobs order by job_type`;
    const jobSpan = (jobType: string) =>
      trace.find((span) => span.service === 'caroni-agent' && span.name === `job ${jobType}`);
    expect(
      ledger.map((row) => [row.job_type, row.trace_context.traceparent?.split('-').slice(1, 3)]),
    ).toEqual(
      ['text.sha256', 'text.stats'].map((jobType) => [
        jobType,
        [runSpan?.traceId, jobSpan(jobType)?.spanId],
      ]),
    );
  });
});

describe("the agent's outbox", () => {
  it("sends a reply left over from before a restart with its job's trace context, read from the ledger", async () => {
    const db = await createTestDatabase('tracing_outbox');
    const sql = await openDatabase(db.url, 'agent');
    try {
      const traced = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
      await sql`insert into jobs (manager_id, job_id, attempt, job_type, ref, idempotency_key,
                                  parameters, status, trace_context)
        values ('site', 'traced', 1, 'test.echo', '{}', 'key', '{}', 'succeeded', ${sql.json(traced)})`;
      // A rejection: its job has no ledger row.
      for (const jobId of ['traced', 'unrecorded']) {
        const body = caroni.v1.Envelope.encode({ jobAccepted: { jobId, attempt: 1 } }).finish();
        await sql`insert into outbox (manager_id, job_id, kind, body)
          values ('site', ${jobId}, 'jobAccepted', ${body})`;
      }
      const published: [string, TraceHeaders][] = [];
      const outbox = new Outbox({
        sql,
        publish: async (_managerId, body, headers) => {
          published.push(['jobAccepted' in body ? (body.jobAccepted.jobId ?? '') : '', headers]);
        },
        log: createLogger('test', 'silent'),
      });
      outbox.start();
      await waitFor(() => published.length === 2, { what: 'both replies to go out' });
      await outbox.stop();
      expect(published).toEqual([
        ['traced', traced],
        ['unrecorded', {}],
      ]);
    } finally {
      await sql.end({ timeout: 5 });
      await db.drop();
    }
  });
});
