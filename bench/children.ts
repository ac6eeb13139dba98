import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  isReplyMessage,
  isStartMessage,
  type CallName,
  type ChildCalls,
  type ReplyMessage,
} from './ipc.ts';

/** The child scripts under `bench/child/`. */
export type ChildRole = 'worker' | 'bridge' | 'agent';

export class ChildError extends Error {
  override readonly name = 'ChildError';
  constructor(
    readonly child: string,
    message: string,
  ) {
    super(`${child}: ${message}`);
  }
}

/** A bench child process (see `bench/child/serve.ts`) and the calls it answers. */
export class Child {
  private nextId = 1;
  /** Its service answered as started; before that, stopping it means killing it. */
  private up = false;
  private readonly pending = new Map<number, (reply: ReplyMessage) => void>();
  readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    proc.on('message', (message: unknown) => {
      if (!isReplyMessage(message)) return;
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
    proc.once('exit', (code, signal) => {
      for (const settle of this.pending.values())
        settle({ id: 0, ok: false, error: `exited (${signal ?? code}); see ${logFile}` });
      this.pending.clear();
    });
  }

  get pid(): number {
    if (this.proc.pid === undefined) throw new ChildError(this.name, 'has no pid');
    return this.proc.pid;
  }

  /**
   * Spawns `bench/child/<role>.ts` under tsx with `env` on top of this
   * process's environment; its output goes to `logFile`. Returns at once, so
   * the caller can register the child for cleanup before it is up: await
   * {@link started} next.
   */
  static spawn(name: string, role: ChildRole, env: Record<string, string>, logFile: string): Child {
    const script = fileURLToPath(new URL(`./child/${role}.ts`, import.meta.url));
    const out = openSync(logFile, 'a');
    // --expose-gc: the in-flight section collects garbage before it reads memory.
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', out, out, 'ipc'],
    });
    closeSync(out);
    return new Child(name, proc, logFile);
  }

  /**
   * Resolves once the child's service is up.
   *
   * @throws ChildError when it fails to start or exits first (it is killed).
   */
  async started(): Promise<void> {
    const outcome = await new Promise<{ ok: boolean; error?: string }>((resolve) => {
      this.proc.on('message', (message: unknown) => {
        if (!isStartMessage(message)) return;
        resolve(message.started ? { ok: true } : { ok: false, error: message.error });
      });
      this.proc.once('exit', (code, signal) =>
        resolve({ ok: false, error: `exited (${signal ?? code}) before it started` }),
      );
    });
    if (!outcome.ok) {
      this.kill();
      throw new ChildError(this.name, `${outcome.error ?? 'did not start'} (log: ${this.logFile})`);
    }
    this.up = true;
  }

  /** @throws ChildError with the child's own message when the call fails or the child exits. */
  call<K extends CallName>(call: K, arg: ChildCalls[K]['arg']): Promise<ChildCalls[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null || !this.proc.connected) {
        reject(new ChildError(this.name, `is not running; see ${this.logFile}`));
        return;
      }
      this.pending.set(id, (reply) => {
        if (reply.ok) resolve(reply.result as ChildCalls[K]['result']);
        else reject(new ChildError(this.name, reply.error));
      });
      this.proc.send({ id, call, arg });
    });
  }

  /** Stops the service gracefully and waits for the exit; kills it after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    if (!this.up) {
      this.kill();
      await this.exited;
      return;
    }
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await this.call('stop', null).catch(() => this.kill());
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL, for cleanup after a failure. */
  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}
