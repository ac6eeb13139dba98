import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caroni } from './support/cli.ts';
import { createTestDatabase } from './support/isolation.ts';

describe('the caroni command', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('makes an Ed25519 identity, shows it, and refuses to overwrite it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-keys-'));
    dirs.push(dir);
    const env = { CARONI_DATA_DIR: dir };
    const made = await caroni(['keys', 'init', 'site-a'], env);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await stat(path.join(dir, 'keys', 'site-a.key'))).mode & 0o777).toBe(0o600);
    expect((await caroni(['keys', 'show', 'site-a'], env)).stdout).toBe(
      await readFile(path.join(dir, 'keys', 'site-a.pub'), 'utf8'),
    );
    const again = await caroni(['keys', 'init', 'site-a'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^caroni: .*site-a\.key exists already/);
  });

  it('says in one line what is wrong with the configuration, without a stack trace', async () => {
    const bad = await caroni(['bridge'], {
      CARONI_QUEUE_TYPE: 'fancy',
      CARONI_MANAGER_ID: 'Bad Id',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/CARONI_QUEUE_TYPE/);
    expect(bad.stderr).toMatch(/CARONI_MANAGER_ID/);

    const noDatabase = await caroni(['bridge'], { DATABASE_URL: '' });
    expect(noDatabase.stderr.trim()).toMatch(/^caroni: DATABASE_URL is not set/);
  });

  it('says what to run when the broker or Temporal is unreachable', async () => {
    const db = await createTestDatabase('cli');
    try {
      const noBroker = await caroni(['bridge'], {
        DATABASE_URL: db.url,
        AMQP_URL: 'amqp://guest:guest@127.0.0.1:1',
      });
      expect(noBroker.code).toBe(1);
      expect(noBroker.stderr.trim()).toMatch(
        /^caroni: cannot reach RabbitMQ at amqp:\/\/guest:\*\*\*@127\.0\.0\.1:1 .*rabbitmq-server/,
      );

      const noTemporal = await caroni(['manager'], { TEMPORAL_ADDRESS: '127.0.0.1:1' });
      expect(noTemporal.code).toBe(1);
      expect(noTemporal.stderr.trim()).toMatch(
        /^caroni: cannot reach Temporal at 127\.0\.0\.1:1 .*caroni dev/,
      );
    } finally {
      await db.drop();
    }
  });
});
