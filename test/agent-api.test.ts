import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import amqp, { type ConsumeMessage } from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import { caroni as proto } from '../proto/generated/caroni.js';
import type { Handler } from '../agent/handler.ts';
import { startAgent } from '../agent/main.ts';
import { addTrustedManager } from '../agent/trust.ts';
import {
  ConfirmedPublisher,
  declareJobQueue,
  declareReplyQueue,
  declareShared,
  topologyNames,
} from '../common/broker.ts';
import { ANY_RECIPIENT, open, seal } from '../common/envelope.ts';
import type { JsonObject } from '../common/json.ts';
import { generateIdentity, loadOrInitIdentity, publicKeyPem } from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import { fromValue, toStruct } from '../common/struct.ts';
import { saveToken } from '../db/tokens.ts';
import { agentTestEnv } from './support/agent-env.ts';
import { caroni } from './support/cli.ts';
import { deleteBrokerTopology, testAmqpUrl, uniqueName, waitFor } from './support/isolation.ts';

const jobTypes = ['test.echo', 'test.echo2'];
const adminToken = 'caroni_agent-api-admin-0123456789';
const submitterToken = 'caroni_agent-api-submitter-0123456789';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/**
 * An agent with its admin API on a free port, trusting one manager the test
 * plays: it signs requests, reads the agent's replies and the dead letters.
 */
async function setup() {
  const { topology, sql, dataDir, config } = await agentTestEnv(cleanups, { slots: 2 });
  const managerId = uniqueName('site');
  cleanups.push(() =>
    deleteBrokerTopology(topology.prefix, [managerId], jobTypes, [config.agent.id]),
  );
  const connection = await amqp.connect(testAmqpUrl);
  cleanups.push(() => connection.close());
  const names = topologyNames(topology.prefix);
  const channel = await connection.createConfirmChannel();
  await declareShared(channel, topology);
  for (const jobType of jobTypes) await declareJobQueue(channel, topology, managerId, jobType);
  const agentIdentity = await loadOrInitIdentity(config.keysDir, config.agent.id);
  const replies: proto.v1.Envelope[] = [];
  await channel.consume(await declareReplyQueue(channel, topology, managerId), (message) => {
    if (!message) return;
    const trustsAgent = (sender: string, keyId: string) =>
      sender === agentIdentity.id && keyId === agentIdentity.keyId
        ? agentIdentity.publicKey
        : undefined;
    replies.push(open(message.content, managerId, trustsAgent).envelope);
    channel.ack(message);
  });
  const deadLetters: ConsumeMessage[] = [];
  await channel.consume(
    names.deadLetterQueue,
    (message) => {
      if (message) deadLetters.push(message);
    },
    { noAck: true },
  );
  const publisher = new ConfirmedPublisher(channel);

  const manager = generateIdentity(managerId);
  const managerPem = publicKeyPem(manager.publicKey);
  await addTrustedManager(sql, { managerId, publicKeyPem: managerPem });
  await saveToken(sql, 'ops', 'admin', adminToken);
  await saveToken(sql, 'viewer', 'submitter', submitterToken);

  const started: string[] = [];
  const echo: Handler = async (params, ctx) => {
    started.push(ctx.jobId);
    await sleep(typeof params.ms === 'number' ? params.ms : 0, undefined, { signal: ctx.signal });
    return { echo: params.value ?? null };
  };
  const running = await startAgent(config, {
    sql,
    handlers: { 'test.echo': echo, 'test.echo2': echo },
    log: createLogger('agent-api-test', process.env.LOG_LEVEL ?? 'silent'),
    // Far beyond the test: every trust change must take effect without the periodic reload.
    options: { trustRefreshMs: 600_000, stopTimeoutMs: 5_000 },
  });
  cleanups.push(() => running.stop());
  const url = `http://127.0.0.1:${running.apiPort}`;

  /** Publishes a signed request of `jobType` to the queue of `queueJobType` (default the same). */
  const publish = async (jobType: string, params: JsonObject, queueJobType = jobType) => {
    const jobId = uniqueName('job');
    const bytes = seal(manager, ANY_RECIPIENT, {
      jobRequest: {
        jobId,
        ref: { manager: managerId, namespace: 'ns', workflowId: 'wf', runId: 'run', stepId: jobId },
        attempt: 1,
        jobType,
        parameters: toStruct(params),
        queueDeadlineMs: Date.now() + 60_000,
        runTimeoutMs: 10_000,
        progressIntervalMs: 100,
        idempotencyKey: `key-${jobId}`,
      },
    });
    await publisher.publish(
      names.jobsExchange,
      names.jobRoutingKey(managerId, queueJobType),
      bytes,
    );
    return jobId;
  };
  const result = (jobId: string) =>
    waitFor(
      () => replies.find((envelope) => envelope.jobResult?.jobId === jobId)?.jobResult ?? undefined,
      { what: `the result of ${jobId}` },
    );
  const queued = async (jobType: string) =>
    (await channel.checkQueue(names.jobQueue(managerId, jobType))).messageCount;
  const api = async (
    route: string,
    {
      method = 'GET',
      body,
      token = adminToken,
    }: { method?: string; body?: unknown; token?: string | null } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    agent: running.agent,
    agentId: config.agent.id,
    url,
    dataDir,
    managerId,
    managerPem,
    replies,
    deadLetters,
    started,
    publish,
    result,
    queued,
    api,
  };
}

describe('the agent API', () => {
  it('answers 401 without a token or with an unknown one, 403 to a submitter token; health and the document are public', async () => {
    const { api } = await setup();
    for (const route of ['/v1/admin/status', '/v1/admin/managers', '/v1/admin/audit']) {
      expect(await api(route, { token: null })).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthenticated' } },
      });
      expect(await api(route, { token: 'caroni_not-a-real-token' })).toMatchObject({
        status: 401,
        body: {
          error: { code: 'unauthenticated', message: 'the token is not known to this agent' },
        },
      });
      expect(await api(route, { token: submitterToken })).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      });
    }
    expect(await api('/v1/admin/drain', { method: 'POST', token: submitterToken })).toMatchObject({
      status: 403,
    });
    expect(await api('/healthz', { token: null })).toEqual({ status: 200, body: { ok: true } });
    const document = await api('/openapi.json', { token: null });
    expect(document.status).toBe(200);
    const validation = await new Validator().validate(document.body);
    expect(validation.errors ?? []).toEqual([]);
  });

  it('lists, adds and removes trusted managers, refusing bad keys and job types, with an audit entry each', async () => {
    const { api, agentId, managerId } = await setup();
    const other = generateIdentity(uniqueName('site'));
    const added = await api('/v1/admin/managers', {
      method: 'POST',
      body: {
        managerId: other.id,
        publicKeyPem: publicKeyPem(other.publicKey),
        weight: 3,
        maxConcurrent: 1,
        jobTypes: ['test.echo'],
      },
    });
    expect(added).toMatchObject({
      status: 200,
      body: { managerId: other.id, weight: 3, maxConcurrent: 1, jobTypes: ['test.echo'] },
    });
    const { body: listed } = await api('/v1/admin/managers');
    // Listed by id, and ids are random: compare as a set.
    expect(listed.managers).toHaveLength(2);
    expect(listed.managers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ managerId, weight: 1, maxConcurrent: null, jobTypes: null }),
        expect.objectContaining({ managerId: other.id, weight: 3, jobTypes: ['test.echo'] }),
      ]),
    );

    expect(
      await api('/v1/admin/managers', {
        method: 'POST',
        body: { managerId: 'x-site', publicKeyPem: 'not a key' },
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_public_key' } } });
    const unknown = await api('/v1/admin/managers', {
      method: 'POST',
      body: {
        managerId: 'x-site',
        publicKeyPem: publicKeyPem(other.publicKey),
        jobTypes: ['test.echo', 'video.render'],
      },
    });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'unknown_job_type' } } });
    expect(JSON.stringify(unknown.body)).toContain('video.render');
    expect(
      await api('/v1/admin/managers', {
        method: 'POST',
        body: { managerId: 'x-site', publicKeyPem: publicKeyPem(other.publicKey), priority: 1 },
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });

    expect(await api(`/v1/admin/managers/${other.id}`, { method: 'DELETE' })).toEqual({
      status: 200,
      body: { managerId: other.id },
    });
    expect(await api(`/v1/admin/managers/${other.id}`, { method: 'DELETE' })).toMatchObject({
      status: 404,
      body: { error: { code: 'manager_not_trusted' } },
    });
    await api('/v1/admin/drain', { method: 'POST' });
    await api('/v1/admin/undrain', { method: 'POST' });
    const { body: audit } = await api('/v1/admin/audit');
    expect(audit.entries).toEqual([
      expect.objectContaining({ actor: 'ops', action: 'agent.undrain', target: agentId }),
      expect.objectContaining({ actor: 'ops', action: 'agent.drain', target: agentId }),
      expect.objectContaining({ actor: 'ops', action: 'trust.manager.remove', target: other.id }),
      expect.objectContaining({
        actor: 'ops',
        action: 'trust.manager.add',
        target: other.id,
        details: {
          weight: 3,
          maxConcurrent: 1,
          jobTypes: ['test.echo'],
          keyId: other.keyId,
          graceSeconds: null,
        },
      }),
    ]);
  });

  it("stops starting a manager's queued jobs the moment its trust is removed, and runs them once it is back", async () => {
    const { api, managerId, managerPem, publish, result, queued, started, replies } = await setup();
    const before = await publish('test.echo', { value: 'trusted' });
    await result(before);

    expect((await api(`/v1/admin/managers/${managerId}`, { method: 'DELETE' })).status).toBe(200);
    const jobs = [
      await publish('test.echo', { value: 1 }),
      await publish('test.echo', { value: 2 }),
    ];
    // Nothing to wait for: give a consumer that was left behind the time to take them.
    await sleep(500);
    expect(await queued('test.echo')).toBe(2);
    expect(started).toEqual([before]);
    expect(replies.filter((envelope) => envelope.jobRejected)).toEqual([]);

    expect(
      (
        await api('/v1/admin/managers', {
          method: 'POST',
          body: { managerId, publicKeyPem: managerPem },
        })
      ).status,
    ).toBe(200);
    for (const jobId of jobs) expect((await result(jobId)).fromLedger).toBe(false);
    expect(await queued('test.echo')).toBe(0);
  });

  it('refuses a job type the manager may not use: dead-lettered as job_type_not_allowed, rejected, never run', async () => {
    const { api, agent, managerId, managerPem, publish, replies, deadLetters, started, queued } =
      await setup();
    await api('/v1/admin/managers', {
      method: 'POST',
      body: { managerId, publicKeyPem: managerPem, jobTypes: ['test.echo'] },
    });
    // Its own queue is no longer consumed; the same request slipped into an allowed queue is refused.
    const waiting = await publish('test.echo2', { value: 'queued' });
    const slipped = await publish('test.echo2', { value: 'slipped' }, 'test.echo');
    const rejected = await waitFor(
      () =>
        replies.find((envelope) => envelope.jobRejected?.jobId === slipped)?.jobRejected ??
        undefined,
      { what: 'the rejection' },
    );
    expect(rejected.reason).toBe(proto.v1.JobRejected.Reason.REASON_UNTRUSTED);
    expect(rejected.message).toContain('test.echo2');
    const dead = await waitFor(() => deadLetters[0], { what: 'the dead letter' });
    expect(dead.properties.headers?.['x-caroni-reason']).toBe('job_type_not_allowed');
    expect(agent.stats().refused).toEqual({ job_type_not_allowed: 1 });
    expect(started).toEqual([]);
    expect(await queued('test.echo2')).toBe(1);
    expect(replies.some((envelope) => envelope.jobAccepted?.jobId === waiting)).toBe(false);
  });

  it('drains: the running job finishes and replies, nothing new starts until undrained', async () => {
    const { api, managerId, publish, result, queued, started } = await setup();
    const long = await publish('test.echo', { value: 'long', ms: 1_500 });
    await waitFor(() => started.includes(long), { what: 'the long job to start' });

    const drained = await api('/v1/admin/drain', { method: 'POST' });
    expect(drained).toMatchObject({
      status: 200,
      body: { draining: true, running: { [managerId]: 1 }, jobTypes },
    });
    const next = await publish('test.echo', { value: 'next' });
    expect(fromValue((await result(long)).output)).toEqual({ echo: 'long' });
    await waitFor(
      async () => {
        const { body } = await api('/v1/admin/status');
        return Object.keys(body.running as object).length === 0;
      },
      { what: 'no job running' },
    );
    expect(started).toEqual([long]);
    expect(await queued('test.echo')).toBe(1);

    expect(await api('/v1/admin/undrain', { method: 'POST' })).toMatchObject({
      status: 200,
      body: { draining: false },
    });
    expect((await result(next)).fromLedger).toBe(false);
    expect(started).toEqual([long, next]);
  });

  it('serves `caroni agent status|drain|undrain` and `caroni trust add|list|remove managers`', async () => {
    const { url, agentId, managerId, dataDir } = await setup();
    const env = { CARONI_AGENT_API_URL: url, CARONI_TOKEN: adminToken, CARONI_DATA_DIR: dataDir };
    const status = await caroni(['agent', 'status'], env);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ agentId, draining: false, slots: 2 });

    const other = generateIdentity(uniqueName('site'));
    const keyFile = path.join(dataDir, 'other.pub');
    await writeFile(keyFile, publicKeyPem(other.publicKey));
    const add = await caroni(
      ['trust', 'add', 'manager', other.id, keyFile, '--weight', '2', '--job-types', 'test.echo'],
      env,
    );
    expect(add.code, add.stderr).toBe(0);
    const list = await caroni(['trust', 'list', 'managers'], env);
    expect(list.code).toBe(0);
    const managers = list.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { managerId: string; weight: number });
    expect(managers.map((m) => [m.managerId, m.weight]).sort()).toEqual(
      [
        [managerId, 1],
        [other.id, 2],
      ].sort(),
    );
    expect((await caroni(['trust', 'remove', 'manager', other.id], env)).code).toBe(0);

    const drain = await caroni(['agent', 'drain', '--agent-api', url], env);
    expect(drain.code).toBe(0);
    expect(JSON.parse(drain.stdout)).toMatchObject({ draining: true });
    expect((await caroni(['agent', 'undrain'], env)).code).toBe(0);

    const refused = await caroni(
      ['agent', 'status', '--token', 'caroni_wrong-token-0123456789'],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the token is not known to this agent');
  });
});
