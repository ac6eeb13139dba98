import path from 'node:path';
import postgres from 'postgres';
import { startRun } from '../api/runs.ts';
import type { Config } from '../common/config.ts';
import { openDatabase, type Sql } from '../common/db.ts';
import { startDevServer, type DevServer } from '../common/dev-server.ts';
import { startEmbeddedDatabase } from '../common/embedded-db.ts';
import type { JsonObject } from '../common/json.ts';
import type { Logger } from '../common/log.ts';
import { isListening } from '../common/ports.ts';
import { redact } from '../common/redact.ts';
import { planFederation, type FederationShape } from './federation-plan.ts';
import { startFederation, type Federation, type PartySpec } from './federation.ts';

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

/** A party's database and what closes it. */
interface DevDatabase {
  sql: Sql;
  close(): Promise<void>;
}

/**
 * A party's database: `caroni_<id>` on the server at DATABASE_URL when it is
 * set, else an embedded one under `<data dir>/db/`, so the Quickstart needs no
 * database server. A lone site or agent keeps `db/manager` or `db/agent`,
 * where a one-site `caroni dev` has always kept them; several are `db/<id>`.
 */
async function openDevDatabase(
  config: Config,
  role: 'manager' | 'agent',
  id: string,
  alone: boolean,
  log: Logger,
): Promise<DevDatabase> {
  const server = config.databaseUrl;
  if (server) {
    const sql = await openDatabase(
      await ensureDatabase(server, `caroni_${id.replace(/-/g, '_')}`),
      role,
    );
    return { sql, close: () => sql.end({ timeout: 5 }) };
  }
  const db = await startEmbeddedDatabase({
    dataDir: path.join(config.dataDir, 'db', alone ? role : id),
    log,
  });
  try {
    const sql = await openDatabase(db.url, role, db.pool);
    return {
      sql,
      async close() {
        await sql.end({ timeout: 5 });
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

/**
 * Starts the whole local federation: a Temporal dev server unless one answers
 * at TEMPORAL_ADDRESS, then `shape.sites` sites (manager, bridge and API; by
 * default the example site alone) and `shape.agents` agents (by default the
 * example agent), each with its own database.
 *
 * @throws ConfigError for a shape `planFederation` refuses.
 */
export async function startDev(
  config: Config,
  log: Logger,
  shape: FederationShape = { sites: 1, agents: 1 },
): Promise<Dev> {
  const plan = planFederation(config, shape);
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
  if (config.databaseUrl)
    log.info({ server: redact(config.databaseUrl) }, 'using databases on the DATABASE_URL server');
  else
    log.info(
      { dir: path.join(config.dataDir, 'db') },
      'DATABASE_URL is unset: using embedded databases',
    );
  const databases: DevDatabase[] = [];
  const closeAll = async () => {
    for (const db of databases.reverse()) await db.close();
    await temporal?.stop();
  };
  try {
    const open = async (party: Config, role: 'manager' | 'agent', id: string, alone: boolean) => {
      const db = await openDevDatabase(party, role, id, alone, log);
      databases.push(db);
      return { config: party, sql: db.sql };
    };
    const sites: PartySpec[] = [];
    for (const site of plan.sites)
      sites.push(await open(site, 'manager', site.manager.id, plan.sites.length === 1));
    const agents: PartySpec[] = [];
    for (const agent of plan.agents)
      agents.push(await open(agent, 'agent', agent.agent.id, plan.agents.length === 1));
    const federation = await startFederation({ sites, agents, log });
    return {
      federation,
      temporal,
      async stop() {
        await federation.stop();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Runs the example workflow once, as the site stub would, and returns its output. */
export async function runExample(dev: Dev): Promise<unknown> {
  const ctx = dev.federation.api.ctx;
  const { id } = await startRun(ctx, { workflow: 'example', input: exampleInput });
  return ctx.client.workflow.getHandle(id).result();
}
