import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { priorityBands, topologyNames } from '../common/broker.ts';
import { partyId } from '../common/config.ts';
import { formatPath, zodIssues, zodMessages } from '../common/definition-validate.ts';
import { CaroniError } from '../common/errors.ts';

/** The same rule as `CARONI_BROKER_PREFIX`. */
const brokerPrefix = z
  .string()
  .regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, ".", "-" and "_" only');
const vhost = z.string().min(1, 'a RabbitMQ virtual host, e.g. /');
const brokerUser = z
  .string()
  .regex(/^[A-Za-z0-9_.@-]{1,128}$/, 'letters, digits, "_", ".", "@" and "-" (at most 128)');

const federationSchema = z.strictObject({
  prefix: brokerPrefix.default('caroni'),
  vhost: vhost.default('/'),
  managers: z
    .array(
      z.strictObject({
        id: partyId,
        /** Default `<prefix>.manager.<id>`. */
        user: brokerUser.optional(),
        trustedAgents: z.array(partyId).default([]),
      }),
    )
    .default([]),
  agents: z
    .array(
      z.strictObject({
        id: partyId,
        /** Default `<prefix>.agent.<id>`. */
        user: brokerUser.optional(),
        trustedManagers: z.array(partyId).default([]),
      }),
    )
    .default([]),
});

/** Who is in a federation and whom each trusts: the input of {@link brokerAcl}. */
export type Federation = z.output<typeof federationSchema>;

type Role = 'manager' | 'agent';

/** RabbitMQ's configure/write/read regexes of one user on the vhost. */
export interface Permissions {
  configure: string;
  write: string;
  read: string;
}

/** One party's broker user and what it may do. */
export interface BrokerIdentity {
  role: Role;
  id: string;
  user: string;
  /** The shell variable its `add_user` line reads the password from. */
  passwordVariable: string;
  /** Trusted both ways: for a manager the agents that may read its queues, for an agent the managers whose queues it may read. */
  mutualTrust: string[];
  permissions: Permissions;
  /** On the jobs exchange (a topic exchange): routing keys it may publish with (write) and bind with (read). */
  topicPermissions: { exchange: string; write: string; read: string };
}

export interface BrokerAcl {
  prefix: string;
  vhost: string;
  identities: BrokerIdentity[];
  /** Trust that runs one way only, which grants nothing. */
  notes: string[];
}

/** One `rabbitmqctl` invocation; `passwordVariable`: it reads that variable's value on stdin. */
export interface AclCommand {
  argv: string[];
  passwordVariable?: string;
}

const defaultUser = (prefix: string, role: Role, id: string) => `${prefix}.${role}.${id}`;
const passwordVariable = (role: Role, id: string) =>
  `CARONI_PASSWORD_${role}_${id}`.toUpperCase().replaceAll('-', '_');

/** Checks what the schema cannot see alone: duplicates, unknown ids in trust lists, colliding users. */
function checkReferences(federation: Federation, ctx: z.core.$RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const parties = [
    ...federation.managers.map((party, i) => ({ role: 'manager' as const, i, ...party })),
    ...federation.agents.map((party, i) => ({ role: 'agent' as const, i, ...party })),
  ];
  if (parties.length === 0) issue([], 'lists no managers and no agents');
  const ids = { manager: new Set<string>(), agent: new Set<string>() };
  const users = new Map<string, string>();
  const variables = new Map<string, string>();
  for (const party of parties) {
    const at = [`${party.role}s`, party.i];
    const name = `${party.role} ${party.id}`;
    if (ids[party.role].has(party.id)) {
      issue([...at, 'id'], `${name} is listed twice`);
      continue;
    }
    ids[party.role].add(party.id);
    const user = party.user ?? defaultUser(federation.prefix, party.role, party.id);
    const userAt = [...at, party.user === undefined ? 'id' : 'user'];
    const sameUser = users.get(user);
    if (sameUser) issue(userAt, `broker user "${user}" is also the user of ${sameUser}`);
    users.set(user, name);
    const variable = passwordVariable(party.role, party.id);
    const sameVariable = variables.get(variable);
    if (sameVariable)
      issue(
        [...at, 'id'],
        `${name} and ${sameVariable} would share the password variable ${variable}`,
      );
    variables.set(variable, name);
  }
  federation.managers.forEach((manager, i) =>
    manager.trustedAgents.forEach((agent, j) => {
      if (!ids.agent.has(agent))
        issue(
          ['managers', i, 'trustedAgents', j],
          `unknown agent "${agent}": list it under agents`,
        );
    }),
  );
  federation.agents.forEach((agent, i) =>
    agent.trustedManagers.forEach((manager, j) => {
      if (!ids.manager.has(manager))
        issue(
          ['agents', i, 'trustedManagers', j],
          `unknown manager "${manager}": list it under managers`,
        );
    }),
  );
}

const checkedFederation = federationSchema.superRefine(checkReferences);

/**
 * Validates a parsed federation file; `overrides` (from the command line)
 * replace its prefix and vhost.
 *
 * @throws CaroniError `invalid_federation` naming `source` and the path of every bad field.
 */
export function parseFederation(
  raw: unknown,
  source: string,
  overrides: { prefix?: string; vhost?: string } = {},
): Federation {
  const invalid = (lines: string[]) =>
    new CaroniError(
      'invalid_federation',
      `${source} is not a valid federation:\n  ${lines.join('\n  ')}`,
    );
  const flags = z
    .object({ prefix: brokerPrefix.optional(), vhost: vhost.optional() })
    .safeParse(overrides);
  if (!flags.success)
    throw invalid(
      flags.error.issues.map((issue) => `--${formatPath(issue.path)}: ${issue.message}`),
    );
  const given = Object.fromEntries(Object.entries(flags.data).filter(([, v]) => v !== undefined));
  const merged =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw, ...given } : raw;
  const parsed = checkedFederation.safeParse(merged, zodMessages);
  if (!parsed.success)
    throw invalid(
      zodIssues(parsed.error.issues).map(({ path, message }) => `${path || '(root)'}: ${message}`),
    );
  return parsed.data;
}

/**
 * Reads a federation file (YAML, or JSON, which YAML reads too).
 *
 * @throws CaroniError when the file cannot be read, parsed or validated.
 */
export async function loadFederation(
  file: string,
  overrides: { prefix?: string; vhost?: string } = {},
): Promise<Federation> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CaroniError('invalid_input', `cannot read ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new CaroniError(
      'invalid_input',
      `${file} is neither YAML nor JSON: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return parseFederation(raw, file, overrides);
}

/** `text` matched literally; these escapes mean the same in RabbitMQ's regexes (Erlang `re`, PCRE). */
const literal = (text: string) => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
const oneOf = (ids: readonly string[]) =>
  ids.length === 1 ? literal(ids[0] as string) : `(${ids.map(literal).join('|')})`;
/** Whole names: RabbitMQ matches unanchored. `^$` matches no resource. */
const whole = (alternatives: readonly string[]) =>
  alternatives.length === 0 ? '^$' : `^(${alternatives.join('|')})$`;
/** A name's dot-separated parts, each already a regex. */
const dotted = (...parts: string[]) => parts.join('\\.');

/**
 * A job type and its band suffix (`topologyNames().jobQueue`). No wildcards:
 * a binding with `#` would copy other job types' messages.
 */
const jobType = `[a-z0-9_.-]+(:(${priorityBands.filter((band) => band !== 'normal').join('|')}))?`;

/** Regexes of `topologyNames(prefix)`; manager and agent ids hold no dots, so each part is unambiguous. */
function namePatterns(prefix: string) {
  const p = literal(prefix);
  return {
    jobsExchange: dotted(p, 'jobs'),
    repliesExchange: dotted(p, 'replies'),
    deadLetterQueue: dotted(p, 'dead-letters'),
    /** Publishing through the default exchange is writing to it under this name. */
    defaultExchange: dotted('amq', 'default'),
    jobQueues: (managers: string[]) => dotted(p, 'jobs', oneOf(managers), jobType),
    jobRoutingKeys: (managers: string[]) => dotted(oneOf(managers), jobType),
    replyQueue: (manager: string) => dotted(p, 'replies', literal(manager)),
    controlQueue: (agent: string) => dotted(p, 'control', literal(agent)),
    pinnedQueues: (agents: string[], managers: string[]) =>
      dotted(p, 'pinned', oneOf(agents), oneOf(managers)),
  };
}

/**
 * Derives each party's broker permissions from the trust lists. An agent may
 * read (and declare, and bind) a manager's job queues and its pinned queue
 * from that manager only when the trust is mutual: the manager's list decides
 * who may see its work, and an agent needs nothing of a manager it does not
 * serve. Managers never read another manager's reply queue, agents never
 * another agent's control queue, and nobody but the operator reads the
 * dead letters.
 */
export function brokerAcl(federation: Federation): BrokerAcl {
  const { prefix } = federation;
  const names = namePatterns(prefix);
  const trustedAgents = new Map(federation.managers.map((m) => [m.id, new Set(m.trustedAgents)]));
  const trustedManagers = new Map(federation.agents.map((a) => [a.id, new Set(a.trustedManagers)]));
  const mutual = (manager: string, agent: string) =>
    (trustedAgents.get(manager)?.has(agent) ?? false) &&
    (trustedManagers.get(agent)?.has(manager) ?? false);
  // Every party declares the exchanges and the dead-letter queue at start.
  const shared = [names.jobsExchange, names.repliesExchange, names.deadLetterQueue];
  const identity = (
    role: Role,
    party: { id: string; user?: string },
    mutualTrust: string[],
    permissions: Permissions,
    topic: { write: string; read: string },
  ): BrokerIdentity => ({
    role,
    id: party.id,
    user: party.user ?? defaultUser(prefix, role, party.id),
    passwordVariable: passwordVariable(role, party.id),
    mutualTrust,
    permissions,
    topicPermissions: { exchange: topologyNames(prefix).jobsExchange, ...topic },
  });

  const managers = federation.managers.map((manager) => {
    const own = [names.jobQueues([manager.id]), names.replyQueue(manager.id)];
    // Its pinned queues follow its own list: it pins jobs only to agents it trusts.
    const pinned = manager.trustedAgents.length
      ? [names.pinnedQueues(manager.trustedAgents, [manager.id])]
      : [];
    const keys = whole([names.jobRoutingKeys([manager.id])]);
    return identity(
      'manager',
      manager,
      manager.trustedAgents.filter((agent) => mutual(manager.id, agent)),
      {
        configure: whole([...shared, ...own, ...pinned]),
        // Binding its queues needs write on them; pinned jobs, cancellations and dead letters go through the default exchange.
        write: whole([names.jobsExchange, names.defaultExchange, ...own]),
        read: whole([names.jobsExchange, names.repliesExchange, names.replyQueue(manager.id)]),
      },
      { write: keys, read: keys },
    );
  });

  const agents = federation.agents.map((agent) => {
    const served = agent.trustedManagers.filter((manager) => mutual(manager, agent.id));
    const work = served.length
      ? [names.jobQueues(served), names.pinnedQueues([agent.id], served)]
      : [];
    const control = names.controlQueue(agent.id);
    return identity(
      'agent',
      agent,
      served,
      {
        configure: whole([...shared, control, ...work]),
        // Replies and announcements go to the replies exchange, dead letters through the default one.
        write: whole([
          names.repliesExchange,
          names.defaultExchange,
          ...(served.length ? [names.jobQueues(served)] : []),
        ]),
        read: whole([names.jobsExchange, control, ...work]),
      },
      { write: '^$', read: whole(served.length ? [names.jobRoutingKeys(served)] : []) },
    );
  });

  const notes = [
    ...federation.managers.flatMap((manager) =>
      manager.trustedAgents
        .filter((agent) => !mutual(manager.id, agent))
        .map(
          (agent) =>
            `${manager.id} trusts ${agent}, but ${agent} does not trust ${manager.id}: ${agent} gets no access to ${manager.id}'s queues`,
        ),
    ),
    ...federation.agents.flatMap((agent) =>
      agent.trustedManagers
        .filter((manager) => !mutual(manager, agent.id))
        .map(
          (manager) =>
            `${agent.id} trusts ${manager}, but ${manager} does not trust ${agent.id}: ${agent.id} may not read ${manager}'s queues`,
        ),
    ),
  ];
  return { prefix, vhost: federation.vhost, identities: [...managers, ...agents], notes };
}

/** The `rabbitmqctl` commands that give one identity its user and permissions. */
export function identityCommands(
  acl: BrokerAcl,
  identity: BrokerIdentity,
  { addUser = true } = {},
): AclCommand[] {
  const { permissions: p, topicPermissions: t } = identity;
  const vhostArgs = ['-p', acl.vhost, identity.user];
  return [
    ...(addUser
      ? [
          {
            argv: ['rabbitmqctl', 'add_user', identity.user],
            passwordVariable: identity.passwordVariable,
          },
        ]
      : []),
    { argv: ['rabbitmqctl', 'set_permissions', ...vhostArgs, p.configure, p.write, p.read] },
    { argv: ['rabbitmqctl', 'set_topic_permissions', ...vhostArgs, t.exchange, t.write, t.read] },
  ];
}

/** One word for a POSIX shell: bare when that is safe, else single-quoted. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function shellLine(command: AclCommand): string {
  const line = command.argv.map(shellQuote).join(' ');
  if (!command.passwordVariable) return line;
  const variable = command.passwordVariable;
  // Checked before the pipe: an unset variable inside it would create the user without a password.
  // printf is a shell builtin, so the password appears in no process's arguments.
  return `: "\${${variable}:?set ${variable} to the password}" && printf '%s\\n' "$${variable}" | ${line}`;
}

/** The commands as lines to paste into a POSIX shell, with comments that say how to use them. */
export function renderShell(acl: BrokerAcl, { addUser = true } = {}): string {
  const header = [
    `# RabbitMQ users and permissions of the Caroni federation under prefix ${shellQuote(acl.prefix)} on vhost ${shellQuote(acl.vhost)},`,
    '# derived from its trust lists by `caroni broker-acl`. The vhost must exist (rabbitmqctl add_vhost).',
    '# Passwords are not in this output: each add_user reads its password from the variable named on its',
    '# line (set them first, exported if you pipe this into sh); an unset one stops the line, or sh.',
    '# After a trust change run the output again with --no-add-user, then close the connections of users',
    "# that lost access (rabbitmqctl close_all_user_connections USER 'trust changed'): RabbitMQ checks",
    '# permissions when a channel declares, binds or consumes, not for every message.',
    ...acl.notes.map((note) => `# note: ${note}`),
  ];
  const sections = acl.identities.map((identity) => {
    const who =
      identity.role === 'manager'
        ? `its queues are readable by ${identity.mutualTrust.join(', ') || 'no agent'}`
        : `reads the queues of ${identity.mutualTrust.join(', ') || 'no manager'}`;
    return [
      `# ${identity.role} ${identity.id}: ${who}`,
      ...identityCommands(acl, identity, { addUser }).map(shellLine),
    ];
  });
  return [header, ...sections].map((lines) => `${lines.join('\n')}\n`).join('\n');
}

/** `caroni broker-acl`. */
export function registerBrokerAclCommand(program: Command): void {
  program
    .command('broker-acl')
    .description(
      "print the RabbitMQ users and permissions of a federation, derived from its trust lists: an agent may read a manager's queues only when they trust each other (see docs/SECURITY.md)",
    )
    .requiredOption(
      '--federation <file>',
      'YAML or JSON: prefix, vhost, managers [{id, trustedAgents}], agents [{id, trustedManagers}]',
    )
    .option('--prefix <prefix>', "broker prefix; overrides the file's (default caroni)")
    .option('--vhost <vhost>', "virtual host; overrides the file's (default /)")
    .addOption(
      new Option(
        '--format <format>',
        'shell: rabbitmqctl commands to paste; json: the computed permissions',
      )
        .choices(['shell', 'json'])
        .default('shell'),
    )
    .option('--no-add-user', 'leave out add_user (the users exist): to apply a trust change')
    .action(
      async (opts: {
        federation: string;
        prefix?: string;
        vhost?: string;
        format: 'shell' | 'json';
        addUser: boolean;
      }) => {
        const federation = await loadFederation(opts.federation, {
          prefix: opts.prefix,
          vhost: opts.vhost,
        });
        const acl = brokerAcl(federation);
        process.stdout.write(
          opts.format === 'json'
            ? `${JSON.stringify(acl, null, 2)}\n`
            : renderShell(acl, { addUser: opts.addUser }),
        );
      },
    );
}
