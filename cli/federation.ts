import type { Sql } from 'postgres';
import { startAgent, type RunningAgent } from '../agent/main.ts';
import type { Handler } from '../agent/handler.ts';
import { addTrustedManager } from '../agent/trust.ts';
import { startApi, type Api } from '../api/main.ts';
import { addTrustedAgent } from '../bridge/trust.ts';
import { superviseBridge, type Bridge } from '../bridge/main.ts';
import type { Config } from '../common/config.ts';
import { ConfigError } from '../common/errors.ts';
import { loadOrInitIdentity, publicKeyPem } from '../common/keys.ts';
import type { Logger } from '../common/log.ts';
import { bundleWorkflows } from '../common/workflows-path.ts';
import type { DevTokens } from './api-client.ts';
import { generateToken, saveToken } from '../db/tokens.ts';
import { seedExampleSite } from '../examples/seed.ts';
import { startManager, type Manager, type ManagerOverrides } from '../manager/main.ts';

/** A party of the federation to start: its configuration and its own (migrated) database. */
export interface PartySpec {
  config: Config;
  sql: Sql;
}

export interface FederationOptions {
  /** The sites, each with a config from `planFederation` and its manager database. */
  sites: PartySpec[];
  /** The agents, each with a config from `planFederation` and its agent database. */
  agents: PartySpec[];
  log: Logger;
  workflowBundlePath?: string;
  /** The agents' handlers, when the caller has them (tests); else loaded from configuration. */
  handlers?: Record<string, Handler>;
  /** Leave the bridges out (a test runs one as its own process). */
  withoutBridge?: boolean;
  /** Who trusts whom; unset: every site trusts every agent and every agent every site, weight 1. */
  trust?: FederationTrust;
}

/** A site an agent takes jobs from, and on what terms. */
export interface SiteGrant {
  /** Index of the site in {@link FederationOptions.sites}. */
  site: number;
  /** Fair-share weight (default 1). */
  weight?: number;
  /** The job types the site may run on the agent (default: every one it handles). */
  jobTypes?: string[];
}

/**
 * An explicit trust matrix, by position in {@link FederationOptions.sites}
 * and {@link FederationOptions.agents}: the federations of tests where not
 * everyone trusts everyone.
 */
export interface FederationTrust {
  /** One list per agent, in order: the sites it trusts. */
  agents: SiteGrant[][];
  /** One list per site, in order: the indexes of the agents it trusts. */
  sites: number[][];
}

/** One running site: manager worker, bridge and API over its own database and namespace. */
export interface FederationSite {
  config: Config;
  sql: Sql;
  /** Its admin and submitter tokens, valid on this site's API only. */
  tokens: DevTokens;
  manager: Manager;
  bridge: Bridge | undefined;
  api: Api;
}

/** One running agent; its admin API listens on `agent.apiPort`. */
export interface FederationAgent {
  config: Config;
  sql: Sql;
  /** The admin token of its API. */
  adminToken: string;
  agent: RunningAgent;
}

export interface Federation {
  sites: FederationSite[];
  agents: FederationAgent[];
  /** The first site's admin and submitter tokens (the first agent takes the same admin token). */
  tokens: DevTokens;
  /** The first site's manager, bridge and API, and the first agent: what a one-site caller uses. */
  manager: Manager;
  bridge: Bridge | undefined;
  agent: RunningAgent;
  api: Api;
  stop(): Promise<void>;
}

/** What `caroni dev` sets up: every site trusts every agent and every agent every site, weight 1. */
function everyoneTrustsEveryone(sites: number, agents: number): FederationTrust {
  const indexes = (count: number) => Array.from({ length: count }, (_, index) => index);
  return {
    agents: indexes(agents).map(() => indexes(sites).map((site) => ({ site }))),
    sites: indexes(sites).map(() => indexes(agents)),
  };
}

/** @throws ConfigError when the matrix does not have one list per party or names a party that is not there. */
function checkTrust(trust: FederationTrust, sites: number, agents: number): void {
  const check = (what: string, lists: unknown[], count: number) => {
    if (lists.length !== count)
      throw new ConfigError(
        `the trust matrix needs one list per ${what} (${count}), not ${lists.length}`,
      );
  };
  const inRange = (what: string, index: number, count: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw new ConfigError(
        `the trust matrix names ${what} ${index}; there are ${count} (0 to ${count - 1})`,
      );
  };
  check('agent', trust.agents, agents);
  check('site', trust.sites, sites);
  for (const grants of trust.agents) for (const { site } of grants) inRange('site', site, sites);
  for (const trusted of trust.sites) for (const agent of trusted) inRange('agent', agent, agents);
}

/**
 * Writes the trust matrix into the parties' databases; each site gets the
 * example job types and workflows and two tokens of its own.
 */
async function introduce(
  sites: PartySpec[],
  agents: PartySpec[],
  trust: FederationTrust,
): Promise<DevTokens[]> {
  const first = sites[0]?.config ?? agents[0]?.config;
  if (!first) return [];
  const { keysDir } = first;
  const siteKeys = await Promise.all(
    sites.map((site) => loadOrInitIdentity(keysDir, site.config.manager.id)),
  );
  const agentKeys = await Promise.all(
    agents.map((agent) => loadOrInitIdentity(keysDir, agent.config.agent.id)),
  );
  for (const [index, site] of sites.entries()) {
    for (const agentIndex of trust.sites[index] ?? []) {
      const key = agentKeys[agentIndex];
      if (key) await addTrustedAgent(site.sql, key.id, publicKeyPem(key.publicKey));
    }
  }
  for (const [index, agent] of agents.entries()) {
    for (const { site, weight, jobTypes } of trust.agents[index] ?? []) {
      const key = siteKeys[site];
      if (!key) continue;
      await addTrustedManager(agent.sql, {
        managerId: key.id,
        publicKeyPem: publicKeyPem(key.publicKey),
        weight,
        jobTypes,
      });
    }
  }
  const tokens: DevTokens[] = [];
  for (const site of sites) {
    await seedExampleSite(site.sql);
    const own: DevTokens = {
      admin: site.config.devTokens.admin ?? generateToken(),
      site: site.config.devTokens.site ?? generateToken(),
    };
    await saveToken(site.sql, 'dev-admin', 'admin', own.admin);
    await saveToken(site.sql, 'dev-site', 'submitter', own.site);
    tokens.push(own);
  }
  return tokens;
}

/**
 * Sites and agents in one process on one Temporal service and one broker
 * prefix, each site in its own namespace with its own database, keys, manager
 * worker, bridge, API and tokens, each agent with its own database and admin
 * API, trusting each other as `options.trust` says (default: all of them).
 * Used by `caroni dev` and by the integration tests; build the configurations
 * with `planFederation`.
 *
 * @throws Error when `sites` or `agents` is empty; ConfigError when the trust
 *   matrix does not fit them.
 */
export async function startFederation(options: FederationOptions): Promise<Federation> {
  const { log, sites: siteSpecs, agents: agentSpecs } = options;
  const trust = options.trust ?? everyoneTrustsEveryone(siteSpecs.length, agentSpecs.length);
  checkTrust(trust, siteSpecs.length, agentSpecs.length);
  // Before anything starts, so a party never runs without its trust and tokens.
  const tokens = await introduce(siteSpecs, agentSpecs, trust);
  const firstTokens = tokens[0];
  if (!firstTokens || options.agents.length === 0)
    throw new Error('a federation needs at least one site and one agent');

  const bundle = await sharedWorkflowBundle(options);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const sites: FederationSite[] = [];
    for (const [index, spec] of options.sites.entries()) {
      const siteLog = log.child({ site: spec.config.manager.id });
      const manager = await startManager(spec.config, {
        ...bundle,
        log: siteLog.child({ service: 'manager' }),
      });
      stops.push(() => manager.stop());
      const bridge = options.withoutBridge
        ? undefined
        : await superviseBridge(spec.config, {
            sql: spec.sql,
            log: siteLog.child({ service: 'bridge' }),
          });
      if (bridge) stops.push(() => bridge.stop());
      const api = await startApi(spec.config, {
        sql: spec.sql,
        log: siteLog.child({ service: 'api' }),
      });
      stops.push(() => api.stop());
      sites.push({ ...spec, tokens: tokens[index] ?? firstTokens, manager, bridge, api });
    }
    const agents: FederationAgent[] = [];
    for (const [index, spec] of options.agents.entries()) {
      // The first agent shares the first site's admin token, so one token drives both in `caroni dev`.
      const adminToken = index === 0 ? firstTokens.admin : generateToken();
      await saveToken(spec.sql, 'dev-admin', 'admin', adminToken);
      const agent = await startAgent(spec.config, {
        sql: spec.sql,
        handlers: options.handlers,
        log: log.child({ service: 'agent', agentId: spec.config.agent.id }),
      });
      stops.push(() => agent.stop());
      agents.push({ ...spec, adminToken, agent });
    }
    const [site, agent] = [sites[0], agents[0]];
    if (!site || !agent) throw new Error('a federation needs at least one site and one agent');
    return {
      sites,
      agents,
      tokens: site.tokens,
      manager: site.manager,
      bridge: site.bridge,
      agent: agent.agent,
      api: site.api,
      // In reverse order of start: the agents, then each site's API, bridge and manager.
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * The workflow bundle the managers share: the caller's, or one bundled here
 * for several sites, which would otherwise each bundle the same code.
 */
async function sharedWorkflowBundle(
  options: FederationOptions,
): Promise<Pick<ManagerOverrides, 'workflowBundlePath' | 'workflowBundleCode'>> {
  if (options.workflowBundlePath) return { workflowBundlePath: options.workflowBundlePath };
  if (options.sites.length === 1) return {};
  const log = options.log.child({ component: 'workflow-bundler' });
  return {
    workflowBundleCode: await bundleWorkflows({
      warn: (message) => log.warn(message),
      error: (message) => log.error(message),
    }),
  };
}
