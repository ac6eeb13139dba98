import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp, { type ChannelModel, type ConfirmChannel, type Message } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokerAcl,
  identityCommands,
  loadFederation,
  parseFederation,
  renderShell,
  type AclCommand,
  type BrokerAcl,
  type BrokerIdentity,
} from '../cli/broker-acl.ts';
import {
  ConfirmedPublisher,
  deadLetter,
  declareControlQueue,
  declareJobQueue,
  declareReplyQueue,
  declareShared,
  priorityBands,
  topologyNames,
  type Topology,
} from '../common/broker.ts';
import { caroni } from './support/cli.ts';
import { testAmqpUrl, uniqueName } from './support/isolation.ts';

const jobType = 'text.stats';

/** m1 trusts a1 and a3; m2 trusts a1 and a2; a2 also trusts m1 and a3 trusts nobody (one-sided both ways). */
const federationFile = {
  prefix: 'fed.x-y_z',
  managers: [
    { id: 'm1', trustedAgents: ['a1', 'a3'] },
    { id: 'm2', trustedAgents: ['a1', 'a2'] },
  ],
  agents: [
    { id: 'a1', trustedManagers: ['m1', 'm2'] },
    { id: 'a2', trustedManagers: ['m2', 'm1'] },
    { id: 'a3' },
  ],
};

function identity(acl: BrokerAcl, role: 'manager' | 'agent', id: string): BrokerIdentity {
  const found = acl.identities.find((entry) => entry.role === role && entry.id === id);
  if (!found) throw new Error(`no ${role} ${id} in the ACL`);
  return found;
}

/** The names of `names` the pattern lets through, as RabbitMQ would match them (unanchored). */
const allowed = (pattern: string, names: string[]) =>
  names.filter((name) => new RegExp(pattern).test(name));

/** Splits a line into words as a POSIX shell does for what `renderShell` prints: bare words, '…', \x. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      word = (word ?? '') + line.charAt(i + 1);
      i += 1;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

describe('brokerAcl', () => {
  const acl = brokerAcl(parseFederation(federationFile, 'test'));
  const names = topologyNames(acl.prefix);
  const jobQueues = (manager: string) =>
    priorityBands.map((band) => names.jobQueue(manager, jobType, band));
  const jobKeys = (manager: string) =>
    priorityBands.map((band) => names.jobRoutingKey(manager, jobType, band));
  const everything = [
    names.jobsExchange,
    names.repliesExchange,
    names.deadLetterQueue,
    'amq.default',
    ...['m1', 'm2'].flatMap((m) => [...jobQueues(m), names.replyQueue(m)]),
    ...['a1', 'a2', 'a3'].flatMap((a) => [
      names.controlQueue(a),
      names.pinnedQueue(a, 'm1'),
      names.pinnedQueue(a, 'm2'),
    ]),
  ];

  it("lets an agent take a manager's work only when both trust each other", () => {
    const a2 = identity(acl, 'agent', 'a2');
    expect(a2.mutualTrust).toEqual(['m2']);
    expect(allowed(a2.permissions.read, everything)).toEqual([
      names.jobsExchange,
      ...jobQueues('m2'),
      names.controlQueue('a2'),
      names.pinnedQueue('a2', 'm2'),
    ]);
    expect(allowed(a2.permissions.configure, everything)).toEqual([
      names.jobsExchange,
      names.repliesExchange,
      names.deadLetterQueue,
      ...jobQueues('m2'),
      names.controlQueue('a2'),
      names.pinnedQueue('a2', 'm2'),
    ]);
    expect(allowed(a2.permissions.write, everything)).toEqual([
      names.repliesExchange,
      'amq.default',
      ...jobQueues('m2'),
    ]);
    // Binding is the other way to read: only its managers' routing keys, and no wildcards.
    const keys = [...jobKeys('m1'), ...jobKeys('m2'), 'm2.#', 'm2.*', '#', 'm20.text.stats'];
    expect(allowed(a2.topicPermissions.read, keys)).toEqual(jobKeys('m2'));
    expect(allowed(a2.topicPermissions.write, keys)).toEqual([]);
    expect(a2.topicPermissions.exchange).toBe(names.jobsExchange);

    const a1 = identity(acl, 'agent', 'a1');
    expect(allowed(a1.permissions.read, everything)).toEqual([
      names.jobsExchange,
      ...jobQueues('m1'),
      ...jobQueues('m2'),
      names.controlQueue('a1'),
      names.pinnedQueue('a1', 'm1'),
      names.pinnedQueue('a1', 'm2'),
    ]);
    // m1 trusts a3, but a3 trusts nobody: it gets only its own control queue.
    const a3 = identity(acl, 'agent', 'a3');
    expect(allowed(a3.permissions.read, everything)).toEqual([
      names.jobsExchange,
      names.controlQueue('a3'),
    ]);
    expect(a3.topicPermissions.read).toBe('^$');
  });

  it("keeps a manager to its own queues and routing keys, never another's replies", () => {
    const m1 = identity(acl, 'manager', 'm1');
    expect(m1.mutualTrust).toEqual(['a1']);
    expect(allowed(m1.permissions.read, everything)).toEqual([
      names.jobsExchange,
      names.repliesExchange,
      names.replyQueue('m1'),
    ]);
    expect(allowed(m1.permissions.configure, everything)).toEqual([
      names.jobsExchange,
      names.repliesExchange,
      names.deadLetterQueue,
      ...jobQueues('m1'),
      names.replyQueue('m1'),
      names.pinnedQueue('a1', 'm1'),
      names.pinnedQueue('a3', 'm1'),
    ]);
    expect(allowed(m1.permissions.write, everything)).toEqual([
      names.jobsExchange,
      'amq.default',
      ...jobQueues('m1'),
      names.replyQueue('m1'),
    ]);
    const keys = [...jobKeys('m1'), ...jobKeys('m2'), 'm1.#', 'm10.text.stats'];
    expect(allowed(m1.topicPermissions.write, keys)).toEqual(jobKeys('m1'));
    expect(allowed(m1.topicPermissions.read, keys)).toEqual(jobKeys('m1'));
  });

  it('reads dead letters and control queues for nobody but their owner, and escapes the prefix', () => {
    for (const entry of acl.identities) {
      expect(allowed(entry.permissions.read, [names.deadLetterQueue])).toEqual([]);
      const controls = ['a1', 'a2', 'a3'].map((a) => names.controlQueue(a));
      expect(allowed(entry.permissions.read, controls)).toEqual(
        entry.role === 'agent' ? [names.controlQueue(entry.id)] : [],
      );
    }
    // "." in the prefix is a dot, not any character; ids are whole parts.
    const lookalikes = [
      'fedXx-y_z.jobs.m2.text.stats',
      'fed.x-y_zXjobs.m2.text.stats',
      names.jobQueue('m20', jobType),
      names.controlQueue('a22'),
      `x${names.controlQueue('a2')}`,
    ];
    for (const entry of acl.identities) {
      const { configure, write, read } = entry.permissions;
      for (const pattern of [configure, write, read])
        expect(allowed(pattern, lookalikes)).toEqual([]);
    }
  });

  it('notes trust that runs one way and names each user and password variable', () => {
    expect(acl.notes).toEqual([
      "m1 trusts a3, but a3 does not trust m1: a3 gets no access to m1's queues",
      "a2 trusts m1, but m1 does not trust a2: a2 may not read m1's queues",
    ]);
    expect(identity(acl, 'manager', 'm1')).toMatchObject({
      user: 'fed.x-y_z.manager.m1',
      passwordVariable: 'CARONI_PASSWORD_MANAGER_M1',
    });
    const custom = parseFederation(
      { agents: [{ id: 'gpu-box', user: 'svc-gpu' }], vhost: 'lab' },
      'test',
    );
    expect(brokerAcl(custom)).toMatchObject({
      prefix: 'caroni',
      vhost: 'lab',
      identities: [{ user: 'svc-gpu', passwordVariable: 'CARONI_PASSWORD_AGENT_GPU_BOX' }],
    });
  });

  it('prints lines a POSIX shell splits back into the commands, passwords from variables', () => {
    const quoted = brokerAcl(parseFederation(federationFile, 'test', { vhost: "it's /" }));
    const text = renderShell(quoted);
    const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    const commands = quoted.identities.flatMap((entry) => identityCommands(quoted, entry));
    expect(lines).toHaveLength(commands.length);
    lines.forEach((line, i) => {
      const command = commands[i] as AclCommand;
      const piped = /^: "\$\{([A-Z0-9_]+):\?[^"]*\}" && printf '%s\\n' "\$\1" \| (.*)$/.exec(line);
      if (command.passwordVariable) {
        expect(piped?.[1]).toBe(command.passwordVariable);
        expect(shellWords(piped?.[2] ?? '')).toEqual(command.argv);
      } else {
        expect(piped).toBeNull();
        expect(shellWords(line)).toEqual(command.argv);
      }
    });
    expect(commands[1]?.argv.slice(0, 5)).toEqual([
      'rabbitmqctl',
      'set_permissions',
      '-p',
      "it's /",
      'fed.x-y_z.manager.m1',
    ]);
    expect(text).toMatch(/^# note: a2 trusts m1, but m1 does not trust a2/m);
    const again = renderShell(quoted, { addUser: false });
    expect(again).not.toMatch(/rabbitmqctl add_user/);
    expect(again).toMatch(/set_topic_permissions/);
  });

  it('refuses a bad federation, naming the path of each bad field', () => {
    const bad = {
      managers: [{ id: 'm1', trustedAgents: ['a1', 'ghost'] }, { id: 'M2' }, { id: 'm1' }],
      agents: [{ id: 'a1', trustedManagers: ['m9'], extra: true }],
    };
    expect(() => parseFederation(bad, 'fed.yaml')).toThrow(
      [
        'fed.yaml is not a valid federation:',
        '  managers[1].id: use lowercase letters, digits, "-" and "_" (at most 63)',
        '  agents[0].extra: unknown field "extra"',
      ].join('\n'),
    );
    const unknown = {
      ...bad,
      managers: [bad.managers[0], bad.managers[2]],
      agents: [{ id: 'a1', trustedManagers: ['m9'] }],
    };
    expect(() => parseFederation(unknown, 'fed.yaml')).toThrow(
      [
        'fed.yaml is not a valid federation:',
        '  managers[1].id: manager m1 is listed twice',
        '  managers[0].trustedAgents[1]: unknown agent "ghost": list it under agents',
        '  agents[0].trustedManagers[0]: unknown manager "m9": list it under managers',
      ].join('\n'),
    );
    const clash = {
      managers: [{ id: 'x', user: 'caroni.agent.y' }],
      agents: [{ id: 'y' }, { id: 'a-b' }, { id: 'a_b' }],
    };
    expect(() => parseFederation(clash, 'f')).toThrow(
      'agents[0].id: broker user "caroni.agent.y" is also the user of manager x',
    );
    expect(() => parseFederation(clash, 'f')).toThrow(
      'agents[2].id: agent a_b and agent a-b would share the password variable CARONI_PASSWORD_AGENT_A_B',
    );
    expect(() => parseFederation({}, 'f')).toThrow('(root): lists no managers and no agents');
    expect(() => parseFederation([], 'f')).toThrow('(root): Invalid input: expected object');
    expect(() => parseFederation(federationFile, 'f', { prefix: 'no spaces' })).toThrow(
      '--prefix: letters, digits, ".", "-" and "_" only',
    );
  });

  it('loads YAML and JSON files and says which file it cannot read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'caroni-acl-'));
    try {
      const yamlFile = path.join(dir, 'federation.yaml');
      await writeFile(
        yamlFile,
        'managers:\n  - id: m1\n    trustedAgents: [a1]\nagents:\n  - id: a1\n    trustedManagers: [m1]\n',
      );
      const jsonFile = path.join(dir, 'federation.json');
      await writeFile(jsonFile, JSON.stringify(federationFile));
      expect((await loadFederation(yamlFile)).managers).toEqual([
        { id: 'm1', trustedAgents: ['a1'] },
      ]);
      expect(await loadFederation(jsonFile, { prefix: 'other' })).toMatchObject({
        prefix: 'other',
        vhost: '/',
      });
      await writeFile(yamlFile, 'managers: [');
      await expect(loadFederation(yamlFile)).rejects.toThrow(
        `${yamlFile} is neither YAML nor JSON`,
      );
      await expect(loadFederation(path.join(dir, 'missing.yaml'))).rejects.toThrow(
        `cannot read ${path.join(dir, 'missing.yaml')}`,
      );

      // The command prints the same ACL as JSON, with the flags overriding the file.
      const run = await caroni([
        'broker-acl',
        '--federation',
        jsonFile,
        '--format',
        'json',
        '--prefix',
        'cli.p',
        '--vhost',
        'v1',
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(
        brokerAcl(parseFederation(federationFile, jsonFile, { prefix: 'cli.p', vhost: 'v1' })),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Runs one `rabbitmqctl` command by its argument vector, `stdin` on its standard input. */
function rabbitmqctl(argv: string[], stdin = ''): Promise<void> {
  const [program, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = execFile(program ?? 'rabbitmqctl', args, (error, _stdout, stderr) =>
      error
        ? reject(new Error(`${argv.join(' ')} failed: ${stderr}`, { cause: error }))
        : resolve(),
    );
    child.stdin?.end(stdin);
  });
}

/**
 * Runs `op` on a confirm channel of its own: 'ok', or the AMQP reply code the
 * broker closed the channel with (403 is ACCESS_REFUSED).
 */
async function attempt(
  connection: ChannelModel,
  op: (channel: ConfirmChannel) => Promise<unknown>,
): Promise<'ok' | number> {
  const channel = await connection.createConfirmChannel();
  let closedWith: number | undefined;
  channel.on('error', (error: { code?: number }) => {
    closedWith = error.code;
  });
  try {
    await op(channel);
    await channel.close();
    return 'ok';
  } catch (error) {
    const code = closedWith ?? (error as { code?: number }).code;
    if (code === undefined) throw error;
    return code;
  }
}

describe('broker-acl on RabbitMQ', () => {
  const vhost = uniqueName('caroni-acl');
  const topology: Topology = { prefix: `${uniqueName('acl')}.f_x`, queueType: 'classic' };
  const names = topologyNames(topology.prefix);
  const acl = brokerAcl(
    parseFederation(
      {
        prefix: topology.prefix,
        vhost,
        managers: [
          { id: 'm1', trustedAgents: ['a1'] },
          { id: 'm2', trustedAgents: ['a1', 'a2'] },
        ],
        agents: [
          { id: 'a1', trustedManagers: ['m1', 'm2'] },
          { id: 'a2', trustedManagers: ['m2'] },
        ],
      },
      'test',
    ),
  );
  const connections = new Map<string, ChannelModel>();
  const as = (id: string) => connections.get(id) as ChannelModel;
  const created: string[] = [];
  const broker = new URL(testAmqpUrl);
  const connect = (username: string, password: string) =>
    amqp.connect({
      hostname: broker.hostname,
      port: Number(broker.port || 5672),
      username,
      password,
      vhost,
    });
  const bytes = (text: string) => new TextEncoder().encode(text);
  const publisher = (channel: ConfirmChannel) => new ConfirmedPublisher(channel);
  const declarePinned = (channel: ConfirmChannel, agent: string, manager: string) =>
    channel.assertQueue(names.pinnedQueue(agent, manager), {
      durable: true,
      arguments: { 'x-queue-type': topology.queueType },
    });

  beforeAll(async () => {
    await rabbitmqctl(['rabbitmqctl', 'add_vhost', vhost]);
    // The test's own admin on the vhost, for what no party may do (a queue of work for an untrusted agent).
    await rabbitmqctl(['rabbitmqctl', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
    await Promise.all(
      acl.identities.map(async (entry) => {
        const password = randomBytes(12).toString('hex');
        for (const command of identityCommands(acl, entry)) {
          await rabbitmqctl(command.argv, command.passwordVariable ? `${password}\n` : '');
          if (command.argv[1] === 'add_user') created.push(entry.user);
        }
        connections.set(entry.id, await connect(entry.user, password));
      }),
    );
    connections.set('admin', await connect(broker.username, broker.password));
  });

  afterAll(async () => {
    for (const connection of connections.values()) await connection.close().catch(() => {});
    await Promise.all([
      ...created.map((user) => rabbitmqctl(['rabbitmqctl', 'delete_user', user])),
      rabbitmqctl(['rabbitmqctl', 'delete_vhost', vhost]),
    ]);
  });

  it('lets each manager declare its queues and publish jobs, pinned jobs and dead letters', async () => {
    for (const [manager, agents] of [
      ['m1', ['a1']],
      ['m2', ['a1', 'a2']],
    ] as const) {
      expect(
        await attempt(as(manager), async (channel) => {
          await declareShared(channel, topology);
          await declareReplyQueue(channel, topology, manager);
          await declareJobQueue(channel, topology, manager, jobType);
          const high = names.jobQueue(manager, jobType, 'high');
          await channel.assertQueue(high, {
            durable: true,
            arguments: { 'x-queue-type': 'classic' },
          });
          await channel.bindQueue(
            high,
            names.jobsExchange,
            names.jobRoutingKey(manager, jobType, 'high'),
          );
          for (const agent of agents) {
            // A job for each agent that will take one, in the normal band and the high one.
            for (const band of ['normal', 'high'] as const)
              await publisher(channel).publish(
                names.jobsExchange,
                names.jobRoutingKey(manager, jobType, band),
                bytes(`job of ${manager}`),
              );
            await declarePinned(channel, agent, manager);
            await publisher(channel).publish(
              '',
              names.pinnedQueue(agent, manager),
              bytes('pinned'),
            );
          }
          await publisher(channel).publish('', names.deadLetterQueue, bytes('refused'));
        }),
      ).toBe('ok');
    }
  });

  it('lets each agent take the work of the managers that trust it, reply, announce and read its control queue', async () => {
    const served = { a1: ['m1', 'm2'], a2: ['m2'] } as const;
    for (const [agent, managers] of Object.entries(served)) {
      expect(
        await attempt(as(agent), async (channel) => {
          await declareShared(channel, topology);
          const control = await declareControlQueue(channel, topology, agent);
          await channel.consume(control, () => {});
          const taken: Message[] = [];
          for (const manager of managers) {
            const queue = await declareJobQueue(channel, topology, manager, jobType);
            const job = await channel.get(queue, { noAck: true });
            expect(job && job.content.toString()).toBe(`job of ${manager}`);
            await channel.consume(names.jobQueue(manager, jobType, 'high'), () => {});
            await declarePinned(channel, agent, manager);
            const pinned = await channel.get(names.pinnedQueue(agent, manager), { noAck: true });
            expect(pinned && pinned.content.toString()).toBe('pinned');
            if (pinned) taken.push(pinned);
            await publisher(channel).publish(
              names.repliesExchange,
              manager,
              bytes(`reply from ${agent}`),
            );
            await publisher(channel).publish(
              names.repliesExchange,
              manager,
              bytes(`announcement of ${agent}`),
            );
          }
          for (const message of taken)
            await deadLetter(publisher(channel), topology, message, 'test', 'a dead letter');
        }),
      ).toBe('ok');
    }
  });

  it("lets a manager cancel through an agent's control queue and read its own replies", async () => {
    expect(
      await attempt(as('m1'), async (channel) => {
        await publisher(channel).publish('', names.controlQueue('a1'), bytes('cancel'));
        const reply = await channel.get(names.replyQueue('m1'), { noAck: true });
        expect(reply && reply.content.toString()).toBe('reply from a1');
      }),
    ).toBe('ok');
  });

  it("refuses an agent the queues of a manager that does not trust it, and every party another's queue", async () => {
    // Work for a2 from m1 exists (put there by the test's admin), so a refusal is about access, not absence.
    expect(
      await attempt(as('admin'), async (channel) => {
        await declarePinned(channel, 'a2', 'm1');
        await publisher(channel).publish('', names.pinnedQueue('a2', 'm1'), bytes('pinned'));
        await publisher(channel).publish(
          names.jobsExchange,
          names.jobRoutingKey('m1', jobType),
          bytes('job'),
        );
      }),
    ).toBe('ok');
    const m1Queue = names.jobQueue('m1', jobType);
    const refused = {
      'a2 gets from a job queue of m1': () => attempt(as('a2'), (channel) => channel.get(m1Queue)),
      'a2 consumes a job queue of m1': () =>
        attempt(as('a2'), (channel) => channel.consume(m1Queue, () => {})),
      'a2 consumes a band queue of m1': () =>
        attempt(as('a2'), (channel) =>
          channel.consume(names.jobQueue('m1', jobType, 'high'), () => {}),
        ),
      'a2 consumes its pinned queue from m1': () =>
        attempt(as('a2'), (channel) => channel.consume(names.pinnedQueue('a2', 'm1'), () => {})),
      'a2 declares a job queue of m1': () =>
        attempt(as('a2'), (channel) => declareJobQueue(channel, topology, 'm1', jobType)),
      "a2 binds m2's queue to m1's routing key": () =>
        attempt(as('a2'), (channel) =>
          channel.bindQueue(
            names.jobQueue('m2', jobType),
            names.jobsExchange,
            names.jobRoutingKey('m1', jobType),
          ),
        ),
      "a2 consumes a1's control queue": () =>
        attempt(as('a2'), (channel) => channel.consume(names.controlQueue('a1'), () => {})),
      'a1 reads the dead letters': () =>
        attempt(as('a1'), (channel) => channel.get(names.deadLetterQueue)),
      "m2 consumes m1's reply queue": () =>
        attempt(as('m2'), (channel) => channel.consume(names.replyQueue('m1'), () => {})),
      "m2 publishes a job with m1's routing key": () =>
        attempt(as('m2'), (channel) =>
          publisher(channel).publish(
            names.jobsExchange,
            names.jobRoutingKey('m1', jobType),
            bytes('job'),
          ),
        ),
      "m2 binds its queue to m1's routing key": () =>
        attempt(as('m2'), (channel) =>
          channel.bindQueue(names.jobQueue('m2', jobType), names.jobsExchange, `m1.${jobType}`),
        ),
    };
    const outcomes: Record<string, 'ok' | number> = {};
    for (const [what, op] of Object.entries(refused)) outcomes[what] = await op();
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(refused).map((what) => [what, 403])));
  });
});
