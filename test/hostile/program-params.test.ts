import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobOutcome } from '../../agent/ledger.ts';
import { programHandler, workDirName, type ProgramSpec } from '../../agent/program-handler.ts';
import { runHandler } from '../../agent/run-handler.ts';
import type { JsonObject } from '../../common/json.ts';
import { hostileJson } from './support/http-fuzz.ts';
import { hostileSeed } from './support/seed.ts';
import { Tally } from './support/tally.ts';

/**
 * Program parameters that try to reach a shell, inject options, climb out of
 * the job's working directory or override the environment: each is passed
 * as one plain argument (or refused), no shell ever reads it, the program
 * runs in a fresh directory inside the work root, and its environment is the
 * spec's alone.
 */

const echo = fileURLToPath(new URL('../fixtures/programs/echo.mjs', import.meta.url));
const log = pino({ level: 'silent' });
const RUNS = 30;

let base: string;
/** The handlers' work root, inside `base`: nothing may appear in `base` beside it. */
let workRoot: string;
/** A file whose existence would prove that something ran a parameter as code. */
let canary: string;
/** A module that creates the canary when loaded (what NODE_OPTIONS=--require would load). */
let preload: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'caroni-hostile-programs-'));
  workRoot = path.join(base, 'work');
  await mkdir(workRoot);
  canary = path.join(base, 'canary');
  preload = path.join(base, 'preload.cjs');
  await writeFile(preload, `require('node:fs').writeFileSync(${JSON.stringify(canary)}, 'ran');\n`);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Runs a program handler the way the agent does. */
function run(
  spec: Omit<ProgramSpec, 'workRoot'>,
  parameters: JsonObject,
  { jobId = 'job-1', attempt = 1 } = {},
): Promise<JobOutcome> {
  return runHandler({
    handler: programHandler({ workRoot, ...spec }),
    jobId,
    attempt,
    idempotencyKey: 'key-1',
    parameters,
    runTimeoutMs: 30_000,
    log,
    onProgress: () => {},
  }).outcome;
}

/** Shell syntax aimed at the canary, option injection, traversal, templates: text a shell or parser would act on. */
const attackText = (canaryPath: string, preloadPath: string) =>
  fc.oneof(
    fc.constantFrom(
      `$(touch ${canaryPath})`,
      `\`touch ${canaryPath}\``,
      `; touch ${canaryPath}`,
      `&& touch ${canaryPath}`,
      `| tee ${canaryPath}`,
      `> ${canaryPath}`,
      `\ntouch ${canaryPath}\n`,
      '--output=/etc/passwd',
      '--require',
      preloadPath,
      `--require=${preloadPath}`,
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(canaryPath)}, 'x')`,
      '--',
      '-',
      '../../../../etc/passwd',
      '/etc/passwd',
      '~',
      '$HOME',
      '${PATH}',
      '*',
      '{{ params.other }}',
      '{{',
      ' ',
      '',
    ),
    // Any valid Unicode: argv carries UTF-8, so a lone surrogate could not come back unchanged.
    fc.string({ unit: 'grapheme', maxLength: 60 }),
  );

describe('hostile program parameters', () => {
  it('passes every parameter as one literal argument, never to a shell, with the spec’s environment only', async ({
    task,
  }) => {
    const tally = new Tally(task);
    const text = attackText(canary, preload);
    const params = fc.record({
      a: text,
      // A value that is not a string goes in as its JSON text, still one argument.
      b: fc.oneof(
        text,
        // (null is refused: a missing value, as the spec's tests show.)
        hostileJson.filter((value) => value !== null && typeof value !== 'string'),
      ),
      // Names a program or the agent might read, offered as parameters: they must stay parameters.
      PATH: fc.constant(base),
      LD_PRELOAD: fc.constant(preload),
      NODE_OPTIONS: fc.constant(`--require ${preload}`),
      CARONI_JOB_ID: fc.constant('forged'),
      env: fc.constant({ NODE_OPTIONS: `--require ${preload}` }),
    });
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        tally.sent();
        const outcome = await run(
          {
            argv: [
              process.execPath,
              echo,
              '{{ params.a }}',
              '--name={{ params.a }}',
              '--',
              '{{ params.b }}',
            ],
            stdin: 'in: {{ params.a }}',
            env: {
              ECHO_ENV: 'PATH,LD_PRELOAD,NODE_OPTIONS,CARONI_JOB_ID,FIXED',
              // Spec values are not templates: a parameter cannot reach them.
              FIXED: '{{ params.a }}',
            },
          },
          p as unknown as JsonObject,
        );
        expect(outcome.status, JSON.stringify(outcome)).toBe('succeeded');
        if (outcome.status !== 'succeeded') return;
        const output = outcome.output as {
          argv: string[];
          stdin: string;
          cwd: string;
          env: Record<string, string | null>;
        };
        const b = typeof p.b === 'string' ? p.b : JSON.stringify(p.b);
        expect(output.argv).toEqual([p.a, `--name=${p.a}`, '--', b]);
        expect(output.stdin).toBe(`in: ${p.a}`);
        expect(output.env).toEqual({
          PATH: process.env.PATH ?? null,
          LD_PRELOAD: null,
          NODE_OPTIONS: null,
          CARONI_JOB_ID: 'job-1',
          FIXED: '{{ params.a }}',
        });
        expect(path.dirname(output.cwd)).toBe(workRoot);
        if (existsSync(canary)) tally.executed();
        expect(existsSync(canary)).toBe(false);
      }),
      { numRuns: RUNS, endOnFailure: true, seed: hostileSeed },
    );
    expect(tally.executedUntrusted).toBe(0);
  });

  it('refuses a parameter with a NUL character, and a job id with one, without starting anything', async ({
    task,
  }) => {
    const tally = new Tally(task);
    const spec = { argv: [process.execPath, echo, '{{ params.a }}'] };
    tally.sent();
    const nulParameter = await run(spec, { a: `x\u0000; touch ${canary}` });
    expect(nulParameter).toMatchObject({
      status: 'failed',
      failure: { type: 'invalid_parameters', nonRetryable: true },
    });
    tally.sent();
    const nulJobId = await run(spec, { a: 'x' }, { jobId: 'job\u0000id' });
    expect(nulJobId.status).toBe('failed');
    expect(existsSync(canary)).toBe(false);
  });

  it('gives every job id a working directory directly inside the work root', async ({ task }) => {
    const tally = new Tally(task);
    const jobIds = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '../..',
        '../../etc',
        '/etc/passwd',
        '/',
        '',
        'a/../../b',
        '..\\..\\windows',
        '%2e%2e%2f',
        '\u0000',
        '.'.repeat(300),
        '/'.repeat(300),
      ),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    const attempts = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constant(-1));
    fc.assert(
      fc.property(jobIds, attempts, (jobId, attempt) => {
        tally.sent();
        const name = workDirName(jobId, attempt);
        expect(path.dirname(path.resolve(workRoot, name))).toBe(workRoot);
        expect(['', '.', '..']).not.toContain(name);
        expect(name).not.toMatch(/[/\\\0]/);
      }),
      { numRuns: 500, seed: hostileSeed },
    );
    // And for real, through the handler: each run's directory is inside the work root, nothing outside.
    const traversals = ['..', '../..', '/etc', 'a/../../..', '../../../../tmp/escape'];
    for (const jobId of traversals) {
      tally.sent();
      const outcome = await run(
        { argv: [process.execPath, echo], keepWorkDir: true },
        {},
        { jobId, attempt: 1 },
      );
      if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
      const { cwd } = outcome.output as { cwd: string };
      expect(path.dirname(cwd)).toBe(workRoot);
    }
    expect((await readdir(base)).sort()).toEqual(['preload.cjs', 'work']);
  });
});
