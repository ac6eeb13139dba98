import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import type { TracingConfig } from './tracing.ts';

/** Ids of managers and agents travel in queue names and routing keys: keep them plain. */
export const partyId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'use lowercase letters, digits, "-" and "_" (at most 63)');

const durationMs = z.coerce.number().int().positive();

/** The bound of a job's log unless the agent sets one (`CARONI_JOB_LOG_MAX_BYTES`). */
export const DEFAULT_JOB_LOG_MAX_BYTES = 256 * 1024;

/** `key=value` pairs separated by commas, e.g. `gpu=a100,zone=eu`: what an agent's resource offers. */
export const labelsText = z.string().transform((text, ctx) => {
  const labels: Record<string, string> = {};
  for (const pair of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9][a-z0-9_.-]{0,62})=([^,=]{1,200})$/.exec(pair);
    if (!match?.[1] || match[2] === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${pair}" is not key=value (key: lowercase letters, digits, "_", ".", "-")`,
      });
      return z.NEVER;
    }
    labels[match[1]] = match[2].trim();
  }
  return labels;
});

const schema = z.object({
  CARONI_DATA_DIR: z.string().default('.caroni'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_WEB_URL: z.string().url().default('http://127.0.0.1:8233'),
  AMQP_URL: z.string().default('amqp://guest:guest@127.0.0.1:5672'),
  CARONI_BROKER_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, ".", "-" and "_" only')
    .default('caroni'),
  CARONI_QUEUE_TYPE: z.enum(['quorum', 'classic']).default('quorum'),
  DATABASE_URL: z.string().optional(),
  CARONI_MANAGER_ID: partyId.default('example-site'),
  TEMPORAL_NAMESPACE: z.string().optional(),
  CARONI_AGENT_ID: partyId.default('example-agent'),
  CARONI_AGENT_SLOTS: z.coerce.number().int().min(1).max(10_000).default(4),
  CARONI_AGENT_HANDLERS: z.string().optional(),
  CARONI_AGENT_SECRETS: z.string().optional(),
  CARONI_AGENT_LABELS: labelsText.default(() => ({})),
  CARONI_ANNOUNCE_INTERVAL_MS: durationMs.default(5_000),
  CARONI_RECONCILE_INTERVAL_MS: durationMs.default(60_000),
  CARONI_MAX_QUEUE_MS: durationMs.default(2 * 24 * 60 * 60_000),
  CARONI_LEDGER_RETENTION_MS: durationMs.default(7 * 24 * 60 * 60_000),
  CARONI_JOB_LOG_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(4 * 1024)
    .max(1024 * 1024)
    .default(DEFAULT_JOB_LOG_MAX_BYTES),
  CARONI_API_HOST: z.string().default('127.0.0.1'),
  CARONI_API_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  CARONI_AGENT_PORT: z.coerce.number().int().min(0).max(65535).default(8001),
  CARONI_BRIDGE_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(8002),
  CARONI_JOB_LOG_RETENTION_MS: durationMs.default(30 * 24 * 60 * 60_000),
  CARONI_ACCEPTANCE_HOLD_MS: z.coerce.number().int().min(0).max(10_000).default(20),
  CARONI_QUEUE_TIMEOUT_MS: durationMs.default(10 * 60_000),
  CARONI_RUN_TIMEOUT_MS: durationMs.default(60 * 60_000),
  CARONI_PROGRESS_TIMEOUT_MS: durationMs.default(60_000),
  CARONI_TRACING: z.enum(['off', 'otlp', 'console']).default('off'),
  // The standard OpenTelemetry variables, for CARONI_TRACING=otlp.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  CARONI_ADMIN_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  CARONI_SITE_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
});

/** The names of every environment variable a Caroni process reads (tests check deployment files against them). */
export const configVariables: readonly string[] = Object.keys(schema.shape);

/** Everything a Caroni process reads from its environment, validated once. */
export interface Config {
  dataDir: string;
  keysDir: string;
  temporal: { address: string; webUrl: string };
  broker: { url: string; prefix: string; queueType: 'quorum' | 'classic' };
  databaseUrl: string | undefined;
  manager: { id: string; namespace: string };
  agent: {
    id: string;
    slots: number;
    handlers: string | undefined;
    /** The agent's secrets file (name → value), read by `loadSecrets`; handlers name the secrets they need. */
    secretsFile: string | undefined;
    port: number;
    labels: Record<string, string>;
    /** How often the agent sends its capability ad to each trusted manager. */
    announceIntervalMs: number;
    /** How often the agent asks each trusted manager which of its jobs it still wants. */
    reconcileIntervalMs: number;
    /** The furthest ahead a request's queue deadline may be. */
    maxQueueMs: number;
    /** How long finished jobs, tombstones and unsent replies are kept; longer than `maxQueueMs`. */
    retentionMs: number;
    /** The most of a job's log (its start and end) the result carries and the ledger keeps. */
    jobLogMaxBytes: number;
  };
  api: { host: string; port: number };
  /** Where `caroni bridge` serves /metrics (the APIs serve their own). */
  bridgeMetricsPort: number;
  /** How long a bridge holds a job's acceptance back in case its success follows (0: never). */
  acceptanceHoldMs: number;
  /** How long the manager keeps a job log after its last write (its bridges prune hourly). */
  jobLogRetentionMs: number;
  jobDefaults: { queueTimeoutMs: number; runTimeoutMs: number; progressTimeoutMs: number };
  /** Where spans go; off by default (see common/tracing.ts). */
  tracing: TracingConfig;
  /** Tokens `caroni dev` (and the tests' federation) install instead of generating them. */
  devTokens: { admin: string | undefined; site: string | undefined };
}

/**
 * Reads and validates the environment.
 *
 * @throws ConfigError naming each bad variable and what it must look like.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  // A request can be replayed until its queue deadline: its ledger record must outlive that.
  if (e.CARONI_LEDGER_RETENTION_MS <= e.CARONI_MAX_QUEUE_MS + 60 * 60_000) {
    throw new ConfigError(
      `invalid configuration: CARONI_LEDGER_RETENTION_MS (${e.CARONI_LEDGER_RETENTION_MS}) must exceed CARONI_MAX_QUEUE_MS (${e.CARONI_MAX_QUEUE_MS}) by more than an hour, so no request can be replayed after its ledger record is gone`,
    );
  }
  const dataDir = path.resolve(e.CARONI_DATA_DIR);
  return {
    dataDir,
    keysDir: path.join(dataDir, 'keys'),
    temporal: { address: e.TEMPORAL_ADDRESS, webUrl: e.TEMPORAL_WEB_URL },
    broker: { url: e.AMQP_URL, prefix: e.CARONI_BROKER_PREFIX, queueType: e.CARONI_QUEUE_TYPE },
    databaseUrl: e.DATABASE_URL,
    manager: { id: e.CARONI_MANAGER_ID, namespace: e.TEMPORAL_NAMESPACE ?? e.CARONI_MANAGER_ID },
    agent: {
      id: e.CARONI_AGENT_ID,
      slots: e.CARONI_AGENT_SLOTS,
      handlers: e.CARONI_AGENT_HANDLERS,
      secretsFile: e.CARONI_AGENT_SECRETS,
      port: e.CARONI_AGENT_PORT,
      labels: e.CARONI_AGENT_LABELS,
      announceIntervalMs: e.CARONI_ANNOUNCE_INTERVAL_MS,
      reconcileIntervalMs: e.CARONI_RECONCILE_INTERVAL_MS,
      maxQueueMs: e.CARONI_MAX_QUEUE_MS,
      retentionMs: e.CARONI_LEDGER_RETENTION_MS,
      jobLogMaxBytes: e.CARONI_JOB_LOG_MAX_BYTES,
    },
    api: { host: e.CARONI_API_HOST, port: e.CARONI_API_PORT },
    bridgeMetricsPort: e.CARONI_BRIDGE_METRICS_PORT,
    acceptanceHoldMs: e.CARONI_ACCEPTANCE_HOLD_MS,
    jobLogRetentionMs: e.CARONI_JOB_LOG_RETENTION_MS,
    jobDefaults: {
      queueTimeoutMs: e.CARONI_QUEUE_TIMEOUT_MS,
      runTimeoutMs: e.CARONI_RUN_TIMEOUT_MS,
      progressTimeoutMs: e.CARONI_PROGRESS_TIMEOUT_MS,
    },
    tracing: {
      exporter: e.CARONI_TRACING,
      otlpTracesUrl:
        e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
        `${(e.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/$/, '')}/v1/traces`,
    },
    devTokens: { admin: e.CARONI_ADMIN_TOKEN, site: e.CARONI_SITE_TOKEN },
  };
}

/**
 * The database URL a separate process needs.
 *
 * @throws ConfigError when DATABASE_URL is unset.
 */
export function requireDatabaseUrl(config: Config, role: string): string {
  if (!config.databaseUrl) {
    throw new ConfigError(
      `DATABASE_URL is not set: outside \`caroni dev\` (which embeds its databases) a process needs the ${role}'s own PostgreSQL database (e.g. DATABASE_URL=postgres://127.0.0.1:5432/caroni_${role})`,
    );
  }
  return config.databaseUrl;
}
