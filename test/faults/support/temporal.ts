import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDevServer } from '../../../common/dev-server.ts';
import { alive } from '../../support/processes.ts';
import { waitFor } from '../../support/isolation.ts';

/** Where the pid of a server started in place of the global setup's is kept, for its teardown. */
export function replacementPidFile(dataDir: string): string {
  return path.join(dataDir, 'replacement.pid');
}

/**
 * The suite's Temporal dev server, restartable from a test: it is stopped
 * (SIGTERM, as an operator's restart does) and started again on the same
 * port and database file, so every client finds it where it was, with the
 * same runs.
 */
export class RestartableTemporal {
  constructor(
    private readonly server: { address: string; dataDir: string; logFile: string; pid: number },
  ) {}

  get address(): string {
    return this.server.address;
  }

  /** Stops the server and starts it again; resolves once it answers. */
  async restart(): Promise<void> {
    const { pid, address, dataDir, logFile } = this.server;
    process.kill(pid, 'SIGTERM');
    await waitFor(() => !alive(pid), {
      timeoutMs: 20_000,
      intervalMs: 100,
      what: 'the Temporal dev server to stop',
    });
    const port = Number(address.slice(address.lastIndexOf(':') + 1));
    const started = await startDevServer({ dataDir, port, headless: true, logFile });
    const newPid = started.process.pid;
    if (newPid === undefined) throw new Error('the restarted Temporal dev server has no pid');
    // Owned by the global teardown from now on, which outlives this test worker.
    started.process.unref();
    await writeFile(replacementPidFile(dataDir), String(newPid));
    this.server.pid = newPid;
  }
}
