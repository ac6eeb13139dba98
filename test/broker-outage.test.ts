import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent, type RunningAgent } from '../agent/main.ts';
import { superviseBridge, type Bridge } from '../bridge/main.ts';
import { createLogger } from '../common/log.ts';
import { applyNap } from './support/definitions.ts';
import { FaultProxy } from './support/fault-proxy.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { handlers } from './support/handlers.ts';
import { testAmqpUrl, waitFor } from './support/isolation.ts';
import { endedRun, startRun } from './support/runs.ts';

/**
 * RabbitMQ going away under a running agent and bridge, simulated by cutting
 * a TCP proxy only they connect through (the real broker serves other tests
 * on): both reconnect by themselves and nothing is lost or run twice.
 */
describe('a broker outage', () => {
  let f: TestSite;
  let proxy: FaultProxy;
  let bridge: Bridge;
  let agent: RunningAgent;
  const stops: (() => Promise<void>)[] = [];
  const log = createLogger('test', process.env.LOG_LEVEL ?? 'silent');

  beforeAll(async () => {
    f = await startTestSite();
    proxy = await FaultProxy.start(testAmqpUrl);
    await applyNap(f.managerSql);
    const viaProxy = { ...f.config.broker, url: proxy.url };
    // The site's agent and bridge, replaced by ones that reach the broker through the proxy.
    await f.stopAgent(0);
    agent = await startAgent(
      { ...f.config, broker: viaProxy, agent: { ...f.config.agent, port: 0 } },
      { sql: f.agentSql, handlers, log, options: { outboxRetryMs: 500 } },
    );
    stops.push(() => agent.stop());
    await f.federation.bridge?.stop();
    bridge = await superviseBridge(
      { ...f.config, broker: viaProxy },
      { sql: f.managerSql, log },
      { restartDelayMs: 200 },
    );
    stops.push(() => bridge.stop());
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    await proxy?.close();
    await f?.teardown();
  });

  const start = (ms: number) => startRun(f, 'nap', { ms });

  const ledger = (run: string) =>
    f.agentSql<{ status: string; attempt: number }[]>`
      select status, attempt from jobs where starts_with(job_id, ${`${run}/`})`;

  const finished = (run: string) => endedRun(f, run, 60_000);

  it('finishes a job that ran through the outage and one started during it, each run once', async () => {
    const during = await start(1_500);
    await waitFor(async () => (await ledger(during))[0]?.status === 'running', {
      what: 'the first job to run',
    });
    const firstBridge = bridge.replies;
    proxy.cut();
    // The job ends while the broker is unreachable: its result waits in the agent's outbox.
    await waitFor(async () => (await ledger(during))[0]?.status === 'succeeded', {
      what: 'the job to finish during the outage',
    });
    const waiting = await f.agentSql<{ kind: string }[]>`select kind from outbox`;
    expect(waiting.map((row) => row.kind)).toContain('jobResult');
    // A run started during the outage: its publish fails until the bridge is back.
    const later = await start(100);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    proxy.restore();

    for (const run of [during, later]) {
      expect(await finished(run)).toMatchObject({ status: 'COMPLETED' });
      expect(await ledger(run)).toEqual([{ status: 'succeeded', attempt: 1 }]);
    }
    await waitFor(async () => (await f.agentSql`select 1 from outbox`).length === 0, {
      what: 'the outbox to empty',
    });
    // Both came back by themselves: the bridge was started again, the agent reconnected.
    expect(bridge.replies).not.toBe(firstBridge);
    expect(agent.agent.stats().jobsRun).toBe(2);
  }, 90_000);
});
