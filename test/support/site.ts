import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Sql } from 'postgres';
import { planFederation } from '../../cli/federation-plan.ts';
import { startAgent } from '../../agent/main.ts';
import { startFederation, type Federation, type FederationTrust } from '../../cli/federation.ts';
import { loadConfig, type Config } from '../../common/config.ts';
import { openDatabase, type PoolOptions } from '../../common/db.ts';
import { startEmbeddedDatabase } from '../../common/embedded-db.ts';
import { createLogger } from '../../common/log.ts';
import { handlers } from './handlers.ts';
import {
  createTestDatabase,
  deleteBrokerTopology,
  testAmqpUrl,
  testTopology,
  uniqueName,
} from './isolation.ts';

/** Job types the test sites may declare queues for. */
const testJobTypes = [
  'text.stats',
  'text.sha256',
  'test.echo',
  'test.sleep',
  'test.track',
  'test.flaky',
  'test.program',
  'test.burn',
  'test.chatty',
  'test.unserved',
];

type FetchInit = RequestInit & { token?: string | null };

export interface TestSite {
  config: Config;
  env: Record<string, string>;
  managerSql: Sql;
  agentSql: Sql;
  managerDatabaseUrl: string;
  federation: Federation;
  /** Calls the (first) site's API over HTTP with its submitter token, or `token` (`null`: none). */
  fetchApi(route: string, init?: FetchInit): Promise<Response>;
  /** Calls the API of site `index` (0-based) with that site's submitter token, or `token`. */
  fetchSite(index: number, route: string, init?: FetchInit): Promise<Response>;
  /** Calls the admin API of agent `index` (0-based) with that agent's admin token, or `token`. */
  fetchAgent(index: number, route: string, init?: FetchInit): Promise<Response>;
  /** Stops agent `index` and its admin API, as a graceful shutdown does. */
  stopAgent(index: number): Promise<void>;
  /** Starts a stopped agent again, on its own database, keys and trust (its admin API on a new port). */
  restartAgent(index: number): Promise<void>;
  teardown(): Promise<void>;
}

export const testHandlersPath = new URL('./handlers.ts', import.meta.url).pathname;

/**
 * A whole site and agent, in process, isolated from every other test: its own
 * namespace, broker prefix, databases and keys, on the run's shared dev server.
 */
export interface SiteOptions {
  temporalAddress: string;
  /** A pre-built workflow bundle; bundled from source when omitted. */
  workflowBundlePath?: string;
  withoutBridge?: boolean;
  slots?: number;
  /** Manager and agent on embedded databases under the site's data directory, as in `caroni dev`. */
  embeddedDatabases?: boolean;
  /** A federation of several sites (default 1), each with its own id, namespace, database and tokens. */
  sites?: number;
  /** Agents (default 1). */
  agents?: number;
  /** Who trusts whom, by site and agent index; default: everyone trusts everyone, weight 1. */
  trust?: FederationTrust;
  /** Per agent (in order), what differs from `slots` and the defaults: its slots, its labels. */
  agentSettings?: Pick<
    Partial<Config['agent']>,
    'slots' | 'labels' | 'announceIntervalMs' | 'reconcileIntervalMs'
  >[];
}

interface TestDatabase {
  url: string;
  pool?: PoolOptions;
  drop(): Promise<void>;
}

/** An embedded database in `dataDir/db/<label>`; `drop` stops it (the directory goes with `dataDir`). */
async function embeddedTestDatabase(dataDir: string, label: string): Promise<TestDatabase> {
  const db = await startEmbeddedDatabase({
    dataDir: path.join(dataDir, 'db', label),
    log: createLogger('test', process.env.LOG_LEVEL ?? 'warn'),
  });
  return { url: db.url, pool: db.pool, drop: db.stop };
}

export async function startSite(options: SiteOptions): Promise<TestSite> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'caroni-site-'));
  const topology = testTopology();
  const createDatabase: (label: string) => Promise<TestDatabase> = options.embeddedDatabases
    ? (label: string) => embeddedTestDatabase(dataDir, label)
    : createTestDatabase;
  const shape = { sites: options.sites ?? 1, agents: options.agents ?? 1 };
  const managerId = uniqueName('site');
  const env: Record<string, string> = {
    CARONI_DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: options.temporalAddress,
    AMQP_URL: testAmqpUrl,
    CARONI_BROKER_PREFIX: topology.prefix,
    CARONI_QUEUE_TYPE: topology.queueType,
    CARONI_MANAGER_ID: managerId,
    TEMPORAL_NAMESPACE: `ns-${managerId}`,
    CARONI_AGENT_ID: uniqueName('agent'),
    CARONI_AGENT_HANDLERS: testHandlersPath,
    CARONI_AGENT_SLOTS: String(options.slots ?? 4),
    CARONI_API_PORT: '0',
    CARONI_BRIDGE_METRICS_PORT: '0',
    CARONI_AGENT_PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const plan = planFederation(loadConfig(env), {
    ...shape,
    // Several sites share the run's dev server: unique ids keep their namespaces apart from other tests'.
    siteIds:
      shape.sites > 1 ? Array.from({ length: shape.sites }, () => uniqueName('site')) : undefined,
    agentIds:
      shape.agents > 1
        ? Array.from({ length: shape.agents }, () => uniqueName('agent'))
        : undefined,
  });
  const databases: TestDatabase[] = [];
  const specs = async (configs: Config[], role: 'manager' | 'agent') => {
    const opened: { config: Config; sql: Sql; url: string }[] = [];
    for (const [index, config] of configs.entries()) {
      const db = await createDatabase(configs.length === 1 ? role : `${role}-${index + 1}`);
      databases.push(db);
      opened.push({ config, sql: await openDatabase(db.url, role, db.pool), url: db.url });
    }
    return opened;
  };
  const sites = await specs(plan.sites, 'manager');
  const agents = await specs(
    plan.agents.map((config, index) => ({
      ...config,
      agent: { ...config.agent, ...options.agentSettings?.[index] },
    })),
    'agent',
  );
  const [site, agent] = [sites[0], agents[0]];
  if (!site || !agent) throw new Error('a test federation has at least one site and one agent');
  const log = createLogger('test', env.LOG_LEVEL);
  const federation = await startFederation({
    sites,
    agents,
    log,
    workflowBundlePath: options.workflowBundlePath,
    withoutBridge: options.withoutBridge,
    handlers,
    trust: options.trust,
  });
  const call = (
    port: number,
    defaultToken: string,
    route: string,
    { token, headers, ...init }: FetchInit,
  ): Promise<Response> => {
    const bearer = token === undefined ? defaultToken : token;
    const all = new Headers(headers);
    if (bearer !== null) all.set('authorization', `Bearer ${bearer}`);
    if (init.body !== undefined && !all.has('content-type'))
      all.set('content-type', 'application/json');
    return fetch(`http://127.0.0.1:${port}${route}`, { ...init, headers: all });
  };
  const fetchSite = (index: number, route: string, init: FetchInit = {}): Promise<Response> => {
    const target = federation.sites[index];
    if (!target) throw new Error(`no site ${index} in this federation`);
    return call(target.api.port, target.tokens.site, route, init);
  };
  const agentAt = (index: number) => {
    const target = federation.agents[index];
    if (!target) throw new Error(`no agent ${index} in this federation`);
    return target;
  };
  const stopped = new Set<number>();
  // Agents started again after a stop. The federation's own stop knows only each agent's first
  // instance, and stops one that was stopped here again, which finds nothing left to close.
  const restarted = new Map<number, () => Promise<void>>();
  return {
    config: site.config,
    env,
    managerSql: site.sql,
    agentSql: agent.sql,
    managerDatabaseUrl: site.url,
    federation,
    fetchApi: (route, init) => fetchSite(0, route, init),
    fetchSite,
    fetchAgent(index, route, init = {}) {
      const target = agentAt(index);
      return call(target.agent.apiPort, target.adminToken, route, init);
    },
    async stopAgent(index) {
      const target = agentAt(index);
      if (stopped.has(index)) throw new Error(`agent ${index} is stopped already`);
      stopped.add(index);
      await target.agent.stop();
      restarted.delete(index);
    },
    async restartAgent(index) {
      const target = agentAt(index);
      if (!stopped.has(index)) throw new Error(`agent ${index} is running; stop it first`);
      const running = await startAgent(target.config, {
        sql: target.sql,
        handlers,
        log: log.child({ service: 'agent', agentId: target.config.agent.id }),
      });
      target.agent = running;
      stopped.delete(index);
      restarted.set(index, () => running.stop());
    },
    async teardown() {
      for (const stop of restarted.values()) await stop();
      await federation.stop();
      for (const party of [...sites, ...agents]) await party.sql.end({ timeout: 5 });
      await deleteBrokerTopology(
        topology.prefix,
        plan.sites.map((config) => config.manager.id),
        testJobTypes,
        plan.agents.map((config) => config.agent.id),
      );
      for (const db of databases) await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
