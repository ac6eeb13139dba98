import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Sql } from 'postgres';
import { startFederation, type Federation } from '../../cli/federation.ts';
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
  'test.unserved',
];

export interface TestSite {
  config: Config;
  env: Record<string, string>;
  managerSql: Sql;
  agentSql: Sql;
  managerDatabaseUrl: string;
  federation: Federation;
  /** Calls the site's API over HTTP with its submitter token, or `token` (`null`: none). */
  fetchApi(route: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
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
  const createDatabase = options.embeddedDatabases
    ? (label: string) => embeddedTestDatabase(dataDir, label)
    : createTestDatabase;
  const managerDb: TestDatabase = await createDatabase('manager');
  const agentDb: TestDatabase = await createDatabase('agent');
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
    CARONI_AGENT_PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const config = loadConfig(env);
  const managerSql = await openDatabase(managerDb.url, 'manager', managerDb.pool);
  const agentSql = await openDatabase(agentDb.url, 'agent', agentDb.pool);
  const federation = await startFederation({
    config,
    managerSql,
    agentSql,
    log: createLogger('test', env.LOG_LEVEL),
    workflowBundlePath: options.workflowBundlePath,
    withoutBridge: options.withoutBridge,
    handlers,
  });
  return {
    config,
    env,
    managerSql,
    agentSql,
    managerDatabaseUrl: managerDb.url,
    federation,
    fetchApi(route, { token = federation.tokens.site, headers, ...init } = {}) {
      const all = new Headers(headers);
      if (token !== null) all.set('authorization', `Bearer ${token}`);
      if (init.body !== undefined && !all.has('content-type'))
        all.set('content-type', 'application/json');
      return fetch(`http://127.0.0.1:${federation.api.port}${route}`, { ...init, headers: all });
    },
    async teardown() {
      await federation.stop();
      await managerSql.end({ timeout: 5 });
      await agentSql.end({ timeout: 5 });
      await deleteBrokerTopology(topology.prefix, [managerId], testJobTypes, [config.agent.id]);
      await managerDb.drop();
      await agentDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
