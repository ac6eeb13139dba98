import { fileURLToPath } from 'node:url';
import { ResilientConnection, type ChannelSource } from '../common/broker-connection.ts';
import { requireDatabaseUrl, type Config } from '../common/config.ts';
import { openDatabase, type Sql } from '../common/db.ts';
import { loadOrInitIdentity } from '../common/keys.ts';
import { createLogger, type Logger } from '../common/log.ts';
import { metrics } from '../common/metrics.ts';
import { startTracing } from '../common/tracing.ts';
import { Agent, type AgentOptions } from './agent.ts';
import { serveAgentApi } from './api.ts';
import { loadHandlers, type Handler } from './handler.ts';

/** The example handlers, served when `CARONI_AGENT_HANDLERS` is unset so a first run needs no configuration. */
const exampleHandlersPath = fileURLToPath(new URL('../examples/handlers/text.ts', import.meta.url));

/** What a caller may hand in instead of having the agent open it; what it hands in, it closes itself. */
export interface AgentOverrides {
  sql?: Sql;
  connection?: ChannelSource;
  handlers?: Record<string, Handler>;
  log?: Logger;
  /** Timing knobs of {@link AgentOptions}. */
  options?: Pick<
    AgentOptions,
    | 'defaultProgressIntervalMs'
    | 'trustRefreshMs'
    | 'stopTimeoutMs'
    | 'cancelFreshnessMs'
    | 'announceIntervalMs'
    | 'outboxRetryMs'
    | 'reconcileIntervalMs'
  >;
}

export interface RunningAgent {
  agent: Agent;
  /** The port of the agent's admin API (`config.agent.port`, or the one picked for 0). */
  apiPort: number;
  /** Stops the admin API and the agent, then closes the database and broker connection it opened. */
  stop(): Promise<void>;
}

/**
 * Composition root of the agent process: database (migrated), identity
 * (created on first use), handlers (`config.agent.handlers`), broker, agent,
 * and its admin API on `config.api.host`:`config.agent.port`.
 *
 * @throws ConfigError when DATABASE_URL is unset and no `sql` is given;
 *   HandlerModuleError, BrokerError or CaroniError `database_unreachable` with what to fix.
 */
export async function startAgent(
  config: Config,
  overrides: AgentOverrides = {},
): Promise<RunningAgent> {
  const log = overrides.log ?? createLogger('agent');
  const id = config.agent.id;
  const identity = await loadOrInitIdentity(config.keysDir, id);
  const handlers = overrides.handlers ?? (await loadHandlers(handlersPath(config, log)));
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    let sql = overrides.sql;
    if (!sql) {
      const owned = await openDatabase(requireDatabaseUrl(config, 'agent'), 'agent');
      cleanup.push(() => owned.end({ timeout: 5 }));
      sql = owned;
    }
    let connection = overrides.connection;
    if (!connection) {
      // Reconnects by itself: running jobs go on through a broker outage, and their replies
      // wait in the outbox until it is back.
      const owned = await ResilientConnection.open({
        url: config.broker.url,
        name: `caroni-agent-${id}`,
        log,
      });
      owned.on('restored', () => metrics.reconnects.inc({ role: 'agent', party: id }));
      cleanup.push(() => owned.close());
      connection = owned;
    }
    const tracing = startTracing(config.tracing, 'agent', id);
    // Last to close: the spans of the jobs the agent finishes while it stops go out too.
    cleanup.unshift(() => tracing.shutdown());
    const agent = new Agent({
      id,
      identity,
      sql,
      connection,
      topology: { prefix: config.broker.prefix, queueType: config.broker.queueType },
      handlers,
      slots: config.agent.slots,
      labels: config.agent.labels,
      announceIntervalMs: config.agent.announceIntervalMs,
      reconcileIntervalMs: config.agent.reconcileIntervalMs,
      maxQueueMs: config.agent.maxQueueMs,
      retentionMs: config.agent.retentionMs,
      jobLogMaxBytes: config.agent.jobLogMaxBytes,
      tracer: tracing.tracer,
      log,
      ...overrides.options,
    });
    await agent.start();
    cleanup.push(() => agent.stop());
    const api = await serveAgentApi(
      { sql, agent },
      { port: config.agent.port, hostname: config.api.host, log },
    );
    return {
      agent,
      apiPort: api.port,
      async stop() {
        // No admin change may land while the agent stops.
        await api.close();
        for (const close of cleanup.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of cleanup.reverse()) await close();
    throw error;
  }
}

function handlersPath(config: Config, log: Logger): string {
  if (config.agent.handlers) return config.agent.handlers;
  log.warn(
    { module: exampleHandlersPath },
    'CARONI_AGENT_HANDLERS is not set; serving the example handlers',
  );
  return exampleHandlersPath;
}
