import type { Config } from '../common/config.ts';
import { ConfigError } from '../common/errors.ts';

/** The most sites or agents `caroni dev` starts: each costs a database, a worker and a port. */
export const maxFederationSize = 20;

export interface FederationShape {
  /** Number of sites (1 to {@link maxFederationSize}). */
  sites: number;
  /** Number of agents (1 to {@link maxFederationSize}). */
  agents: number;
  /** Ids of the sites when there are several (default `site-1`…); tests pass unique ones. */
  siteIds?: string[];
  /** Ids of the agents when there are several (default `agent-1`…). */
  agentIds?: string[];
}

/** One `Config` per process of a federation; they differ from the base only in ids, namespace, ports and dev tokens. */
export interface FederationPlan {
  sites: Config[];
  agents: Config[];
}

/**
 * Site `k`'s API and agent `k`'s admin API share the hundred above the
 * configured ports (8000 and 8001 by default: site 2 on 8100, agent 2 on
 * 8101), so neither collides with the other while both stay easy to guess.
 */
const portStride = 100;

function ports(base: number, count: number): number[] {
  // 0 asks the OS for a free port per listener (tests).
  return Array.from({ length: count }, (_, index) => (base === 0 ? 0 : base + index * portStride));
}

function ids(given: string[] | undefined, prefix: string, count: number): string[] {
  const chosen = given ?? Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);
  if (chosen.length !== count)
    throw new ConfigError(`expected ${count} ${prefix} ids, got ${chosen.length}`);
  return chosen;
}

function checkSize(what: string, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > maxFederationSize)
    throw new ConfigError(`the number of ${what} must be 1 to ${maxFederationSize}, not ${count}`);
}

/**
 * The configurations of N sites and M agents built from `base`. One site keeps
 * the base's manager id and namespace, one agent the base's agent id (so
 * `caroni dev` alone is the example site and agent); several are `site-1`…
 * and `agent-1`…, each site in a namespace named after it. Only the first
 * site takes the dev tokens of the base: every other one generates its own,
 * so no token opens two sites.
 *
 * @throws ConfigError for a size outside 1..20, or ports beyond 65535 or
 *   colliding (CARONI_API_PORT and CARONI_AGENT_PORT a multiple of 100 apart).
 */
export function planFederation(base: Config, shape: FederationShape): FederationPlan {
  checkSize('sites', shape.sites);
  checkSize('agents', shape.agents);
  const baseSite = shape.sites === 1 && !shape.siteIds;
  const siteIds = baseSite ? [base.manager.id] : ids(shape.siteIds, 'site', shape.sites);
  const agentIds =
    shape.agents === 1 && !shape.agentIds
      ? [base.agent.id]
      : ids(shape.agentIds, 'agent', shape.agents);
  const sitePorts = ports(base.api.port, shape.sites);
  const agentPorts = ports(base.agent.port, shape.agents);
  const bound = [...sitePorts, ...agentPorts].filter((port) => port !== 0);
  if (bound.some((port) => port > 65535))
    throw new ConfigError(
      `sites and agents listen ${portStride} ports apart from CARONI_API_PORT and CARONI_AGENT_PORT: lower them to fit ${shape.sites} sites and ${shape.agents} agents below 65536`,
    );
  if (new Set(bound).size !== bound.length)
    throw new ConfigError(
      `CARONI_API_PORT and CARONI_AGENT_PORT are a multiple of ${portStride} apart: sites and agents, which listen ${portStride} ports apart, would share a port`,
    );
  return {
    sites: siteIds.map((id, index) => ({
      ...base,
      manager: baseSite ? base.manager : { id, namespace: id },
      api: { ...base.api, port: sitePorts[index] ?? 0 },
      devTokens: index === 0 ? base.devTokens : { admin: undefined, site: undefined },
    })),
    agents: agentIds.map((id, index) => ({
      ...base,
      agent: { ...base.agent, id, port: agentPorts[index] ?? 0 },
    })),
  };
}
