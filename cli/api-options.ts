import { Option, type Command } from 'commander';
import { loadConfig } from '../common/config.ts';
import { ApiClient, resolveToken, type DevTokens } from './api-client.ts';

/** The options of every command that calls a manager's API. */
export interface ApiOptions {
  api: string;
  token?: string;
}

/** Adds `--api` (env `CARONI_API_URL`) and `--token` (env `CARONI_TOKEN`) to `command`. */
export function withApi(command: Command): Command {
  return command
    .addOption(
      new Option('--api <url>', 'manager API')
        .env('CARONI_API_URL')
        .default('http://127.0.0.1:8000'),
    )
    .addOption(new Option('--token <token>', 'API token').env('CARONI_TOKEN'));
}

/** The options of every command that calls an agent's admin API. */
export interface AgentApiOptions {
  agentApi: string;
  token?: string;
}

/** Adds `--agent-api` (env `CARONI_AGENT_API_URL`) and `--token` (env `CARONI_TOKEN`) to `command`. */
export function withAgentApi(command: Command): Command {
  return command
    .addOption(
      new Option('--agent-api <url>', "agent's admin API")
        .env('CARONI_AGENT_API_URL')
        .default('http://127.0.0.1:8001'),
    )
    .addOption(
      new Option('--token <token>', "an admin token of the agent's API").env('CARONI_TOKEN'),
    );
}

/**
 * A client for `options.agentApi` with `--token`, `CARONI_TOKEN`, or the
 * admin token `caroni dev` wrote on this machine (it drives both APIs).
 *
 * @throws CaroniError `token_missing`.
 */
export async function agentApiClient(options: AgentApiOptions): Promise<ApiClient> {
  const token = await resolveToken(options.token, loadConfig().dataDir, 'admin');
  return new ApiClient(options.agentApi.replace(/\/$/, ''), token, '--agent-api');
}

/**
 * A client for `options.api` with `--token`, `CARONI_TOKEN`, or the `kind`
 * token `caroni dev` wrote on this machine.
 *
 * @throws CaroniError `token_missing`.
 */
export async function apiClient(options: ApiOptions, kind: keyof DevTokens): Promise<ApiClient> {
  const token = await resolveToken(options.token, loadConfig().dataDir, kind);
  return new ApiClient(options.api.replace(/\/$/, ''), token);
}

/** One JSON value per line on stdout: lists print a line per item, so they pipe into `jq -c`. */
export function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
