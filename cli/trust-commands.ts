import { InvalidArgumentError, type Command } from 'commander';
import type { AgentStatus } from '../agent/agent.ts';
import { addTrustedManager, type TrustedManagerEntry } from '../agent/trust.ts';
import { addTrustedAgent } from '../bridge/trust.ts';
import { loadConfig, requireDatabaseUrl } from '../common/config.ts';
import { openDatabase } from '../common/db.ts';
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
  trust
    .command('agent')
    .description("trust an agent on the manager's database (DATABASE_URL)")
    .argument('<id>', 'agent id')
    .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it')
    .action(async (id: string, file: string) => {
      const pem = await readText(file);
      const sql = await openDatabase(requireDatabaseUrl(loadConfig(), 'manager'), 'manager');
      try {
        await addTrustedAgent(sql, id, pem);
      } finally {
        await sql.end();
      }
      process.stderr.write(`manager now trusts agent ${id}\n`);
    });
  withShareOptions(
    trust
      .command('manager')
      .description("trust a manager on the agent's database (DATABASE_URL)")
      .argument('<id>', 'manager id')
      .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it'),
  ).action(async (id: string, file: string, options: ShareOptions) => {
    const pem = await readText(file);
    const sql = await openDatabase(requireDatabaseUrl(loadConfig(), 'agent'), 'agent');
    try {
      await addTrustedManager(sql, { managerId: id, publicKeyPem: pem, ...options });
    } finally {
      await sql.end();
    }
    process.stderr.write(`agent now trusts manager ${id}\n`);
  });

  const add = trust.command('add').description('trust a party through its API; at once');
  withShareOptions(
    withAgentApi(
      add
        .command('manager')
        .description(
          "trust a manager (or replace its key and share) on an agent, through the agent's API",
        )
        .argument('<id>', 'manager id')
        .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it'),
    ),
  ).action(async (id: string, file: string, options: AgentApiOptions & ShareOptions) => {
    const api = await agentApiClient(options);
    const saved = await api.request<TrustedManagerEntry>('POST', '/v1/admin/managers', {
      json: {
        managerId: id,
        publicKeyPem: await readText(file),
        weight: options.weight,
        maxConcurrent: options.maxConcurrent,
        jobTypes: options.jobTypes,
      },
    });
    print(saved);
  });
  withApi(
    add
      .command('agent')
      .description("trust an agent (or replace its key) on a manager, through the manager's API")
      .argument('<id>', 'agent id')
      .argument('<public-key-file>', 'its public key (PEM), as `caroni keys show` prints it'),
  ).action(async (id: string, file: string, options: ApiOptions) => {
    const api = await apiClient(options, 'admin');
    print(
      await api.request('POST', '/v1/admin/trusted-agents', {
        json: { agentId: id, publicKeyPem: await readText(file) },
      }),
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
