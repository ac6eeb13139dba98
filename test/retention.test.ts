import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneLedger } from '../agent/retention.ts';
import { loadConfig } from '../common/config.ts';
import { openDatabase, type Sql } from '../common/db.ts';
import { createTestDatabase } from './support/isolation.ts';

const day = 24 * 60 * 60_000;

describe('ledger retention', () => {
  let sql: Sql;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase('retention');
    drop = db.drop;
    sql = await openDatabase(db.url, 'agent');
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await drop?.();
  });

  async function job(id: string, status: string, ageDays: number): Promise<void> {
    const at = new Date(Date.now() - ageDays * day);
    await sql`
      insert into jobs (manager_id, job_id, attempt, job_type, ref, idempotency_key, parameters,
                        status, received_at, finished_at, cancelled_at)
      values ('m', ${id}, ${status === 'cancelled' ? 0 : 1}, 't', '{}', 'k', '{}', ${status}, ${at},
              ${status === 'succeeded' || status === 'failed' ? at : null},
              ${status === 'cancelled' ? at : null})`;
  }

  it('deletes finished jobs, tombstones and unsent replies past retention, and nothing running or recent', async () => {
    await job('old-done', 'succeeded', 8);
    await job('old-failed', 'failed', 8);
    await job('old-tombstone', 'cancelled', 8);
    await job('old-running', 'running', 8);
    await job('recent-done', 'succeeded', 1);
    await sql`insert into outbox (manager_id, job_id, kind, body, created_at)
      values ('m', 'old-done', 'jobResult', '\\x00', ${new Date(Date.now() - 8 * day)}),
             ('m', 'recent-done', 'jobResult', '\\x00', now())`;
    expect(await pruneLedger(sql, 7 * day)).toEqual({ jobs: 3, outbox: 1 });
    const left = await sql<{ job_id: string }[]>`select job_id from jobs order by job_id`;
    expect(left.map((row) => row.job_id)).toEqual(['old-running', 'recent-done']);
    const outbox = await sql<{ job_id: string }[]>`select job_id from outbox`;
    expect(outbox.map((row) => row.job_id)).toEqual(['recent-done']);
  });

  it('refuses a retention that a takeable request could outlive', () => {
    expect(() =>
      loadConfig({
        CARONI_MAX_QUEUE_MS: String(3 * day),
        CARONI_LEDGER_RETENTION_MS: String(3 * day),
      }),
    ).toThrow(/CARONI_LEDGER_RETENTION_MS .* must exceed CARONI_MAX_QUEUE_MS/);
    expect(loadConfig({}).agent).toMatchObject({ maxQueueMs: 2 * day, retentionMs: 7 * day });
  });
});
