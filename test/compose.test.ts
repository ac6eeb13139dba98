// docker-compose.yaml cannot be tried here (no Docker engine), so this reads
// it as Compose would (anchors and merge keys resolved) and checks it against
// the code: variables common/config.ts reads, the `caroni` command tree,
// which processes need which database, and the file's own references.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configVariables, loadConfig, type Config } from '../common/config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const composeText = readFileSync(path.join(root, 'docker-compose.yaml'), 'utf8');
/** WORKDIR of the Dockerfile: the repository is copied there. */
const IMAGE_ROOT = '/app';

/** The `caroni` command tree as commander holds it. */
interface CommandInfo {
  name: string;
  options: { long?: string; env?: string; takesValue: boolean }[];
  args: { required: boolean; variadic: boolean; choices: string[] | null }[];
  commands: CommandInfo[];
  /** Runs something itself (`caroni agent`), besides any subcommands (`caroni agent status`). */
  hasAction: boolean;
}

/**
 * Loads cli/main.ts in a child process with commander's `parseAsync` replaced
 * by a dump of the program: nothing starts, and the list is the real one.
 */
async function loadCommandTree(): Promise<CommandInfo> {
  const script = `
    import { Command } from 'commander';
    const describe = (c) => ({
      name: c.name(),
      options: c.options.map((o) => ({ long: o.long, env: o.envVar, takesValue: o.required || o.optional })),
      args: c.registeredArguments.map((a) => ({ required: a.required, variadic: a.variadic, choices: a.argChoices ?? null })),
      commands: c.commands.map(describe),
      hasAction: typeof c._actionHandler === 'function',
    });
    Command.prototype.parseAsync = async function () {
      process.stdout.write(JSON.stringify(describe(this)));
      return this;
    };
    await import(${JSON.stringify(pathToFileURL(path.join(root, 'cli/main.ts')).href)});
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: root },
  );
  return JSON.parse(stdout) as CommandInfo;
}

/** A `caroni ...` command line found in a service, with the environment it runs in. */
interface Invocation {
  argv: string[];
  env: Record<string, string>;
}

/** One simple shell command: leading `NAME=value` words, the words, and the `$(...)` inside it. */
interface ShellCommand {
  assignments: Record<string, string>;
  words: string[];
  nested: ShellCommand[];
}

/**
 * Splits a (simple, fixed) shell script into simple commands: quotes, `$(...)`,
 * `;`, `&&`, `||`, `|`, newlines, comments and line continuations. Enough for
 * the compose file's scripts, not a shell.
 */
function parseShell(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let nested: ShellCommand[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    const assignments: Record<string, string> = {};
    while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
      const [name, ...value] = (words.shift() as string).split('=');
      assignments[name as string] = value.join('=');
    }
    if (words.length > 0 || Object.keys(assignments).length > 0 || nested.length > 0) {
      commands.push({ assignments, words, nested });
    }
    words = [];
    nested = [];
  };
  /** Reads `$(...)` starting at `i` (the `$`); returns the index after `)`. */
  const substitution = (i: number): number => {
    let depth = 0;
    for (let j = i + 1; j < script.length; j++) {
      if (script[j] === '(') depth++;
      if (script[j] === ')' && --depth === 0) {
        nested.push(...parseShell(script.slice(i + 2, j)));
        word = (word ?? '') + script.slice(i, j + 1);
        return j + 1;
      }
    }
    throw new Error(`unclosed $( in: ${script}`);
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i] as string;
    if (c === '\\' && script[i + 1] === '\n') {
      i += 2;
    } else if (c === "'") {
      const end = script.indexOf("'", i + 1);
      word = (word ?? '') + script.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      word ??= '';
      i++;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '$' && script[i + 1] === '(') i = substitution(i);
        else word += script[i++];
      }
      i++;
    } else if (c === '$' && script[i + 1] === '(') {
      i = substitution(i);
    } else if (c === '#' && word === undefined) {
      while (i < script.length && script[i] !== '\n') i++;
    } else if ('\n;&|'.includes(c)) {
      endCommand();
      i++;
    } else if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  endCommand();
  return commands;
}

const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', '!', '{', '}']);

/** The `caroni` invocations of a script, each with the variables set by then. */
function scriptInvocations(script: string, baseEnv: Record<string, string>) {
  const invocations: Invocation[] = [];
  const assigned: string[] = [];
  const env = { ...baseEnv };
  const visit = (command: ShellCommand) => {
    for (const inner of command.nested) visit(inner);
    // Redirections (`> file`, `2>file`) are no arguments.
    const words = command.words.filter(
      (word, k, all) => !/^\d*[<>]/.test(word) && !/^\d*[<>]+$/.test(all[k - 1] ?? ''),
    );
    while (words[0] && SHELL_KEYWORDS.has(words[0])) words.shift();
    if (words[0] === 'exec') words.shift();
    // Uppercase names are environment variables; lowercase ones are the script's own.
    const exported = Object.entries(command.assignments).filter(([n]) =>
      /^[A-Z][A-Z0-9_]*$/.test(n),
    );
    assigned.push(...exported.map(([name]) => name));
    if (words[0] === 'caroni') {
      invocations.push({
        argv: words.slice(1),
        env: { ...env, ...Object.fromEntries(exported) },
      });
    } else if (words.length === 0) {
      Object.assign(env, Object.fromEntries(exported));
    }
  };
  for (const command of parseShell(script)) visit(command);
  return { invocations, assigned };
}

/** What `argv` names in the command tree (`problem`: why it names nothing). */
interface Resolved {
  problem?: string;
  path: string[];
  positionals: string[];
  problems: string[];
  chain: CommandInfo[];
}

function resolveCommand(tree: CommandInfo, argv: string[]): Resolved {
  const chain: CommandInfo[] = [tree];
  let node = tree;
  let i = 0;
  while (node.commands.length > 0) {
    const word = argv[i];
    const child = node.commands.find((c) => c.name === word);
    if (!child && node !== tree && node.hasAction) break;
    if (!child) {
      const known = node.commands.map((c) => c.name).join(', ');
      const problem = `\`${['caroni', ...argv.slice(0, i + 1)].join(' ')}\` is not a command (${node === tree ? 'commands' : `subcommands of ${node.name}`}: ${known})`;
      return { problem, path: [], positionals: [], problems: [], chain: [] };
    }
    node = child;
    chain.push(child);
    i++;
  }
  const positionals: string[] = [];
  const problems: string[] = [];
  for (let j = i; j < argv.length; j++) {
    const token = argv[j] as string;
    if (!token.startsWith('--')) {
      positionals.push(token);
      continue;
    }
    const flag = token.split('=')[0];
    const option = node.options.find((o) => o.long === flag);
    if (!option && flag !== '--help') {
      problems.push(
        `\`caroni ${argv.slice(0, i).join(' ')}\` has no option ${flag} (options: ${node.options.map((o) => o.long).join(', ')})`,
      );
    }
    if (option?.takesValue && !token.includes('=')) j++;
  }
  const required = node.args.filter((a) => a.required).length;
  const variadic = node.args.some((a) => a.variadic);
  if (positionals.length < required || (!variadic && positionals.length > node.args.length)) {
    problems.push(
      `\`caroni ${argv.join(' ')}\` takes ${required === node.args.length ? required : `${required} to ${node.args.length}`} arguments, got ${positionals.length}`,
    );
  }
  node.args.forEach((arg, k) => {
    const value = positionals[k];
    if (arg.choices && value !== undefined && !arg.choices.includes(value)) {
      problems.push(
        `\`caroni ${argv.join(' ')}\`: ${value} is not one of ${arg.choices.join(', ')}`,
      );
    }
  });
  return { path: chain.slice(1).map((c) => c.name), positionals, problems, chain };
}

type Service = Record<string, unknown>;

function envOf(service: Service): Record<string, string> {
  const raw = service.environment;
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((entry: string) => {
        const [name, ...value] = entry.split('=');
        return [name, value.join('=')];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}

function isCaroniImage(service: Service): boolean {
  const build = service.build;
  const context = typeof build === 'string' ? build : (build as { context?: string })?.context;
  return context === '.' || context === './';
}

function volumeMounts(service: Service): { source?: string; target: string }[] {
  return ((service.volumes ?? []) as unknown[]).map((entry) => {
    if (typeof entry === 'string') {
      const [source, target] = entry.split(':');
      return target === undefined ? { target: source as string } : { source, target };
    }
    const long = entry as { source?: string; target: string };
    return { source: long.source, target: long.target };
  });
}

function dependencies(service: Service): string[] {
  const raw = service.depends_on;
  if (!raw) return [];
  return Array.isArray(raw) ? (raw as string[]) : Object.keys(raw as object);
}

function publishedPorts(service: Service): { host: string; target: string }[] {
  return ((service.ports ?? []) as unknown[]).flatMap((entry) => {
    if (typeof entry === 'object' && entry !== null) {
      const long = entry as { published?: unknown; target: unknown };
      return long.published === undefined
        ? []
        : [{ host: String(long.published), target: String(long.target) }];
    }
    // [ip:]host:container[/protocol]
    const parts = String(entry)
      .replace(/\/\w+$/, '')
      .split(':');
    if (parts.length < 2) return [];
    return [{ host: parts[parts.length - 2] as string, target: parts[parts.length - 1] as string }];
  });
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

/** `caroni trust agent|manager <id> <file>` (a subcommand, or the first argument): the kind and id trusted. */
function trustTarget(path: string[], positionals: string[]) {
  if (path[0] !== 'trust') return undefined;
  if (path.length === 1) return { kind: positionals[0], id: positionals[1] };
  if (path.length === 2 && (path[1] === 'agent' || path[1] === 'manager')) {
    return { kind: path[1], id: positionals[0] };
  }
  return undefined;
}

/**
 * Whose database a command opens (the commands whose code calls
 * requireDatabaseUrl: cli/main.ts, cli/admin-commands.ts,
 * cli/trust-commands.ts, startBridge/startAgent/startApi), or undefined for
 * none (commands that go through an API).
 */
function databaseRole(path: string[], positionals: string[]): string | undefined {
  const command = path.join(' ');
  if (command === 'bridge' || command === 'api' || command === 'tokens create') return 'manager';
  if (command === 'agent') return 'agent';
  if (command === 'migrate') return positionals[0];
  const trust = trustTarget(path, positionals);
  if (trust) return trust.kind === 'agent' ? 'manager' : 'agent';
  return undefined;
}

/** Every problem with `text` as a compose file for Caroni; empty when it is consistent. */
function checkCompose(text: string, tree: CommandInfo): string[] {
  const problems: string[] = [];
  const doc = parse(text, { merge: true }) as {
    services: Record<string, Service>;
    volumes?: Record<string, unknown>;
  };
  const services = doc.services ?? {};
  const names = new Set(Object.keys(services));

  for (const [name, service] of Object.entries(services)) {
    for (const value of allStrings(service)) {
      for (const line of value.split('\n')) {
        if (line.replace(/\$\$/g, '').includes('$')) {
          problems.push(
            `${name}: a single $ in "${line.trim()}": Compose would substitute it from the host's environment (write $$ for the shell)`,
          );
        }
      }
    }
  }

  interface Process {
    service: string;
    path: string[];
    config: Config;
    positionals: string[];
  }
  const processes: Process[] = [];
  const databaseUsers = new Map<string, { service: string; role: string; id: string }[]>();

  for (const [name, service] of Object.entries(services)) {
    if (!isCaroniImage(service)) continue;
    const serviceEnv = envOf(service);
    const entrypoint = service.entrypoint as string[] | string | undefined;
    const command = service.command;
    let invocations: Invocation[];
    let assigned: string[] = [];
    if (entrypoint === undefined) {
      if (!Array.isArray(command)) {
        problems.push(`${name}: command must be a list of \`caroni\` arguments, e.g. [bridge]`);
        continue;
      }
      invocations = [{ argv: command.map(String), env: serviceEnv }];
    } else if (
      Array.isArray(entrypoint) &&
      entrypoint[0] === '/bin/sh' &&
      /^-e?u?c$|^-euc$/.test(String(entrypoint[1])) &&
      Array.isArray(command) &&
      command.length === 1
    ) {
      ({ invocations, assigned } = scriptInvocations(
        String(command[0]).replace(/\$\$/g, '$'),
        serviceEnv,
      ));
    } else {
      problems.push(
        `${name}: entrypoint must be the image's (\`caroni\`) or ['/bin/sh', '-euc'] with the script as the only command`,
      );
      continue;
    }
    if (invocations.length === 0) problems.push(`${name}: runs no \`caroni\` command`);

    const resolved = invocations.map((invocation) => ({
      invocation,
      ...resolveCommand(tree, invocation.argv),
    }));
    const allowed = new Set(configVariables);
    for (const r of resolved) {
      for (const c of r.chain) for (const o of c.options) if (o.env) allowed.add(o.env);
    }
    for (const variable of [...Object.keys(serviceEnv), ...assigned]) {
      if (!allowed.has(variable)) {
        problems.push(
          `${name}: environment variable ${variable} is read neither by common/config.ts nor by the options of the commands it runs`,
        );
      }
    }

    for (const r of resolved) {
      const line = `\`caroni ${r.invocation.argv.join(' ')}\``;
      if (r.problem !== undefined) {
        problems.push(`${name}: ${r.problem}`);
        continue;
      }
      for (const problem of r.problems) problems.push(`${name}: ${problem}`);
      let config: Config;
      try {
        config = loadConfig(r.invocation.env);
      } catch (error) {
        problems.push(`${name}: ${line}: ${(error as Error).message}`);
        continue;
      }
      processes.push({ service: name, path: r.path, config, positionals: r.positionals });
      const role = databaseRole(r.path, r.positionals);
      if (role === undefined) continue;
      if (!config.databaseUrl) {
        problems.push(`${name}: ${line} needs DATABASE_URL, and it is not set`);
        continue;
      }
      const url = new URL(config.databaseUrl);
      const db = services[url.hostname];
      if (!db || !String(db.image ?? '').startsWith('postgres')) {
        problems.push(
          `${name}: DATABASE_URL names host ${url.hostname}, which is no PostgreSQL service here`,
        );
        continue;
      }
      const dbEnv = envOf(db);
      const user = dbEnv.POSTGRES_USER ?? 'postgres';
      const database = dbEnv.POSTGRES_DB ?? user;
      if (decodeURIComponent(url.username) !== user || url.pathname !== `/${database}`) {
        problems.push(
          `${name}: DATABASE_URL wants user ${url.username} and database ${url.pathname.slice(1)}; ${url.hostname} makes user ${user} and database ${database}`,
        );
      }
      if (
        dbEnv.POSTGRES_PASSWORD !== undefined &&
        decodeURIComponent(url.password) !== dbEnv.POSTGRES_PASSWORD
      ) {
        problems.push(
          `${name}: DATABASE_URL's password is not ${url.hostname}'s POSTGRES_PASSWORD`,
        );
      }
      {
        const id = role === 'manager' ? config.manager.id : config.agent.id;
        const users = databaseUsers.get(url.hostname) ?? [];
        users.push({ service: name, role, id });
        databaseUsers.set(url.hostname, users);
      }
    }
  }

  // Each manager and each agent has its own database.
  for (const [host, users] of databaseUsers) {
    const owners = new Set(users.map((u) => `${u.role} ${u.id}`));
    if (owners.size > 1) {
      problems.push(
        `database service ${host} is shared by ${[...owners].join(' and ')} (services ${[...new Set(users.map((u) => u.service))].join(', ')}): each manager and each agent needs its own`,
      );
    }
  }
  const databaseOf = (role: string, id: string) =>
    [...databaseUsers].find(([, users]) => users.some((u) => u.role === role && u.id === id))?.[0];

  // Sites: a manager, bridge and API each, with distinct ids, namespaces, databases.
  const byCommand = (command: string) => processes.filter((p) => p.path[0] === command);
  const managers = byCommand('manager');
  if (managers.length < 2)
    problems.push(`the file runs ${managers.length} manager(s); it shows two sites`);
  for (const key of ['id', 'namespace'] as const) {
    const seen = new Map<string, string>();
    for (const m of managers) {
      const value = m.config.manager[key];
      const other = seen.get(value);
      if (other) problems.push(`${m.service}: manager ${key} ${value} is also ${other}'s`);
      seen.set(value, m.service);
    }
  }
  for (const m of managers) {
    for (const part of ['bridge', 'api']) {
      const matching = byCommand(part).filter((p) => p.config.manager.id === m.config.manager.id);
      if (matching.length === 0) {
        problems.push(`${m.service}: site ${m.config.manager.id} has no ${part} service`);
      }
      for (const p of matching) {
        if (p.config.manager.namespace !== m.config.manager.namespace) {
          problems.push(
            `${p.service}: namespace ${p.config.manager.namespace}, but ${m.service} (manager ${m.config.manager.id}) runs in ${m.config.manager.namespace}`,
          );
        }
      }
    }
  }

  // APIs answer other containers on their own port.
  const apis = byCommand('api');
  for (const a of apis) {
    if (a.config.api.host !== '0.0.0.0') {
      problems.push(
        `${a.service}: CARONI_API_HOST must be 0.0.0.0 in a container, not ${a.config.api.host}`,
      );
    }
    for (const port of publishedPorts(services[a.service] as Service)) {
      if (port.target !== String(a.config.api.port)) {
        problems.push(
          `${a.service}: publishes container port ${port.target}, but the API listens on ${a.config.api.port}`,
        );
      }
    }
  }

  // Agents: handlers that exist in the image; the admin API on its own port.
  const agents = processes.filter((p) => p.path.join(' ') === 'agent');
  for (const a of agents) {
    for (const port of publishedPorts(services[a.service] as Service)) {
      if (port.target !== String(a.config.agent.port)) {
        problems.push(
          `${a.service}: publishes container port ${port.target}, but the agent's API listens on ${a.config.agent.port}`,
        );
      }
      if (a.config.api.host !== '0.0.0.0') {
        problems.push(
          `${a.service}: publishes its API port, but CARONI_API_HOST is ${a.config.api.host}, not 0.0.0.0`,
        );
      }
    }
    const handlers = a.config.agent.handlers;
    if (!handlers) {
      problems.push(`${a.service}: CARONI_AGENT_HANDLERS is not set`);
      continue;
    }
    const inRepo = handlers.startsWith(`${IMAGE_ROOT}/`)
      ? handlers.slice(IMAGE_ROOT.length + 1)
      : path.isAbsolute(handlers)
        ? undefined
        : handlers;
    if (inRepo === undefined || !existsSync(path.join(root, inRepo))) {
      problems.push(
        `${a.service}: CARONI_AGENT_HANDLERS ${handlers} is not a file of the repository (copied to ${IMAGE_ROOT})`,
      );
    }
  }

  // Trust both ways for every (site, agent) pair.
  const trusts = processes.filter((p) => p.path[0] === 'trust');
  for (const m of managers) {
    for (const a of agents) {
      const site = m.config.manager.id;
      const agent = a.config.agent.id;
      const managerDb = databaseOf('manager', site);
      const agentDb = databaseOf('agent', agent);
      const trusted = (kind: string, id: string, db: string | undefined) =>
        trusts.some(
          (t) =>
            trustTarget(t.path, t.positionals)?.kind === kind &&
            trustTarget(t.path, t.positionals)?.id === id &&
            t.config.databaseUrl !== undefined &&
            new URL(t.config.databaseUrl).hostname === db,
        );
      if (!trusted('agent', agent, managerDb)) {
        problems.push(
          `site ${site} never runs \`caroni trust agent ${agent}\` on its database (${managerDb ?? 'none'})`,
        );
      }
      if (!trusted('manager', site, agentDb)) {
        problems.push(
          `agent ${agent} never runs \`caroni trust manager ${site}\` on its database (${agentDb ?? 'none'})`,
        );
      }
    }
  }

  // Keys: each signing process mounts its own party's keys volume.
  const keyVolumes = new Map<string, string>();
  for (const p of [...byCommand('bridge'), ...agents]) {
    const party = p.path[0] === 'agent' ? p.config.agent.id : p.config.manager.id;
    const mount = volumeMounts(services[p.service] as Service).find(
      (v) => v.target === p.config.keysDir,
    );
    if (!mount?.source) {
      problems.push(
        `${p.service}: no volume at ${p.config.keysDir}: ${party}'s key would be made anew in the container`,
      );
      continue;
    }
    const owner = keyVolumes.get(mount.source);
    if (owner && owner !== party)
      problems.push(`${p.service}: keys volume ${mount.source} is also ${owner}'s`);
    keyVolumes.set(mount.source, party);
  }

  // References inside the file.
  const declared = new Set(Object.keys(doc.volumes ?? {}));
  const hostPorts = new Map<string, string>();
  for (const [name, service] of Object.entries(services)) {
    for (const dependency of dependencies(service)) {
      if (!names.has(dependency))
        problems.push(`${name}: depends_on ${dependency}, which is no service`);
    }
    for (const { source } of volumeMounts(service)) {
      if (source && !/^[./~]/.test(source) && !declared.has(source)) {
        problems.push(`${name}: volume ${source} is not declared under volumes:`);
      }
    }
    for (const { host } of publishedPorts(service)) {
      const other = hostPorts.get(host);
      if (other) problems.push(`${name}: host port ${host} is published by ${other} too`);
      hostPorts.set(host, name);
    }
    for (const value of allStrings(service.environment ?? {}).concat(
      allStrings(service.command ?? []),
    )) {
      for (const match of value.matchAll(
        /\b(https?|amqp|postgres):\/\/(?:([^:@/\s]+)(?::([^@/\s]+))?@)?([a-z0-9.-]+)(?::(\d+))?/gi,
      )) {
        const [, scheme, user, password, host, port] = match;
        if (host === 'localhost' || host === '127.0.0.1' || host === undefined) continue;
        const target = services[host];
        if (!target) {
          problems.push(`${name}: ${match[0]} names ${host}, which is no service`);
          continue;
        }
        const api = apis.find((a) => a.service === host);
        if (scheme === 'http' && api && port !== String(api.config.api.port)) {
          problems.push(`${name}: ${match[0]}: ${host} listens on ${api.config.api.port}`);
        }
        if (scheme === 'amqp') {
          const rabbit = envOf(target);
          if (
            user !== (rabbit.RABBITMQ_DEFAULT_USER ?? 'guest') ||
            password !== (rabbit.RABBITMQ_DEFAULT_PASS ?? 'guest')
          ) {
            problems.push(
              `${name}: ${match[0]}: not the user ${host} creates (RABBITMQ_DEFAULT_USER/PASS)`,
            );
          }
          if ((user ?? 'guest') === 'guest') {
            problems.push(`${name}: ${match[0]}: RabbitMQ lets guest connect from localhost only`);
          }
        }
      }
    }
    const temporal = envOf(service).TEMPORAL_ADDRESS?.split(':')[0];
    if (temporal && !names.has(temporal))
      problems.push(`${name}: TEMPORAL_ADDRESS names ${temporal}, which is no service`);
  }
  return problems;
}

describe('docker-compose.yaml', () => {
  let tree: CommandInfo;
  beforeAll(async () => {
    tree = await loadCommandTree();
  }, 60_000);

  it('sees the caroni command tree', () => {
    expect(tree.commands.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'manager',
        'bridge',
        'agent',
        'api',
        'submit',
        'keys',
        'trust',
        'migrate',
        'tokens',
      ]),
    );
  });

  it('is consistent with the code: variables, commands, databases, sites, trust, references', () => {
    expect(checkCompose(composeText, tree)).toEqual([]);
  });

  // Each breakage must be caught, with the service and what is wrong.
  const breakages: [string, string, string, RegExp][] = [
    [
      'a misspelt variable',
      'CARONI_MANAGER_ID: site-b',
      'CARONI_MANGER_ID: site-b',
      /site-b-\w+: environment variable CARONI_MANGER_ID/,
    ],
    [
      'a variable only another command reads',
      'CARONI_AGENT_SLOTS: 4',
      'CARONI_TOKEN: x',
      /agent: environment variable CARONI_TOKEN/,
    ],
    [
      'an unknown command',
      'command: [bridge]',
      'command: [bridges]',
      /site-a-bridge: `caroni bridges` is not a command/,
    ],
    [
      'an unknown subcommand',
      'caroni migrate agent',
      'caroni migrate agnet',
      /agent-init: .*agnet is not one of manager, agent/,
    ],
    ['an unknown option', '--wait', '--wiat', /site-stub: .*has no option --wiat/],
    [
      'two sites on one database',
      '@site-b-db:5432',
      '@site-a-db:5432',
      /site-a-db is shared by manager site-a and manager site-b/,
    ],
    [
      'two sites in one namespace',
      'TEMPORAL_NAMESPACE: site-b',
      'TEMPORAL_NAMESPACE: site-a',
      /manager namespace site-a is also site-a-manager's/,
    ],
    [
      'a missing database',
      'DATABASE_URL: postgres://caroni:caroni@agent-db:5432/caroni',
      'CARONI_AGENT_SLOTS: 2',
      /agent: `caroni agent` needs DATABASE_URL/,
    ],
    [
      'a database that is not there',
      '@agent-db:5432',
      '@agents-db:5432',
      /agent: DATABASE_URL names host agents-db/,
    ],
    [
      'handlers that are not there',
      'handlers/text.ts',
      'handlers/texts.ts',
      /agent: CARONI_AGENT_HANDLERS \/app\/examples\/handlers\/texts.ts/,
    ],
    [
      'a missing trust',
      'caroni trust manager site-b /public-keys/site-b.pub',
      'true',
      /agent example-agent never runs `caroni trust manager site-b`/,
    ],
    [
      'an unknown dependency',
      'depends_on: [temporal]',
      'depends_on: [temporal-server]',
      /site-a-manager: depends_on temporal-server/,
    ],
    [
      'an undeclared volume',
      "'site-a-keys:/data/keys'",
      "'site-a-key:/data/keys'",
      /site-a-bridge: volume site-a-key is not declared/,
    ],
    [
      'a host port twice',
      "ports: ['8100:8100']",
      "ports: ['8000:8100']",
      /site-b-api: host port 8000 is published by site-a-api too/,
    ],
    [
      'a URL to the wrong port',
      '--api http://site-a-api:8000',
      '--api http://site-a-api:8100',
      /site-stub: .*site-a-api listens on 8000/,
    ],
    [
      'a shell variable Compose would substitute',
      '"$$file"',
      '"$file"',
      /site-a-init: .*single \$/,
    ],
    [
      'an invalid value',
      'CARONI_QUEUE_TYPE: quorum',
      'CARONI_QUEUE_TYPE: fancy',
      /CARONI_QUEUE_TYPE/,
    ],
  ];
  it.each(breakages)('catches %s', (_, from, to, expected) => {
    expect(composeText).toContain(from);
    const problems = checkCompose(composeText.split(from).join(to), tree);
    expect(problems.join('\n')).toMatch(expected);
  });
});
