import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentStatus } from '../agent/agent.ts';
import { armFailpoints } from '../common/failpoints.ts';
import { applyNap } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';
import { endedRun, startRun } from './support/runs.ts';

const reconcileIntervalMs = 1_000;

/**
 * Agent-driven reconciliation against a real site: the agent asks the
 * manager about the jobs it holds every second here, and puts right what a
 * lost message left wrong within about one interval.
 */
describe('reconciliation', () => {
  let f: TestSite;

  beforeAll(async () => {
    f = await startTestSite({ agentSettings: [{ reconcileIntervalMs }] });
    // A progress timeout far beyond the test: only reconciliation can finish these runs in time.
    await applyNap(f.managerSql, 600_000);
  });

  afterAll(async () => {
    await f?.teardown();
  });

  const start = (ms: number) => startRun(f, 'nap', { ms });

  async function agentStatus(): Promise<AgentStatus> {
    const response = await f.fetchAgent(0, '/v1/admin/status');
    return (await response.json()) as AgentStatus;
  }

  const ledgerStatus = async (run: string) =>
    (
      await f.agentSql<{ status: string }[]>`
        select status from jobs where starts_with(job_id, ${`${run}/`})`
    )[0]?.status;

  it('sends a result dropped on its way again within one interval, and the run completes', async () => {
    // The bridge runs in this test's process: the failpoint drops the first result it sees.
    armFailpoints('bridge.before-result=drop');
    const resentBefore = (await agentStatus()).stats.resentByReconciliation;
    const run = await start(300);
    await waitFor(async () => (await ledgerStatus(run)) === 'succeeded', {
      what: 'the job to finish on the agent',
    });
    const done = await endedRun(f, run, 6 * reconcileIntervalMs);
    expect(done).toMatchObject({ status: 'COMPLETED', output: { sleptMs: 300 } });
    expect(f.federation.bridge?.replies.stats.dropped_by_failpoint).toBe(1);
    expect((await agentStatus()).stats.resentByReconciliation).toBeGreaterThan(resentBefore);
  });

  it('stops a job whose run ended without telling the agent', async () => {
    const run = await start(60_000);
    await waitFor(async () => (await ledgerStatus(run)) === 'running', {
      what: 'the job to run on the agent',
    });
    // Terminated straight through Temporal: no CancelJob reaches the agent.
    await f.federation.api.ctx.client.workflow.getHandle(run).terminate('operator cleanup');
    await waitFor(async () => (await ledgerStatus(run)) === 'cancelled', {
      timeoutMs: 6 * reconcileIntervalMs,
      what: 'the agent to stop the job',
    });
    // Aborted: its handler returns and frees the slot.
    const status = await waitFor(
      async () => {
        const now = await agentStatus();
        return now.stats.running === 0 ? now : undefined;
      },
      { what: 'the handler to return' },
    );
    expect(status.stats.stoppedByReconciliation).toBeGreaterThan(0);
  });
});
