import { Client, Connection } from '@temporalio/client';
import { inject } from 'vitest';
import { createApp } from '../../api/app.ts';
import { QueueInspector } from '../../api/queues.ts';
import { openDatabase, type Sql } from '../../common/db.ts';
import { createLogger } from '../../common/log.ts';
import { saveToken } from '../../db/tokens.ts';
import { createTestDatabase, testAmqpUrl, testTopology, uniqueName } from './isolation.ts';

/** A manager's API served in process (`app.request`), on a database of its own. */
export interface ManagerAppUnderTest {
  sql: Sql;
  app: ReturnType<typeof createApp>;
  /** Closes the Temporal connection and the database, then drops the database. */
  close(): Promise<void>;
}

/**
 * The manager's API with only its database real: an admin `token` is saved,
 * and the Temporal client connects lazily, so routes that need no workflow
 * never reach the dev server.
 */
export async function startManagerApp(label: string, token: string): Promise<ManagerAppUnderTest> {
  const db = await createTestDatabase(label);
  const sql = await openDatabase(db.url, 'manager');
  await saveToken(sql, `${label}-admin`, 'admin', token);
  const connection = Connection.lazy({ address: inject('temporalAddress') });
  const managerId = uniqueName('site');
  const app = createApp(
    {
      client: new Client({ connection, namespace: `ns-${managerId}` }),
      sql,
      managerId,
      namespace: `ns-${managerId}`,
      jobDefaults: { queueMs: 60_000, runMs: 60_000, progressMs: 60_000 },
      temporalWebUrl: 'http://127.0.0.1:8233',
      queues: new QueueInspector({ url: testAmqpUrl, prefix: testTopology().prefix, managerId }),
    },
    createLogger(label, process.env.LOG_LEVEL ?? 'silent'),
  );
  return {
    sql,
    app,
    close: async () => {
      await connection.close();
      await sql.end({ timeout: 5 });
      await db.drop();
    },
  };
}
