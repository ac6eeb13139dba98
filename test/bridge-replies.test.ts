import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../bridge/main.ts';
import { seal, type Body } from '../common/envelope.ts';
import { generateIdentity, loadOrInitIdentity, type Identity } from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import { toValue } from '../common/struct.ts';
import { BrokerProbe } from './support/broker-probe.ts';
import { applyNap } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';
import { endedRun, startRun } from './support/runs.ts';

const minutes = 60_000;

/** What the bridge refuses among replies signed by a trusted agent, and what it ignores. */
describe("the bridge's reply checks", () => {
  let f: TestSite;
  let probe: BrokerProbe;
  let agent: Identity;

  beforeAll(async () => {
    f = await startTestSite();
    agent = await loadOrInitIdentity(f.config.keysDir, f.config.agent.id);
    probe = await BrokerProbe.open(f.config.broker);
  });

  afterAll(async () => {
    await probe?.close();
    await f?.teardown();
  });

  const managerId = () => f.config.manager.id;
  const ref = () => ({
    manager: managerId(),
    namespace: f.config.manager.namespace,
    workflowId: 'no-such-run',
    runId: 'run',
    stepId: 'step',
  });
  const signed = (body: Body, sentAtMs: number, by: Identity = agent) =>
    seal(by, managerId(), body, {}, sentAtMs);

  async function deadLetterReason(bytes: Uint8Array): Promise<unknown> {
    const message = await waitFor(() => probe.deadLetterOf(bytes), { what: 'the dead letter' });
    return message.properties.headers?.['x-caroni-reason'];
  }

  it('refuses progress, announcements and reconciliations signed outside the freshness window, either way', async () => {
    const progress = { jobProgress: { jobId: 'no-such-run/run/step/0', ref: ref(), attempt: 1 } };
    const ad = { agentAnnouncement: { agentId: agent.id, capacity: 1, announceIntervalMs: 1_000 } };
    const reconcile = { reconcileJobs: { jobs: [] } };
    const cases = [
      signed(progress, Date.now() - 10 * minutes),
      signed(ad, Date.now() + 10 * minutes),
      signed(reconcile, Date.now() - 10 * minutes),
    ];
    for (const bytes of cases) await probe.publishReply(managerId(), bytes);
    for (const bytes of cases) expect(await deadLetterReason(bytes)).toBe('stale');
    const stats = f.federation.bridge?.replies.stats ?? {};
    expect(stats.refused_stale).toBe(3);
    // The agent's own ads (4 slots) are what the manager holds, not the future-dated one's.
    const [row] = await f.managerSql<{ capacity: number | null }[]>`
      select capacity from agents_seen where agent_id = ${agent.id}`;
    expect(row?.capacity ?? 4).toBe(4);
  });

  it('takes a fresh ad, and drops an untrusted agent’s ads without dead-lettering them', async () => {
    const stranger = generateIdentity('stranger-agent');
    const theirs = signed(
      { agentAnnouncement: { agentId: stranger.id, capacity: 1 } },
      Date.now(),
      stranger,
    );
    const ours = signed(
      { agentAnnouncement: { agentId: agent.id, capacity: 9, announceIntervalMs: 60_000 } },
      Date.now(),
    );
    await probe.publishReply(managerId(), theirs);
    await probe.publishReply(managerId(), ours);
    const stats = () => f.federation.bridge?.replies.stats ?? {};
    await waitFor(() => (stats().ignored_untrusted_announcement ?? 0) >= 1, {
      what: "the stranger's ad to be ignored",
    });
    await waitFor(
      async () => {
        const [row] = await f.managerSql<{ capacity: number | null }[]>`
          select capacity from agents_seen where agent_id = ${agent.id}`;
        return row?.capacity === 9;
      },
      { what: 'the fresh ad to be stored' },
    );
    expect(probe.deadLetterOf(theirs)).toBeUndefined();
  });

  it('refuses an ad one agent signs for another', async () => {
    const bytes = signed(
      { agentAnnouncement: { agentId: 'someone-else', capacity: 1 } },
      Date.now(),
    );
    await probe.publishReply(managerId(), bytes);
    expect(await deadLetterReason(bytes)).toBe('sender_mismatch');
  });
});

/** Acceptances held back in case a success follows: one signal per quick job instead of two. */
describe("the bridge's acceptance hold", () => {
  let f: TestSite;
  let bridge: Bridge;

  beforeAll(async () => {
    f = await startTestSite();
    await applyNap(f.managerSql);
    // A long hold, so the quick job's success surely comes within it, however busy the machine.
    await f.federation.bridge?.stop();
    bridge = await startBridge(
      { ...f.config, acceptanceHoldMs: 1_000 },
      { sql: f.managerSql, log: createLogger('test', process.env.LOG_LEVEL ?? 'warn') },
    );
  });

  afterAll(async () => {
    await bridge?.stop();
    await f?.teardown();
  });

  const nap = async (ms: number) => endedRun(f, await startRun(f, 'nap', { ms }));

  it("signals a quick job's success alone, and a slow job's acceptance once the hold is over", async () => {
    const stats = bridge.replies.stats;
    const quick = await nap(0);
    expect(quick).toMatchObject({ status: 'COMPLETED', output: { sleptMs: 0 } });
    expect(quick.steps?.[0]).toMatchObject({ status: 'succeeded', agent: f.config.agent.id });
    expect(stats).toMatchObject({ accepted_superseded: 1, delivered_succeeded: 1 });
    expect(stats.delivered_accepted).toBeUndefined();

    const slow = await nap(2_500);
    expect(slow.status).toBe('COMPLETED');
    expect(stats).toMatchObject({
      accepted_superseded: 1,
      delivered_accepted: 1,
      delivered_succeeded: 2,
    });
  });

  it('dead-letters a held acceptance with its success when their run is closed', async () => {
    const agent = await loadOrInitIdentity(f.config.keysDir, f.config.agent.id);
    const probe = await BrokerProbe.open(f.config.broker);
    try {
      const managerId = f.config.manager.id;
      const jobId = 'no-such-run/run/step/0';
      const about = {
        jobId,
        attempt: 1,
        ref: {
          manager: managerId,
          namespace: f.config.manager.namespace,
          workflowId: 'no-such-run',
          runId: 'run',
          stepId: 'step',
        },
      };
      const accepted = seal(agent, managerId, { jobAccepted: about });
      const succeeded = seal(agent, managerId, {
        jobResult: { ...about, output: toValue({ ok: true }) },
      });
      const supersededBefore = bridge.replies.stats.accepted_superseded ?? 0;
      await probe.publishReply(managerId, accepted);
      await probe.publishReply(managerId, succeeded);
      for (const bytes of [accepted, succeeded]) {
        const letter = await waitFor(() => probe.deadLetterOf(bytes), { what: 'its dead letter' });
        expect(letter.properties.headers?.['x-caroni-reason']).toBe('run_closed');
      }
      // The success took the acceptance over, and it shared the success's fate.
      expect(bridge.replies.stats.accepted_superseded ?? 0).toBe(supersededBefore);
    } finally {
      await probe.close();
    }
  });
});
