import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from '../../common/dev-server.ts';
import { alive } from '../support/processes.ts';
import { replacementPidFile } from './support/temporal.ts';

let server: DevServer | undefined;
let dir: string | undefined;

/**
 * The fault suite's own Temporal dev server, with its database file in a
 * folder of its own: the Temporal scenario stops it and starts it again on
 * the same port and file (see `support/temporal.ts`), which must not touch
 * any other suite's server.
 */
export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-faults-temporal-'));
  const logFile = path.join(dir, 'temporal.log');
  server = await startDevServer({ dataDir: dir, headless: true, logFile });
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('the Temporal dev server has no pid');
  project.provide('faultsTemporal', { address: server.address, dataDir: dir, logFile, pid });
}

/** Stops the server, or the one a scenario started in its place. */
export async function teardown(): Promise<void> {
  await server?.stop();
  if (!dir) return;
  const replacement = Number(await readFile(replacementPidFile(dir), 'utf8').catch(() => ''));
  if (replacement > 0 && alive(replacement)) {
    process.kill(replacement, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (alive(replacement) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (alive(replacement)) process.kill(replacement, 'SIGKILL');
  }
  await rm(dir, { recursive: true, force: true });
}
