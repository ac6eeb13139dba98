import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import type { Handler } from '../../../agent/handler.ts';

/**
 * The fault suite's handler module, loaded by each agent process
 * (`CARONI_AGENT_HANDLERS`). Every call is written to `fault_log` in the
 * agent's own database (`DATABASE_URL`) before the handler does anything
 * else, so a run the agent started again after it had finished the job shows
 * up there even if it was killed a moment later (see `support/ledger-log.ts`).
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('the fault suite handlers need DATABASE_URL (the agent database)');
// Idle connections close, so a graceful stop is never held up by this pool.
const sql = postgres(url, { max: 2, idle_timeout: 1, onnotice: () => {} });

export const handlers: Record<string, Handler> = {
  /** Records the call, works `params.ms` reporting progress, returns `{ n: params.n }`. */
  'faults.work': async (params, ctx) => {
    await sql`
      insert into fault_log (job_id, attempt, event) values (${ctx.jobId}, ${ctx.attempt}, 'call')`;
    const total = typeof params.ms === 'number' ? params.ms : 200;
    const started = Date.now();
    while (Date.now() - started < total) {
      ctx.progress({ elapsedMs: Date.now() - started });
      await sleep(Math.min(100, total), undefined, { signal: ctx.signal });
    }
    return { n: params.n ?? null };
  },
};
