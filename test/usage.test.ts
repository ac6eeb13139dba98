import { spawn } from 'node:child_process';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topologyNames } from '../common/broker.ts';
import type { UsageGroup } from '../common/usage.ts';
import type { RunView } from '../api/runs.ts';
import {
  parseStatCpuMs,
  parseStatusPeakRssKb,
  sampleProcess,
  watchProcess,
  type ProcessUsage,
} from '../agent/proc-usage.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { testAmqpUrl, waitFor } from './support/isolation.ts';

describe('/proc usage parsing', () => {
  it('reads utime + stime + cutime + cstime after a command name with spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    const stat = '4242 (my (odd) prog) S 1 4242 4242 0 -1 4194560 120 0 0 0 37 5 4 1 20 0 1 0';
    expect(parseStatCpuMs(stat)).toBe((37 + 5 + 4 + 1) * 10);
    expect(parseStatCpuMs('garbage')).toBeUndefined();
    expect(parseStatCpuMs('1 (x) S 1 2')).toBeUndefined();
  });

  it('reads VmHWM in KiB, and nothing from a status without it', () => {
    const status = 'Name:\tnode\nVmPeak:\t  900000 kB\nVmHWM:\t   45120 kB\nVmRSS:\t   40000 kB\n';
    expect(parseStatusPeakRssKb(status)).toBe(45_120);
    expect(parseStatusPeakRssKb('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')(
    'samples a live process until it is gone, keeping the maxima',
    async () => {
      expect(await sampleProcess(process.pid)).toMatchObject({
        cpuMs: expect.any(Number) as number,
        peakRssKb: expect.any(Number) as number,
      });
      const child = spawn(process.execPath, [
        '-e',
        'const end = Date.now() + 300; while (Date.now() < end);',
      ]);
      const samples: ProcessUsage[] = [];
      const stop = watchProcess(child.pid ?? 0, 20, (usage) => samples.push(usage));
      await new Promise((resolve) => child.once('exit', resolve));
      stop();
      const last = samples.at(-1);
      expect(last?.cpuMs).toBeGreaterThan(0);
      expect(last?.peakRssKb).toBeGreaterThan(1_000);
      for (const [i, sample] of samples.entries())
        expect(sample.cpuMs).toBeGreaterThanOrEqual(samples[i - 1]?.cpuMs ?? 0);
      expect(await sampleProcess(child.pid ?? 0)).toBeUndefined();
    },
  );
});

describe('usage accounting', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite();
    await seedTestSite(site.managerSql);
  });
  afterAll(async () => {
    await site.teardown();
    // The test site's teardown does not know this job type's queue yet.
    const connection = await amqp.connect(testAmqpUrl);
    const channel = await connection.createChannel();
    await channel.deleteQueue(
      topologyNames(site.config.broker.prefix).jobQueue(site.config.manager.id, 'test.burn'),
    );
    await connection.close();
  });

  async function run(workflow: string, input: object): Promise<RunView> {
    const response = await site.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow, input }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    return waitFor(async () => {
      const view = (await (await site.fetchApi(`/v1/runs/${id}`)).json()) as RunView;
      return view.status === 'RUNNING' ? undefined : view;
    });
  }

  async function adminGet<T>(url: string): Promise<T> {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${site.federation.tokens.admin}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  it('totals agree exactly between the agent and the manager', async () => {
    const runs = await Promise.all([
      run('double', { x: 1 }),
      run('double', { x: 2 }),
      run('double', { x: 3 }),
      run('chain', { start: 1 }),
      run('chain', { start: 10 }),
      run('burn', { ms: 300 }),
    ]);
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill('COMPLETED'));
    const jobs = 3 + 2 * 4 + 1;

    // The bridge books usage beside the signal, so it may land just after the run ends.
    const manager = await waitFor(async () => {
      const body = await adminGet<{ agents: UsageGroup<'agentId'>[] }>(
        `http://127.0.0.1:${site.federation.api.port}/v1/admin/usage`,
      );
      return body.agents[0]?.jobs === jobs ? body.agents : undefined;
    });
    const agent = (
      await adminGet<{ managers: UsageGroup<'managerId'>[] }>(
        `http://127.0.0.1:${site.federation.agent.apiPort}/v1/admin/usage`,
      )
    ).managers;

    expect(manager.map((m) => m.agentId)).toEqual([site.config.agent.id]);
    expect(agent.map((a) => a.managerId)).toEqual([site.config.manager.id]);
    // Same runs, same sums, field by field and per job type (toEqual ignores the undefined ids).
    const managerSide = { ...(manager[0] as UsageGroup<'agentId'>), agentId: undefined };
    expect(managerSide).toEqual({ ...agent[0], managerId: undefined });
    expect(managerSide.jobTypes.map((t) => [t.jobType, t.jobs])).toEqual([
      ['test.burn', 1],
      ['test.echo', 11],
    ]);

    // Every run took time, its slot at least as long as its handler.
    const rows = await site.agentSql<{ job_type: string; wall_ms: string; slot_ms: string }[]>`
      select job_type, wall_ms, slot_ms from job_usage`;
    expect(rows).toHaveLength(jobs);
    for (const row of rows) {
      expect(Number(row.wall_ms)).toBeGreaterThan(0);
      expect(Number(row.slot_ms)).toBeGreaterThanOrEqual(Number(row.wall_ms));
    }
    const burn = managerSide.jobTypes.find((t) => t.jobType === 'test.burn');
    const echo = managerSide.jobTypes.find((t) => t.jobType === 'test.echo');
    expect(burn?.wallMs).toBeGreaterThanOrEqual(300);
    expect(burn?.cpuMs).toBeGreaterThan(0);
    expect(burn?.peakRssKb).toBeGreaterThan(0);
    expect([echo?.cpuMs, echo?.peakRssKb]).toEqual([0, 0]);
  });
});
