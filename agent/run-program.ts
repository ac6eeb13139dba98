import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../common/log.ts';
import { terminateGroup } from './process-group.ts';
import { watchProcess, type ProcessUsage } from './proc-usage.ts';

export interface ProgramStart {
  /** The executable: a path, or a name looked up in `env.PATH`. */
  file: string;
  args: string[];
  /** Written to stdin, then closed; undefined: stdin is closed at once (the program reads end of file). */
  input: string | undefined;
  cwd: string;
  env: Record<string, string>;
  /** Runs the program as this user and group (supplementary groups dropped); unset: as the agent. */
  runAs?: { uid: number; gid: number };
  /** Most bytes of stdout and stderr together; past it the program is stopped (`output_too_large`). Unset: no limit. */
  maxStreamBytes?: number;
  /** Undefined: no limit of its own (the job's run timeout still aborts `signal`). */
  timeoutMs: number | undefined;
  /** Between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Aborting it stops the program. */
  signal: AbortSignal;
  /** Each stdout chunk; returning false stops the program (its output is too large). Unset: stdout is discarded. */
  onStdout?: (chunk: Buffer) => boolean;
  onStderr: (chunk: Buffer) => void;
  /**
   * The program's CPU time and peak memory so far, read from `/proc` (Linux
   * only) right after the start and every `usagePollMs` while it runs.
   */
  onUsage?: (usage: ProcessUsage) => void;
  /** Default 100 ms. */
  usagePollMs?: number;
  log: Logger;
}

/** How a program run ended. */
export type ProgramEnd =
  | { kind: 'exited'; code: number }
  | { kind: 'signalled'; signal: NodeJS.Signals }
  /** The agent stopped it: `aborted` (ctx.signal, with its reason), `timeout`, `output_too_large`. */
  | { kind: 'stopped'; why: 'aborted' | 'timeout' | 'output_too_large'; detail: string }
  | { kind: 'spawn_failed'; error: Error };

/** After the program's processes are gone, how long its pipes may take to close (only an escaped process holds them longer). */
const CLOSE_WAIT_MS = 1_000;

/**
 * Runs a program without a shell, as the leader of a process group of its own
 * (`detached`), so that stopping it (abort, timeout, output too large) reaches
 * everything it started: SIGTERM to the whole group, SIGKILL after the grace
 * period. When the leader exits by itself, what it left running in its group
 * is ended the same way: a job's processes do not outlive it. Resolves once
 * the group is gone and the output has been read; never rejects.
 */
export async function runProgram(options: ProgramStart): Promise<ProgramEnd> {
  const { signal, log } = options;
  const child = spawn(options.file, options.args, {
    cwd: options.cwd,
    env: options.env,
    uid: options.runAs?.uid,
    gid: options.runAs?.gid,
    detached: true,
    shell: false,
    stdio: 'pipe',
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const exited = new Promise<
    { code: number | null; signal: NodeJS.Signals | null } | { error: Error }
  >((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // Cannot start (no such file, not executable): no 'exit' follows.
    child.once('error', (error) => resolve({ error }));
  });

  let stopped: Extract<ProgramEnd, { kind: 'stopped' }> | undefined;
  let terminating: Promise<boolean> | undefined;
  const pid = child.pid;
  const stopWatching =
    pid !== undefined && options.onUsage
      ? watchProcess(pid, options.usagePollMs ?? 100, options.onUsage)
      : () => {};
  const terminate = () =>
    (terminating ??=
      pid === undefined
        ? Promise.resolve(true)
        : terminateGroup(pid, { graceMs: options.killGraceMs }));
  const stop = (why: NonNullable<typeof stopped>['why'], detail: string) => {
    stopped ??= { kind: 'stopped', why, detail };
    void terminate();
  };
  const onAbort = () => stop('aborted', abortReason(signal));
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => stop('timeout', `the program ran longer than ${options.timeoutMs} ms`),
          options.timeoutMs,
        );

  const { onStdout, onStderr, maxStreamBytes } = options;
  let streamed = 0;
  /** @returns false once the program has written more than it may. */
  const count = (chunk: Buffer) => {
    streamed += chunk.length;
    if (maxStreamBytes === undefined || streamed <= maxStreamBytes) return true;
    stop('output_too_large', `it wrote more than ${maxStreamBytes} bytes to stdout and stderr`);
    return false;
  };
  child.stdout.on('data', (chunk: Buffer) => {
    if (!count(chunk)) return;
    if (onStdout && !onStdout(chunk)) stop('output_too_large', 'its result line is too long');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (count(chunk)) onStderr(chunk);
  });
  // EPIPE when the program exits without reading all of its input: not an error of the job.
  child.stdin.on('error', () => {});
  child.stdin.end(options.input);

  const exit = await exited;
  // Reaped: its pid may name another process from now on.
  stopWatching();
  // The program's own end decides from here on; what it left behind is cleaned up below.
  clearTimeout(timer);
  signal.removeEventListener('abort', onAbort);
  if ('error' in exit) return { kind: 'spawn_failed', error: exit.error };
  if (!(await terminate())) {
    log.warn({ pgid: pid }, 'processes of a job survived SIGKILL; giving up on them');
  }
  const open = sleep(CLOSE_WAIT_MS, 'open' as const, { ref: false });
  if ((await Promise.race([closed, open])) === 'open') {
    // A process that left the group (setsid) still holds the pipes: stop reading them.
    child.stdout.destroy();
    child.stderr.destroy();
  }
  if (stopped) return stopped;
  if (exit.signal) return { kind: 'signalled', signal: exit.signal };
  return { kind: 'exited', code: exit.code ?? 0 };
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason ?? 'aborted');
}
