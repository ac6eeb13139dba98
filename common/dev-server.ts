import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { CaroniError } from './errors.ts';
import { freePort } from './ports.ts';
import { resolveTemporalCli } from './temporal-cli.ts';
import { searchAttributeTypes } from './search-attributes.ts';

export interface DevServerOptions {
  /** Folder for the SQLite database file; runs survive a restart with the same folder. */
  dataDir: string;
  /** gRPC port; a free one when omitted. */
  port?: number;
  /** Temporal Web port; a free one when omitted. Ignored when `headless`. */
  uiPort?: number;
  headless?: boolean;
  /** Namespaces to create at start (they get Caroni's search attributes too). */
  namespaces?: string[];
  /** How long to wait for the server to answer. Default 60 s. */
  readyTimeoutMs?: number;
  /** File that receives the server's own output; discarded when omitted. */
  logFile?: string;
}

export interface DevServer {
  address: string;
  uiUrl: string | undefined;
  process: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
  stop(): Promise<void>;
}

export class DevServerError extends CaroniError {
  override readonly name = 'DevServerError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('temporal_dev_server_failed', message, options);
  }
}

/**
 * Starts the Temporal CLI dev server (resolved by {@link resolveTemporalCli})
 * on free ports with a database file under `dataDir`, and resolves once its
 * frontend answers.
 *
 * @throws TemporalCliNotFoundError when there is no CLI; DevServerError when
 *   the server exits or does not answer in time.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const cli = resolveTemporalCli();
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const uiPort = options.headless ? undefined : (options.uiPort ?? (await freePort()));
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--db-filename',
    path.join(options.dataDir, 'temporal.sqlite'),
    '--log-level',
    'error',
    // Lets a search attribute added at run time be used at once, not after a cache refresh.
    '--dynamic-config-value',
    'system.forceSearchAttributesCacheRefreshOnRead=true',
  ];
  if (uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(uiPort), '--ui-disable-news-fetch');
  for (const namespace of options.namespaces ?? []) args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(searchAttributeTypes)) {
    args.push('--search-attribute', `${name}=${type}`);
  }

  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(cli, args, { stdio: ['ignore', out, out] });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const address = `127.0.0.1:${port}`;

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let lastError: unknown;
  for (;;) {
    const exitCode = await Promise.race([exited, sleep(250).then(() => 'running' as const)]);
    if (exitCode !== 'running') {
      throw new DevServerError(
        `Temporal dev server exited with code ${exitCode} before it was ready` +
          (options.logFile ? ` (see ${options.logFile})` : ''),
      );
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
      } finally {
        await connection.close();
      }
      break;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new DevServerError(`Temporal dev server at ${address} did not answer in time`, {
        cause: lastError,
      });
    }
  }

  return {
    address,
    uiUrl: uiPort === undefined ? undefined : `http://127.0.0.1:${uiPort}`,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
