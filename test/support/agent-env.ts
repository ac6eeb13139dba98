import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Topology } from '../../common/broker.ts';
import { loadConfig, type Config } from '../../common/config.ts';
import { openDatabase, type Sql } from '../../common/db.ts';
import { createTestDatabase, testAmqpUrl, testTopology, uniqueName } from './isolation.ts';

/**
 * What an agent under test needs, isolated: a broker prefix, its own
 * database (migrated), a data directory and its configuration (admin API on
 * a free port). Each cleanup goes into `cleanups`, to run in reverse.
 */
export async function agentTestEnv(
  cleanups: (() => Promise<unknown>)[],
  { slots, queueType = 'classic' }: { slots: number; queueType?: Topology['queueType'] },
): Promise<{ topology: Topology; sql: Sql; dataDir: string; config: Config }> {
  const topology: Topology = { ...testTopology(), queueType };
  const db = await createTestDatabase('agent');
  cleanups.push(() => db.drop());
  const sql = await openDatabase(db.url, 'agent');
  cleanups.push(() => sql.end({ timeout: 5 }));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'caroni-agent-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    CARONI_DATA_DIR: dataDir,
    AMQP_URL: testAmqpUrl,
    CARONI_BROKER_PREFIX: topology.prefix,
    CARONI_QUEUE_TYPE: topology.queueType,
    CARONI_AGENT_ID: uniqueName('agent'),
    CARONI_AGENT_SLOTS: String(slots),
    CARONI_AGENT_PORT: '0',
  });
  return { topology, sql, dataDir, config };
}
