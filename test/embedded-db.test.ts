import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getRun, startRun } from '../api/runs.ts';
import { openDatabase } from '../common/db.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../common/embedded-db.ts';
import { createLogger } from '../common/log.ts';
import { migrate } from '../db/migrate.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';

const log = createLogger('test', process.env.LOG_LEVEL ?? 'warn');
const dirs: string[] = [];
const running: EmbeddedDatabase[] = [];
const sites: TestSite[] = [];

afterEach(async () => {
  for (const site of sites.splice(0)) await site.teardown();
  for (const db of running.splice(0)) await db.stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-embedded-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<EmbeddedDatabase> {
  const db = await startEmbeddedDatabase({ dataDir, log });
  running.push(db);
  return db;
}

async function stop(db: EmbeddedDatabase): Promise<void> {
  running.splice(running.indexOf(db), 1);
  await db.stop();
}

describe('the embedded database', () => {
  it('migrates both roles, and keeps what was written across a restart', async () => {
    const dir = await tempDir();
    const managerDir = path.join(dir, 'manager');
    const agentDir = path.join(dir, 'agent');

    const manager = await start(managerDir);
    const agent = await start(agentDir);
    const managerSql = await openDatabase(manager.url, 'manager', manager.pool);
    const agentSql = await openDatabase(agent.url, 'agent', agent.pool);
    await managerSql`insert into trusted_agents (agent_id) values ('a1')`;
    await agentSql`
      insert into jobs (manager_id, job_id, attempt, job_type, ref, idempotency_key, parameters, status)
      values ('m1', 'j1', 1, 'text.stats', ${agentSql.json({ stepId: 's' })}, 'k',
              ${agentSql.json({ text: 'x' })}, 'running')`;
    await managerSql.end();
    await agentSql.end();
    await stop(manager);
    await stop(agent);

    const managerAgain = await start(managerDir);
    const agentAgain = await start(agentDir);
    const managerSqlAgain = await openDatabase(managerAgain.url, 'manager', managerAgain.pool);
    const agentSqlAgain = await openDatabase(agentAgain.url, 'agent', agentAgain.pool);
    try {
      expect(await migrate(managerSqlAgain, 'manager')).toEqual([]);
      expect(await migrate(agentSqlAgain, 'agent')).toEqual([]);
      expect(await managerSqlAgain`select agent_id from trusted_agents`).toEqual([
        { agent_id: 'a1' },
      ]);
      expect(await agentSqlAgain`select ref, parameters, status from jobs`).toEqual([
        { ref: { stepId: 's' }, parameters: { text: 'x' }, status: 'running' },
      ]);
    } finally {
      await managerSqlAgain.end();
      await agentSqlAgain.end();
    }
  });

  it('refuses a data directory a live process has open, and takes over a stale lock', async () => {
    const dir = await tempDir();
    const lockPath = path.join(dir, 'caroni.pid');
    const db = await start(dir);
    await expect(startEmbeddedDatabase({ dataDir: dir, log })).rejects.toMatchObject({
      code: 'embedded_database_locked',
      message: expect.stringContaining(`in use by process ${process.pid}`),
    });
    await stop(db);

    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lockPath, String(gone));
    await stop(await start(dir));

    // Left by an earlier process with our pid, as pid 1 of a restarted container.
    await writeFile(lockPath, String(process.pid));
    const again = await start(dir);
    const sql = await openDatabase(again.url, 'agent', again.pool);
    await sql.end();
  });
});

describe('the job path on embedded databases', () => {
  it('runs the example workflow with manager and agent databases both embedded', async () => {
    const site = await startTestSite({ embeddedDatabases: true });
    sites.push(site);
    expect(site.managerDatabaseUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const ctx = site.federation.api.ctx;
    const { id } = await startRun(ctx, {
      workflow: 'example',
      input: { text: 'the quick brown fox' },
    });
    const run = await waitFor(async () => {
      const view = await getRun(ctx, id);
      return view.status === 'RUNNING' ? undefined : view;
    });
    expect(run.status).toBe('COMPLETED');
    expect(run.output).toEqual({
      words: 4,
      chars: 19,
      sha256: createHash('sha256').update('the quick brown fox').digest('hex'),
    });
    expect(await site.agentSql`select job_type, status from jobs order by job_type`).toEqual([
      { job_type: 'text.sha256', status: 'succeeded' },
      { job_type: 'text.stats', status: 'succeeded' },
    ]);
  });
});
