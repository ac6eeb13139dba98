// Records the histories of representative runs for the replay test
// (test/replay.test.ts). Run `npm run record-histories` after an intended,
// patched change to the interpreter, and commit the new files with it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { cancelRun, controlStep, signalRun } from '../../api/run-control.ts';
import { getRun, startRun } from '../../api/runs.ts';
import { startDevServer } from '../../common/dev-server.ts';
import { seedTestSite } from '../support/definitions.ts';
import { waitFor } from '../support/isolation.ts';
import { childPids } from '../support/processes.ts';
import { startSite } from '../support/site.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-record-'));
const server = await startDevServer({ dataDir: dir, headless: true });
const site = await startSite({ temporalAddress: server.address, slots: 12 });
try {
  await seedTestSite(site.managerSql);
  const ctx = site.federation.api.ctx;
  const stepStatus = async (id: string, step: string) =>
    (await getRun(ctx, id)).steps?.find((s) => s.id === step)?.status;

  const example = (
    await startRun(ctx, { workflow: 'example', input: { text: 'the quick brown fox' } })
  ).id;
  const tour = (
    await startRun(ctx, { workflow: 'tour', input: { mode: 'always', group: 'record' } })
  ).id;
  await waitFor(async () => (await stepStatus(tour, 'approve')) === 'waiting', {
    timeoutMs: 30_000,
  });
  await signalRun(ctx, tour, 'approve', { by: 'alice' });
  const careful = (await startRun(ctx, { workflow: 'careful', input: { key: 'record' } })).id;
  await waitFor(async () => (await stepStatus(careful, 'flaky')) === 'paused', {
    timeoutMs: 30_000,
  });
  await controlStep(ctx, careful, { stepId: 'flaky', action: 'retry' });
  const chain = (
    await startRun(ctx, { workflow: 'chain', input: { start: 1 }, continueAsNewAfterEvents: 10 })
  ).id;
  const pids = path.join(dir, 'pids');
  const cancelled = (await startRun(ctx, { workflow: 'stoppable', input: { pids } })).id;
  await childPids(pids);
  await cancelRun(ctx, cancelled);
  const runs = { example, tour, careful, chain, cancelled };

  // Replies are matched on the workflow id, which a history does not hold: the replay test needs it.
  const workflowIds: Record<string, string> = {};
  for (const [name, id] of Object.entries(runs)) {
    // The cancelled run's result rejects; it has ended all the same.
    await ctx.client.workflow
      .getHandle(id)
      .result()
      .catch(() => undefined);
    // Every run of the chain: a run that continued-as-new has several.
    const runIds = await waitFor(async () => {
      const found: string[] = [];
      for await (const execution of ctx.client.workflow.list({ query: `WorkflowId = "${id}"` })) {
        found.push(execution.runId);
      }
      return found.length > 0 ? found.reverse() : undefined;
    });
    for (const [index, runId] of runIds.entries()) {
      const history = await ctx.client.workflow.getHandle(id, runId).fetchHistory();
      const file = runIds.length === 1 ? `${name}.json` : `${name}-${index + 1}.json`;
      await writeFile(path.join(here, file), historyToJSON(history));
      workflowIds[file] = id;
      console.log(`recorded ${file}`);
    }
  }
  await writeFile(
    path.join(here, 'workflow-ids.json'),
    `${JSON.stringify(workflowIds, null, 2)}\n`,
  );
} finally {
  await site.teardown();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
