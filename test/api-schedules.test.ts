import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunPage, RunSummary } from '../api/run-list.ts';
import type { RunView } from '../api/runs.ts';
import type { ScheduleView } from '../api/schedules.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';

const sites: TestSite[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) await site.teardown();
});

interface AuditEntries {
  entries: { actor: string; action: string; target: string; details: unknown }[];
}

describe('schedules', () => {
  it('start runs until paused, again once unpaused, never once deleted; every change is audited', async () => {
    const s = await startTestSite();
    sites.push(s);
    await seedTestSite(s.managerSql);
    const admin = s.federation.tokens.admin;
    const call = async <T>(route: string, method = 'GET', json?: unknown) => {
      const response = await s.fetchApi(route, {
        method,
        token: admin,
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    };
    const scheduledRuns = async (query = '') => {
      const page = await call<RunPage>(`/v1/runs?workflow=double&limit=500${query}`);
      return page.body.runs.filter((run: RunSummary) => run.id.startsWith('schedule-ticker-'));
    };

    const created = await call<ScheduleView>('/v1/admin/schedules', 'POST', {
      id: 'ticker',
      workflow: 'double',
      input: { x: 21 },
      intervalMs: 1_000,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'ticker',
      workflow: 'double',
      version: 1,
      intervalMs: 1_000,
      paused: false,
      input: { x: 21 },
    });
    try {
      const fired = await waitFor(
        async () => {
          const runs = await scheduledRuns('&status=COMPLETED');
          return runs.length >= 2 ? runs : undefined;
        },
        { what: 'the schedule to start two runs' },
      );
      const run = await call<RunView>(`/v1/runs/${fired[0]?.id}`);
      expect(run.body).toMatchObject({ status: 'COMPLETED', output: 42, workflow: 'double' });

      const paused = await call<ScheduleView>('/v1/admin/schedules/ticker/pause', 'POST');
      expect(paused.body).toMatchObject({ paused: true, note: 'paused by dev-admin' });
      const pausedAt = Date.now();
      // Nothing may start for a while now; a run already being started may still land.
      await sleep(3_500);
      const afterPause = await call<ScheduleView>('/v1/admin/schedules/ticker');
      const lastStart = Math.max(...afterPause.body.recentRuns.map((r) => Date.parse(r.startedAt)));
      expect(lastStart).toBeLessThan(pausedAt + 1_000);
      const late = (await scheduledRuns()).filter(
        (r) => Date.parse(r.startedAt) > pausedAt + 1_000,
      );
      expect(late).toEqual([]);

      const unpaused = await call<ScheduleView>('/v1/admin/schedules/ticker/unpause', 'POST');
      expect(unpaused.body.paused).toBe(false);
      const unpausedAt = new Date().toISOString();
      await waitFor(async () => (await scheduledRuns(`&startedAfter=${unpausedAt}`)).length > 0, {
        what: 'a run after unpausing',
      });

      const listed = await waitFor(
        async () => {
          const { body } = await call<{ schedules: ScheduleView[] }>('/v1/admin/schedules');
          return body.schedules.find((schedule) => schedule.id === 'ticker');
        },
        { what: 'the schedule to be listed' },
      );
      expect(listed).toMatchObject({ workflow: 'double', intervalMs: 1_000, paused: false });
      expect(listed.recentRuns.length).toBeGreaterThan(0);

      const again = await call('/v1/admin/schedules', 'POST', {
        id: 'ticker',
        workflow: 'double',
        input: {},
        intervalMs: 5_000,
      });
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'schedule_exists' } } });
    } finally {
      expect((await call('/v1/admin/schedules/ticker', 'DELETE')).status).toBe(200);
    }
    expect(await call('/v1/admin/schedules/ticker')).toMatchObject({
      status: 404,
      body: { error: { code: 'schedule_not_found' } },
    });
    expect((await call('/v1/admin/schedules/ticker', 'DELETE')).status).toBe(404);
    expect((await call('/v1/admin/schedules/ticker/pause', 'POST')).status).toBe(404);

    const { body: audit } = await call<AuditEntries>('/v1/admin/audit');
    const changes = audit.entries
      .filter((entry) => entry.target === 'ticker')
      .map((entry) => [entry.actor, entry.action]);
    expect(changes.reverse()).toEqual([
      ['dev-admin', 'schedule.create'],
      ['dev-admin', 'schedule.pause'],
      ['dev-admin', 'schedule.unpause'],
      ['dev-admin', 'schedule.delete'],
    ]);
    expect(audit.entries.find((entry) => entry.action === 'schedule.create')?.details).toEqual({
      workflow: 'double',
      version: 1,
      intervalMs: 1_000,
      paused: false,
    });
  });

  it('takes a cron, refuses bad schedules clearly, and is for admins only', async () => {
    const s = await startTestSite();
    sites.push(s);
    await seedTestSite(s.managerSql);
    const create = async (json: unknown, token: string | null = s.federation.tokens.admin) => {
      const response = await s.fetchApi('/v1/admin/schedules', {
        method: 'POST',
        token,
        body: JSON.stringify(json),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    const nightly = await create({
      id: 'nightly',
      workflow: 'chain',
      input: { start: 1 },
      cron: '0 3 * * *',
      paused: true,
    });
    expect(nightly.status).toBe(201);
    expect(nightly.body).toMatchObject({ cron: '0 3 * * *', paused: true, version: 1 });
    expect(new Date((nightly.body.nextRunTimes as string[])[0] ?? '').getUTCHours()).toBe(3);

    const badCron = await create({ id: 'bad', workflow: 'chain', input: {}, cron: 'every day' });
    expect(badCron).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_schedule', message: expect.stringMatching(/5 fields/) } },
    });
    const both = await create({ id: 'x', workflow: 'chain', cron: '* * * * *', intervalMs: 5_000 });
    expect(both).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request', message: expect.stringMatching(/exactly one/) } },
    });
    const neither = await create({ id: 'x', workflow: 'chain' });
    expect(neither.status).toBe(400);
    const unknownField = await create({ id: 'x', workflow: 'chain', intervalMs: 5_000, every: 1 });
    expect(unknownField.status).toBe(400);
    const unknownWorkflow = await create({ id: 'x', workflow: 'nope', intervalMs: 5_000 });
    expect(unknownWorkflow).toMatchObject({
      status: 404,
      body: { error: { code: 'definition_not_found' } },
    });

    const submitter = s.federation.tokens.site;
    expect(
      (await create({ id: 'y', workflow: 'chain', intervalMs: 5_000 }, submitter)).status,
    ).toBe(403);
    for (const [route, method] of [
      ['/v1/admin/schedules', 'GET'],
      ['/v1/admin/schedules/nightly', 'GET'],
      ['/v1/admin/schedules/nightly/pause', 'POST'],
      ['/v1/admin/schedules/nightly', 'DELETE'],
    ] as const) {
      const response = await s.fetchApi(route, { method, token: submitter });
      expect(response.status, `${method} ${route}`).toBe(403);
    }
    expect((await s.fetchApi('/v1/admin/schedules', { token: null })).status).toBe(401);

    const deleted = await s.fetchApi('/v1/admin/schedules/nightly', {
      method: 'DELETE',
      token: s.federation.tokens.admin,
    });
    expect(deleted.status).toBe(200);
  });
});
