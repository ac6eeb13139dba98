import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, type Connection } from '@temporalio/client';
import type { Sql } from 'postgres';
import { addTrustedManager } from '../../../agent/trust.ts';
import { applyJobType } from '../../../api/definitions.ts';
import { QueueInspector } from '../../../api/queues.ts';
import type { RunsContext } from '../../../api/runs.ts';
import { addTrustedAgent } from '../../../bridge/trust.ts';
import { topologyNames } from '../../../common/broker.ts';
import { loadOrInitIdentity, publicKeyPem } from '../../../common/keys.ts';
import { connectClient } from '../../../common/temporal.ts';
import { FaultProxy } from '../../support/fault-proxy.ts';
import type { Role } from '../../../db/migrate.ts';
import {
  deleteBrokerTopology,
  openTestDatabase,
  testAmqpUrl,
  uniqueName,
  waitFor,
} from '../../support/isolation.ts';
import { installFaultLog } from './ledger-log.ts';
import { Service } from './service.ts';
import type { RestartableTemporal } from './temporal.ts';

/** The one job type of the suite, served by `support/handlers.ts`. */
export const faultJobType = 'faults.work';

export type AgentName = 'a' | 'b';
export type ServiceName = 'manager' | 'bridge' | 'agent-a' | 'agent-b';

export interface FaultAgent {
  id: string;
  sql: Sql;
  service: Service;
}

/** What a scenario asks of the processes before its runs start. */
export interface Lineup {
  /** The agents that serve it; the others are stopped. */
  agents: AgentName[];
  /** `CARONI_FAILPOINTS` per incarnation, by process: each named one is started anew with them. */
  failpoints: Partial<Record<ServiceName, string[]>>;
}

const run = promisify(execFile);

/** Runs every cleanup, in order, even after one failed. @throws the first failure. */
async function runAll(cleanups: (() => Promise<unknown>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const cleanup of cleanups) await cleanup().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

function namespaceOf(managerId: string): string {
  return `ns-${managerId}`;
}

/** Whatever runs still, at teardown: agents first, so their last announcements reach a bridge. */
async function stopAll(services: Record<ServiceName, Service>): Promise<void> {
  await Promise.all([services['agent-a'].stop(), services['agent-b'].stop()]);
  await services.bridge.stop();
  await services.manager.stop();
}

/**
 * One site (manager worker, bridge) and two agents, each a `caroni` process
 * on a PostgreSQL database of its own, on the suite's Temporal dev server and
 * a broker prefix of its own. Every process reaches RabbitMQ through one
 * {@link FaultProxy}: cutting it is how the suite takes the broker away,
 * since stopping the machine's RabbitMQ would break every other suite using it.
 */
export class FaultCluster {
  readonly namespace: string;
  readonly agents: Record<AgentName, FaultAgent>;
  /** What the test uses to start and read runs, as the site's API would. */
  readonly runs: RunsContext;

  private logsWanted = false;

  private constructor(
    readonly ids: { prefix: string; managerId: string },
    /** Every process's output, `<name>-<incarnation>.log`. */
    readonly logDir: string,
    readonly temporal: RestartableTemporal,
    readonly proxy: FaultProxy,
    readonly managerSql: Sql,
    agents: Record<AgentName, { id: string; sql: Sql }>,
    readonly services: Record<ServiceName, Service>,
    connection: Connection,
    private readonly cleanups: (() => Promise<unknown>)[],
  ) {
    this.namespace = namespaceOf(ids.managerId);
    this.agents = {
      a: { ...agents.a, service: services['agent-a'] },
      b: { ...agents.b, service: services['agent-b'] },
    };
    this.runs = {
      client: new Client({ connection, namespace: this.namespace }),
      sql: managerSql,
      managerId: ids.managerId,
      namespace: this.namespace,
      jobDefaults: { queueMs: 10 * 60_000, runMs: 10 * 60_000, progressMs: 60_000 },
      temporalWebUrl: 'http://127.0.0.1:8233',
      queues: new QueueInspector({
        url: testAmqpUrl,
        prefix: ids.prefix,
        managerId: ids.managerId,
      }),
    };
  }

  /**
   * Creates the databases, keys, trust and job type, and opens the proxy;
   * starts no process (see {@link prepare}).
   */
  static async create(temporal: RestartableTemporal): Promise<FaultCluster> {
    const cleanups: (() => Promise<unknown>)[] = [];
    // Apart from the data directory: kept when a scenario failed (see keepLogs).
    const logDir = await mkdtemp(path.join(os.tmpdir(), 'caroni-faults-logs-'));
    try {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-faults-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const proxy = await FaultProxy.start(testAmqpUrl);
      cleanups.push(() => proxy.close());
      const database = (label: string, role: Role) => openTestDatabase(label, role, cleanups);
      const manager = await database('faults_manager', 'manager');
      const agentDbs = {
        a: await database('faults_agent_a', 'agent'),
        b: await database('faults_agent_b', 'agent'),
      };
      const ids = {
        prefix: uniqueName('faults').replace('-', '_'),
        managerId: uniqueName('fsite'),
      };
      const keysDir = path.join(dir, 'keys');
      const agentIds = { a: uniqueName('fagent-a'), b: uniqueName('fagent-b') };
      const managerKey = await loadOrInitIdentity(keysDir, ids.managerId);
      for (const name of ['a', 'b'] as const) {
        const { sql } = agentDbs[name];
        await installFaultLog(sql);
        await addTrustedManager(sql, {
          managerId: ids.managerId,
          publicKeyPem: publicKeyPem(managerKey.publicKey),
        });
        const agentKey = await loadOrInitIdentity(keysDir, agentIds[name]);
        await addTrustedAgent(manager.sql, agentIds[name], publicKeyPem(agentKey.publicKey));
      }
      await applyJobType(manager.sql, {
        name: faultJobType,
        description: 'records its call, works params.ms, returns params.n',
        timeouts: {},
      });

      const common: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? dir,
        CARONI_DATA_DIR: dir,
        TEMPORAL_ADDRESS: temporal.address,
        AMQP_URL: proxy.url,
        CARONI_BROKER_PREFIX: ids.prefix,
        CARONI_QUEUE_TYPE: 'quorum',
        CARONI_MANAGER_ID: ids.managerId,
        TEMPORAL_NAMESPACE: namespaceOf(ids.managerId),
        // The services' readiness is read from their `started` lines.
        LOG_LEVEL: 'info',
      };
      const agentEnv = (name: AgentName): Record<string, string> => ({
        ...common,
        DATABASE_URL: agentDbs[name].url,
        CARONI_AGENT_ID: agentIds[name],
        CARONI_AGENT_HANDLERS: new URL('./handlers.ts', import.meta.url).pathname,
        CARONI_AGENT_SLOTS: '4',
        CARONI_AGENT_PORT: '0',
      });
      const services: Record<ServiceName, Service> = {
        manager: new Service({ name: 'manager', command: 'manager', env: common, logDir }),
        bridge: new Service({
          name: 'bridge',
          command: 'bridge',
          // Its metrics on a free port: the default one may be taken on a shared machine.
          env: { ...common, DATABASE_URL: manager.url, CARONI_BRIDGE_METRICS_PORT: '0' },
          logDir,
        }),
        'agent-a': new Service({
          name: 'agent-a',
          command: 'agent',
          env: agentEnv('a'),
          logDir,
        }),
        'agent-b': new Service({
          name: 'agent-b',
          command: 'agent',
          env: agentEnv('b'),
          logDir,
        }),
      };
      cleanups.push(() => stopAll(services));
      const connection = await connectClient(temporal.address);
      cleanups.push(() => connection.close());
      const created = new FaultCluster(
        ids,
        logDir,
        temporal,
        proxy,
        manager.sql,
        { a: { id: agentIds.a, sql: agentDbs.a.sql }, b: { id: agentIds.b, sql: agentDbs.b.sql } },
        services,
        connection,
        cleanups,
      );
      cleanups.push(() => created.runs.queues.close());
      return created;
    } catch (error) {
      await runAll([...cleanups.reverse(), () => rm(logDir, { recursive: true, force: true })]);
      throw error;
    }
  }

  /**
   * Brings the processes in line with a scenario: the agents it names run,
   * the others stop; a process with failpoints planned is started anew with
   * them; one still armed from an earlier scenario, or not running, is
   * started anew without. Resolves once every process serves.
   */
  async prepare({ agents, failpoints }: Lineup): Promise<void> {
    const wanted: Record<ServiceName, boolean> = {
      manager: true,
      bridge: true,
      'agent-a': agents.includes('a'),
      'agent-b': agents.includes('b'),
    };
    await Promise.all(
      (Object.keys(this.services) as ServiceName[]).map(async (name) => {
        const service = this.services[name];
        const plan = failpoints[name];
        if (!wanted[name]) await service.stop();
        else if (plan) await service.start(plan);
        else if (!service.running || service.armed) await service.start();
        else await service.whenReady();
      }),
    );
  }

  /** Kills by failpoints so far, over every process. */
  failpointKills(): number {
    return Object.values(this.services).reduce((sum, service) => sum + service.failpointKills, 0);
  }

  /** Exits of processes that were neither asked for nor failpoints, so far. */
  crashes(): string[] {
    return Object.values(this.services).flatMap((service) => service.crashes);
  }

  /**
   * Waits until no queue of the suite's prefix but the dead-letter queue
   * holds a message, ready or unacked (read with `rabbitmqctl`, which lists
   * every queue, also ones the suite does not know of).
   *
   * @throws naming the queues still holding messages after `timeoutMs`.
   */
  async awaitQueuesEmpty(timeoutMs = 60_000): Promise<void> {
    const deadLetters = topologyNames(this.ids.prefix).deadLetterQueue;
    let holding: string[] = [];
    try {
      await waitFor(
        async () => {
          holding = (await this.queueDepths())
            .filter(({ name, messages }) => name !== deadLetters && messages > 0)
            .map(({ name, messages }) => `${name}: ${messages}`);
          return holding.length === 0;
        },
        { timeoutMs, intervalMs: 1_000, what: 'queues to empty' },
      );
    } catch (error) {
      throw new Error(`queues still hold messages: ${holding.join(', ')}`, { cause: error });
    }
  }

  private async queueDepths(): Promise<{ name: string; messages: number }[]> {
    const { stdout } = await run(
      'rabbitmqctl',
      ['list_queues', '--quiet', '--formatter', 'json', 'name', 'messages'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const queues = JSON.parse(stdout) as { name: string; messages: number }[];
    return queues.filter(({ name }) => name.startsWith(`${this.ids.prefix}.`));
  }

  /**
   * Stops every process gracefully, once nothing is in flight: the agents
   * first, then, when the bridge has taken their last announcements, the
   * bridge and the manager.
   *
   * @throws when the queues do not empty (see {@link awaitQueuesEmpty}).
   */
  async stopAll(): Promise<void> {
    await this.awaitQueuesEmpty();
    await Promise.all([this.agents.a.service.stop(), this.agents.b.service.stop()]);
    await this.awaitQueuesEmpty();
    await this.services.bridge.stop();
    await this.services.manager.stop();
  }

  /** Keeps the processes' logs after the teardown, for a scenario that failed. */
  keepLogs(): void {
    this.logsWanted = true;
  }

  /**
   * Stops every process, deletes the suite's queues and exchanges, drops its
   * databases, and removes the logs unless {@link keepLogs} was called.
   */
  async teardown(): Promise<void> {
    if (this.logsWanted) console.info(`fault suite logs kept in ${this.logDir}`);
    await runAll([
      ...this.cleanups.splice(0).reverse(),
      () =>
        deleteBrokerTopology(
          this.ids.prefix,
          [this.ids.managerId],
          [faultJobType],
          [this.agents.a.id, this.agents.b.id],
        ),
      async () => {
        if (!this.logsWanted) await rm(this.logDir, { recursive: true, force: true });
      },
    ]);
  }
}
