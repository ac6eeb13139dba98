import type { Sql } from 'postgres';
import { startAgent } from '../agent/main.ts';
import type { Handler } from '../agent/handler.ts';
import { addTrustedManager } from '../agent/trust.ts';
import { startApi, type Api } from '../api/main.ts';
import { addTrustedAgent } from '../bridge/trust.ts';
import { startBridge, type Bridge } from '../bridge/main.ts';
import type { Config } from '../common/config.ts';
import { loadOrInitIdentity, publicKeyPem } from '../common/keys.ts';
import type { Logger } from '../common/log.ts';
import type { DevTokens } from './api-client.ts';
import { generateToken, saveToken } from '../db/tokens.ts';
import { seedExampleSite } from '../examples/seed.ts';
import { startManager, type Manager } from '../manager/main.ts';

export interface FederationOptions {
  config: Config;
  managerSql: Sql;
  agentSql: Sql;
  log: Logger;
  workflowBundlePath?: string;
  /** The agent's handlers, when the caller has them (tests); else loaded from configuration. */
  handlers?: Record<string, Handler>;
  /** Leave the bridge out (a test runs it as its own process). */
  withoutBridge?: boolean;
}

export interface Federation {
  /** The admin token (of the manager's and the agent's API) and the example site's submitter token. */
  tokens: DevTokens;
  manager: Manager;
  bridge: Bridge | undefined;
  /** The running agent; its admin API listens on `agent.apiPort`. */
  agent: Awaited<ReturnType<typeof startAgent>>;
  api: Api;
  stop(): Promise<void>;
}

/**
 * One site and one resource in one process: the example site's manager,
 * bridge and API, and the example agent, trusting each other. Used by
 * `caroni dev` and by the integration tests.
 */
export async function startFederation(options: FederationOptions): Promise<Federation> {
  const { config, managerSql, agentSql, log } = options;
  const managerIdentity = await loadOrInitIdentity(config.keysDir, config.manager.id);
  const agentIdentity = await loadOrInitIdentity(config.keysDir, config.agent.id);
  await addTrustedAgent(managerSql, agentIdentity.id, publicKeyPem(agentIdentity.publicKey));
  await addTrustedManager(agentSql, {
    managerId: managerIdentity.id,
    publicKeyPem: publicKeyPem(managerIdentity.publicKey),
  });
  await seedExampleSite(managerSql);
  const tokens: DevTokens = {
    admin: config.devTokens.admin ?? generateToken(),
    site: config.devTokens.site ?? generateToken(),
  };
  await saveToken(managerSql, 'dev-admin', 'admin', tokens.admin);
  await saveToken(managerSql, 'dev-site', 'submitter', tokens.site);
  // One admin token drives both the manager's and the agent's API in dev.
  await saveToken(agentSql, 'dev-admin', 'admin', tokens.admin);

  const manager = await startManager(config, {
    workflowBundlePath: options.workflowBundlePath,
    log: log.child({ service: 'manager' }),
  });
  const bridge = options.withoutBridge
    ? undefined
    : await startBridge(config, { sql: managerSql, log: log.child({ service: 'bridge' }) });
  const agent = await startAgent(config, {
    sql: agentSql,
    handlers: options.handlers,
    log: log.child({ service: 'agent' }),
  });
  const api = await startApi(config, { sql: managerSql, log: log.child({ service: 'api' }) });
  return {
    tokens,
    manager,
    bridge,
    agent,
    api,
    async stop() {
      await api.stop();
      await agent.stop();
      await bridge?.stop();
      await manager.stop();
    },
  };
}
