import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Json, JsonObject } from '../common/json.ts';
import {
  NonRetryableJobError,
  RetryableJobError,
  type Handler,
  type JobContext,
} from './handler.ts';
import { LastLine, LineSplitter, Tail } from './program-output.ts';
import { compileTemplate, hasPlaceholder, ProgramSpecError } from './program-template.ts';
import { runProgram, type ProgramEnd } from './run-program.ts';

/** How a program handler runs a program for a job. */
export interface ProgramSpec {
  /**
   * The executable (a path, or a name looked up in `PATH`) and its arguments.
   * `argv[0]` is fixed: parameters never choose what runs. Every later element
   * is a template (`--out={{ params.name }}`) rendered into exactly one
   * argument; no shell ever sees it.
   */
  argv: string[];
  /** `'params'`: the job's parameters as JSON; any other string: a template. Unset: no input. */
  stdin?: string;
  /**
   * Variables for the program, over a minimal base of the agent's `PATH`,
   * `HOME` and `LANG`. The agent's other variables are not passed on: they may
   * hold its secrets (database URL, broker credentials). `CARONI_JOB_ID`,
   * `CARONI_IDEMPOTENCY_KEY` and `CARONI_WORK_DIR` are always set, last.
   */
  env?: Record<string, string>;
  /** Each run gets `<workRoot>/<job id, sanitized>-<attempt>` as its working directory, created fresh. */
  workRoot: string;
  /** Keep the working directory after a success too (it is always kept after a failure). */
  keepWorkDir?: boolean;
  /** Stops the program after this long: failure `timeout` (retryable). Unset: the job's run timeout only. */
  timeoutMs?: number;
  /** Between SIGTERM and SIGKILL to the program's process group. Default 5 s. */
  killGraceMs?: number;
  /**
   * Where the JSON result is. Default stdout: its last non-blank line. `file`:
   * a path relative to the working directory.
   */
  output?: { from: 'stdout' } | { from: 'file'; path: string };
  /** Exit codes that mean "retrying cannot help" (bad input): the failure is non-retryable. */
  nonRetryableExitCodes?: number[];
  /** Largest result (stdout line or file). Default 16 MiB; larger: failure `output_too_large`. */
  maxOutputBytes?: number;
}

/** A stderr line `CARONI_PROGRESS <json>` reports progress instead of going to the stderr tail. */
const PROGRESS_PREFIX = 'CARONI_PROGRESS ';
const STDERR_TAIL_BYTES = 4 * 1024;
/** Longest stderr line read whole (a progress line must fit). */
const MAX_STDERR_LINE = 64 * 1024;
const BASE_ENV = ['PATH', 'HOME', 'LANG'] as const;

/**
 * A handler that runs a program per job (see {@link ProgramSpec}) and returns
 * its JSON result. Failures: `exit_code` (retryable unless listed in
 * `nonRetryableExitCodes`; details hold the exit code and the last 4 KiB of
 * stderr), `killed` (stopped by ctx.signal, or a signal nobody sent here, such
 * as the OOM killer), `timeout`, `spawn_failed` (all retryable: another attempt
 * or agent may do better), `invalid_output`, `output_too_large`,
 * `invalid_parameters` (not retryable).
 *
 * @throws ProgramSpecError when the spec cannot work (checked now, not per job).
 */
export function programHandler(spec: ProgramSpec): Handler {
  const [file, ...argTemplates] = spec.argv;
  if (!file || hasPlaceholder(file)) {
    throw new ProgramSpecError('argv[0] must name the executable, without placeholders');
  }
  const args = argTemplates.map((text, i) => compileTemplate(text, `argv[${i + 1}]`));
  const stdin =
    spec.stdin === undefined || spec.stdin === 'params'
      ? spec.stdin
      : compileTemplate(spec.stdin, 'stdin');
  if (!spec.workRoot) throw new ProgramSpecError('workRoot must name a directory');
  const workRoot = path.resolve(spec.workRoot);
  const output = spec.output ?? { from: 'stdout' };
  if (output.from === 'file' && !isInside(output.path)) {
    throw new ProgramSpecError(
      `output.path ${output.path} must be relative and inside the working directory`,
    );
  }
  for (const [name, value] of Object.entries({
    timeoutMs: spec.timeoutMs,
    killGraceMs: spec.killGraceMs,
    maxOutputBytes: spec.maxOutputBytes,
  })) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0))
      throw new ProgramSpecError(`${name} must be a positive integer, got ${value}`);
  }
  const maxOutputBytes = spec.maxOutputBytes ?? 16 * 1024 * 1024;
  const baseEnv = Object.fromEntries(
    BASE_ENV.flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  ) as Record<string, string>;

  return async (params: JsonObject, ctx: JobContext): Promise<Json> => {
    const argv = args.map((render) => render(params));
    if (argv.some((arg) => arg.includes('\0'))) {
      throw new NonRetryableJobError('a program argument cannot contain a NUL character', {
        type: 'invalid_parameters',
      });
    }
    const input = stdin === 'params' ? JSON.stringify(params) : stdin?.(params);
    if (ctx.signal.aborted) throw stoppedError('aborted', 'stopped before it started', '');
    const workDir = path.join(workRoot, workDirName(ctx.jobId, ctx.attempt));
    // Fresh: what an interrupted run of the same attempt left must not leak into this one.
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });

    const stdout = output.from === 'stdout' ? new LastLine(maxOutputBytes) : undefined;
    const stderr = new Tail(STDERR_TAIL_BYTES);
    const stderrLines = new LineSplitter(MAX_STDERR_LINE, (line, cut) => {
      const text = line.toString('utf8');
      if (!cut && text.startsWith(PROGRESS_PREFIX)) {
        const progress = parseJson(text.slice(PROGRESS_PREFIX.length));
        if (progress.ok) return ctx.progress(progress.value);
      }
      stderr.push(Buffer.concat([line, Buffer.from('\n')]));
    });
    const end = await runProgram({
      file,
      args: argv,
      input,
      cwd: workDir,
      env: {
        ...baseEnv,
        ...spec.env,
        CARONI_JOB_ID: ctx.jobId,
        CARONI_IDEMPOTENCY_KEY: ctx.idempotencyKey,
        CARONI_WORK_DIR: workDir,
      },
      timeoutMs: spec.timeoutMs,
      killGraceMs: spec.killGraceMs ?? 5_000,
      signal: ctx.signal,
      onStdout: stdout && ((chunk) => stdout.push(chunk)),
      onStderr: (chunk) => stderrLines.push(chunk),
      onUsage: ctx.reportUsage,
      log: ctx.log,
    });
    stderrLines.end();
    checkEnd(end, file, stderr.text(), spec.nonRetryableExitCodes ?? []);
    const result =
      output.from === 'file'
        ? await readOutputFile(path.join(workDir, output.path), maxOutputBytes)
        : parseStdout(stdout?.line());
    if (!spec.keepWorkDir) await rm(workDir, { recursive: true, force: true });
    return result;
  };
}

/**
 * The working directory name of a run: the job id with every character but
 * letters, digits, `.`, `_` and `-` replaced, and a hash of the id when that
 * changed it, so ids that sanitize alike (`a/b`, `a_b`) never share one.
 */
export function workDirName(jobId: string, attempt: number): string {
  const safe = jobId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
  const hash = createHash('sha256').update(jobId).digest('hex').slice(0, 8);
  return `${safe === jobId ? safe : `${safe}-${hash}`}-${attempt}`;
}

/** @throws the job's failure unless the program exited with code 0. */
function checkEnd(
  end: ProgramEnd,
  file: string,
  stderrTail: string,
  nonRetryableExitCodes: number[],
): void {
  const tail = stderrTail ? `; stderr ends with:\n${stderrTail}` : '';
  switch (end.kind) {
    case 'spawn_failed':
      throw new RetryableJobError(`cannot start ${file}: ${end.error.message}`, {
        type: 'spawn_failed',
        cause: end.error,
      });
    case 'stopped':
      throw stoppedError(end.why, end.detail, stderrTail);
    case 'signalled':
      throw new RetryableJobError(`the program was killed by ${end.signal}${tail}`, {
        type: 'killed',
        details: { signal: end.signal, stderrTail },
      });
    case 'exited': {
      if (end.code === 0) return;
      const failure = {
        type: 'exit_code',
        details: { exitCode: end.code, stderrTail },
      };
      const message = `the program exited with code ${end.code}${tail}`;
      throw nonRetryableExitCodes.includes(end.code)
        ? new NonRetryableJobError(message, failure)
        : new RetryableJobError(message, failure);
    }
  }
}

function stoppedError(
  why: Extract<ProgramEnd, { kind: 'stopped' }>['why'],
  detail: string,
  stderrTail: string,
): Error {
  const details = { stderrTail };
  if (why === 'output_too_large') {
    return new NonRetryableJobError(`the program's result is larger than allowed (${detail})`, {
      type: 'output_too_large',
      details,
    });
  }
  if (why === 'timeout') return new RetryableJobError(detail, { type: 'timeout', details });
  return new RetryableJobError(`the program was stopped: ${detail}`, { type: 'killed', details });
}

function parseStdout(line: string | undefined): Json {
  if (line === undefined) throw invalidOutput('the program printed nothing on stdout');
  const parsed = parseJson(line);
  if (!parsed.ok) {
    throw invalidOutput(
      `the last line the program printed is not JSON (${parsed.error}): ${line.slice(0, 200)}`,
    );
  }
  return parsed.value;
}

async function readOutputFile(file: string, maxBytes: number): Promise<Json> {
  const size = await stat(file).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined) throw invalidOutput(`the program wrote no output file ${file}`);
  if (size > maxBytes) {
    throw new NonRetryableJobError(`output file ${file} is larger than ${maxBytes} bytes`, {
      type: 'output_too_large',
    });
  }
  const parsed = parseJson(await readFile(file, 'utf8'));
  if (!parsed.ok) throw invalidOutput(`output file ${file} is not JSON (${parsed.error})`);
  return parsed.value;
}

function invalidOutput(message: string): NonRetryableJobError {
  return new NonRetryableJobError(message, { type: 'invalid_output' });
}

function parseJson(text: string): { ok: true; value: Json } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function isInside(relative: string): boolean {
  const normal = path.normalize(relative);
  return (
    !path.isAbsolute(relative) && !['', '.', '..'].includes(normal) && !normal.startsWith('../')
  );
}
