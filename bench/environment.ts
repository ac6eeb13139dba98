import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import amqp from 'amqplib';
import postgres from 'postgres';
import { addTrustedManager } from '../agent/trust.ts';
import { addTrustedAgent } from '../bridge/trust.ts';
import { deleteTopology, topologyNames, type Topology } from '../common/broker.ts';
import { openDatabase, type Sql } from '../common/db.ts';
import { startDevServer, type DevServer } from '../common/dev-server.ts';
import { loadOrInitIdentity, publicKeyPem, type Identity } from '../common/keys.ts';
import { connectClient } from '../common/temporal.ts';
import { bundleWorkflows } from '../common/workflows-path.ts';
import { saveJobType } from '../db/job-types.ts';
import { Child, type ChildRole } from './children.ts';
import type { Cleanup } from './cleanup.ts';
import { BenchJobTypes } from './job-types.ts';
import type { BenchOptions } from './options.ts';
import {
  byCommand,
  postgresBackends,
  processTree,
  type Parties,
  type PidSource,
} from './processes.ts';

/** Ids of the bench's parties; the broker prefix and database names make a run unique. */
export const BenchIds = {
  manager: 'bench-site',
  agent: 'bench-agent',
  /** The broker-only loop: the bench itself plays the manager, against an agent of its own. */
  loopManager: 'bench-loop',
  loopAgent: 'bench-loop-agent',
} as const;

const workflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/** The measured processes; `postgres` is the backends serving the bench's databases. */
export interface SiteParties extends Parties {
  temporal: PidSource;
  worker: PidSource;
  bridge: PidSource;
  agent: PidSource;
  postgres: PidSource;
  bench: PidSource;
}

/** The site under test: Temporal dev server, worker, bridge and agent processes, and a client. */
export interface BenchEnvironment {
  options: BenchOptions;
  runDir: string;
  suffix: string;
  topology: Topology;
  namespace: string;
  temporal: DevServer;
  client: Client;
  worker: Child;
  bridge: Child;
  agent: Child;
  parties: SiteParties;
  /** RabbitMQ's process: shared with everyone using the broker, so reported apart. */
  rabbitmq: Parties;
  /** Creates a migrated database of the run's own (dropped at cleanup). */
  createDatabase(
    label: string,
    role: 'manager' | 'agent',
  ): Promise<{ name: string; url: string; sql: Sql }>;
  /** Environment every child of this run gets, before its own settings. */
  childEnv(settings: Record<string, string>): Record<string, string>;
  spawnChild(name: string, role: ChildRole, env: Record<string, string>): Promise<Child>;
}

/**
 * Starts everything the sections share, registering each piece with
 * `cleanup` as soon as it exists.
 *
 * @throws whatever a piece throws (Temporal CLI missing, database or broker
 *   unreachable, a child that does not start, with its log file named).
 */
export async function startEnvironment(
  options: BenchOptions,
  runDir: string,
  cleanup: Cleanup,
  progress: (line: string) => void,
): Promise<BenchEnvironment> {
  const suffix = randomBytes(4).toString('hex');
  const topology: Topology = { prefix: `bench_${suffix}`, queueType: options.queueType };
  const namespace = `bench-${suffix}`;
  cleanup.add('broker topology', () => deleteBenchTopology(options.amqpUrl, topology));

  const databases: string[] = [];
  const createDatabase = async (label: string, role: 'manager' | 'agent') => {
    const name = `caroni_bench_${suffix}_${label}`;
    const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await admin`create database ${admin(name)}`;
    } finally {
      await admin.end();
    }
    databases.push(name);
    cleanup.add(`database ${name}`, () => dropDatabase(options.databaseUrl, name));
    const url = new URL(options.databaseUrl);
    url.pathname = `/${name}`;
    const sql = await openDatabase(url.toString(), role, { max: 2 });
    return { name, url: url.toString(), sql };
  };

  progress('starting the Temporal dev server');
  const temporal = await startDevServer({
    dataDir: path.join(runDir, 'temporal'),
    headless: true,
    namespaces: [namespace],
    logFile: path.join(runDir, 'temporal.log'),
  });
  cleanup.add('Temporal dev server', () => temporal.stop());

  const keysDir = path.join(runDir, 'keys');
  const [managerKey, agentKey] = await Promise.all([
    loadOrInitIdentity(keysDir, BenchIds.manager),
    loadOrInitIdentity(keysDir, BenchIds.agent),
  ]);
  const managerDb = await createDatabase('manager', 'manager');
  const agentDb = await createDatabase('agent', 'agent');
  try {
    await addTrustedAgent(managerDb.sql, agentKey.id, publicKeyPem(agentKey.publicKey));
    await trustManager(agentDb.sql, managerKey);
    for (const name of Object.values(BenchJobTypes))
      await saveJobType(managerDb.sql, {
        name,
        description: `bench job type ${name}`,
        timeouts: {},
      });
  } finally {
    await managerDb.sql.end({ timeout: 5 });
    await agentDb.sql.end({ timeout: 5 });
  }

  progress('bundling the bench workflows');
  const bundlePath = path.join(runDir, 'workflows.js');
  await writeFile(bundlePath, await bundleWorkflows(console, workflowsPath));

  const childEnv = (settings: Record<string, string>): Record<string, string> => ({
    CARONI_DATA_DIR: runDir,
    TEMPORAL_ADDRESS: temporal.address,
    AMQP_URL: options.amqpUrl,
    CARONI_BROKER_PREFIX: topology.prefix,
    CARONI_QUEUE_TYPE: topology.queueType,
    CARONI_MANAGER_ID: BenchIds.manager,
    TEMPORAL_NAMESPACE: namespace,
    CARONI_AGENT_ID: BenchIds.agent,
    CARONI_API_PORT: '0',
    CARONI_AGENT_PORT: '0',
    LOG_LEVEL: 'warn',
    ...settings,
  });
  const spawnChild = async (name: string, role: ChildRole, env: Record<string, string>) => {
    const child = Child.spawn(name, role, env, path.join(runDir, `${name}.log`));
    // Registered before it is up: a sibling that fails to start must not leave this one running.
    cleanup.add(`${name} process`, () => child.stop());
    await child.started();
    return child;
  };

  progress('starting the worker, bridge and agent processes');
  // Held jobs all run at once on the one agent; throughput runs need far fewer slots.
  const slots = Math.max(256, options.fanOutConcurrency, ...options.inFlight);
  const [worker, bridge, agent] = await Promise.all([
    spawnChild('worker', 'worker', childEnv({ BENCH_WORKFLOW_BUNDLE: bundlePath })),
    spawnChild('bridge', 'bridge', childEnv({ DATABASE_URL: managerDb.url })),
    spawnChild(
      'agent',
      'agent',
      childEnv({ DATABASE_URL: agentDb.url, CARONI_AGENT_SLOTS: String(slots) }),
    ),
  ]);

  const connection = await connectClient(temporal.address);
  cleanup.add('Temporal client', () => connection.close());
  const client = new Client({ connection, namespace });

  const temporalPid = temporal.process.pid;
  if (temporalPid === undefined) throw new Error('the Temporal dev server has no pid');
  return {
    options,
    runDir,
    suffix,
    topology,
    namespace,
    temporal,
    client,
    worker,
    bridge,
    agent,
    parties: {
      temporal: processTree(temporalPid),
      worker: () => [worker.pid],
      bridge: () => [bridge.pid],
      agent: () => [agent.pid],
      postgres: postgresBackends(databases),
      bench: () => [process.pid],
    },
    rabbitmq: { rabbitmq: byCommand('beam.smp') },
    createDatabase,
    childEnv,
    spawnChild,
  };
}

/** The agent's side of trust: it takes `manager`'s jobs. */
export async function trustManager(sql: Sql, manager: Identity): Promise<void> {
  await addTrustedManager(sql, {
    managerId: manager.id,
    publicKeyPem: publicKeyPem(manager.publicKey),
  });
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`drop database if exists ${admin(name)} with (force)`;
  } finally {
    await admin.end();
  }
}

/** Every queue and exchange a bench run may have declared under its prefix. */
async function deleteBenchTopology(amqpUrl: string, topology: Topology): Promise<void> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    await deleteTopology(channel, topology.prefix, {
      managers: [BenchIds.manager, BenchIds.loopManager],
      agents: [BenchIds.agent, BenchIds.loopAgent],
      jobTypes: Object.values(BenchJobTypes),
    });
    await channel.close();
  } finally {
    await connection.close();
  }
}

/**
 * Messages in the run's dead-letter queue: every refusal lands there, so
 * anything but 0 means the bench measured a broken path.
 */
export async function countDeadLetters(amqpUrl: string, topology: Topology): Promise<number> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    const { messageCount } = await channel.checkQueue(
      topologyNames(topology.prefix).deadLetterQueue,
    );
    await channel.close();
    return messageCount;
  } finally {
    await connection.close();
  }
}
