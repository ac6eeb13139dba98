import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import Long from 'long';
import { searchAttributeTypes } from './search-attributes.ts';

const IndexedValueType = proto.temporal.api.enums.v1.IndexedValueType;
const indexedTypes = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
} as const;

/** gRPC status NOT_FOUND and ALREADY_EXISTS, as the Temporal frontend reports them. */
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Makes sure `namespace` exists and carries Caroni's search attributes, then
 * waits until the frontend serves it. Safe to call from several processes at
 * once. Search attributes given to the dev server at start cover only the
 * namespaces created at start, so a namespace registered here adds its own.
 */
export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  { retentionDays = 7, timeoutMs = 30_000 } = {},
): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch (error) {
    if (grpcCode(error) !== NOT_FOUND) throw error;
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(retentionDays * 24 * 3600) },
      });
    } catch (registerError) {
      if (grpcCode(registerError) !== ALREADY_EXISTS) throw registerError;
    }
  }

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({
        namespace,
      });
      const missing = Object.entries(searchAttributeTypes).filter(
        ([name]) => !(name in (customAttributes ?? {})),
      );
      if (missing.length === 0) return;
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(
          missing.map(([name, type]) => [name, indexedTypes[type]]),
        ),
      });
    } catch (error) {
      // A namespace registered a moment ago is NOT_FOUND until the frontend's cache catches up.
      if (grpcCode(error) !== NOT_FOUND && grpcCode(error) !== ALREADY_EXISTS) throw error;
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}
