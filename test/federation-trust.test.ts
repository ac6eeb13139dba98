import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDefinition, applyJobType } from '../api/definitions.ts';
import type { RunPage } from '../api/run-list.ts';
import type { RunView } from '../api/runs.ts';
import type { AgentStatus } from '../agent/agent.ts';
import { startFederation, type FederationTrust } from '../cli/federation.ts';
import { loadOrInitIdentity, publicKeyPem, type Identity } from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import { peekUnverified } from '../common/envelope.ts';
import type { UsageGroup } from '../common/usage.ts';
import type { QueueView } from '../api/queues.ts';
import type { SeenAgent } from '../db/agents-seen.ts';
import type { Definition } from '../workflows/definition.ts';
import { BrokerProbe } from './support/broker-probe.ts';
import { testJobTypes } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { tracked } from './support/handlers.ts';
import { uniqueName, waitFor } from './support/isolation.ts';

/**
 * Issue 5's acceptance: three sites (managers A, B, C) and two agents on one
 * broker. Agent 1 trusts A and B with weights 3 and 1 and handles C's job
 * types too (it does not trust C); agent 2 trusts B and C. A trusts agent 1,
 * B trusts both agents, C trusts agent 2. One federation serves every
 * scenario; each leaves it as it found it (agents running, trust as below,
 * queues empty, agents idle).
 */
const A = 0;
const B = 1;
const C = 2;
const agent1 = 0;
const agent2 = 1;
const weightOfA = 3;
const trust: FederationTrust = {
  agents: [
    [
      { site: A, weight: weightOfA },
      { site: B, weight: 1 },
    ],
    [{ site: B }, { site: C }],
  ],
  sites: [[agent1], [agent1, agent2], [agent2]],
};
const slots = 4;
const sleepJob = 'test.sleep';
const adIntervalMs = 500;

/**
 * `2 × input.half` jobs of `input.ms` each, all published at once: two fan-outs
 * side by side, since one runs at most 100 items at a time.
 */
const floodHalf = (id: string) => ({
  id,
  forEach: 'range(input.half)',
  concurrency: 100,
  job: sleepJob,
  params: { ms: '{{ input.ms }}' },
  output: '{{ len(result) }}',
});
const floodDefinition: Definition = {
  name: 'flood',
  version: 1,
  steps: [floodHalf('first'), floodHalf('second')],
  output: '{{ steps.first.output + steps.second.output }}',
};

/** One job of `input.ms`. */
const oneDefinition: Definition = {
  name: 'one',
  version: 1,
  steps: [{ id: 'job', job: sleepJob, params: { ms: '{{ input.ms }}' } }],
  output: '{{ steps.job.output }}',
};

/** A run that waits for its `approve` signal and runs no job. */
const approvalDefinition: Definition = {
  name: 'approval',
  version: 1,
  steps: [{ id: 'approve', wait: { signal: 'approve', timeoutMs: 120_000 } }],
};

async function body<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe('a federation of three sites and two agents with mutual trust', () => {
  let f: TestSite;
  let probe: BrokerProbe;
  /** Each site's identity (its manager id and signing key). */
  let identities: Identity[];

  beforeAll(async () => {
    f = await startTestSite({
      sites: 3,
      agents: 2,
      slots,
      trust,
      // Agent 2 offers a GPU; ads every half second, so quiet agents show within 1.5 s.
      agentSettings: [
        { announceIntervalMs: adIntervalMs },
        { announceIntervalMs: adIntervalMs, labels: { gpu: 'a100' } },
      ],
    });
    const sleepType = testJobTypes.find((jobType) => jobType.name === sleepJob);
    if (!sleepType) throw new Error(`no test job type ${sleepJob}`);
    for (const site of f.federation.sites) {
      await applyJobType(site.sql, sleepType);
      for (const definition of [floodDefinition, oneDefinition, approvalDefinition])
        await applyDefinition(site.sql, definition);
    }
    const { keysDir } = f.config;
    identities = await Promise.all(
      f.federation.sites.map((site) => loadOrInitIdentity(keysDir, site.config.manager.id)),
    );
    probe = await BrokerProbe.open(f.config.broker);
  });

  afterAll(async () => {
    await probe?.close();
    await f?.teardown();
  });

  const siteId = (site: number) => identities[site]?.id ?? `site ${site}`;
  const namespaceOf = (site: number) => f.federation.sites[site]?.config.manager.namespace ?? '';

  async function start(site: number, workflow: string, input: object): Promise<string> {
    const response = await f.fetchSite(site, '/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow, input }),
    });
    expect(response.status).toBe(202);
    return (await body<{ id: string }>(response)).id;
  }

  async function view(site: number, id: string): Promise<RunView> {
    const response = await f.fetchSite(site, `/v1/runs/${id}`);
    expect(response.status).toBe(200);
    return body<RunView>(response);
  }

  function finished(site: number, id: string, timeoutMs = 60_000): Promise<RunView> {
    return waitFor(
      async () => {
        const run = await view(site, id);
        return run.status === 'RUNNING' ? undefined : run;
      },
      { timeoutMs, intervalMs: 200, what: `run ${id} of site ${site} to end` },
    );
  }

  async function agentGet<T>(agent: number, route: string): Promise<T> {
    const response = await f.fetchAgent(agent, route);
    expect(response.status).toBe(200);
    return body<T>(response);
  }

  const status = (agent: number) => agentGet<AgentStatus>(agent, '/v1/admin/status');

  async function agentPost(agent: number, route: string, payload?: object): Promise<void> {
    const response = await f.fetchAgent(agent, route, {
      method: 'POST',
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    expect(response.status).toBe(200);
  }

  /** Agent `agent`'s ledger rows of run `id`'s jobs, in the order they started. */
  async function ledger(agent: number, id: string) {
    const sql = f.federation.agents[agent]?.sql;
    if (!sql) throw new Error(`no agent ${agent}`);
    return sql<{ manager_id: string; job_id: string; status: string; started_at: Date }[]>`
      select manager_id, job_id, status, started_at from jobs
      where starts_with(job_id, ${`${id}/`}) order by started_at, job_id`;
  }

  /**
   * Runs `scenario` with agent `agent` stopped, and starts it again whatever
   * happens; a scenario's own failure wins over one of the restart (it may
   * have failed with the agent running again).
   */
  async function withAgentStopped(agent: number, scenario: () => Promise<void>): Promise<void> {
    await f.stopAgent(agent);
    const failed = await scenario().then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    await f.restartAgent(agent).catch((error: unknown) => {
      if (!failed) throw error;
    });
    if (failed) throw failed.error;
  }

  /** Waits until agent `agent` runs nothing (jobs of an earlier step may still be finishing). */
  function idle(agent: number): Promise<AgentStatus> {
    return waitFor(
      async () => {
        const now = await status(agent);
        return now.stats.running === 0 ? now : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `agent ${agent} to run nothing` },
    );
  }

  it('is set up as the trust matrix says, on both sides', async () => {
    const managersOf = async (agent: number) =>
      (
        await agentGet<{ managers: { managerId: string; weight: number }[] }>(
          agent,
          '/v1/admin/managers',
        )
      ).managers
        .map(({ managerId, weight }) => ({ managerId, weight }))
        .sort((x, y) => x.managerId.localeCompare(y.managerId));
    expect(await managersOf(agent1)).toEqual(
      [
        { managerId: siteId(A), weight: weightOfA },
        { managerId: siteId(B), weight: 1 },
      ].sort((x, y) => x.managerId.localeCompare(y.managerId)),
    );
    expect(await managersOf(agent2)).toEqual(
      [
        { managerId: siteId(B), weight: 1 },
        { managerId: siteId(C), weight: 1 },
      ].sort((x, y) => x.managerId.localeCompare(y.managerId)),
    );
    const agentIds = f.federation.agents.map((agent) => agent.config.agent.id);
    const trustedBy = async (site: number) => {
      const admin = f.federation.sites[site]?.tokens.admin;
      const response = await f.fetchSite(site, '/v1/admin/trusted-agents', { token: admin });
      expect(response.status).toBe(200);
      const { agents } = await body<{ agents: { agentId: string }[] }>(response);
      return agents.map((agent) => agent.agentId).sort();
    };
    expect(await trustedBy(A)).toEqual([agentIds[agent1]]);
    expect(await trustedBy(B)).toEqual([agentIds[agent1], agentIds[agent2]].sort());
    expect(await trustedBy(C)).toEqual([agentIds[agent2]]);
    // Agent 1 could run C's jobs: only trust keeps them away.
    expect((await status(agent1)).jobTypes).toEqual(
      expect.arrayContaining([sleepJob, 'test.track']),
    );
  });

  it('refuses, before starting anything, a trust matrix that does not fit the federation', async () => {
    const startWith = (matrix: FederationTrust) =>
      startFederation({
        sites: f.federation.sites,
        agents: f.federation.agents,
        log: createLogger('test', 'silent'),
        trust: matrix,
      });
    await expect(startWith({ ...trust, sites: [[agent1]] })).rejects.toMatchObject({
      name: 'ConfigError',
      message: 'the trust matrix needs one list per site (3), not 1',
    });
    await expect(
      startWith({ ...trust, agents: [[{ site: 3 }], [{ site: B }]] }),
    ).rejects.toMatchObject({
      name: 'ConfigError',
      message: 'the trust matrix names site 3; there are 3 (0 to 2)',
    });
  });

  it("a. gives A 75% ± 7 points of agent 1's slots while A and B both flood it (weights 3:1)", async () => {
    await withAgentStopped(agent2, async () => {
      // Drained until both floods are queued whole: from the first start until A or B starts its
      // last, both are backlogged, however fast the agent runs next to the workflows' publishing.
      await agentPost(agent1, '/v1/admin/drain');
      let runs: string[];
      const publishStart = Date.now();
      try {
        runs = await Promise.all([A, B].map((site) => start(site, 'flood', { half: 100, ms: 40 })));
        await waitFor(
          async () => {
            const depths = await Promise.all(
              [A, B].map((site) => probe.depth(siteId(site), sleepJob)),
            );
            return depths.every((depth) => depth.messages === 200);
          },
          { timeoutMs: 60_000, intervalMs: 100, what: 'both floods to be queued' },
        );
        console.info(
          `flood: 2 × 200 jobs published through Temporal in ${Date.now() - publishStart} ms`,
        );
      } finally {
        await agentPost(agent1, '/v1/admin/undrain');
      }
      const [runA, runB] = runs;
      if (!runA || !runB) throw new Error('expected a run per site');
      const done = await Promise.all([finished(A, runA, 90_000), finished(B, runB, 90_000)]);
      expect(done.map((run) => [run.status, run.output])).toEqual([
        ['COMPLETED', 200],
        ['COMPLETED', 200],
      ]);
      const rows = [...(await ledger(agent1, runA)), ...(await ledger(agent1, runB))].sort(
        (x, y) => x.started_at.getTime() - y.started_at.getTime(),
      );
      expect(rows).toHaveLength(400);
      const starts = rows.map((row) => (row.manager_id === siteId(A) ? 'A' : 'B'));
      // While both still had queued jobs: until the first of them had started its last.
      const bothBacklogged = Math.min(starts.lastIndexOf('A'), starts.lastIndexOf('B'));
      const window = starts.slice(0, bothBacklogged);
      const shareOfA = window.filter((who) => who === 'A').length / window.length;
      console.info(
        `flood: A started ${(shareOfA * 100).toFixed(1)}% of ${window.length} jobs while both were backlogged`,
      );
      expect(window.length).toBeGreaterThan(200);
      expect(Math.abs(shareOfA - 0.75)).toBeLessThanOrEqual(0.07);
    });
  }, 150_000);

  it("b. starts B's single job within two A-job lengths while A holds 1,000 one-second jobs for agent 1", async () => {
    const jobMs = 1_000;
    const signer = identities[A];
    if (!signer) throw new Error('no identity of A');
    await withAgentStopped(agent2, async () => {
      const workflowId = uniqueName('backlog');
      try {
        for (let i = 0; i < 1_000; i++) {
          await probe.publish({
            signer,
            namespace: namespaceOf(A),
            jobType: sleepJob,
            params: { ms: jobMs },
            workflowId,
            stepId: String(i),
          });
        }
        await waitFor(async () => (await status(agent1)).running[siteId(A)] === slots, {
          what: "agent 1's slots to fill with A's backlog",
        });
        const startedAt = Date.now();
        const runB = await start(B, 'one', { ms: 50 });
        const [row] = await waitFor(
          async () => {
            const rows = await ledger(agent1, runB);
            return rows.length > 0 ? rows : undefined;
          },
          { timeoutMs: 30_000, what: "B's job to start on agent 1" },
        );
        const waitedMs = (row?.started_at.getTime() ?? Infinity) - startedAt;
        const backlog = (await probe.depth(siteId(A), sleepJob)).messages;
        console.info(
          `backlog: B's job started ${waitedMs} ms after its run; A has ${backlog} queued`,
        );
        expect(row?.manager_id).toBe(siteId(B));
        expect(waitedMs).toBeLessThanOrEqual(2 * jobMs);
        // A was backlogged all along: the job did not just wait for A's queue to run dry.
        expect(backlog).toBeGreaterThan(900);
        expect((await finished(B, runB)).status).toBe('COMPLETED');
      } finally {
        // A requeued message can slip back in after a purge: purge until agent 1 is idle and A's queue empty.
        await waitFor(
          async () => {
            await probe.purge(siteId(A), sleepJob);
            const [{ messages }, now] = await Promise.all([
              probe.depth(siteId(A), sleepJob),
              status(agent1),
            ]);
            return messages === 0 && now.stats.running === 0;
          },
          { timeoutMs: 30_000, intervalMs: 200, what: "A's backlog to be gone from agent 1" },
        );
      }
    });
  }, 90_000);

  it("c. starts B's new jobs on idle agent 2 at once while agent 1 is saturated by A's long jobs", async () => {
    const longRun = await start(A, 'flood', { half: slots / 2, ms: 60_000 });
    try {
      await waitFor(async () => (await status(agent1)).running[siteId(A)] === slots, {
        timeoutMs: 30_000,
        what: "agent 1's slots to fill with A's long jobs",
      });
      const startedAt = Date.now();
      const runB = await start(B, 'flood', { half: slots / 2, ms: 200 });
      const done = await finished(B, runB, 30_000);
      expect([done.status, done.output]).toEqual(['COMPLETED', slots]);
      const onAgent2 = await ledger(agent2, runB);
      expect(onAgent2).toHaveLength(slots);
      const waits = onAgent2.map((row) => row.started_at.getTime() - startedAt);
      console.info(`saturated: B's jobs started on agent 2 after ${waits.join(', ')} ms`);
      // At once: long before a slot of agent 1 could free up (A's jobs run a minute).
      for (const waited of waits) expect(waited).toBeLessThan(5_000);
      expect(await ledger(agent1, runB)).toEqual([]);
      // Agent 1 stayed saturated all along: B's jobs had nowhere else to go.
      expect((await status(agent1)).running[siteId(A)]).toBe(slots);
    } finally {
      await f.fetchSite(A, `/v1/runs/${longRun}/cancel`, { method: 'POST' });
      expect((await finished(A, longRun)).status).toBe('CANCELLED');
      await idle(agent1);
    }
  }, 90_000);

  it("d. refuses a job of C's published onto A's queue on agent 1, and never runs it", async () => {
    const signer = identities[C];
    if (!signer) throw new Error('no identity of C');
    const before = (await status(agent1)).stats.refused.unknown_key ?? 0;
    const group = uniqueName('forged');
    const workflowId = uniqueName('forged');
    const { bytes } = await probe.publish({
      signer,
      namespace: namespaceOf(C),
      jobType: 'test.track',
      params: { group, ms: 10 },
      workflowId,
      stepId: 'forged',
      queueOf: siteId(A),
    });
    const dead = await waitFor(() => probe.deadLetterOf(bytes), {
      what: "C's job in the dead letters",
    });
    expect(dead.properties.headers?.['x-caroni-reason']).toBe('unknown_key');
    expect(String(dead.properties.headers?.['x-caroni-detail'])).toContain(siteId(C));
    await waitFor(async () => (await status(agent1)).stats.refused.unknown_key === before + 1, {
      what: 'the refusal in agent 1 stats',
    });
    expect(await ledger(agent1, workflowId)).toEqual([]);
    expect(tracked.has(group)).toBe(false);
    expect((await probe.depth(siteId(A), 'test.track')).messages).toBe(0);
  });

  it("e. stops A's jobs starting on agent 1 once A is untrusted, and runs them when trust returns", async () => {
    const signer = identities[A];
    if (!signer) throw new Error('no identity of A');
    const restore = { managerId: signer.id, publicKeyPem: publicKeyPem(signer.publicKey) };
    // Agent 2 stopped, so B's job that shows agent 1 still taking work can run nowhere else.
    await withAgentStopped(agent2, async () => {
      // Idle, agent 1 watches every queue it may take from: A's too.
      await waitFor(async () => (await probe.depth(siteId(A), sleepJob)).consumers === 1, {
        what: "agent 1 to watch A's queue",
      });
      const removed = await f.fetchAgent(agent1, `/v1/admin/managers/${siteId(A)}`, {
        method: 'DELETE',
      });
      expect(removed.status).toBe(200);
      let trusted = false;
      try {
        // At once: when the removal returns, nobody takes from A's queue any more.
        expect((await probe.depth(siteId(A), sleepJob)).consumers).toBe(0);
        const runA = await start(A, 'one', { ms: 50 });
        await waitFor(async () => (await probe.depth(siteId(A), sleepJob)).messages === 1, {
          what: "A's job in A's queue",
        });
        // B's job, started after A's, runs on agent 1 while A's waits.
        const runB = await start(B, 'one', { ms: 50 });
        expect((await finished(B, runB)).status).toBe('COMPLETED');
        expect(await ledger(agent1, runB)).toHaveLength(1);
        const waiting = await view(A, runA);
        expect(waiting.status).toBe('RUNNING');
        expect(waiting.steps?.find((step) => step.id === 'job')?.status).toBe('queued');
        expect(await ledger(agent1, runA)).toEqual([]);
        expect((await probe.depth(siteId(A), sleepJob)).messages).toBe(1);

        const trustedAt = Date.now();
        await agentPost(agent1, '/v1/admin/managers', { ...restore, weight: weightOfA });
        trusted = true;
        expect((await finished(A, runA)).status).toBe('COMPLETED');
        const [row] = await ledger(agent1, runA);
        expect(row?.started_at.getTime()).toBeGreaterThanOrEqual(trustedAt);
      } finally {
        if (!trusted)
          await agentPost(agent1, '/v1/admin/managers', { ...restore, weight: weightOfA });
      }
    });
  }, 90_000);

  it("f. keeps A's runs out of sight and out of reach of B's API and tokens", async () => {
    const done = await start(A, 'one', { ms: 10 });
    const ownOfB = await start(B, 'one', { ms: 10 });
    expect((await finished(A, done)).status).toBe('COMPLETED');
    const waiting = await start(A, 'approval', {});
    await waitFor(
      async () =>
        (await view(A, waiting)).steps?.some(
          (step) => step.id === 'approve' && step.status === 'waiting',
        ),
      { what: "A's run to wait for its approval" },
    );
    const siteB = f.federation.sites[B];
    if (!siteB) throw new Error('no site B');
    for (const token of [siteB.tokens.site, siteB.tokens.admin]) {
      for (const id of [done, waiting]) {
        expect((await f.fetchSite(B, `/v1/runs/${id}`, { token })).status).toBe(404);
        expect((await f.fetchSite(B, `/v1/runs/${id}/events`, { token })).status).toBe(404);
        const cancel = await f.fetchSite(B, `/v1/runs/${id}/cancel`, { method: 'POST', token });
        expect(cancel.status).toBe(404);
        const signal = await f.fetchSite(B, `/v1/runs/${id}/signals`, {
          method: 'POST',
          token,
          body: JSON.stringify({ name: 'approve', payload: { by: 'site b' } }),
        });
        expect(signal.status).toBe(404);
      }
      // B's listing shows B's run (once visibility has it) and never one of A's.
      const ids = await waitFor(
        async () => {
          const listed = await f.fetchSite(B, '/v1/runs?limit=100', { token });
          expect(listed.status).toBe(200);
          const page = (await body<RunPage>(listed)).runs.map((run) => run.id);
          return page.includes(ownOfB) ? page : undefined;
        },
        { what: "B's run in B's listing" },
      );
      expect(ids).not.toContain(done);
      expect(ids).not.toContain(waiting);
      // B's tokens open nothing on A's API.
      expect((await f.fetchSite(A, `/v1/runs/${done}`, { token })).status).toBe(401);
      expect((await f.fetchSite(A, '/v1/runs', { token })).status).toBe(401);
      const cancel = await f.fetchSite(A, `/v1/runs/${waiting}/cancel`, { method: 'POST', token });
      expect(cancel.status).toBe(401);
    }
    // Untouched by all of that, and still A's to control.
    expect((await view(A, waiting)).status).toBe('RUNNING');
    expect((await f.fetchSite(A, `/v1/runs/${waiting}/cancel`, { method: 'POST' })).status).toBe(
      202,
    );
    expect((await finished(A, waiting)).status).toBe('CANCELLED');
  });

  it('g. agrees exactly on usage between the agents and the managers', async () => {
    // A job each, so the books are never empty even when this scenario runs alone.
    const runs = await Promise.all([A, B].map((site) => start(site, 'one', { ms: 10 })));
    for (const [index, id] of runs.entries())
      expect((await finished(index === 0 ? A : B, id)).status).toBe('COMPLETED');
    await Promise.all([idle(agent1), idle(agent2)]);

    const agentIds = f.federation.agents.map((agent) => agent.config.agent.id);
    const agentBooks = await Promise.all(
      [agent1, agent2].map(
        async (agent) =>
          (await agentGet<{ managers: UsageGroup<'managerId'>[] }>(agent, '/v1/admin/usage'))
            .managers,
      ),
    );
    const onAgent = (agent: number, site: number) =>
      agentBooks[agent]?.find((group) => group.managerId === siteId(site));
    const managerBooks = (site: number) =>
      waitFor(
        async () => {
          const admin = f.federation.sites[site]?.tokens.admin;
          const response = await f.fetchSite(site, '/v1/admin/usage', { token: admin });
          expect(response.status).toBe(200);
          const { agents } = await body<{ agents: UsageGroup<'agentId'>[] }>(response);
          // The bridge books a result beside its signal: the last ones may land a moment later.
          const caughtUp = agentIds.every(
            (agentId, agent) =>
              agents.find((group) => group.agentId === agentId)?.jobs ===
              onAgent(agent, site)?.jobs,
          );
          return caughtUp ? agents : undefined;
        },
        { what: `site ${site}'s usage to catch up with the agents'` },
      );
    for (const site of [A, B, C]) {
      const books = await managerBooks(site);
      for (const [agent, agentId] of agentIds.entries()) {
        const onManager = books.find((group) => group.agentId === agentId);
        // Same runs, same sums, field by field and per job type (toEqual ignores the undefined ids).
        expect({ ...onManager, agentId: undefined }).toEqual({
          ...onAgent(agent, site),
          managerId: undefined,
        });
      }
    }
    const aOnAgent1 = onAgent(agent1, A);
    const bOnAgent1 = onAgent(agent1, B);
    expect(aOnAgent1?.jobs).toBeGreaterThan(0);
    expect(bOnAgent1?.jobs).toBeGreaterThan(0);
    console.info(`usage: agent 1 ran ${aOnAgent1?.jobs} jobs of A and ${bOnAgent1?.jobs} of B`);
  });

  // Scenarios h to k come after g: in h an untrusted agent runs a job of B's whose result B
  // refuses, so from then on agent 2's books hold a run that B's, by design, do not.

  /** Site `site`'s admin view of the agents it trusts or has heard from. */
  async function agentsSeenBy(site: number) {
    const admin = f.federation.sites[site]?.tokens.admin;
    const response = await f.fetchSite(site, '/v1/admin/agents', { token: admin });
    expect(response.status).toBe(200);
    return (await body<{ agents: SeenAgent[] }>(response)).agents;
  }

  const agentIdOf = (agent: number) => f.federation.agents[agent]?.config.agent.id ?? '';

  it("h. re-dispatches a job an untrusted agent took: it completes on a trusted agent, the stranger's result never counts", async () => {
    const siteB = f.federation.sites[B];
    if (!siteB?.bridge) throw new Error('no bridge of site B');
    const admin = siteB.tokens.admin;
    const stranger = await loadOrInitIdentity(f.config.keysDir, agentIdOf(agent2));
    // B stops trusting agent 2, which still trusts B and so still reads B's queues.
    const removed = await f.fetchSite(B, `/v1/admin/trusted-agents/${stranger.id}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(removed.status).toBe(200);
    await siteB.bridge.reloadTrust();
    const takenBefore = siteB.bridge.replies.stats.taken_by_untrusted ?? 0;
    try {
      await withAgentStopped(agent1, async () => {
        // Agent 1 said it was going (draining), then went quiet: B sees it so.
        await waitFor(
          async () =>
            (await agentsSeenBy(B)).find((seen) => seen.agentId === agentIdOf(agent1))?.quiet,
          { what: 'agent 1 to be quiet for B' },
        );
        const run = await start(B, 'one', { ms: 300 });
        // The stranger, alone on B's queue, takes the job and runs it; B refuses what it says.
        await waitFor(async () => (await ledger(agent2, run)).length === 1, {
          what: 'the untrusted agent to take the job',
        });
        await waitFor(() => (siteB.bridge?.replies.stats.taken_by_untrusted ?? 0) > takenBefore, {
          what: "B's bridge to notice the untrusted take",
        });
        const refusedResult = await waitFor(
          () =>
            probe.deadLetters.find((message) => {
              const envelope = peekUnverified(message.content);
              return (
                envelope?.sender === stranger.id &&
                envelope.jobResult?.jobId?.startsWith(`${run}/`) === true
              );
            }),
          { what: "the stranger's result in the dead letters" },
        );
        expect(refusedResult.properties.headers?.['x-caroni-reason']).toBe('unknown_key');
        // No trusted agent is there: the step waits, queued.
        expect((await view(B, run)).status).toBe('RUNNING');
        await f.restartAgent(agent1);
        const done = await finished(B, run);
        expect(done.status).toBe('COMPLETED');
        expect(done.steps?.find((step) => step.id === 'job')?.agent).toBe(agentIdOf(agent1));
        expect(await ledger(agent1, run)).toMatchObject([{ status: 'succeeded' }]);
        await f.stopAgent(agent1);
      });
    } finally {
      const restored = await f.fetchSite(B, '/v1/admin/trusted-agents', {
        method: 'POST',
        token: admin,
        body: JSON.stringify({
          agentId: stranger.id,
          publicKeyPem: publicKeyPem(stranger.publicKey),
        }),
      });
      expect(restored.status).toBe(200);
      await siteB.bridge.reloadTrust();
    }
  }, 90_000);

  it('i. pins a step to a trusted agent advertising its labels, and fails one no trusted agent matches within seconds', async () => {
    const gpu = (name: string, labels: Record<string, string>): Definition => ({
      name,
      version: 1,
      steps: [{ id: 'job', job: sleepJob, params: { ms: 50 }, placement: { labels } }],
    });
    for (const site of [A, B]) {
      const sql = f.federation.sites[site]?.sql;
      if (!sql) throw new Error(`no site ${site}`);
      await applyDefinition(sql, gpu('on-a100', { gpu: 'a100' }));
      await applyDefinition(sql, gpu('on-h100', { gpu: 'h100' }));
    }
    // Only agent 2 offers gpu=a100, and B trusts it (again, after h: once its next ad is in).
    await waitFor(
      async () =>
        (await agentsSeenBy(B)).find((seen) => seen.agentId === agentIdOf(agent2))?.quiet === false,
      { what: 'a current ad of agent 2 at B' },
    );
    const onA100 = await finished(B, await start(B, 'on-a100', {}));
    expect(onA100.status).toBe('COMPLETED');
    expect(onA100.steps?.find((step) => step.id === 'job')?.agent).toBe(agentIdOf(agent2));
    for (const [site, workflow] of [
      [B, 'on-h100'],
      [A, 'on-a100'], // agent 2 has the label, but A does not trust it
    ] as const) {
      const startedAt = Date.now();
      const failed = await finished(site, await start(site, workflow, {}), 10_000);
      expect(failed.status).toBe('FAILED');
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      expect(failed.error?.message).toContain('no agent can take the job');
      expect(failed.error?.message).toContain(
        site === B ? `${agentIdOf(agent2)} lacks gpu=h100` : `${agentIdOf(agent1)} lacks gpu=a100`,
      );
    }
  }, 60_000);

  it('j. routes around a drained agent: it finishes what it runs and takes nothing new while the other completes runs', async () => {
    const sql = f.federation.sites[B]?.sql;
    if (!sql) throw new Error('no site B');
    await applyDefinition(sql, {
      name: 'on-agent-1',
      version: 1,
      steps: [
        {
          id: 'job',
          job: sleepJob,
          params: { ms: 2_000 },
          placement: { agent: agentIdOf(agent1) },
        },
      ],
    });
    const long = await start(B, 'on-agent-1', {});
    await waitFor(async () => (await status(agent1)).running[siteId(B)] === 1, {
      what: "B's long job to run on agent 1",
    });
    await agentPost(agent1, '/v1/admin/drain');
    try {
      await waitFor(
        async () =>
          (await agentsSeenBy(B)).find((seen) => seen.agentId === agentIdOf(agent1))?.ad?.draining,
        { what: 'B to see agent 1 draining in its ad' },
      );
      const runs = await Promise.all([1, 2, 3, 4].map(() => start(B, 'one', { ms: 100 })));
      for (const run of runs) {
        const done = await finished(B, run);
        expect(done.status).toBe('COMPLETED');
        expect(done.steps?.find((step) => step.id === 'job')?.agent).toBe(agentIdOf(agent2));
        expect(await ledger(agent1, run)).toEqual([]);
      }
      // The job it ran when the drain began finished there.
      const finishedLong = await finished(B, long);
      expect(finishedLong.status).toBe('COMPLETED');
      expect(await ledger(agent1, long)).toMatchObject([{ status: 'succeeded' }]);
    } finally {
      await agentPost(agent1, '/v1/admin/undrain');
    }
  }, 60_000);

  it("k. shows a site its own queue depths and the load of the agents serving it, never another site's", async () => {
    const queues = async (site: number) => {
      const response = await f.fetchSite(site, '/v1/queues');
      expect(response.status).toBe(200);
      return body<QueueView>(response);
    };
    await withAgentStopped(agent2, async () => {
      await agentPost(agent1, '/v1/admin/drain');
      const run = await start(A, 'one', { ms: 50 });
      try {
        const ofA = await waitFor(
          async () => {
            const view = await queues(A);
            return view.jobTypes.find((entry) => entry.jobType === sleepJob)?.total === 1
              ? view
              : undefined;
          },
          { what: "A's queued job in A's queue view" },
        );
        expect(ofA.jobTypes.find((entry) => entry.jobType === sleepJob)?.queued).toEqual({
          high: 0,
          normal: 1,
          low: 0,
        });
        expect(ofA.agents.map((agent) => agent.agentId)).toEqual([agentIdOf(agent1)]);
        expect(ofA.agents[0]).toMatchObject({ capacity: slots, draining: true, quiet: false });
        const ofB = await queues(B);
        expect(ofB.jobTypes.find((entry) => entry.jobType === sleepJob)?.total).toBe(0);
        expect(ofB.agents.map((agent) => agent.agentId).sort()).toEqual(
          [agentIdOf(agent1), agentIdOf(agent2)].sort(),
        );
        const ofC = await queues(C);
        expect(ofC.agents.map((agent) => agent.agentId)).toEqual([agentIdOf(agent2)]);
        expect(JSON.stringify(ofC)).not.toContain(siteId(A));
      } finally {
        await agentPost(agent1, '/v1/admin/undrain');
      }
      expect((await finished(A, run)).status).toBe('COMPLETED');
    });
  }, 60_000);
});
