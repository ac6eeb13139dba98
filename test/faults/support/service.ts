import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The `caroni` commands the suite runs as processes, and the log line each prints once it serves. */
const readyLines = {
  manager: 'manager worker started',
  bridge: 'bridge started',
  agent: 'agent started',
  api: 'API listening',
} as const;

export type ServiceCommand = keyof typeof readyLines;

export interface ServiceOptions {
  /** For log files and messages, e.g. `agent-a`. */
  name: string;
  command: ServiceCommand;
  /** The process's whole environment (without `CARONI_FAILPOINTS`, which the plan sets). */
  env: Record<string, string>;
  logDir: string;
}

/**
 * One Caroni process of the suite (`node cli/caroni.js <command>`), run as a
 * process supervisor would: when it dies on its own (a failpoint killed it,
 * or it crashed) it is started again at once, with the next
 * `CARONI_FAILPOINTS` of its plan, and without failpoints once the plan is
 * spent. A kill by the test is followed by a restart only when asked. Each
 * incarnation logs to `<logDir>/<name>-<n>.log`.
 */
export class Service {
  /** Kills by a failpoint (its `failpoint <name>: kill` line seen), over every incarnation. */
  failpointKills = 0;
  /** Exits nobody asked for that were not failpoints, as `<name>: <signal or exit code>`. */
  readonly crashes: string[] = [];
  private plan: string[] = [];
  private failpoints = '';
  private child: ChildProcess | undefined;
  private closed: Promise<void> = Promise.resolve();
  private incarnation = 0;
  private serving = false;
  private waiters: (() => void)[] = [];
  /** Set while the test stops or kills it: that exit is not answered by a restart. */
  private leaving = false;

  constructor(private readonly options: ServiceOptions) {}

  get name(): string {
    return this.options.name;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** True while this incarnation, or one still planned, has failpoints. */
  get armed(): boolean {
    return this.plan.length > 0 || (this.running && this.failpoints !== '');
  }

  /**
   * Starts it, after stopping a running incarnation; `plan` gives the
   * failpoints of this incarnation and of the next ones. Resolves once an
   * incarnation serves (one the plan kills before that is simply replaced).
   */
  async start(plan: string[] = []): Promise<void> {
    await this.stop();
    this.plan = [...plan];
    this.spawnNext();
    await this.whenReady();
  }

  /**
   * Resolves once an incarnation serves.
   *
   * @throws when none does within `timeoutMs` (default 3 minutes: a manager bundles its workflows first).
   */
  whenReady(timeoutMs = 180_000): Promise<void> {
    if (this.serving) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not serve within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** SIGKILL from outside; `restart` starts it again at once, as a supervisor would. */
  async kill({ restart }: { restart: boolean }): Promise<void> {
    const child = this.child;
    if (!child) throw new Error(`${this.name} is not running`);
    this.leaving = true;
    child.kill('SIGKILL');
    await this.closed;
    this.leaving = false;
    if (restart) this.spawnNext();
  }

  /** SIGTERM (a graceful stop), then SIGKILL if it has not exited after 30 s; no restart. */
  async stop(): Promise<void> {
    this.plan = [];
    const child = this.child;
    if (!child) return;
    this.leaving = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await this.closed;
    clearTimeout(timer);
    this.leaving = false;
  }

  private spawnNext(): void {
    this.failpoints = this.plan.shift() ?? '';
    this.incarnation += 1;
    const log = createWriteStream(
      path.join(this.options.logDir, `${this.name}-${this.incarnation}.log`),
    );
    const env = { ...this.options.env };
    if (this.failpoints) env.CARONI_FAILPOINTS = this.failpoints;
    const child = spawn(process.execPath, ['cli/caroni.js', this.options.command], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let killedByFailpoint = false;
    const readyLine = readyLines[this.options.command];
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith('failpoint ')) killedByFailpoint = true;
          if (line.includes(readyLine) && !this.serving) {
            this.serving = true;
            for (const wake of this.waiters.splice(0)) wake();
          }
        }
      });
    }
    // 'close', not 'exit': only then has every line of its output been read.
    this.closed = new Promise<void>((resolve) => {
      child.once('close', (code, signal) => {
        this.child = undefined;
        this.serving = false;
        log.end();
        if (killedByFailpoint) this.failpointKills += 1;
        else if (!this.leaving) this.crashes.push(`${this.name}: ${signal ?? `exit ${code}`}`);
        if (!this.leaving) this.spawnNext();
        resolve();
      });
    });
  }
}
