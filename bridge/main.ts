import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { createBridgeActivities } from '../activities/bridge-activities.ts';
import {
  connectBroker,
  ConfirmedPublisher,
  declareJobQueue,
  declareReplyQueue,
  declareShared,
  priorityBands,
  topologyNames,
} from '../common/broker.ts';
import { seal } from '../common/envelope.ts';
import { requireDatabaseUrl, type Config } from '../common/config.ts';
import { openDatabase } from '../common/db.ts';
import { agentSightings, listTrustedAds, recordAnnouncement } from '../db/agents-seen.ts';
import { pruneJobLogs, saveJobLog } from '../db/job-logs.ts';
import { recordUsage } from '../db/job-usage.ts';
import { getJobType } from '../db/job-types.ts';
import { loadOrInitIdentity } from '../common/keys.ts';
import { createLogger, type Logger } from '../common/log.ts';
import { metrics } from '../common/metrics.ts';
import { ensureNamespace } from '../common/namespace.ts';
import { connectClient, connectWorker, installTemporalLogger } from '../common/temporal.ts';
import { startTracing, type Tracing } from '../common/tracing.ts';
import { TaskQueues } from '../workflows/messages.ts';
import { judgeHeldJobs } from './reconcile.ts';
import { ReplyConsumer } from './replies.ts';
import { listTrustedAgentIds, trustedAgents } from './trust.ts';

export interface Bridge {
  replies: ReplyConsumer;
  /** Reloads the trusted agents now, instead of at the next periodic refresh. */
  reloadTrust(): Promise<void>;
  /** Resolves when the bridge has stopped (after `stop()` or a fatal error). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** How often a bridge deletes job logs past `CARONI_JOB_LOG_RETENTION_MS`. */
const JOB_LOG_PRUNE_INTERVAL_MS = 60 * 60_000;

export interface BridgeOverrides {
  /** The manager's database, when the caller already has it open (`caroni dev`, tests). */
  sql?: Sql;
  log?: Logger;
  /** How often the trusted agents are reloaded from the database. Default 5 s. */
  trustRefreshMs?: number;
  /** The bridge's tracing, when the caller keeps it across restarts (see {@link superviseBridge}). */
  tracing?: Tracing;
}

/**
 * Starts a manager's bridge: the activity worker that publishes signed job
 * requests, and the consumer that hands agents' replies to workflows. Holds no
 * per-job state: any number of bridges may serve one manager.
 */
export async function startBridge(
  config: Config,
  overrides: BridgeOverrides = {},
): Promise<Bridge> {
  const { id: managerId, namespace } = config.manager;
  const log = (overrides.log ?? createLogger('bridge')).child({ managerId, namespace });
  const sql =
    overrides.sql ?? (await openDatabase(requireDatabaseUrl(config, 'manager'), 'manager'));
  const identity = await loadOrInitIdentity(config.keysDir, managerId);
  const topology = { prefix: config.broker.prefix, queueType: config.broker.queueType };

  const broker = await connectBroker(config.broker.url, `caroni-bridge-${managerId}`);
  let fatal: ((error: Error) => void) | undefined;
  const failed = new Promise<void>((_, reject) => (fatal = reject));
  broker.on('error', (error: Error) => log.error({ err: error }, 'broker connection error'));
  let closing = false;
  broker.on('close', (error?: Error) => {
    if (closing) return;
    const why = error ? `: ${error.message}` : '';
    fatal?.(new Error(`broker connection lost${why}`, { cause: error }));
  });
  const declareChannel = await broker.createChannel();
  declareChannel.on('error', (error: Error) => log.error({ err: error }, 'declare channel error'));
  await declareShared(declareChannel, topology);
  const replyQueue = await declareReplyQueue(declareChannel, topology, managerId);
  for (const { name } of await sql<{ name: string }[]>`select name from job_types`) {
    for (const band of priorityBands)
      await declareJobQueue(declareChannel, topology, managerId, name, band);
  }
  const confirmChannel = await broker.createConfirmChannel();
  confirmChannel.on('error', (error: Error) => log.error({ err: error }, 'publish channel error'));
  const publisher = new ConfirmedPublisher(confirmChannel);
  const replyChannel = await broker.createChannel();
  replyChannel.on('error', (error: Error) => log.error({ err: error }, 'reply channel error'));

  installTemporalLogger(log);
  const tracing = overrides.tracing ?? startTracing(config.tracing, 'bridge', managerId);
  const clientConnection = await connectClient(config.temporal.address);
  await ensureNamespace(clientConnection, namespace);
  // Its signals carry each reply's trace context on to the workflow.
  const client = new Client({
    connection: clientConnection,
    namespace,
    interceptors: tracing.clientInterceptors,
  });
  const workerConnection = await connectWorker(config.temporal.address);
  const worker = await Worker.create({
    connection: workerConnection,
    namespace,
    taskQueue: TaskQueues.bridge,
    interceptors: { activity: tracing.activityInterceptors },
    activities: createBridgeActivities({
      identity,
      topology,
      publisher,
      declareChannel,
      trustedAgentIds: () => listTrustedAgentIds(sql),
      jobType: (name) => getJobType(sql, name),
      agentAds: () => listTrustedAds(sql),
    }),
  });

  const trust = trustedAgents(sql);
  await trust.refresh();
  // The admin API runs in another process: an agent removed from trust is noticed within this period.
  const trustTimer = setInterval(() => {
    trust.refresh().catch((error: unknown) => {
      log.error({ err: error }, 'could not reload trusted agents');
    });
  }, overrides.trustRefreshMs ?? 5_000);
  // Every bridge of the manager prunes; the deletes overlap harmlessly.
  const pruneTimer = setInterval(() => {
    pruneJobLogs(sql, config.jobLogRetentionMs)
      .then((count) => {
        if (count > 0) log.info({ count }, 'pruned job logs past their retention');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'could not prune job logs'));
  }, JOB_LOG_PRUNE_INTERVAL_MS);
  pruneTimer.unref();
  const replies = new ReplyConsumer({
    managerId,
    namespace,
    channel: replyChannel,
    queue: replyQueue,
    publisher,
    topology,
    client,
    trust,
    log,
    tracer: tracing.tracer,
    acceptanceHoldMs: config.acceptanceHoldMs,
    onSeen: agentSightings(sql),
    onUsage: (usage) => recordUsage(sql, usage),
    onLog: (log) => saveJobLog(sql, log),
    onAnnouncement: (ad) => recordAnnouncement(sql, ad),
    onReconcile: async (agentId, held) => {
      const verdicts = await judgeHeldJobs(client, held);
      await publisher.publish(
        '',
        topologyNames(topology.prefix).controlQueue(agentId),
        seal(identity, agentId, { jobVerdicts: { jobs: verdicts } }),
        { contentType: 'application/x-protobuf', type: 'caroni.v1.JobVerdicts' },
      );
    },
  });
  await replies.start();
  const running = worker.run();
  log.info({ replyQueue }, 'bridge started');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(trustTimer);
      clearInterval(pruneTimer);
      await replies.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      closing = true;
      await broker.close().catch(() => undefined);
      await clientConnection.close();
      await workerConnection.close();
      if (!overrides.sql) await sql.end({ timeout: 5 });
      if (!overrides.tracing) await tracing.shutdown();
      log.info('bridge stopped');
    })());
  const done = Promise.race([running, failed]).then(
    () => stop(),
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
  return { replies, done, stop, reloadTrust: () => trust.refresh() };
}

export interface SupervisorOptions {
  /** First pause before a restart; doubled per failed start up to 30 s. Default 500 ms. */
  restartDelayMs?: number;
}

/**
 * Runs a bridge and starts it again whenever it stops on its own: the broker
 * connection was lost (RabbitMQ restarted, the network cut) or its worker
 * failed. Each start re-declares the topology. While RabbitMQ, Temporal or
 * the database stays unreachable it retries with backoff. The bridge holds
 * no per-job state, so a restart loses nothing: replies wait in the reply
 * queue, and a publish interrupted by the loss is retried by Temporal.
 *
 * @throws what {@link startBridge} throws, when the first start fails.
 */
export async function superviseBridge(
  config: Config,
  overrides: BridgeOverrides = {},
  { restartDelayMs = 500 }: SupervisorOptions = {},
): Promise<Bridge> {
  const log = (overrides.log ?? createLogger('bridge')).child({ supervisor: true });
  // One tracing for every start: a restart must not drop the spans still buffered.
  const tracing = overrides.tracing ?? startTracing(config.tracing, 'bridge', config.manager.id);
  const endTracing = () => (overrides.tracing ? Promise.resolve() : tracing.shutdown());
  const starts: BridgeOverrides = { ...overrides, tracing };
  let current: Bridge;
  try {
    current = await startBridge(config, starts);
  } catch (error) {
    await endTracing();
    throw error;
  }
  let stopping = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const supervising = (async () => {
    for (;;) {
      await current.done.catch((error: unknown) =>
        log.error({ err: error }, 'bridge stopped; starting it again'),
      );
      for (let delay = restartDelayMs; !stopping; delay = Math.min(delay * 2, 30_000)) {
        await pause(delay);
        if (stopping) return;
        try {
          current = await startBridge(config, starts);
          if (stopping) {
            await current.stop();
            return;
          }
          log.info('bridge started again');
          metrics.reconnects.inc({ role: 'bridge', party: config.manager.id });
          break;
        } catch (error) {
          log.warn({ err: error, retryInMs: delay * 2 }, 'bridge could not start; retrying');
        }
      }
      if (stopping) return;
    }
  })();
  return {
    get replies() {
      return current.replies;
    },
    reloadTrust: () => current.reloadTrust(),
    done: supervising,
    async stop() {
      stopping = true;
      wake?.();
      await current.stop();
      await supervising;
      await endTracing();
    },
  };
}
