import type { Handler } from '../agent/handler.ts';
import { BenchJobTypes } from './job-types.ts';

const held = new Set<() => void>();

/** The bench agent's handlers. */
export const benchHandlers: Record<string, Handler> = {
  [BenchJobTypes.noop]: () => ({}),
  [BenchJobTypes.hold]: (_params, ctx) =>
    new Promise((resolve, reject) => {
      const release = () => {
        held.delete(release);
        resolve({});
      };
      held.add(release);
      ctx.signal.addEventListener('abort', () => {
        held.delete(release);
        reject(ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted'));
      });
    }),
};

/** Lets every held job finish. @returns how many there were. */
export function releaseHeld(): number {
  const all = [...held];
  for (const release of all) release();
  return all.length;
}

/** How many jobs are held now. */
export function heldCount(): number {
  return held.size;
}
