// The bench's bridge process: the product's bridge, as `caroni bridge` runs it.
import { startBridge } from '../../bridge/main.ts';
import { loadConfig } from '../../common/config.ts';
import { createLogger } from '../../common/log.ts';
import { serveChild } from './serve.ts';

await serveChild(async () => {
  const bridge = await startBridge(loadConfig(), { log: createLogger('bench-bridge') });
  return {
    status: () => ({ replies: { ...bridge.replies.stats } }),
    stop: () => bridge.stop(),
  };
});
