import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDefinition } from '../api/definitions.ts';
import { pruneJobLogs, type StepLog } from '../db/job-logs.ts';
import { caroni } from './support/cli.ts';
import { applyTestJobType, chattyDefinition } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';
import { endedRun, startRun } from './support/runs.ts';

/**
 * Job logs end to end: a program's stdout and stderr reach the manager, the
 * end of them with each progress while the job runs and all of them
 * (bounded) with its result; the API serves them per run step, and
 * `caroni runs logs` prints or follows them.
 */
describe('job logs', () => {
  let f: TestSite;

  beforeAll(async () => {
    f = await startTestSite();
    await applyTestJobType(f.managerSql, 'test.chatty');
    await applyDefinition(f.managerSql, chattyDefinition);
  });

  afterAll(async () => {
    await f?.teardown();
  });

  const start = (lines: number, everyMs: number, filler = 0) =>
    startRun(f, 'chatty', { lines, everyMs, filler });

  const logRoute = (run: string, step = 'talk') =>
    `/v1/runs/${encodeURIComponent(run)}/steps/${encodeURIComponent(step)}/log`;

  async function log(run: string): Promise<StepLog | undefined> {
    const response = await f.fetchApi(logRoute(run));
    if (response.status === 404) return undefined;
    expect(response.status).toBe(200);
    return (await response.json()) as StepLog;
  }

  const completed = (run: string) => endedRun(f, run);

  const cli = (...args: string[]) =>
    caroni(args, {
      CARONI_API_URL: `http://127.0.0.1:${f.federation.api.port}`,
      CARONI_TOKEN: f.federation.tokens.site,
    });

  const numbered = (count: number) =>
    Array.from({ length: count }, (_, i) => `line ${i + 1} on ${i % 2 ? 'stderr' : 'stdout'}`);

  it("serves the end of a running step's log, then all of it once the job has ended", async () => {
    const run = await start(16, 200);
    const running = await waitFor(
      async () => {
        const now = await log(run);
        return now && !now.complete && now.text.includes('line 2 on stderr') ? now : undefined;
      },
      { what: 'the log of the running job' },
    );
    expect(running).toMatchObject({ workflowId: run, stepId: 'talk', attempt: 1 });
    expect(running.text).not.toContain('the end');

    expect(await completed(run)).toMatchObject({ status: 'COMPLETED', output: { lines: 16 } });
    const whole = await log(run);
    expect(whole).toMatchObject({ complete: true, truncated: false, agentId: f.config.agent.id });
    const text = whole?.text ?? '';
    expect(whole?.bytes).toBe(Buffer.byteLength(text));
    const lines = text.split('\n');
    // Every line once, the numbered ones in the order written, across both streams.
    expect(lines.filter((line) => line.startsWith('line '))).toEqual(numbered(16));
    expect(lines).toContain('the end');
    expect(lines).toContain('{"lines":16}');

    const printed = await cli('runs', 'logs', run, 'talk');
    expect(printed).toMatchObject({ code: 0, stdout: text });
  });

  it('follows a log as it grows with caroni runs logs --follow, and stops when the job ends', async () => {
    const run = await start(12, 250);
    // Started before the job has written anything: it waits for the log to appear.
    const followed = await cli('runs', 'logs', run, 'talk', '--follow');
    expect(followed.code).toBe(0);
    const whole = await log(run);
    expect(whole?.complete).toBe(true);
    expect(followed.stdout).toBe(whole?.text);
    expect(followed.stdout.split('\n').filter((line) => line.startsWith('line '))).toEqual(
      numbered(12),
    );
  });

  it('keeps the start and the end of a log over the bound, saying how much was cut', async () => {
    const filler = 600_000;
    const run = await start(2, 10, filler);
    expect((await completed(run)).status).toBe('COMPLETED');
    const whole = await log(run);
    expect(whole).toMatchObject({ complete: true, truncated: true });
    const text = whole?.text ?? '';
    expect(whole?.bytes).toBeGreaterThan(filler);
    // 256 KiB by default, plus the line that says what was cut.
    expect(Buffer.byteLength(text)).toBeLessThan(256 * 1024 + 200);
    expect(text).toMatch(/^line 1 on stdout\n/);
    expect(text).toMatch(/\[caroni: \d+ bytes of output cut here; the log keeps 262144 bytes\]/);
    expect(text).toContain('the end\n');
  });

  it('prunes the logs not written to for longer than the retention, and only those', async () => {
    const [old, recent] = [await start(1, 1), await start(1, 1)];
    await Promise.all([completed(old), completed(recent)]);
    await f.managerSql`
      update job_logs set updated_at = now() - interval '31 days' where workflow_id = ${old}`;
    expect(await pruneJobLogs(f.managerSql, f.config.jobLogRetentionMs)).toBeGreaterThanOrEqual(1);
    expect(await log(old)).toBeUndefined();
    expect(await log(recent)).toMatchObject({ complete: true });
  });

  it('answers an unknown run and a step without a log with distinct 404s', async () => {
    const unknownRun = await f.fetchApi(logRoute('no-such-run'));
    expect(unknownRun.status).toBe(404);
    expect(await unknownRun.json()).toMatchObject({ error: { code: 'run_not_found' } });

    const run = await start(1, 1);
    await completed(run);
    const noStep = await f.fetchApi(logRoute(run, 'no-such-step'));
    expect(noStep.status).toBe(404);
    expect(await noStep.json()).toMatchObject({ error: { code: 'log_not_found' } });
    const printed = await cli('runs', 'logs', run, 'no-such-step', '--follow');
    expect(printed.code).not.toBe(0);
    expect(printed.stderr).toContain('ended without a job log');
  });
});
