import { Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { CaroniError } from './errors.ts';
import type { Logger } from './log.ts';

function unreachable(address: string, error: unknown): CaroniError {
  return new CaroniError(
    'temporal_unreachable',
    `cannot reach Temporal at ${address} (${(error as Error).message}): run \`npx caroni dev\`, which starts a dev server, or set TEMPORAL_ADDRESS`,
    { cause: error },
  );
}

/**
 * A client connection to the Temporal frontend.
 *
 * @throws CaroniError `temporal_unreachable` saying what to run.
 */
export async function connectClient(address: string): Promise<Connection> {
  try {
    return await Connection.connect({ address, connectTimeout: 5_000 });
  } catch (error) {
    throw unreachable(address, error);
  }
}

/**
 * A worker connection to the Temporal frontend.
 *
 * @throws CaroniError `temporal_unreachable` saying what to run.
 */
export async function connectWorker(address: string): Promise<NativeConnection> {
  try {
    return await NativeConnection.connect({ address });
  } catch (error) {
    throw unreachable(address, error);
  }
}

const pinoLevels = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
} as const;
let loggerInstalled = false;

const expectedWarnings = new Set([
  'No activities registered, not polling for activity tasks',
  'No workflows registered, not polling for workflow tasks',
]);

/**
 * Routes the Temporal SDK's own logs (worker, webpack bundling, core) into the
 * process's JSON logger, at WARN and above. Must run before the first
 * Temporal connection of the process; later calls do nothing.
 */
export function installTemporalLogger(log: Logger): void {
  if (loggerInstalled) return;
  loggerInstalled = true;
  const temporalLog = log.child({ component: 'temporal-sdk' });
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      // By design the manager's worker has no activities and the bridge's no workflows.
      if (expectedWarnings.has(entry.message)) return;
      temporalLog[pinoLevels[entry.level]]({ ...entry.meta }, entry.message);
    }),
  });
}
