import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../common/json.ts';
import { programHandler, workDirName, type ProgramSpec } from '../agent/program-handler.ts';
import { ProgramSpecError } from '../agent/program-template.ts';
import { runHandler } from '../agent/run-handler.ts';
import { alive, childPids } from './support/processes.ts';

const programs = fileURLToPath(new URL('./fixtures/programs/', import.meta.url));
const node = process.execPath;
const fixture = (name: string) => path.join(programs, name);
const log = pino({ level: 'silent' });

let workRoot: string;
beforeEach(async () => {
  workRoot = await mkdtemp(path.join(os.tmpdir(), 'caroni-programs-'));
});
afterEach(() => rm(workRoot, { recursive: true, force: true }));

/** Runs a program handler the way the agent does, so failures carry the types the manager sees. */
function run(
  spec: Omit<ProgramSpec, 'workRoot'>,
  parameters: JsonObject = {},
  { jobId = 'wf/run/step/0', runTimeoutMs = 0 } = {},
) {
  const progress: Json[] = [];
  const started = runHandler({
    handler: programHandler({ workRoot, ...spec }),
    jobId,
    attempt: 1,
    idempotencyKey: 'key-1',
    parameters,
    runTimeoutMs,
    log,
    onProgress: (details) => progress.push(details),
  });
  return { ...started, progress };
}

describe('program handler', () => {
  it('takes the result from the last stdout line, passes stdin and a minimal environment, reports progress', async () => {
    process.env.CARONI_TEST_SECRET = 'agent secret';
    try {
      const { outcome, progress } = run(
        {
          argv: [node, fixture('echo.mjs'), '{{ params.n }}', '--flag={{params.flag}}'],
          stdin: 'params',
          env: {
            ECHO_ENV:
              'CARONI_JOB_ID,CARONI_IDEMPOTENCY_KEY,CARONI_WORK_DIR,MODE,CARONI_TEST_SECRET',
            MODE: 'fast',
          },
        },
        { n: 3, flag: true },
      );
      const result = await outcome;
      expect(result.status).toBe('succeeded');
      const output = (result as { output: JsonObject }).output;
      const workDir = path.join(workRoot, workDirName('wf/run/step/0', 1));
      expect(output).toEqual({
        argv: ['3', '--flag=true'],
        stdin: JSON.stringify({ n: 3, flag: true }),
        cwd: workDir,
        env: {
          CARONI_JOB_ID: 'wf/run/step/0',
          CARONI_IDEMPOTENCY_KEY: 'key-1',
          CARONI_WORK_DIR: workDir,
          MODE: 'fast',
          CARONI_TEST_SECRET: null,
        },
      });
      expect(progress).toEqual([{ step: 'started' }]);
      expect(await readdir(workRoot)).toEqual([]);
    } finally {
      delete process.env.CARONI_TEST_SECRET;
    }
  });

  it('passes a parameter full of shell syntax as one literal argument', async () => {
    const nasty = `; rm -rf / && echo $(whoami) | cat > x\n"double" 'single' \`id\` $HOME *\n--x`;
    const { outcome } = run(
      {
        argv: [node, fixture('echo.mjs'), '{{ params.nasty }}', 'pre-{{ params.nasty }}'],
        stdin: 'in: {{ params.nasty }}',
        keepWorkDir: true,
      },
      { nasty },
    );
    const output = ((await outcome) as { output: JsonObject }).output;
    expect(output.argv).toEqual([nasty, `pre-${nasty}`]);
    expect(output.stdin).toBe(`in: ${nasty}`);
    expect(await readdir(output.cwd as string)).toEqual([]);
  });

  it('reads the result from a file in the working directory, and keeps it when asked', async () => {
    const { outcome } = run(
      {
        argv: [node, fixture('write-output.mjs'), '{{ params.value }}', 'result.json'],
        output: { from: 'file', path: 'result.json' },
        keepWorkDir: true,
      },
      { value: 'from a file' },
      { jobId: 'job-1' },
    );
    expect(await outcome).toEqual({ status: 'succeeded', output: { written: 'from a file' } });
    expect(await readdir(workRoot)).toEqual(['job-1-1']);
  });

  it('fails with the exit code and the end of stderr; listed codes are not retryable', async () => {
    for (const [code, nonRetryable] of [
      [3, false],
      [4, true],
    ] as const) {
      const result = await run(
        { argv: ['/bin/sh', fixture('fail.sh'), '{{ params.code }}'], nonRetryableExitCodes: [4] },
        { code },
      ).outcome;
      expect(result.status).toBe('failed');
      if (result.status !== 'failed') return;
      const { failure } = result;
      expect(failure).toMatchObject({ type: 'exit_code', nonRetryable });
      expect(failure.message).toMatch(new RegExp(`exited with code ${code}`));
      expect(failure.message).toMatch(/the real reason: input broken\n$/);
      const details = failure.details as { exitCode: number; stderrTail: string };
      expect(details.exitCode).toBe(code);
      expect(details.stderrTail).toMatch(/the real reason: input broken/);
      expect(details.stderrTail).not.toMatch(/too early/);
      expect(details.stderrTail.length).toBeLessThanOrEqual(4096);
    }
    // The working directory goes after a failure too: the stderr tail is what remains to look into.
    expect(await readdir(workRoot)).toEqual([]);
  });

  it('refuses output that is not JSON, too large, or missing parameters', async () => {
    const failure = async (spec: Omit<ProgramSpec, 'workRoot'>, params: JsonObject = {}) => {
      const result = await run(spec, params).outcome;
      return result.status === 'failed' ? result.failure : undefined;
    };
    expect(await failure({ argv: [node, fixture('print.mjs'), 'not json'] })).toMatchObject({
      type: 'invalid_output',
      nonRetryable: true,
    });
    expect(
      await failure({ argv: [node, fixture('print.mjs'), 'bytes', '5000'], maxOutputBytes: 1000 }),
    ).toMatchObject({ type: 'output_too_large', nonRetryable: true });
    expect(
      await failure({ argv: [node, fixture('echo.mjs'), '{{ params.missing }}'] }),
    ).toMatchObject({ type: 'invalid_parameters', nonRetryable: true });
    expect(await failure({ argv: ['/no/such/program'] })).toMatchObject({
      type: 'spawn_failed',
      nonRetryable: false,
    });
    expect(await failure({ argv: ['/bin/sh', fixture('kill-self.sh')] })).toMatchObject({
      type: 'killed',
      nonRetryable: false,
      message: expect.stringMatching(/SIGKILL/),
    });
  });

  it('refuses a spec that cannot work when it is built', () => {
    const build = (spec: Partial<ProgramSpec>) => () =>
      programHandler({ workRoot, argv: ['x'], ...spec });
    expect(build({ argv: ['{{ params.program }}'] })).toThrow(ProgramSpecError);
    expect(build({ argv: ['x', '{{ env.HOME }}'] })).toThrow(/not a parameter reference/);
    expect(build({ output: { from: 'file', path: '../out.json' } })).toThrow(/inside the working/);
    expect(build({ timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it('kills the whole process group when the program times out', async () => {
    const pidFile = path.join(workRoot, 'pids');
    const { outcome } = run(
      { argv: ['/bin/sh', fixture('children.sh'), pidFile], timeoutMs: 500 },
      {},
    );
    const result = await outcome;
    expect(result).toMatchObject({ status: 'failed', failure: { type: 'timeout' } });
    for (const pid of await childPids(pidFile)) expect(alive(pid)).toBe(false);
  });

  it('kills the whole process group, grandchildren included, when ctx.signal aborts', async () => {
    const pidFile = path.join(workRoot, 'pids');
    const started = run(
      { argv: ['/bin/sh', fixture('children.sh'), '{{ params.pids }}'] },
      {
        pids: pidFile,
      },
    );
    const pids = await childPids(pidFile);
    expect(pids.every(alive)).toBe(true);
    const abortedAt = Date.now();
    started.abort('cancelled by the test');
    await started.finished;
    expect(Date.now() - abortedAt).toBeLessThan(3_000);
    expect(pids.some(alive)).toBe(false);
    expect(await started.outcome).toMatchObject({
      status: 'failed',
      failure: { type: 'killed', message: 'the program was stopped: cancelled by the test' },
    });
  });

  it('sends SIGKILL after the grace period to a group that ignores SIGTERM', async () => {
    const pidFile = path.join(workRoot, 'pids');
    const started = run({
      argv: ['/bin/sh', fixture('children.sh'), pidFile, 'ignore-term'],
      killGraceMs: 300,
    });
    const pids = await childPids(pidFile);
    started.abort('stop');
    await started.finished;
    expect(pids.some(alive)).toBe(false);
  });

  it('gives every job id its own working directory name', () => {
    expect(workDirName('job-1', 2)).toBe('job-1-2');
    const [slash, underscore] = [workDirName('a/b', 1), workDirName('a_b', 1)];
    expect(slash).toMatch(/^a_b-[0-9a-f]{8}-1$/);
    expect(slash).not.toBe(underscore);
    expect(workDirName('../..', 1)).not.toContain('/');
  });
});
