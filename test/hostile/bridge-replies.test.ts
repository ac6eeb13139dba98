import { randomBytes } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import fc from 'fast-check';
import protobuf from 'protobufjs/minimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDefinition, applyJobType } from '../../api/definitions.ts';
import type { RunView } from '../../api/runs.ts';
import { ConfirmedPublisher, topologyNames } from '../../common/broker.ts';
import { seal } from '../../common/envelope.ts';
import type { Json } from '../../common/json.ts';
import {
  generateIdentity,
  loadOrInitIdentity,
  publicKeyPem,
  type Identity,
} from '../../common/keys.ts';
import { toValue } from '../../common/struct.ts';
import type { caroni } from '../../proto/generated/caroni.js';
import { startTestSite, type TestSite } from '../support/federation.ts';
import { testAmqpUrl, uniqueName, waitFor } from '../support/isolation.ts';
import { forge, oddText, sealAny, untrustedKey } from './support/envelopes.ts';
import { hostileSeed } from './support/seed.ts';
import { Tally } from './support/tally.ts';

/**
 * Hostile messages on the manager's reply queue, the one queue its bridge
 * consumes: every one refused and dead-lettered with a reason (an
 * untrusted agent's ad is dropped by design, and counted), none may touch
 * a run, and the bridge must still deliver a real job's result after.
 */

const caseHeader = 'x-hostile-case';

/** A run whose only job waits in a queue no agent takes: the replies' target. */
const queuedDefinition = {
  name: 'hostile-queued',
  version: 1,
  steps: [{ id: 'job', job: 'test.unserved', timeouts: { queueMs: 600_000 } }],
};
/** A job the site's agent runs: proof the bridge still serves. */
const echoDefinition = {
  name: 'hostile-echo',
  version: 1,
  steps: [{ id: 'job', job: 'test.echo', params: { said: '{{ input.said }}' } }],
};

let site: TestSite;
let connection: ChannelModel;
let publisher: ConfirmedPublisher;
let agent: Identity;
let managerId: string;
let namespace: string;
/** The waiting run: its id, Temporal run id, job id and attempt. */
let target: { id: string; runId: string; jobId: string; attempt: number };
const deadLetters = new Map<string, { reason: string | undefined; detail: string | undefined }[]>();
let serial = 0;

function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
}

async function run(id: string): Promise<RunView> {
  const response = await site.fetchApi(`/v1/runs/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as RunView;
}

beforeAll(async () => {
  site = await startTestSite();
  managerId = site.config.manager.id;
  namespace = site.config.manager.namespace;
  const agentConfig = site.federation.agents[0]?.config;
  if (!agentConfig) throw new Error('the test site has no agent');
  agent = await loadOrInitIdentity(agentConfig.keysDir, agentConfig.agent.id);
  await applyJobType(site.managerSql, { name: 'test.unserved', timeouts: {} });
  await applyJobType(site.managerSql, { name: 'test.echo', timeouts: {} });
  await applyDefinition(site.managerSql, queuedDefinition);
  await applyDefinition(site.managerSql, echoDefinition);
  connection = await amqp.connect(testAmqpUrl);
  const channel = await connection.createConfirmChannel();
  publisher = new ConfirmedPublisher(channel);
  await channel.consume(
    topologyNames(site.config.broker.prefix).deadLetterQueue,
    (message) => {
      const headers = message?.properties.headers ?? {};
      const id = headerText(headers[caseHeader]);
      if (!id) return;
      deadLetters.set(id, [
        ...(deadLetters.get(id) ?? []),
        {
          reason: headerText(headers['x-caroni-reason']),
          detail: headerText(headers['x-caroni-detail']),
        },
      ]);
    },
    { noAck: true },
  );
  const started = await site.fetchApi('/v1/runs', {
    method: 'POST',
    body: JSON.stringify({ workflow: queuedDefinition.name }),
  });
  const { id } = (await started.json()) as { id: string };
  const queued = await waitFor(
    async () => {
      const view = await run(id);
      const step = view.steps?.[0];
      return step?.status === 'queued' && step.jobId ? { view, step } : undefined;
    },
    { what: 'the target job to be queued' },
  );
  target = {
    id,
    runId: queued.view.runId,
    jobId: queued.step.jobId ?? '',
    attempt: queued.step.attempt ?? 1,
  };
});

afterAll(async () => {
  await connection?.close();
  await site?.teardown();
});

/** The target job's ref, or a changed one. */
function ref(overrides: Partial<caroni.v1.IJobRef> = {}): caroni.v1.IJobRef {
  return {
    manager: managerId,
    namespace,
    workflowId: target.id,
    runId: target.runId,
    stepId: 'job',
    generation: 0,
    ...overrides,
  };
}

/** A result for the target job that would end its step, were it trusted. */
function result(output: Json = { forged: true }): caroni.v1.IJobResult {
  return {
    jobId: target.jobId,
    ref: ref(),
    attempt: target.attempt,
    jobType: 'test.unserved',
    output: toValue(output),
  };
}

interface ReplyCase {
  what: string;
  bytes: Uint8Array;
  /** Undefined: any reason (random bytes). */
  reasons?: readonly string[];
}

async function publishReply(bytes: Uint8Array, caseId: string): Promise<void> {
  await publisher.publish(
    topologyNames(site.config.broker.prefix).repliesExchange,
    managerId,
    bytes,
    {
      headers: { [caseHeader]: caseId },
    },
  );
}

function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed: hostileSeed + serial++ });
}

const deep = (levels: number): Json => {
  let value: Json = 'leaf';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe("hostile messages on the manager's reply queue", () => {
  it('refuses them all, dead-lettered with a reason, and no run is touched', async ({ task }) => {
    const tally = new Tally(task);
    const stranger = generateIdentity(uniqueName('agent'));
    const oldKey = generateIdentity(agent.id);
    // Trusted through the API, then no longer: its key must be refused from then on.
    const revoked = generateIdentity(uniqueName('agent'));
    const admin = { token: site.federation.tokens.admin };
    const trust = await site.fetchApi('/v1/admin/trusted-agents', {
      ...admin,
      method: 'POST',
      body: JSON.stringify({ agentId: revoked.id, publicKeyPem: publicKeyPem(revoked.publicKey) }),
    });
    expect(trust.status).toBe(200);
    await site.federation.bridge?.reloadTrust();
    const distrust = await site.fetchApi(`/v1/admin/trusted-agents/${revoked.id}`, {
      ...admin,
      method: 'DELETE',
    });
    expect(distrust.status).toBe(200);
    await site.federation.bridge?.reloadTrust();
    const minutes = (n: number) => n * 60_000;
    const signedByAgent = (fields: caroni.v1.IEnvelope) =>
      sealAny(agent, { recipient: managerId, ...fields });
    const cases: fc.Arbitrary<ReplyCase> = fc.oneof(
      fc.uint8Array({ maxLength: 4_096 }).map((bytes) => ({ what: 'random bytes', bytes })),
      fc.nat().map((cut) => {
        const whole = seal(agent, managerId, { jobResult: result() });
        return { what: 'a cut result', bytes: whole.slice(0, cut % whole.length) };
      }),
      fc
        .integer({ min: 200_000, max: 3_000_000 })
        .map((size) => ({ what: `${size} random bytes`, bytes: randomBytes(size) })),
      fc
        .constantFrom(
          'flip-signature' as const,
          'random-signature' as const,
          'no-signature' as const,
          'swap-payload' as const,
        )
        .map((how) => ({
          what: `a result for the waiting job, ${how}`,
          bytes: forge(
            seal(agent, managerId, { jobResult: result() }),
            how,
            seal(agent, managerId, { jobResult: result({ other: 1 }) }),
          ),
          reasons: ['bad_signature'],
        })),
      fc.constantFrom(stranger, oldKey, revoked).map((identity) => ({
        what: `a result signed by ${identity === oldKey ? "the agent's old key" : identity.id}`,
        bytes: seal(identity, managerId, { jobResult: result() }),
        reasons: untrustedKey,
      })),
      fc
        .oneof(fc.constant('*'), fc.constant(uniqueName('site')), oddText)
        .filter((recipient) => recipient !== managerId)
        .map((recipient) => ({
          what: `a result for recipient ${recipient.slice(0, 40)}`,
          bytes: signedByAgent({ recipient, jobResult: result() }),
          reasons: ['wrong_recipient', 'malformed'],
        })),
      fc.constantFrom('jobRequest', 'cancelJob').map((kind) => ({
        what: `a ${kind} on the reply queue`,
        bytes: signedByAgent({ [kind]: { jobId: target.jobId, ref: ref() } }),
        reasons: ['unexpected_body'],
      })),
      fc
        .constantFrom<Partial<caroni.v1.IJobRef>>(
          { manager: uniqueName('site') },
          { namespace: 'ns-someone-else' },
          { workflowId: '' },
        )
        .map((changed) => ({
          what: `a result for ${JSON.stringify(changed)}`,
          bytes: signedByAgent({ jobResult: { ...result(), ref: ref(changed) } }),
          reasons: ['unexpected_body'],
        })),
      oddText
        .filter((workflowId) => workflowId !== '' && workflowId !== target.id)
        .map((workflowId) => ({
          what: `a result for run ${workflowId.slice(0, 40)}`,
          bytes: signedByAgent({ jobResult: { ...result(), ref: ref({ workflowId }) } }),
          reasons: ['run_closed', 'malformed'],
        })),
      fc
        .oneof(
          fc.integer({ min: minutes(5) + 1_000, max: minutes(60 * 24 * 3650) }).map((ms) => -ms),
          fc.integer({ min: minutes(5) + 1_000, max: minutes(60 * 24 * 3650) }),
        )
        .chain((skew) =>
          fc.constantFrom(
            {
              what: `an ad signed ${skew} ms off`,
              bytes: signedByAgent({
                sentAtMs: Date.now() + skew,
                agentAnnouncement: { agentId: agent.id, capacity: 1 },
              }),
              reasons: ['stale'],
            },
            {
              what: `progress signed ${skew} ms off`,
              bytes: signedByAgent({
                sentAtMs: Date.now() + skew,
                jobProgress: { jobId: target.jobId, ref: ref(), attempt: target.attempt },
              }),
              reasons: ['stale'],
            },
          ),
        ),
      fc.constant(null).map(() => ({
        what: "an ad for another agent, signed by the site's agent",
        bytes: signedByAgent({ agentAnnouncement: { agentId: stranger.id, capacity: 99 } }),
        reasons: ['sender_mismatch'],
      })),
      fc.integer({ min: 60, max: 600 }).map((levels) => {
        // Past protobufjs's recursion limit: the bridge cannot decode it.
        const limit = protobuf.util.recursionLimit;
        protobuf.util.recursionLimit = 10_000;
        try {
          return {
            what: `a result ${levels} levels deep`,
            bytes: signedByAgent({ jobResult: result(deep(levels)) }),
            reasons: ['malformed'],
          };
        } finally {
          protobuf.util.recursionLimit = limit;
        }
      }),
    );
    const sent = new Map<string, ReplyCase>();
    for (const hostile of sample(cases, 150)) {
      const id = `reply-${serial++}`;
      sent.set(id, hostile);
      tally.sent();
      await publishReply(hostile.bytes, id);
    }
    // An untrusted agent's ads are dropped without a dead letter, by design; they must store nothing.
    for (let i = 0; i < 5; i++) {
      tally.sent();
      await publishReply(
        seal(stranger, managerId, { agentAnnouncement: { agentId: stranger.id, capacity: 7 } }),
        `ignored-ad-${i}`,
      );
    }
    const ids = [...sent.keys()];
    await waitFor(() => ids.every((id) => deadLetters.has(id)), {
      what: 'a dead letter for every hostile reply',
      timeoutMs: 60_000,
    }).catch(() => undefined);
    const missing = ids.filter((id) => !deadLetters.has(id));
    // Never dead-lettered: lost, or going round the reply queue for ever.
    tally.crashed(missing.length);
    const wrong = ids.flatMap((id) => {
      const hostile = sent.get(id);
      return (deadLetters.get(id) ?? [])
        .filter(({ reason }) => !reason || (hostile?.reasons && !hostile.reasons.includes(reason)))
        .map(({ reason, detail }) => `${hostile?.what}: ${reason} (${detail?.slice(0, 200)})`);
    });
    const seed = `HOSTILE_SEED=${hostileSeed}`;
    expect(
      missing.map((id) => sent.get(id)?.what),
      `never dead-lettered (${seed})`,
    ).toEqual([]);
    expect(wrong, `wrong reasons (${seed})`).toEqual([]);
    // No hostile reply touched the waiting run, the books or the agents seen.
    const view = await run(target.id);
    if (view.status !== 'RUNNING' || view.steps?.[0]?.status !== 'queued') tally.executed();
    expect([view.status, view.steps?.[0]?.status]).toEqual(['RUNNING', 'queued']);
    const usage =
      await site.managerSql`select job_id from job_usage where job_id = ${target.jobId}`;
    const seen =
      await site.managerSql`select agent_id from agents_seen where agent_id = ${stranger.id}`;
    tally.executed(usage.length + seen.length);
    expect([...usage, ...seen]).toEqual([]);
    expect(deadLetters.has('ignored-ad-0')).toBe(false);
  });

  it('still hands a real result to its run, and a cancellation still ends the waiting one', async ({
    task,
  }) => {
    new Tally(task);
    const started = await site.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow: echoDefinition.name, input: { said: 'still here' } }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const done = await waitFor(
      async () => {
        const view = await run(id);
        return view.status === 'RUNNING' ? undefined : view;
      },
      { what: 'the echo run to end', timeoutMs: 60_000 },
    );
    expect(done.status).toBe('COMPLETED');
    const bridge = site.federation.bridge;
    expect(bridge).toBeDefined();
    const state = await Promise.race([
      bridge?.done.then(
        () => 'stopped',
        () => 'failed',
      ),
      new Promise((resolve) => setImmediate(() => resolve('running'))),
    ]);
    expect(state).toBe('running');
    expect((await site.fetchApi(`/v1/runs/${target.id}/cancel`, { method: 'POST' })).status).toBe(
      202,
    );
  });
});
