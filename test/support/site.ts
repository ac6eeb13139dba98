import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Sql } from 'postgres';
import { startFederation, type Federation } from '../../cli/federation.ts';
import { loadConfig, type Config } from '../../common/config.ts';
import { openDatabase } from '../../common/db.ts';
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
}

export async function startSite(options: SiteOptions): Promise<TestSite> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'caroni-site-'));
  const topology = testTopology();
  const managerDb = await createTestDatabase('manager');
  const agentDb = await createTestDatabase('agent');
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
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const config = loadConfig(env);
  const managerSql = await openDatabase(managerDb.url, 'manager');
  const agentSql = await openDatabase(agentDb.url, 'agent');
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
