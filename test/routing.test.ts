import { describe, expect, it } from 'vitest';
import { chooseAgent } from '../bridge/routing.ts';
import type { AgentAd } from '../db/agents-seen.ts';

const now = 1_000_000;

function ad(agentId: string, fields: Partial<AgentAd> = {}): AgentAd {
  return {
    agentId,
    jobTypes: ['text.stats'],
    labels: {},
    capacity: 4,
    load: 0,
    loadForSite: 0,
    protocolVersions: [1],
    softwareVersion: '0.1.0',
    draining: false,
    announceIntervalMs: 5_000,
    announcedAtMs: now - 1_000,
    ...fields,
  };
}

describe('choosing the agent a job is pinned to', () => {
  it('takes an agent advertising every required label, the least loaded first', () => {
    const ads = [
      ad('a', { labels: { gpu: 'a100' }, load: 3 }),
      ad('b', { labels: { gpu: 'a100', zone: 'eu' }, load: 1 }),
      ad('c', { labels: { gpu: 't4' }, load: 0 }),
    ];
    expect(chooseAgent(ads, 'text.stats', { labels: { gpu: 'a100' } }, now)).toEqual({
      ok: true,
      agentId: 'b',
    });
    expect(chooseAgent(ads, 'text.stats', { labels: { gpu: 'a100', zone: 'eu' } }, now)).toEqual({
      ok: true,
      agentId: 'b',
    });
  });

  it('compares load relative to capacity, and prefers an agent that is not draining', () => {
    const ads = [
      ad('big', { capacity: 10, load: 4 }),
      ad('small', { capacity: 2, load: 1 }),
      ad('idle-but-draining', { load: 0, draining: true }),
    ];
    expect(chooseAgent(ads, 'text.stats', { labels: {} }, now)).toEqual({
      ok: true,
      agentId: 'big',
    });
    // A drained agent only when no other matches: the job waits there for the undrain.
    expect(chooseAgent([ads[2] as AgentAd], 'text.stats', { labels: {} }, now)).toEqual({
      ok: true,
      agentId: 'idle-but-draining',
    });
  });

  it('says what each agent lacks when none can take the job', () => {
    const ads = [
      ad('quiet', { labels: { gpu: 'a100' }, announcedAtMs: now - 16_000 }),
      ad('other-type', { labels: { gpu: 'a100' }, jobTypes: ['text.sha256'] }),
      ad('t4', { labels: { gpu: 't4' } }),
    ];
    const choice = chooseAgent(ads, 'text.stats', { labels: { gpu: 'a100' } }, now);
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(choice.reason).toContain('asked a trusted agent for text.stats with labels gpu=a100');
    expect(choice.reason).toContain('quiet is quiet (last ad 16000 ms ago)');
    expect(choice.reason).toContain('other-type does not offer text.stats to this site');
    expect(choice.reason).toContain('t4 lacks gpu=a100');
  });

  it('pins to a named agent only, and explains an unknown one', () => {
    const ads = [ad('a'), ad('b', { load: 3 })];
    expect(chooseAgent(ads, 'text.stats', { agent: 'b' }, now)).toEqual({
      ok: true,
      agentId: 'b',
    });
    expect(chooseAgent(ads, 'text.stats', { agent: 'z' }, now)).toEqual({
      ok: false,
      reason:
        'no agent can take the job: asked agent z for text.stats; agent z is not trusted by this site or has never announced itself',
    });
    expect(chooseAgent([], 'text.stats', {}, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no trusted agent has announced itself') as string,
    });
  });
});
