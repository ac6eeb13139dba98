// The bench's worker process: the manager's workflow worker (on the bench's
// workflow bundle) and the native baseline's activity worker, side by side as
// a plain Temporal application would run them.
import { Worker } from '@temporalio/worker';
import { loadConfig } from '../../common/config.ts';
import { createLogger } from '../../common/log.ts';
import { connectWorker } from '../../common/temporal.ts';
import { startManager } from '../../manager/main.ts';
import { nativeActivities, nativeTaskQueue } from '../activities.ts';
import { serveChild } from './serve.ts';

await serveChild(async () => {
  const config = loadConfig();
  const bundle = process.env.BENCH_WORKFLOW_BUNDLE;
  if (!bundle) throw new Error('BENCH_WORKFLOW_BUNDLE must name the bench workflow bundle');
  const log = createLogger('bench-worker');
  const manager = await startManager(config, { workflowBundlePath: bundle, log });
  const connection = await connectWorker(config.temporal.address);
  const worker = await Worker.create({
    connection,
    namespace: config.manager.namespace,
    taskQueue: nativeTaskQueue,
    activities: nativeActivities,
  });
  const running = worker.run();
  return {
    status: () => ({}),
    async stop() {
      worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
      await manager.stop();
    },
  };
});
