import type { SSEStreamingApi } from 'hono/streaming';
import type { Json } from '../common/json.ts';
import type { StepState } from '../workflows/messages.ts';
import { getRun, type RunView, type RunsContext } from './runs.ts';

/** How often the run is read while a client follows it. */
export const POLL_INTERVAL_MS = 250;
/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

/** The last event of a run's stream. */
export interface RunEnd {
  id: string;
  runId: string;
  status: string;
  closedAt: string | undefined;
  output: Json | undefined;
  error: RunView['error'];
  temporalWebUrl: string;
}

/** Remembers each step's last state and says which steps changed since. */
export class StepChanges {
  private readonly seen = new Map<string, string>();

  /** The steps of `steps` whose state differs from the last call's, in the run's step order. */
  changed(steps: StepState[]): StepState[] {
    return steps.filter((step) => {
      const text = JSON.stringify(step);
      if (this.seen.get(step.id) === text) return false;
      this.seen.set(step.id, text);
      return true;
    });
  }
}

/**
 * Follows a run until it ends, writing `step` events (a step's state, each
 * time it changes; `id` a sequence number after `lastEventId`) and then one
 * `end` event with the run's status, output or error. A step's events come in
 * the order its states occurred, but a state shorter than the poll interval
 * may never be seen. Nothing is kept between connections: a client that
 * reconnects (with `Last-Event-ID`) gets every step's current state again,
 * with ids that continue its sequence. Stops when the client goes away.
 *
 * @param first the run as read before the stream opened (so an unknown run is a 404, not a stream).
 */
export async function streamRunEvents(
  ctx: RunsContext,
  stream: SSEStreamingApi,
  first: RunView,
  lastEventId: number,
): Promise<void> {
  let stopped = false;
  stream.onAbort(() => {
    stopped = true;
  });
  const changes = new StepChanges();
  let sequence = lastEventId;
  let lastWrite = Date.now();
  for (let run = first; ; run = await getRun(ctx, first.id)) {
    if (stopped) return;
    for (const step of changes.changed(run.steps ?? [])) {
      await stream.writeSSE({ event: 'step', id: String(++sequence), data: JSON.stringify(step) });
      lastWrite = Date.now();
    }
    if (run.status !== 'RUNNING') {
      const end: RunEnd = {
        id: run.id,
        runId: run.runId,
        status: run.status,
        closedAt: run.closedAt,
        output: run.output,
        error: run.error,
        temporalWebUrl: run.temporalWebUrl,
      };
      await stream.writeSSE({ event: 'end', id: String(sequence + 1), data: JSON.stringify(end) });
      return;
    }
    if (Date.now() - lastWrite >= KEEPALIVE_MS) {
      await stream.write(': keepalive\n\n');
      lastWrite = Date.now();
    }
    await stream.sleep(POLL_INTERVAL_MS);
  }
}
