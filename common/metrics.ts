import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's metrics. One registry per process: in `caroni dev` (and the
 * tests) every site and agent of the process reports into it, told apart by
 * their `manager` and `agent` labels, and each `/metrics` of the process
 * shows all of it.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'caroni_' });

const registers = [registry];
/** Job durations from a few milliseconds to an hour. */
const secondsBuckets = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600,
];

export const metrics = {
  /** Bridge: job requests published (confirmed and routed by the broker). */
  jobsDispatched: new Counter({
    name: 'caroni_jobs_dispatched_total',
    help: 'Job requests the bridge published, by manager and job type',
    labelNames: ['manager', 'job_type'] as const,
    registers,
  }),
  /** Bridge: verified replies handed to workflows. */
  repliesDelivered: new Counter({
    name: 'caroni_replies_delivered_total',
    help: 'Agent replies the bridge handed to workflows, by manager and kind (accepted, progress, succeeded, failed, rejected, cancelled)',
    labelNames: ['manager', 'kind'] as const,
    registers,
  }),
  /** Agent: what became of the jobs it took. */
  agentJobs: new Counter({
    name: 'caroni_agent_jobs_total',
    help: 'Jobs on an agent by event: accepted (started), succeeded, failed, cancelled',
    labelNames: ['agent', 'manager', 'job_type', 'event'] as const,
    registers,
  }),
  queueWait: new Histogram({
    name: 'caroni_job_queue_wait_seconds',
    help: "From a request's signing by the manager to its handler's start on the agent",
    labelNames: ['agent', 'manager', 'job_type'] as const,
    buckets: secondsBuckets,
    registers,
  }),
  runTime: new Histogram({
    name: 'caroni_job_run_seconds',
    help: "A job's handler run time on the agent",
    labelNames: ['agent', 'manager', 'job_type'] as const,
    buckets: secondsBuckets,
    registers,
  }),
  /** Agent and bridge: refused messages (each dead-lettered with the reason). */
  refusals: new Counter({
    name: 'caroni_refusals_total',
    help: 'Messages refused and dead-lettered, by the refusing party (role agent or bridge) and reason',
    labelNames: ['role', 'party', 'reason'] as const,
    registers,
  }),
  /** Agent connection restored, bridge started again. */
  reconnects: new Counter({
    name: 'caroni_broker_reconnects_total',
    help: 'Broker connections restored (agent) or bridges started again after losing theirs',
    labelNames: ['role', 'party'] as const,
    registers,
  }),
};

/** What an agent reports when scraped: live values read at scrape time. */
export interface AgentGaugeSource {
  agentId: string;
  slots: number;
  /** Jobs running now by manager. */
  running(): Record<string, number>;
  /** Replies waiting in the outbox. */
  outboxDepth(): Promise<number>;
}

const agentSources = new Set<AgentGaugeSource>();

/** Adds an agent to the gauges read at scrape time. @returns a function that removes it. */
export function watchAgent(source: AgentGaugeSource): () => void {
  agentSources.add(source);
  return () => agentSources.delete(source);
}

new Gauge({
  name: 'caroni_jobs_in_flight',
  help: 'Jobs running on the agent now',
  labelNames: ['agent'] as const,
  registers,
  collect() {
    this.reset();
    for (const source of agentSources) {
      const total = Object.values(source.running()).reduce((sum, n) => sum + n, 0);
      this.set({ agent: source.agentId }, total);
    }
  },
});

new Gauge({
  name: 'caroni_slots_used',
  help: "Slots of the agent taken by each manager's jobs now",
  labelNames: ['agent', 'manager'] as const,
  registers,
  collect() {
    this.reset();
    for (const source of agentSources)
      for (const [manager, count] of Object.entries(source.running()))
        this.set({ agent: source.agentId, manager }, count);
  },
});

new Gauge({
  name: 'caroni_agent_slots',
  help: "The agent's capacity in slots",
  labelNames: ['agent'] as const,
  registers,
  collect() {
    this.reset();
    for (const source of agentSources) this.set({ agent: source.agentId }, source.slots);
  },
});

new Gauge({
  name: 'caroni_outbox_depth',
  help: "Replies waiting in the agent's outbox (written, not yet confirmed by the broker)",
  labelNames: ['agent'] as const,
  registers,
  async collect() {
    this.reset();
    for (const source of agentSources) {
      // A database that does not answer leaves the series out rather than failing the scrape.
      const depth = await source.outboxDepth().catch(() => undefined);
      if (depth !== undefined) this.set({ agent: source.agentId }, depth);
    }
  },
});

/** The Prometheus text of every metric of the process. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export const metricsContentType = registry.contentType;

/**
 * Serves `GET /metrics` on its own port, for a process without an HTTP API
 * (`caroni bridge`). @returns the port and a close function.
 */
export async function serveMetrics(
  port: number,
  host: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'not_found', message: 'only GET /metrics' } }));
      return;
    }
    metricsText().then(
      (text) => {
        response.writeHead(200, { 'content-type': metricsContentType });
        response.end(text);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: { code: 'metrics_failed', message: (error as Error).message } }),
        );
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
