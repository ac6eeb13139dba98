import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../api/run-list.ts';
import type { RunView } from '../api/runs.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';

const run = promisify(execFile);

const sites: TestSite[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) await site.teardown();
});

/** Runs `caroni` against the site's API with a token from the environment, as a user would. */
async function caroni(s: TestSite, args: string[], token = s.federation.tokens.site) {
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    CARONI_API_URL: `http://127.0.0.1:${s.federation.api.port}`,
    CARONI_TOKEN: token,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ['cli/caroni.js', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('caroni runs and submit', () => {
  it('submits and follows a run, lists and reads runs, and says what went wrong in one line', async () => {
    const s = await startTestSite();
    sites.push(s);
    await seedTestSite(s.managerSql);

    const submitted = await caroni(s, ['submit', 'chain', '--input', '{"start":5}', '--wait']);
    expect(submitted.code).toBe(0);
    expect(lines(submitted.stdout).at(-1)).toBe('{"last":8,"first":5}');
    const progress = lines(submitted.stderr);
    const id = /^run (\S+) started$/.exec(progress[0] ?? '')?.[1] ?? '';
    expect(id).toMatch(/^run-/);
    expect(progress).toContain('d (job:test.echo): succeeded on ' + s.config.agent.id);
    expect(progress.at(-1)).toMatch(new RegExp(`^run ${id} completed; history: http`));

    const second = await caroni(s, ['submit', 'double', '--input', '{"x":4}', '--wait']);
    expect(lines(second.stdout).at(-1)).toBe('8');

    const listed = await waitFor(
      async () => {
        const out = await caroni(s, ['runs', 'list', '--workflow', 'chain', '--all']);
        expect(out.code).toBe(0);
        const runs = lines(out.stdout).map((line) => JSON.parse(line) as RunSummary);
        return runs.length === 1 ? runs : undefined;
      },
      { what: 'the chain run to be listed' },
    );
    expect(listed[0]).toMatchObject({ id, workflow: 'chain', status: 'COMPLETED' });

    const paged = await waitFor(async () => {
      const out = await caroni(s, ['runs', 'list', '--limit', '1']);
      return out.stderr.includes('--cursor') ? out : undefined;
    });
    expect(lines(paged.stdout)).toHaveLength(1);
    const cursor = /--cursor (\S+)/.exec(paged.stderr)?.[1] ?? '';
    const next = await caroni(s, ['runs', 'list', '--limit', '1', '--cursor', cursor]);
    expect(lines(next.stdout)).toHaveLength(1);
    expect(next.stdout).not.toBe(paged.stdout);

    const got = await caroni(s, ['runs', 'get', id]);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout) as RunView).toMatchObject({
      id,
      status: 'COMPLETED',
      output: { last: 8, first: 5 },
    });

    const followed = await caroni(s, ['runs', 'events', id]);
    const events = lines(followed.stdout).map((line) => JSON.parse(line) as { event: string });
    expect(events.map((event) => event.event)).toEqual(['step', 'step', 'step', 'step', 'end']);

    const missing = await caroni(s, ['runs', 'get', 'no-such-run']);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual(['caroni: no run "no-such-run" in this site']);
    const badStatus = await caroni(s, ['runs', 'list', '--status', 'SLEEPING']);
    expect(badStatus.code).toBe(1);
    expect(lines(badStatus.stderr)).toHaveLength(1);
    expect(badStatus.stderr).toMatch(/unknown status "SLEEPING"/);
    const forbidden = await caroni(s, ['schedules', 'list']);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toMatch(/^caroni: this route needs an admin token/);
    const schedules = await caroni(s, ['schedules', 'list'], s.federation.tokens.admin);
    expect(schedules).toMatchObject({ code: 0, stdout: '' });
    // About 15 CLI processes, each starting tsx: slow on a loaded machine.
  }, 180_000);
});
