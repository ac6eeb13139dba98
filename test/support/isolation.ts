import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import postgres from 'postgres';
import { deleteTopology, type Topology } from '../../common/broker.ts';
import { openDatabase, type Sql } from '../../common/db.ts';
import type { Role } from '../../db/migrate.ts';

/** The PostgreSQL server tests use; each test gets databases of its own on it. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
export const testAmqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A short random suffix for names that must not collide between tests. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A broker prefix of the test's own; classic queues are cheaper to create and delete. */
export function testTopology(): Topology {
  return { prefix: uniqueName('t').replace('-', '_'), queueType: 'classic' };
}

/**
 * Creates an empty database for one test and returns its URL and a function
 * that drops it.
 */
export async function createTestDatabase(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `caroni_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(testPostgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const sql = postgres(testPostgresUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

/**
 * A migrated database of `role` for one test, opened; dropping and closing it
 * are pushed on `cleanups`, to run in reverse order.
 */
export async function openTestDatabase(
  label: string,
  role: Role,
  cleanups: (() => Promise<unknown>)[],
): Promise<{ url: string; sql: Sql }> {
  const db = await createTestDatabase(label);
  cleanups.push(() => db.drop());
  const sql = await openDatabase(db.url, role);
  cleanups.push(() => sql.end({ timeout: 5 }));
  return { url: db.url, sql };
}

/** Polls `condition` until it holds, instead of sleeping a fixed time. */
export async function waitFor<T>(
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 20_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Deletes what a test declared under its broker prefix (RabbitMQ keeps durable
 * queues and exchanges; without this every run would leave its own behind).
 */
export async function deleteBrokerTopology(
  prefix: string,
  managers: string[],
  jobTypes: string[],
  agents: string[] = [],
): Promise<void> {
  const connection = await amqp.connect(testAmqpUrl);
  try {
    const channel = await connection.createChannel();
    await deleteTopology(channel, prefix, { managers, agents, jobTypes });
    await channel.close();
  } finally {
    await connection.close();
  }
}
