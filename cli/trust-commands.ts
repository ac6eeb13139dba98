import { InvalidArgumentError, type Command } from 'commander';
import type { AgentStatus } from '../agent/agent.ts';
import { addTrustedManager, type TrustedManagerEntry } from '../agent/trust.ts';
import { addTrustedAgent } from '../bridge/trust.ts';
import { loadConfig, requireDatabaseUrl } from '../common/config.ts';
import { openDatabase } from '../common/db.ts';
import { MAX_KEY_GRACE_SECONDS } from '../common/trusted-keys.ts';
import { readText } from './admin-commands.ts';
import {
  agentApiClient,
  apiClient,
  print,
  withAgentApi,
  withApi,
  type AgentApiOptions,
  type ApiOptions,
} from './api-options.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a positive integer');
  }
  return parsed;
}

function jobTypeList(value: string): string[] {
  const jobTypes = value
    .split(',')
    .map((jobType) => jobType.trim())
    .filter((jobType) => jobType !== '');
  if (jobTypes.length === 0) throw new InvalidArgumentError('expected job types, comma-separated');
  return jobTypes;
}

const DURATION_UNITS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

/** `7d`, `12h`, `30m`, `90s` (`0s`: at once) as seconds, up to a year. */
export function parseGrace(value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value.trim());
  const unit = DURATION_UNITS[match?.[2] as keyof typeof DURATION_UNITS];
  const seconds = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(seconds) || seconds > MAX_KEY_GRACE_SECONDS) {
    throw new InvalidArgumentError(
      'expected a duration such as 7d, 12h, 30m or 90s (0s: at once), at most 365d',
    );
  }
  return seconds;
}

/** How long a party's previous key stays valid once it is given a new one. */
interface GraceOptions {
  grace?: number;
}

function withGrace(command: Command): Command {
  return command.option(
    '--grace <duration>',
    "how long the party's previous key stays valid: 7d (default), 12h, 30m, 90s, 0s (at once)",
    parseGrace,
  );
}

/** The options that shape a trusted manager's share of an agent. */
interface ShareOptions {
  weight: number;
  maxConcurrent?: number;
  jobTypes?: string[];
}

function withShareOptions(command: Command): Command {
  return command
    .option('--weight <n>', 'fair-share weight between managers', positiveInteger, 1)
    .option('--max-concurrent <n>', 'most of its jobs running at once', positiveInteger)
    .option(
      '--job-types <a,b>',
      'the only job types it may run (default: all the agent handles)',
      jobTypeList,
    );
}

/**
 * `caroni trust ...` (each side's trust list, through its API, or straight
 * on its database) and `caroni agent drain|undrain|status` (through the
 * agent's API) under `agentCommand`, the agent service's command.
 */
export function registerTrustCommands(program: Command, agentCommand: Command): void {
  const trust = program
    .command('trust')
    .description(
      "trust lists: a manager's trusted agents (its API, --api) and an agent's trusted managers (its API, --agent-api)",
    );

  // Straight on the database, for a first setup before any token exists (docker-compose uses them).
  withGrace(
    trust
      .command('agent')
      .description("trust an agent on the manager's database (DATABASE_URL)")
      .argument('<id>', 'agent id')
      .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it'),
  ).action(async (id: string, file: string, options: GraceOptions) => {
    const pem = await readText(file);
    const sql = await openDatabase(requireDatabaseUrl(loadConfig(), 'manager'), 'manager');
    let keyId: string;
    try {
      keyId = await addTrustedAgent(sql, id, pem, options.grace);
    } finally {
      await sql.end();
    }
    process.stderr.write(`manager now trusts agent ${id} with key ${keyId}\n`);
  });
  withGrace(
    withShareOptions(
      trust
        .command('manager')
        .description("trust a manager on the agent's database (DATABASE_URL)")
        .argument('<id>', 'manager id')
        .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it'),
    ),
  ).action(async (id: string, file: string, options: ShareOptions & GraceOptions) => {
    const pem = await readText(file);
    const sql = await openDatabase(requireDatabaseUrl(loadConfig(), 'agent'), 'agent');
    try {
      const { grace, ...share } = options;
      await addTrustedManager(sql, {
        managerId: id,
        publicKeyPem: pem,
        graceSeconds: grace,
        ...share,
      });
    } finally {
      await sql.end();
    }
    process.stderr.write(`agent now trusts manager ${id}\n`);
  });

  const add = trust.command('add').description('trust a party through its API; at once');
  withGrace(
    withShareOptions(
      withAgentApi(
        add
          .command('manager')
          .description(
            "trust a manager (or replace its share and give it this key) on an agent, through the agent's API",
          )
          .argument('<id>', 'manager id')
          .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it'),
      ),
    ),
  ).action(
    async (id: string, file: string, options: AgentApiOptions & ShareOptions & GraceOptions) => {
      const api = await agentApiClient(options);
      const saved = await api.request<TrustedManagerEntry>('POST', '/v1/admin/managers', {
        json: {
          managerId: id,
          publicKeyPem: await readText(file),
          weight: options.weight,
          maxConcurrent: options.maxConcurrent,
          jobTypes: options.jobTypes,
          graceSeconds: options.grace,
        },
      });
      print(saved);
    },
  );
  withGrace(
    withApi(
      add
        .command('agent')
        .description("trust an agent (or give it this key) on a manager, through the manager's API")
        .argument('<id>', 'agent id')
        .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it'),
    ),
  ).action(async (id: string, file: string, options: ApiOptions & GraceOptions) => {
    const api = await apiClient(options, 'admin');
    print(
      await api.request('POST', '/v1/admin/trusted-agents', {
        json: { agentId: id, publicKeyPem: await readText(file), graceSeconds: options.grace },
      }),
    );
  });

  const addKey = trust
    .command('add-key')
    .description(
      'give a trusted party the new key it rotated to (`caroni keys rotate`), through the API; its previous key stays valid for --grace',
    );
  withGrace(
    withAgentApi(
      addKey
        .command('manager')
        .description("on an agent, through the agent's API; the manager's share is kept")
        .argument('<id>', 'manager id')
        .argument(
          '<public-key-file>',
          'its new public key (PEM), as `caroni keys rotate` printed it',
        ),
    ),
  ).action(async (id: string, file: string, options: AgentApiOptions & GraceOptions) => {
    const api = await agentApiClient(options);
    print(
      await api.request<TrustedManagerEntry>(
        'POST',
        `/v1/admin/managers/${encodeURIComponent(id)}/keys`,
        { json: { publicKeyPem: await readText(file), graceSeconds: options.grace } },
      ),
    );
  });
  withGrace(
    withApi(
      addKey
        .command('agent')
        .description("on a manager, through the manager's API")
        .argument('<id>', 'agent id')
        .argument(
          '<public-key-file>',
          'its new public key (PEM), as `caroni keys rotate` printed it',
        ),
    ),
  ).action(async (id: string, file: string, options: ApiOptions & GraceOptions) => {
    const api = await apiClient(options, 'admin');
    print(
      await api.request('POST', `/v1/admin/trusted-agents/${encodeURIComponent(id)}/keys`, {
        json: { publicKeyPem: await readText(file), graceSeconds: options.grace },
      }),
    );
  });

  const revokeKey = trust
    .command('revoke-key')
    .description(
      "refuse a party's key (stolen or lost) from now on, through the API; `trust list` shows key ids",
    );
  withAgentApi(
    revokeKey
      .command('manager')
      .description("on an agent: the manager's requests signed with it are refused at once")
      .argument('<id>', 'manager id')
      .argument('<key-id>', 'the key id (16 hex digits)'),
  ).action(async (id: string, keyId: string, options: AgentApiOptions) => {
    const api = await agentApiClient(options);
    print(
      await api.request(
        'POST',
        `/v1/admin/managers/${encodeURIComponent(id)}/keys/${encodeURIComponent(keyId)}/revoke`,
      ),
    );
  });
  withApi(
    revokeKey
      .command('agent')
      .description("on a manager: the agent's replies signed with it are refused within 5 s")
      .argument('<id>', 'agent id')
      .argument('<key-id>', 'the key id (16 hex digits)'),
  ).action(async (id: string, keyId: string, options: ApiOptions) => {
    const api = await apiClient(options, 'admin');
    print(
      await api.request(
        'POST',
        `/v1/admin/trusted-agents/${encodeURIComponent(id)}/keys/${encodeURIComponent(keyId)}/revoke`,
      ),
    );
  });

  const remove = trust
    .command('remove')
    .description('stop trusting a party through its API; at once');
  withAgentApi(
    remove
      .command('manager')
      .description("stop running a manager's jobs on an agent; its queued jobs stay queued")
      .argument('<id>', 'manager id'),
  ).action(async (id: string, options: AgentApiOptions) => {
    const api = await agentApiClient(options);
    print(await api.request('DELETE', `/v1/admin/managers/${encodeURIComponent(id)}`));
  });
  withApi(
    remove
      .command('agent')
      .description("stop taking an agent's replies on a manager")
      .argument('<id>', 'agent id'),
  ).action(async (id: string, options: ApiOptions) => {
    const api = await apiClient(options, 'admin');
    print(await api.request('DELETE', `/v1/admin/trusted-agents/${encodeURIComponent(id)}`));
  });

  const list = trust.command('list').description('list a trust list through its API');
  withAgentApi(
    list.command('managers').description("an agent's trusted managers, one JSON line each"),
  ).action(async (options: AgentApiOptions) => {
    const api = await agentApiClient(options);
    const { managers } = await api.request<{ managers: TrustedManagerEntry[] }>(
      'GET',
      '/v1/admin/managers',
    );
    for (const manager of managers) print(manager);
  });
  withApi(
    list.command('agents').description("a manager's trusted agents, one JSON line each"),
  ).action(async (options: ApiOptions) => {
    const api = await apiClient(options, 'admin');
    const { agents } = await api.request<{ agents: unknown[] }>('GET', '/v1/admin/trusted-agents');
    for (const agent of agents) print(agent);
  });

  withAgentApi(
    agentCommand
      .command('status')
      .description('what an agent runs now, for whom, whether it drains, and its counters'),
  ).action(async (options: AgentApiOptions) => {
    const api = await agentApiClient(options);
    print(await api.request<AgentStatus>('GET', '/v1/admin/status'));
  });
  withAgentApi(
    agentCommand
      .command('drain')
      .description(
        'stop taking new jobs (running ones finish); `caroni agent status` shows them end',
      ),
  ).action(async (options: AgentApiOptions) => {
    const api = await agentApiClient(options);
    const status = await api.request<AgentStatus>('POST', '/v1/admin/drain');
    print(status);
    process.stderr.write(`agent ${status.agentId} is draining\n`);
  });
  withAgentApi(
    agentCommand.command('undrain').description('take new jobs again after a drain'),
  ).action(async (options: AgentApiOptions) => {
    const api = await agentApiClient(options);
    const status = await api.request<AgentStatus>('POST', '/v1/admin/undrain');
    print(status);
    process.stderr.write(`agent ${status.agentId} takes jobs again\n`);
  });
}
