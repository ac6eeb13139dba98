import { createHash } from 'node:crypto';
import { chown, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Json, JsonObject } from '../common/json.ts';
import {
  NonRetryableJobError,
  RetryableJobError,
  type Handler,
  type JobContext,
} from './handler.ts';
import {
  LastLine,
  LineSplitter,
  parseJson,
  parseResult,
  readOutputFile,
  Tail,
} from './program-output.ts';
import {
  buildSandbox,
  resolveSecrets,
  soundsOutOfMemory,
  type Sandbox,
  type SandboxSpec,
} from './program-sandbox.ts';
import { compileTemplate, hasPlaceholder, ProgramSpecError } from './program-template.ts';
import { runProgram, type ProgramEnd } from './run-program.ts';
import { Secrets } from './secrets.ts';

/**
 * How a program handler runs a program for a job, and the sandbox it runs in
 * ({@link SandboxSpec}: user, memory and process limits, secrets).
 */
export interface ProgramSpec extends SandboxSpec {
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
   * With `user`, `HOME` is the working directory. Never put a secret here:
   * name it in `secrets`.
   */
  env?: Record<string, string>;
  /**
   * Each run gets `<workRoot>/<job id, sanitized>-<attempt>` as its working
   * directory, created fresh (mode 700, owned by the run user) and removed
   * when the run ends, whatever the outcome. The work root and the
   * directories above it must be searchable by the run user.
   */
  workRoot: string;
  /** Keep the working directory after the run (to debug a handler); it holds whatever the program wrote. */
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
  /**
   * Most bytes the program may write to stdout and stderr together. Default
   * 64 MiB; past it the program is stopped: failure `output_too_large`.
   */
  maxStreamBytes?: number;
}

/** What a program handler takes from the agent besides its spec. */
export interface ProgramHandlerOptions {
  /** The agent's secrets (`loadSecrets(config.agent.secretsFile)`), which `spec.secrets` names. */
  secrets?: Secrets;
}

/** A stderr line `CARONI_PROGRESS <json>` reports progress instead of going to the stderr tail. */
const PROGRESS_PREFIX = 'CARONI_PROGRESS ';
const STDERR_TAIL_BYTES = 4 * 1024;
/** Longest stderr line read whole (a progress line must fit). */
const MAX_STDERR_LINE = 64 * 1024;
const BASE_ENV = ['PATH', 'HOME', 'LANG'] as const;
const JOB_ENV = ['CARONI_JOB_ID', 'CARONI_IDEMPOTENCY_KEY', 'CARONI_WORK_DIR'];

/**
 * A handler that runs a program per job (see {@link ProgramSpec}) and returns
 * its JSON result. Failures: `exit_code` (retryable unless listed in
 * `nonRetryableExitCodes`; details hold the exit code and the last 4 KiB of
 * stderr), `killed` (stopped by ctx.signal, or a signal nobody sent here, such
 * as the OOM killer), `timeout`, `spawn_failed` (all retryable: another attempt
 * or agent may do better), `memory_limit` (it failed saying it ran out of
 * memory under `maxMemoryBytes`), `invalid_output`, `output_too_large`,
 * `secret_in_output`, `invalid_parameters` (not retryable: the same limits
 * and input give the same end). Secret values are replaced by
 * `[secret <name>]` in stderr (failure messages) and progress.
 *
 * @throws ProgramSpecError when the spec cannot work (checked now, not per
 *   job): also an unknown user, a secret the agent does not hold, limits
 *   without `prlimit`.
 */
export function programHandler(spec: ProgramSpec, options: ProgramHandlerOptions = {}): Handler {
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
    maxStreamBytes: spec.maxStreamBytes,
  })) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0))
      throw new ProgramSpecError(`${name} must be a positive integer, got ${value}`);
  }
  const maxOutputBytes = spec.maxOutputBytes ?? 16 * 1024 * 1024;
  const maxStreamBytes = spec.maxStreamBytes ?? 64 * 1024 * 1024;
  const sandbox = buildSandbox(spec);
  const secrets = resolveSecrets(spec.secrets ?? {}, options.secrets ?? Secrets.none, [
    ...Object.keys(spec.env ?? {}),
    ...JOB_ENV,
  ]);
  const baseEnv = Object.fromEntries(
    BASE_ENV.flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  ) as Record<string, string>;

  const runIn = async (
    workDir: string,
    argv: string[],
    input: string | undefined,
    ctx: JobContext,
  ): Promise<Json> => {
    const stdout = output.from === 'stdout' ? new LastLine(maxOutputBytes) : undefined;
    const stderr = new Tail(STDERR_TAIL_BYTES);
    // The job's log takes both streams line by line, so a secret is redacted whole.
    const toLog = (text: string, cut: boolean) => ctx.appendLog?.(cut ? text : `${text}\n`);
    const stdoutLines = new LineSplitter(MAX_STDERR_LINE, (line, cut) =>
      toLog(secrets.redact(line.toString('utf8')), cut),
    );
    const stderrLines = new LineSplitter(MAX_STDERR_LINE, (line, cut) => {
      const text = secrets.redact(line.toString('utf8'));
      if (!cut && text.startsWith(PROGRESS_PREFIX)) {
        const progress = parseJson(text.slice(PROGRESS_PREFIX.length));
        if (progress.ok) return ctx.progress(progress.value);
      }
      stderr.push(Buffer.from(`${text}\n`));
      toLog(text, cut);
    });
    const command = sandbox.command(file, argv);
    const end = await runProgram({
      ...command,
      input,
      cwd: workDir,
      env: {
        ...baseEnv,
        ...(sandbox.runAs && { HOME: workDir }),
        ...spec.env,
        ...secrets.env,
        CARONI_JOB_ID: ctx.jobId,
        CARONI_IDEMPOTENCY_KEY: ctx.idempotencyKey,
        CARONI_WORK_DIR: workDir,
      },
      runAs: sandbox.runAs,
      maxStreamBytes,
      timeoutMs: spec.timeoutMs,
      killGraceMs: spec.killGraceMs ?? 5_000,
      signal: ctx.signal,
      onStdout: (chunk) => {
        stdoutLines.push(chunk);
        return stdout?.push(chunk) ?? true;
      },
      onStderr: (chunk) => stderrLines.push(chunk),
      onUsage: ctx.reportUsage,
      log: ctx.log,
    });
    stdoutLines.end();
    stderrLines.end();
    checkEnd(end, {
      file,
      stderrTail: stderr.text(),
      nonRetryableExitCodes: spec.nonRetryableExitCodes ?? [],
      sandbox,
    });
    const text =
      output.from === 'file'
        ? await readOutputFile(path.join(workDir, output.path), maxOutputBytes)
        : stdout?.line();
    return parseResult(
      text,
      output.from === 'file' ? `output file ${output.path}` : 'stdout',
      secrets,
    );
  };

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
    // Searchable, not listable: a run user reaches its own directory only.
    await mkdir(workRoot, { recursive: true, mode: 0o711 });
    // Fresh: what an interrupted run of the same attempt left must not leak into this one.
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { mode: 0o700 });
    try {
      if (sandbox.runAs) await chown(workDir, sandbox.runAs.uid, sandbox.runAs.gid);
      return await runIn(workDir, argv, input, ctx);
    } finally {
      if (!spec.keepWorkDir) {
        // Retries: a process that escaped its group may still be writing there.
        await rm(workDir, { recursive: true, force: true, maxRetries: 3 }).catch((error: unknown) =>
          ctx.log.warn({ err: error, workDir }, "cannot remove a job's working directory"),
        );
      }
    }
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

interface EndContext {
  file: string;
  /** Already redacted. */
  stderrTail: string;
  nonRetryableExitCodes: number[];
  sandbox: Sandbox;
}

/** @throws the job's failure unless the program exited with code 0. */
function checkEnd(end: ProgramEnd, context: EndContext): void {
  const { file, stderrTail, nonRetryableExitCodes, sandbox } = context;
  const tail = stderrTail ? `; stderr ends with:\n${stderrTail}` : '';
  const limit = sandbox.maxMemoryBytes;
  const failed = end.kind === 'signalled' || (end.kind === 'exited' && end.code !== 0);
  if (failed && limit !== undefined && soundsOutOfMemory(stderrTail)) {
    const how =
      end.kind === 'signalled' ? `was killed by ${end.signal}` : `exited with code ${end.code}`;
    throw new NonRetryableJobError(
      `the program ${how} and reports running out of memory; each of its processes may use ${formatBytes(limit)} (maxMemoryBytes)${tail}`,
      { type: 'memory_limit', details: { maxMemoryBytes: limit, stderrTail } },
    );
  }
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
      const execFailure = sandbox.execFailure(end.code, stderrTail);
      if (execFailure) {
        throw new RetryableJobError(`cannot start ${file}: ${execFailure}`, {
          type: 'spawn_failed',
        });
      }
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
    return new NonRetryableJobError(`the program's output is larger than allowed: ${detail}`, {
      type: 'output_too_large',
      details,
    });
  }
  if (why === 'timeout') return new RetryableJobError(detail, { type: 'timeout', details });
  return new RetryableJobError(`the program was stopped: ${detail}`, { type: 'killed', details });
}

function formatBytes(bytes: number): string {
  const mib = bytes / 1024 ** 2;
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}

function isInside(relative: string): boolean {
  const normal = path.normalize(relative);
  return (
    !path.isAbsolute(relative) && !['', '.', '..'].includes(normal) && !normal.startsWith('../')
  );
}
