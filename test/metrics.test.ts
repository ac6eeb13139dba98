import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../common/keys.ts';
import { serveMetrics } from '../common/metrics.ts';
import { BrokerProbe } from './support/broker-probe.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { waitFor } from './support/isolation.ts';

/** The value of one series in Prometheus text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inner = line.slice(name.length + 1, line.indexOf('}'));
    const have = inner.split(',');
    if (wanted.every((pair) => have.includes(pair)))
      return Number(line.slice(line.indexOf('}') + 2));
  }
  return undefined;
}

describe('metrics', () => {
  let f: TestSite;
  let probe: BrokerProbe;

  beforeAll(async () => {
    f = await startTestSite();
    await seedTestSite(f.managerSql);
    probe = await BrokerProbe.open(f.config.broker);
  });

  afterAll(async () => {
    await probe?.close();
    await f?.teardown();
  });

  const scrape = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('counts a job on the bridge and the agent, a refusal, and shows the agent’s live gauges', async () => {
    const manager = f.config.manager.id;
    const agent = f.config.agent.id;
    const response = await f.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow: 'double', input: { x: 21 } }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await waitFor(
      async () =>
        ((await (await f.fetchApi(`/v1/runs/${id}`)).json()) as { status: string }).status ===
        'COMPLETED',
      { what: 'the run to complete' },
    );
    // A request signed by a key nobody trusts: refused on the agent.
    await probe.publish({
      signer: generateIdentity(manager),
      namespace: f.config.manager.namespace,
      jobType: 'test.echo',
      params: {},
      workflowId: 'forged',
      stepId: 'forged',
    });

    const siteUrl = `http://127.0.0.1:${f.federation.api.port}/metrics`;
    const agentUrl = `http://127.0.0.1:${f.federation.agent.apiPort}/metrics`;
    const text = await waitFor(
      async () => {
        const body = await scrape(agentUrl);
        return sample(body, 'caroni_refusals_total', {
          role: 'agent',
          party: agent,
          reason: 'unknown_key',
        }) === 1
          ? body
          : undefined;
      },
      { what: 'the refusal in the metrics' },
    );
    const job = { manager, job_type: 'test.echo' };
    expect(sample(text, 'caroni_jobs_dispatched_total', job)).toBe(1);
    expect(sample(text, 'caroni_replies_delivered_total', { manager, kind: 'succeeded' })).toBe(1);
    expect(sample(text, 'caroni_agent_jobs_total', { ...job, agent, event: 'accepted' })).toBe(1);
    expect(sample(text, 'caroni_agent_jobs_total', { ...job, agent, event: 'succeeded' })).toBe(1);
    expect(sample(text, 'caroni_job_run_seconds_count', { ...job, agent })).toBe(1);
    expect(sample(text, 'caroni_job_queue_wait_seconds_count', { ...job, agent })).toBe(1);
    expect(sample(text, 'caroni_jobs_in_flight', { agent })).toBe(0);
    expect(sample(text, 'caroni_agent_slots', { agent })).toBe(4);
    expect(sample(text, 'caroni_outbox_depth', { agent })).toBe(0);
    for (const name of [
      'caroni_slots_used',
      'caroni_broker_reconnects_total',
      'caroni_process_cpu_seconds_total',
    ])
      expect(text).toContain(`# HELP ${name} `);
    // One process, one registry: the site's API shows the same series.
    expect(sample(await scrape(siteUrl), 'caroni_jobs_dispatched_total', job)).toBe(1);
    const served = await serveMetrics(0, '127.0.0.1');
    try {
      const own = await scrape(`http://127.0.0.1:${served.port}/metrics`);
      expect(sample(own, 'caroni_agent_jobs_total', { ...job, agent, event: 'succeeded' })).toBe(1);
      expect((await fetch(`http://127.0.0.1:${served.port}/other`)).status).toBe(404);
    } finally {
      await served.close();
    }
  });
});
