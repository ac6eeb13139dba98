import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PoolOptions } from './db.ts';
import { CaroniError } from './errors.ts';
import type { Logger } from './log.ts';

export interface EmbeddedDatabaseOptions {
  /** The database's files; created if missing, reused (with its data) if not. */
  dataDir: string;
  log: Logger;
}

export interface EmbeddedDatabase {
  /** A `postgres://` URL for `openDatabase`, on a free port of 127.0.0.1. */
  url: string;
  /** What `openDatabase` must be given for this database: one connection, kept. */
  pool: PoolOptions;
  /** Closes the socket server, then PGlite; the data stays in `dataDir`. */
  stop(): Promise<void>;
}

/**
 * PGlite runs one session for every client of the socket server, and the
 * server interleaves extended-protocol messages of concurrent connections
 * (electric-sql/pglite#1046): so exactly one connection, never recycled, lest
 * a reconnect race the old socket for the single slot.
 */
const pool: PoolOptions = { max: 1, max_lifetime: null };

/** Beside PostgreSQL's own files, as `postmaster.pid` would be: PGlite takes no lock itself. */
const LOCK_FILE = 'caroni.pid';

/**
 * Starts PostgreSQL in process (PGlite, persisted in `dataDir`) and serves it
 * on a free TCP port of 127.0.0.1 to the `postgres` client. For `caroni dev`
 * and tests; a process of its own needs a real server.
 *
 * @throws CaroniError `embedded_database_locked` when another live process
 *   (another `caroni dev`) has the same `dataDir` open.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  await takeLock(dataDir, lockPath);
  const db = await PGlite.create(dataDir).catch(async (error: unknown) => {
    await releaseLock(lockPath);
    throw error;
  });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    await releaseLock(lockPath);
    throw error;
  }
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  options.log.info({ dataDir, url }, 'embedded database started');
  return {
    url,
    pool,
    async stop() {
      await server.stop();
      await db.close();
      await releaseLock(lockPath);
    },
  };
}

/**
 * Lock files this process holds: a lock naming our own pid but not in here
 * was left by an earlier process that had the same pid (pid 1 in a container).
 */
const held = new Set<string>();

/** Writes our pid to `lockPath`, taking over a lock whose process is gone. */
async function takeLock(dataDir: string, lockPath: string): Promise<void> {
  for (;;) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      held.add(lockPath);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    const ours = holder === process.pid;
    if (Number.isInteger(holder) && holder > 0 && (ours ? held.has(lockPath) : isAlive(holder))) {
      throw new CaroniError(
        'embedded_database_locked',
        `the embedded database in ${dataDir} is in use by process ${holder} (another caroni dev?): stop that process, or set CARONI_DATA_DIR to another directory (if process ${holder} is not Caroni, delete ${lockPath})`,
      );
    }
    await rm(lockPath, { force: true });
  }
}

async function releaseLock(lockPath: string): Promise<void> {
  held.delete(lockPath);
  await rm(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
