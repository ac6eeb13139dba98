import path from 'node:path';
import postgres from 'postgres';
import { startRun } from '../api/runs.ts';
import type { Config } from '../common/config.ts';
import { openDatabase, type Sql } from '../common/db.ts';
import { startDevServer, type DevServer } from '../common/dev-server.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../common/embedded-db.ts';
import type { JsonObject } from '../common/json.ts';
import type { Logger } from '../common/log.ts';
import { isListening } from '../common/ports.ts';
import { redact } from '../common/redact.ts';
import { startFederation, type Federation } from './federation.ts';

export const exampleInput: JsonObject = { text: 'the quick brown fox' };

export interface Dev {
  federation: Federation;
  temporal: DevServer | undefined;
  stop(): Promise<void>;
}

/** Creates `name` on the server at `serverUrl` if missing and returns its URL. */
async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ exists: boolean }[]>`
      select exists(select 1 from pg_database where datname = ${name}) as exists`;
    if (!row?.exists) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

interface DevDatabases {
  managerSql: Sql;
  agentSql: Sql;
  embedded: EmbeddedDatabase[];
}

/**
 * The manager's and the agent's databases: `caroni_<id>` databases on the
 * server at DATABASE_URL when it is set, else embedded ones under the data
 * directory, so the Quickstart needs no database server.
 */
async function openDevDatabases(config: Config, log: Logger): Promise<DevDatabases> {
  const server = config.databaseUrl;
  if (server) {
    const dbName = (id: string) => `caroni_${id.replace(/-/g, '_')}`;
    log.info({ server: redact(server) }, 'using databases on the DATABASE_URL server');
    return {
      managerSql: await openDatabase(
        await ensureDatabase(server, dbName(config.manager.id)),
        'manager',
      ),
      agentSql: await openDatabase(await ensureDatabase(server, dbName(config.agent.id)), 'agent'),
      embedded: [],
    };
  }
  const dir = path.join(config.dataDir, 'db');
  log.info({ dir }, 'DATABASE_URL is unset: using embedded databases');
  const manager = await startEmbeddedDatabase({ dataDir: path.join(dir, 'manager'), log });
  const agent = await startEmbeddedDatabase({ dataDir: path.join(dir, 'agent'), log });
  return {
    managerSql: await openDatabase(manager.url, 'manager', manager.pool),
    agentSql: await openDatabase(agent.url, 'agent', agent.pool),
    embedded: [manager, agent],
  };
}

/**
 * Starts the whole local federation: a Temporal dev server unless one answers
 * at TEMPORAL_ADDRESS, the example site's manager, bridge and API, and the
 * example agent; each of manager and agent with its own database.
 */
export async function startDev(config: Config, log: Logger): Promise<Dev> {
  const [host = '127.0.0.1', port = '7233'] = config.temporal.address.split(':');
  let temporal: DevServer | undefined;
  if (await isListening(host, Number(port))) {
    log.info({ address: config.temporal.address }, 'using the Temporal server already running');
  } else {
    temporal = await startDevServer({
      dataDir: path.join(config.dataDir, 'temporal'),
      port: Number(port),
      uiPort: Number(new URL(config.temporal.webUrl).port || 8233),
      logFile: path.join(config.dataDir, 'temporal.log'),
    });
    log.info({ address: temporal.address, web: temporal.uiUrl }, 'Temporal dev server started');
  }
  const { managerSql, agentSql, embedded } = await openDevDatabases(config, log);
  const federation = await startFederation({ config, managerSql, agentSql, log });
  return {
    federation,
    temporal,
    async stop() {
      await federation.stop();
      await managerSql.end({ timeout: 5 });
      await agentSql.end({ timeout: 5 });
      for (const db of embedded) await db.stop();
      await temporal?.stop();
    },
  };
}

/** Runs the example workflow once, as the site stub would, and returns its output. */
export async function runExample(dev: Dev): Promise<unknown> {
  const ctx = dev.federation.api.ctx;
  const { id } = await startRun(ctx, { workflow: 'example', input: exampleInput });
  return ctx.client.workflow.getHandle(id).result();
}
