import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, inject, it } from 'vitest';
import { noTracing } from '../common/tracing.ts';
import { bundleWorkflows } from '../common/workflows-path.ts';

const historiesDir = path.resolve('test/histories');

// Each replay starts and stops a worker: only warnings are worth reading.
Runtime.install({ logger: new DefaultLogger('WARN') });

/** Every recorded history with the workflow id it ran under (replies are matched on it). */
async function histories(): Promise<{ file: string; workflowId: string; history: unknown }[]> {
  const ids = JSON.parse(
    await readFile(path.join(historiesDir, 'workflow-ids.json'), 'utf8'),
  ) as Record<string, string>;
  const files = (await readdir(historiesDir))
    .filter((file) => file.endsWith('.json') && file !== 'workflow-ids.json')
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const workflowId = ids[file];
      if (!workflowId)
        throw new Error(`${file} is not in workflow-ids.json: run npm run record-histories`);
      const json: unknown = JSON.parse(await readFile(path.join(historiesDir, file), 'utf8'));
      return { file, workflowId, history: historyFromJSON(json) };
    }),
  );
}

const silent = { warn: () => {}, error: () => {} };

describe('safe upgrades of the interpreter', () => {
  it('replays every recorded history against the current workflow code', async () => {
    const recorded = await histories();
    expect(recorded.map((entry) => entry.file)).toEqual(
      expect.arrayContaining([
        'example.json',
        'tour.json',
        'careful.json',
        'chain-1.json',
        'cancelled.json',
      ]),
    );
    const failures: string[] = [];
    for (const { file, workflowId, history } of recorded) {
      await Worker.runReplayHistory(
        {
          workflowBundle: { codePath: inject('workflowBundlePath') },
          // As every Worker of the bundle: its tracing interceptors report through this sink.
          sinks: noTracing.workflowSinks,
        },
        history,
        workflowId,
      ).catch((error: unknown) => failures.push(`${file}: ${(error as Error).message}`));
    }
    expect(failures).toEqual([]);
  });

  it('fails on an unpatched change that would break running workflows', async () => {
    // A copy of the workflow code beside the real one (so imports resolve), changed without patching.
    const copy = await mkdtemp(path.resolve('test/.replay-copy-'));
    try {
      await cp(path.resolve('workflows'), copy, { recursive: true });
      const dispatch = path.join(copy, 'dispatch.ts');
      const source = await readFile(dispatch, 'utf8');
      const changed = source.replace(
        '      lastFailure = await publish(publishJob, request);',
        '      await sleep(1);\n      lastFailure = await publish(publishJob, request);',
      );
      expect(changed).not.toBe(source);
      await writeFile(dispatch, changed);
      const code = await bundleWorkflows(silent, path.join(copy, 'index.ts'));
      const example = (await histories()).find((entry) => entry.file === 'example.json');
      await expect(
        Worker.runReplayHistory(
          { workflowBundle: { code }, sinks: noTracing.workflowSinks },
          example?.history,
          example?.workflowId,
        ),
      ).rejects.toBeInstanceOf(DeterminismViolationError);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
