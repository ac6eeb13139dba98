import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import {
  HandlerModuleError,
  loadHandlers,
  NonRetryableJobError,
  type Handler,
  type JobContext,
} from '../agent/handler.ts';
import { runHandler } from '../agent/run-handler.ts';
import { handlers } from '../examples/handlers/text.ts';
import type { Json, JsonObject } from '../common/json.ts';

const log = pino({ level: 'silent' });

function context(): JobContext {
  return {
    jobId: 'job-1',
    attempt: 1,
    idempotencyKey: 'key-1',
    signal: new AbortController().signal,
    progress: () => {},
    log,
  };
}

function run(handler: Handler, options: { runTimeoutMs?: number; parameters?: JsonObject } = {}) {
  const progress: Json[] = [];
  const started = runHandler({
    handler,
    jobId: 'job-1',
    attempt: 1,
    idempotencyKey: 'key-1',
    parameters: options.parameters ?? {},
    runTimeoutMs: options.runTimeoutMs ?? 0,
    log,
    onProgress: (details) => progress.push(details),
  });
  return { ...started, progress };
}

describe('example text handlers', () => {
  it('counts words and Unicode code points', async () => {
    expect(await handlers['text.stats']({ text: '  the quick\tbrown\nfox ' }, context())).toEqual({
      words: 4,
      chars: 22,
    });
    expect(await handlers['text.stats']({ text: 'naïve 👋🏽' }, context())).toEqual({
      words: 2,
      chars: 8,
    });
    expect(await handlers['text.stats']({ text: '' }, context())).toEqual({ words: 0, chars: 0 });
  });

  it('hashes the UTF-8 text', async () => {
    const text = 'héllo';
    expect(await handlers['text.sha256']({ text }, context())).toEqual({
      sha256: createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'),
    });
  });

  it('refuses a missing or non-string text for good', () => {
    for (const params of [{}, { text: 42 }] as JsonObject[]) {
      expect(() => handlers['text.stats'](params, context())).toThrow(NonRetryableJobError);
      expect(() => handlers['text.sha256'](params, context())).toThrow(/parameter "text"/);
    }
  });
});

describe('loadHandlers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-handlers-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function module(name: string, text: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  }

  it('loads the handlers export', async () => {
    const loaded = await loadHandlers('examples/handlers/text.ts');
    expect(Object.keys(loaded).sort()).toEqual(['text.sha256', 'text.stats']);
  });

  it('says what is wrong with a module that does not fit', async () => {
    await expect(loadHandlers(await module('none.mjs', 'export const other = 1;'))).rejects.toThrow(
      /must export `handlers`/,
    );
    await expect(
      loadHandlers(await module('bad.mjs', "export const handlers = { 'a.b': 'nope' };")),
    ).rejects.toThrow(/a\.b .* is not a function/);
    await expect(loadHandlers(path.join(dir, 'missing.mjs'))).rejects.toThrow(HandlerModuleError);
  });
});

describe('runHandler', () => {
  it('passes the context and reports JSON progress and output', async () => {
    const started = run(
      (params, ctx) => {
        ctx.progress({ half: true });
        return { got: params.x ?? null, key: ctx.idempotencyKey, attempt: ctx.attempt };
      },
      { parameters: { x: 1 } },
    );
    expect(await started.outcome).toEqual({
      status: 'succeeded',
      output: { got: 1, key: 'key-1', attempt: 1 },
    });
    expect(started.progress).toEqual([{ half: true }]);
  });

  it('turns undefined into null and refuses output that is not JSON', async () => {
    expect(await run(() => undefined as unknown as Json).outcome).toEqual({
      status: 'succeeded',
      output: null,
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await run(() => cyclic as unknown as Json).outcome).toMatchObject({
      status: 'failed',
      failure: { type: 'invalid_output', nonRetryable: true },
    });
  });

  it('fails retryably on a plain error and for good on NonRetryableJobError', async () => {
    expect(await run(() => Promise.reject(new TypeError('boom'))).outcome).toEqual({
      status: 'failed',
      failure: { type: 'TypeError', message: 'boom', nonRetryable: false, details: null },
    });
    const permanent = () => {
      throw new NonRetryableJobError('no', { type: 'bad_input', details: { field: 'x' } });
    };
    expect(await run(permanent).outcome).toEqual({
      status: 'failed',
      failure: { type: 'bad_input', message: 'no', nonRetryable: true, details: { field: 'x' } },
    });
  });

  it('aborts the signal and fails retryably when the run timeout passes', async () => {
    let aborted = false;
    const started = run(
      (_params, ctx) =>
        new Promise<Json>((resolve) =>
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            setTimeout(() => resolve('too late'), 20);
          }),
        ),
      { runTimeoutMs: 50 },
    );
    expect(await started.outcome).toMatchObject({
      status: 'failed',
      failure: { type: 'run_timeout', nonRetryable: false },
    });
    expect(aborted).toBe(true);
    await started.finished;
  });
});
