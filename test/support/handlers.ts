import { setTimeout as sleep } from 'node:timers/promises';
import type { Handler } from '../../agent/handler.ts';
import { handlers as exampleHandlers } from '../../examples/handlers/text.ts';

/** The example handlers plus a slow one, for tests that need a job to be running for a while. */
export const handlers: Record<string, Handler> = {
  ...exampleHandlers,
  'test.sleep': async (params, ctx) => {
    const total = typeof params.ms === 'number' ? params.ms : 1_000;
    const started = Date.now();
    while (Date.now() - started < total) {
      ctx.progress({ elapsedMs: Date.now() - started });
      await sleep(Math.min(100, total), undefined, { signal: ctx.signal });
    }
    return { sleptMs: total };
  },
};
