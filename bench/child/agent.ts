// The bench's agent process: the product's agent with the bench's handlers.
import { startAgent } from '../../agent/main.ts';
import { loadConfig } from '../../common/config.ts';
import { createLogger } from '../../common/log.ts';
import { benchHandlers, heldCount, releaseHeld } from '../handlers.ts';
import { serveChild } from './serve.ts';

await serveChild(async () => {
  const running = await startAgent(loadConfig(), {
    handlers: benchHandlers,
    log: createLogger('bench-agent'),
    // Held jobs are released before the bench stops the agent; nothing is worth waiting for.
    options: { stopTimeoutMs: 5_000 },
  });
  return {
    status: () => {
      const stats = running.agent.stats();
      return {
        running: stats.running,
        held: heldCount(),
        jobsRun: stats.jobsRun,
        refused: stats.refused,
      };
    },
    release: releaseHeld,
    stop: () => running.stop(),
  };
});
