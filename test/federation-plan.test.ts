import { describe, expect, it } from 'vitest';
import { planFederation } from '../cli/federation-plan.ts';
import { loadConfig } from '../common/config.ts';
import { ConfigError } from '../common/errors.ts';

describe('planFederation', () => {
  it('keeps the configured site and agent when there is one of each', () => {
    const base = loadConfig({ CARONI_MANAGER_ID: 'lab', TEMPORAL_NAMESPACE: 'lab-ns' });
    const plan = planFederation(base, { sites: 1, agents: 1 });
    expect(plan.sites).toEqual([base]);
    expect(plan.agents).toEqual([base]);
  });

  it('numbers several sites and agents, each site in its own namespace, ports 100 apart', () => {
    const base = loadConfig({ CARONI_ADMIN_TOKEN: 'a'.repeat(16) });
    const plan = planFederation(base, { sites: 3, agents: 2 });
    expect(plan.sites.map((site) => [site.manager, site.api.port])).toEqual([
      [{ id: 'site-1', namespace: 'site-1' }, 8000],
      [{ id: 'site-2', namespace: 'site-2' }, 8100],
      [{ id: 'site-3', namespace: 'site-3' }, 8200],
    ]);
    expect(plan.agents.map((agent) => [agent.agent.id, agent.agent.port])).toEqual([
      ['agent-1', 8001],
      ['agent-2', 8101],
    ]);
    // Only the first site takes the configured tokens: no token opens two sites.
    expect(plan.sites.map((site) => site.devTokens.admin)).toEqual([
      'a'.repeat(16),
      undefined,
      undefined,
    ]);
    expect(new Set(plan.sites.map((site) => site.broker.prefix)).size).toBe(1);
  });

  it('gives every listener a free port when the base port is 0', () => {
    const base = loadConfig({ CARONI_API_PORT: '0', CARONI_AGENT_PORT: '0' });
    const plan = planFederation(base, { sites: 2, agents: 2 });
    expect([...plan.sites.map((s) => s.api.port), ...plan.agents.map((a) => a.agent.port)]).toEqual(
      [0, 0, 0, 0],
    );
  });

  it('refuses sizes outside 1..20, colliding ports and ports past 65535', () => {
    const base = loadConfig({});
    expect(() => planFederation(base, { sites: 0, agents: 1 })).toThrow(ConfigError);
    expect(() => planFederation(base, { sites: 1, agents: 21 })).toThrow(ConfigError);
    const colliding = loadConfig({ CARONI_API_PORT: '8000', CARONI_AGENT_PORT: '8100' });
    expect(() => planFederation(colliding, { sites: 2, agents: 1 })).toThrow(/would share a port/);
    const high = loadConfig({ CARONI_API_PORT: '65500' });
    expect(() => planFederation(high, { sites: 2, agents: 1 })).toThrow(/below 65536/);
  });
});
