import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../common/dead-letters.ts';
import { loadOrInitIdentity, publicKeyPem } from '../common/keys.ts';
import { caroni } from './support/cli.ts';
import { applyNap } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';
import { endedRun, runView, startRun } from './support/runs.ts';

/**
 * The operator's way out of a refusal whose cause has gone: a job result the
 * manager refused while it did not trust the agent is replayed with
 * `caroni dead-letters replay` once trust is back, and completes its run.
 */
describe('replaying a dead letter', () => {
  let f: TestSite;

  beforeAll(async () => {
    // Reconciliation would re-send the refused result by itself: here only the replay may.
    f = await startTestSite({ agentSettings: [{ reconcileIntervalMs: 3_600_000 }] });
    // Progress is refused while the agent is untrusted: a short timeout would retry the job.
    await applyNap(f.managerSql, 600_000);
  });

  afterAll(async () => {
    await f?.teardown();
  });

  const cli = (...args: string[]) => caroni(['dead-letters', ...args], f.env);

  async function deadLetters(): Promise<DeadLetter[]> {
    const listed = await cli('list', '--json', '--limit', '1000');
    expect(listed.code).toBe(0);
    return listed.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as DeadLetter);
  }

  const adminToken = () => f.federation.sites[0]?.tokens.admin;

  async function setAgentTrusted(trusted: boolean): Promise<void> {
    const agentId = f.config.agent.id;
    const response = trusted
      ? await f.fetchApi('/v1/admin/trusted-agents', {
          method: 'POST',
          token: adminToken(),
          body: JSON.stringify({
            agentId,
            publicKeyPem: publicKeyPem(
              (await loadOrInitIdentity(f.config.keysDir, agentId)).publicKey,
            ),
          }),
        })
      : await f.fetchApi(`/v1/admin/trusted-agents/${agentId}`, {
          method: 'DELETE',
          token: adminToken(),
        });
    expect(response.status).toBe(200);
    await f.federation.bridge?.reloadTrust();
  }

  it('re-delivers a refused result that then completes its run, and purge empties the queue', async () => {
    const bridge = f.federation.bridge;
    if (!bridge) throw new Error('no bridge');
    const run = await startRun(f, 'nap', { ms: 1_500 });
    await waitFor(() => (bridge.replies.stats.delivered_accepted ?? 0) > 0, {
      what: 'the acceptance to reach the run',
    });

    // The manager stops trusting the agent while the job runs: its result is refused.
    await setAgentTrusted(false);
    const refused = await waitFor(
      async () =>
        (await deadLetters()).find(
          (letter) =>
            letter.envelope?.bodyKind === 'jobResult' &&
            letter.envelope.jobId?.startsWith(`${run}/`) === true,
        ),
      { timeoutMs: 15_000, what: 'the refused result in the dead letters' },
    );
    expect(refused.reason).toBe('unknown_key');
    expect((await runView(f, run)).status).toBe('RUNNING');

    await setAgentTrusted(true);
    const replayed = await cli('replay', refused.messageId ?? '');
    expect(replayed).toMatchObject({ code: 0, stdout: expect.stringContaining('replayed') });
    const done = await endedRun(f, run);
    expect(done).toMatchObject({ status: 'COMPLETED', output: { sleptMs: 1_500 } });
    expect((await deadLetters()).map((letter) => letter.messageId)).not.toContain(
      refused.messageId,
    );

    // What is left (the progress refused meanwhile) goes for good.
    const purged = await cli('purge', '--yes');
    expect(purged.code).toBe(0);
    expect(await deadLetters()).toEqual([]);
  }, 60_000);
});
