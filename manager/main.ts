import { Worker } from '@temporalio/worker';
import type { Config } from '../common/config.ts';
import { createLogger, type Logger } from '../common/log.ts';
import { ensureNamespace } from '../common/namespace.ts';
import { connectClient, connectWorker, installTemporalLogger } from '../common/temporal.ts';
import { startTracing } from '../common/tracing.ts';
import { workflowInterceptorModules, workflowsPath } from '../common/workflows-path.ts';
import { TaskQueues } from '../workflows/messages.ts';

export interface Manager {
  done: Promise<void>;
  stop(): Promise<void>;
}

export interface ManagerOverrides {
  /** A pre-built workflow bundle (tests build one per run); bundled from source when omitted. */
  workflowBundlePath?: string;
  /** A workflow bundle already in memory (a federation's sites share one). */
  workflowBundleCode?: string;
  log?: Logger;
}

/**
 * Starts a site's manager worker: it registers the site's namespace if missing
 * (with Caroni's search attributes) and runs the site's workflows in it.
 */
export async function startManager(
  config: Config,
  overrides: ManagerOverrides = {},
): Promise<Manager> {
  const { namespace } = config.manager;
  const log = (overrides.log ?? createLogger('manager')).child({
    managerId: config.manager.id,
    namespace,
  });
  installTemporalLogger(log);
  const admin = await connectClient(config.temporal.address);
  try {
    await ensureNamespace(admin, namespace);
  } finally {
    await admin.close();
  }
  const connection = await connectWorker(config.temporal.address);
  const tracing = startTracing(config.tracing, 'manager', config.manager.id);
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: TaskQueues.workflows,
    ...workflowSource(overrides),
    sinks: tracing.workflowSinks,
  });
  const running = worker.run();
  log.info('manager worker started');
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
      await tracing.shutdown();
      log.info('manager worker stopped');
    })());
  return { done: running.then(() => stop()), stop };
}

function workflowSource(
  overrides: ManagerOverrides,
):
  | { workflowBundle: { codePath: string } | { code: string } }
  | { workflowsPath: string; interceptors: { workflowModules: string[] } } {
  if (overrides.workflowBundlePath)
    return { workflowBundle: { codePath: overrides.workflowBundlePath } };
  if (overrides.workflowBundleCode)
    return { workflowBundle: { code: overrides.workflowBundleCode } };
  return { workflowsPath, interceptors: { workflowModules: workflowInterceptorModules } };
}
