import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { CaroniError } from './errors.ts';

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
