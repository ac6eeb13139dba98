import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { ProgramSpecError } from './program-template.ts';
import { ProgramSecrets, type Secrets } from './secrets.ts';

/** Who a program runs as and the kernel limits on its processes (part of a program handler's spec). */
export interface SandboxSpec {
  /**
   * Runs the program as this user (a name or a uid), with its primary group
   * and no supplementary groups; the agent must run as root. Unset: as the
   * agent's own user, which can read everything the agent can.
   */
  user?: string;
  /** The program's group (a name or a gid) instead of the user's primary group; needs `user`. */
  group?: string;
  /**
   * Data memory of each process of the program, bytes (RLIMIT_DATA: heap and
   * private writable mappings). Default 4 GiB; null: no limit.
   */
  maxMemoryBytes?: number | null;
  /**
   * Processes (threads included) the run user may have at once (RLIMIT_NPROC:
   * counted over all of that user's processes, and not enforced for root).
   * Default 1024; null: no limit.
   */
  maxProcesses?: number | null;
  /**
   * Environment variable → name of one of the agent's secrets
   * (`CARONI_AGENT_SECRETS`), resolved when the handler is built.
   */
  secrets?: Record<string, string>;
}

export const DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;
export const DEFAULT_MAX_PROCESSES = 1024;

/** The user and group a program runs as. */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

/** A {@link SandboxSpec} checked and resolved once, when the handler is built. */
export interface Sandbox {
  /** Undefined: the agent's own user. */
  runAs: RunAs | undefined;
  /** Undefined: no memory limit. */
  maxMemoryBytes: number | undefined;
  /** The command that runs `file` with `args` under the limits. */
  command(file: string, args: string[]): { file: string; args: string[] };
  /** Why the limits wrapper could not execute the program (its own message), if that is how the run ended. */
  execFailure(exitCode: number, stderrTail: string): string | undefined;
}

/**
 * Resolves the user and group (through `getent`, so NSS sources count) and
 * finds `prlimit` (util-linux), which sets the limits on itself and then
 * executes the program: Node cannot set a child's resource limits, and
 * `prlimit` takes them as arguments, so no shell is involved.
 *
 * @throws ProgramSpecError for an unknown user or group, a user the agent
 *   cannot switch to, a limit that is not a positive integer, or limits
 *   without `prlimit` installed.
 */
export function buildSandbox(spec: SandboxSpec): Sandbox {
  if (spec.user === undefined && spec.group !== undefined) {
    throw new ProgramSpecError('group needs user: a program runs as a user and its group');
  }
  const runAs = spec.user === undefined ? undefined : resolveRunAs(spec.user, spec.group);
  const memory = limit('maxMemoryBytes', spec.maxMemoryBytes, DEFAULT_MAX_MEMORY_BYTES);
  const processes = limit('maxProcesses', spec.maxProcesses, DEFAULT_MAX_PROCESSES);
  const limits = [
    ...(memory === undefined ? [] : [`--data=${memory}`]),
    ...(processes === undefined ? [] : [`--nproc=${processes}`]),
  ];
  const prlimit = limits.length > 0 ? findPrlimit() : undefined;
  return {
    runAs,
    maxMemoryBytes: memory,
    command: (file, args) =>
      prlimit ? { file: prlimit, args: [...limits, '--', file, ...args] } : { file, args },
    execFailure: (exitCode, stderrTail) =>
      // prlimit's exit codes when execvp fails: 126 (cannot execute), 127 (not found).
      prlimit && (exitCode === 126 || exitCode === 127) && stderrTail.startsWith(EXEC_FAILED)
        ? stderrTail.slice('prlimit: '.length).trim()
        : undefined,
  };
}

const EXEC_FAILED = 'prlimit: failed to execute ';

/**
 * Whether the end of a failed program's stderr reads like an allocation that
 * failed. Linux does not tell a parent that a child hit RLIMIT_DATA (the
 * allocation just fails), so the program's own last words are the evidence:
 * Node, Python, C++, Go, Java, Rust and glibc messages.
 */
export function soundsOutOfMemory(stderrTail: string): boolean {
  return /out of memory|OutOfMemory|MemoryError|bad_alloc|allocation failed|memory allocation of|cannot allocate memory/i.test(
    stderrTail,
  );
}

/**
 * The environment a program's secrets make: each variable holds the value of
 * the agent secret it names.
 *
 * @param reserved variables the spec sets otherwise, which a secret must not shadow.
 * @throws ProgramSpecError for a bad variable name or a secret the agent does not hold.
 */
export function resolveSecrets(
  refs: Record<string, string>,
  secrets: Secrets,
  reserved: string[],
): ProgramSecrets {
  const env: Record<string, string> = {};
  for (const [variable, name] of Object.entries(refs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new ProgramSpecError(`secrets: ${variable} is not an environment variable name`);
    }
    if (reserved.includes(variable)) {
      throw new ProgramSpecError(`secrets.${variable}: the variable is already set by the spec`);
    }
    const value = secrets.get(name);
    if (value === undefined) {
      throw new ProgramSpecError(
        `secrets.${variable} names secret ${name}, which ${secrets.describe()} does not hold`,
      );
    }
    env[variable] = value;
  }
  return new ProgramSecrets(env, refs);
}

function limit(name: string, value: number | null | undefined, fallback: number) {
  if (value === null) return undefined;
  if (value === undefined) return fallback;
  if (!(Number.isSafeInteger(value) && value > 0)) {
    throw new ProgramSpecError(`${name} must be a positive integer or null, got ${value}`);
  }
  return value;
}

function resolveRunAs(user: string, group: string | undefined): RunAs {
  const passwd = getent('passwd', user, 'user');
  const uid = Number(passwd[2]);
  const gid = group === undefined ? Number(passwd[3]) : Number(getent('group', group, 'group')[2]);
  const self = process.geteuid?.();
  if (self !== 0 && !(uid === self && gid === process.getegid?.())) {
    throw new ProgramSpecError(
      `user ${user}: running programs as another user needs the agent to run as root (it runs as uid ${self})`,
    );
  }
  return { user: passwd[0] ?? user, uid, gid };
}

/** The fields of a `getent` entry. @throws ProgramSpecError when there is none. */
function getent(database: 'passwd' | 'group', key: string, what: string): string[] {
  // Names and ids only: a key starting with "-" would be an option of getent.
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/.test(key)) {
    throw new ProgramSpecError(`${what} ${JSON.stringify(key)} is not a ${what} name or id`);
  }
  let text: string;
  try {
    text = execFileSync('getent', [database, key], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // getent exits 2 for "no such key".
    const unknown = (error as { status?: number }).status === 2;
    throw new ProgramSpecError(
      unknown
        ? `${what} ${key} does not exist on this machine`
        : `cannot look up ${what} ${key} with getent: ${(error as Error).message}`,
    );
  }
  const fields = text.split('\n')[0]?.split(':') ?? [];
  if (!/^\d+$/.test(fields[2] ?? '')) {
    throw new ProgramSpecError(`getent ${database} ${key} gave no numeric id`);
  }
  return fields;
}

/** prlimit's absolute path, so a job's `PATH` never decides what enforces its limits. */
function findPrlimit(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/bin'];
  for (const dir of dirs.filter((d) => path.isAbsolute(d))) {
    const candidate = path.join(dir, 'prlimit');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }
  throw new ProgramSpecError(
    'maxMemoryBytes and maxProcesses need prlimit (util-linux, on every Debian): install it, or set both to null to run without limits',
  );
}
