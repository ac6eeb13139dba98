import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { NonRetryableJobError, type Handler } from '../../agent/handler.ts';
import { programHandler } from '../../agent/program-handler.ts';
import { handlers as exampleHandlers } from '../../examples/handlers/text.ts';

/** Jobs of `test.track` running now and the most seen at once, per `params.group`. */
export const tracked = new Map<string, { running: number; max: number; calls: number }>();
/** Calls of `test.flaky` per `params.key`. */
export const flakyCalls = new Map<string, number>();

/** The example handlers plus handlers the integration tests need. */
export const handlers: Record<string, Handler> = {
  ...exampleHandlers,
  'test.echo': (params) => params,
  // A program with two children that writes their pids to params.pids and waits: cancellation must kill all three.
  'test.program': programHandler({
    argv: [
      '/bin/sh',
      fileURLToPath(new URL('../fixtures/programs/children.sh', import.meta.url)),
      '{{ params.pids }}',
    ],
    workRoot: path.join(os.tmpdir(), 'caroni-test-programs'),
    killGraceMs: 1_000,
  }),
  // A program that keeps a CPU busy for params.ms: its result carries CPU time and peak memory.
  'test.burn': programHandler({
    argv: [
      process.execPath,
      fileURLToPath(new URL('../fixtures/programs/burn.mjs', import.meta.url)),
      '{{ params.ms }}',
    ],
    workRoot: path.join(os.tmpdir(), 'caroni-test-programs'),
  }),
  // A program that writes numbered lines to stdout and stderr over time, then filler: its job log.
  'test.chatty': programHandler({
    argv: [
      process.execPath,
      fileURLToPath(new URL('../fixtures/programs/chatty.mjs', import.meta.url)),
      '{{ params.lines }}',
      '{{ params.everyMs }}',
      '{{ params.filler }}',
    ],
    workRoot: path.join(os.tmpdir(), 'caroni-test-programs'),
  }),
  'test.sleep': async (params, ctx) => {
    const total = typeof params.ms === 'number' ? params.ms : 1_000;
    const started = Date.now();
    while (Date.now() - started < total) {
      ctx.progress({ elapsedMs: Date.now() - started });
      await sleep(Math.min(100, total), undefined, { signal: ctx.signal });
    }
    return { sleptMs: total };
  },
  'test.track': async (params, ctx) => {
    const group = String(params.group);
    const entry = tracked.get(group) ?? { running: 0, max: 0, calls: 0 };
    tracked.set(group, entry);
    entry.calls++;
    entry.running++;
    entry.max = Math.max(entry.max, entry.running);
    try {
      await sleep(typeof params.ms === 'number' ? params.ms : 50, undefined, {
        signal: ctx.signal,
      });
    } finally {
      entry.running--;
    }
    return params.n ?? null;
  },
  'test.flaky': (params) => {
    const key = String(params.key);
    const calls = (flakyCalls.get(key) ?? 0) + 1;
    flakyCalls.set(key, calls);
    if (calls === 1)
      throw new NonRetryableJobError(`first call for ${key} fails`, { type: 'flaky' });
    return { calls };
  },
};
