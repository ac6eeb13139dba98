import { Client } from '@temporalio/client';
import type { Sql } from 'postgres';
import { requireDatabaseUrl, type Config } from '../common/config.ts';
import { openDatabase } from '../common/db.ts';
import { createLogger, type Logger } from '../common/log.ts';
import { connectClient } from '../common/temporal.ts';
import { startTracing } from '../common/tracing.ts';
import { createApp } from './app.ts';
import { listen } from './openapi-app.ts';
import { QueueInspector } from './queues.ts';
import type { RunsContext } from './runs.ts';

export interface Api {
  ctx: RunsContext;
  port: number;
  stop(): Promise<void>;
}

export interface ApiOverrides {
  sql?: Sql;
  log?: Logger;
}

/** Serves one manager's API on `config.api.port` (0 picks a free port). */
export async function startApi(config: Config, overrides: ApiOverrides = {}): Promise<Api> {
  const log = (overrides.log ?? createLogger('api')).child({ managerId: config.manager.id });
  const sql =
    overrides.sql ?? (await openDatabase(requireDatabaseUrl(config, 'manager'), 'manager'));
  const connection = await connectClient(config.temporal.address);
  const tracing = startTracing(config.tracing, 'api', config.manager.id);
  const ctx: RunsContext = {
    // A run started here begins its trace here; a scheduled run's begins in the manager.
    client: new Client({
      connection,
      namespace: config.manager.namespace,
      interceptors: tracing.clientInterceptors,
    }),
    sql,
    managerId: config.manager.id,
    namespace: config.manager.namespace,
    jobDefaults: {
      queueMs: config.jobDefaults.queueTimeoutMs,
      runMs: config.jobDefaults.runTimeoutMs,
      progressMs: config.jobDefaults.progressTimeoutMs,
    },
    temporalWebUrl: config.temporal.webUrl,
    queues: new QueueInspector({
      url: config.broker.url,
      prefix: config.broker.prefix,
      managerId: config.manager.id,
    }),
  };
  const app = createApp(ctx, log);
  const server = await listen(app, { port: config.api.port, hostname: config.api.host });
  const { port } = server;
  log.info({ port }, 'API listening');
  return {
    ctx,
    port,
    async stop() {
      await server.close();
      await ctx.queues.close();
      await connection.close();
      await tracing.shutdown();
      if (!overrides.sql) await sql.end({ timeout: 5 });
    },
  };
}
