import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import protobuf from 'protobufjs/minimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { caroni } from '../../proto/generated/caroni.js';
import { ANY_RECIPIENT, seal } from '../../common/envelope.ts';
import { generateIdentity, type Identity } from '../../common/keys.ts';
import { priorityBands } from '../../common/broker.ts';
import type { JsonObject } from '../../common/json.ts';
import { uniqueName, waitFor } from '../support/isolation.ts';
import { AgentHarness, echoType, waitType, type Target } from './support/agent-harness.ts';
import { forge, oddText, oddUint32, sealAny, untrustedKey } from './support/envelopes.ts';
import { hostileSeed } from './support/seed.ts';
import { Tally } from './support/tally.ts';

/**
 * Hostile messages on every queue the agent consumes: its job queues (each
 * band), its pinned queue and its control queue. Every one must be refused
 * and dead-lettered with a reason header, none may run a handler or cancel a
 * job, none may stay in a queue, and the agent must run a valid job after.
 */

/** A hostile message and what the agent may say about it. */
interface HostileCase {
  what: string;
  target: Target;
  bytes: Uint8Array;
  /** The refusal reasons that fit; undefined: any reason will do (random bytes can read as anything). */
  reasons?: string[];
  /** AMQP headers to send along (besides the case id). */
  headers?: Record<string, unknown>;
  /** The job id the message names, when it names one: its handler must never run. */
  jobId?: string;
}

let harness: AgentHarness;
let serial = 0;

beforeAll(async () => {
  harness = await AgentHarness.start();
});

afterAll(async () => {
  await harness?.stop();
});

const hostileJobId = () => `hostile-${serial++}-${uniqueName('job')}`;

/** A job queue of the trusted manager in any band, or its pinned queue. */
const jobTarget = (): fc.Arbitrary<Target> =>
  fc.oneof(
    fc.constantFrom(...priorityBands).map((band): Target => ({
      kind: 'job',
      manager: harness.trusted.id,
      band,
    })),
    fc.constant<Target>({ kind: 'pinned', manager: harness.trusted.id }),
  );

/**
 * Publishes every case, waits for its dead letter and checks the outcome:
 * each dead-lettered with a fitting reason, no handler run for any, nothing
 * left in the queues. Counts cases, crashes (a case never settled) and
 * executions (a handler run for a hostile job) on `tally`.
 */
async function attack(tally: Tally, cases: HostileCase[]): Promise<void> {
  const ids = new Map<string, HostileCase>();
  for (const hostile of cases) {
    const id = `case-${serial++}`;
    ids.set(id, hostile);
    tally.sent();
    await harness.publish(hostile.target, hostile.bytes, id, hostile.headers);
  }
  const missing = await harness.awaitDeadLetters(ids.keys());
  // A message never dead-lettered was lost, or goes round its queue for ever: the agent failed on it.
  tally.crashed(missing.length);
  const wrong: string[] = [];
  for (const [id, hostile] of ids) {
    const seen = harness.deadLetters.get(id) ?? [];
    for (const { reason, detail } of seen) {
      if (!reason || (hostile.reasons && !hostile.reasons.includes(reason))) {
        wrong.push(`${hostile.what}: reason ${reason} (${detail?.slice(0, 200)})`);
      }
    }
  }
  const jobIds = new Set(cases.flatMap((hostile) => (hostile.jobId ? [hostile.jobId] : [])));
  const ran = (await harness.calls()).filter((jobId) => jobIds.has(jobId));
  tally.executed(ran.length);
  const ledger = await harness.ledger();
  const recorded = [...jobIds].filter((jobId) => ledger.has(jobId));
  const seed = `HOSTILE_SEED=${hostileSeed}`;
  expect(
    missing.map((id) => ids.get(id)?.what),
    `never dead-lettered (${seed})`,
  ).toEqual([]);
  expect(wrong, `wrong reasons (${seed})`).toEqual([]);
  expect(ran, `handlers run for hostile jobs (${seed})`).toEqual([]);
  expect(recorded, `hostile jobs in the ledger (${seed})`).toEqual([]);
  expect(await harness.leftInQueues()).toBe(0);
}

function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed: hostileSeed + serial++ });
}

describe('hostile messages on the job queues', () => {
  it('refuses random, truncated and oversized bytes', async ({ task }) => {
    const tally = new Tally(task);
    const valid = () =>
      seal(harness.trusted, ANY_RECIPIENT, { jobRequest: harness.request(hostileJobId()) });
    const cases: HostileCase[] = [
      ...sample(fc.tuple(fc.uint8Array({ maxLength: 4_096 }), jobTarget()), 60).map(
        ([bytes, target]) => ({ what: `${bytes.length} random bytes`, target, bytes }),
      ),
      ...sample(fc.tuple(fc.nat(), jobTarget()), 40).map(([cut, target]) => {
        const jobId = hostileJobId();
        const whole = seal(harness.trusted, ANY_RECIPIENT, { jobRequest: harness.request(jobId) });
        const bytes = whole.slice(0, cut % whole.length);
        return { what: `a request cut to ${bytes.length} bytes`, target, bytes, jobId };
      }),
      ...sample(fc.tuple(fc.integer({ min: 200_000, max: 4_000_000 }), jobTarget()), 4).map(
        ([size, target]) => ({ what: `${size} random bytes`, target, bytes: randomBytes(size) }),
      ),
      {
        what: 'a valid request with 3 MB of junk appended, its signature flipped',
        target: { kind: 'job', manager: harness.trusted.id, band: 'normal' },
        bytes: Buffer.concat([forge(valid(), 'flip-signature'), randomBytes(3_000_000)]),
      },
      {
        what: 'a request of an unknown sender whose id is 300 kB',
        target: { kind: 'job', manager: harness.trusted.id, band: 'normal' },
        bytes: seal(generateIdentity('s'.repeat(300_000)), ANY_RECIPIENT, {
          jobRequest: harness.request(hostileJobId()),
        }),
        reasons: untrustedKey,
      },
      ...sample(fc.uint8Array({ maxLength: 64 }), 10).map((bytes): HostileCase => ({
        what: 'random bytes with hostile AMQP headers',
        target: { kind: 'job', manager: harness.trusted.id, band: 'high' },
        bytes,
        headers: {
          'x-caroni-reason': 'spoofed',
          'x-caroni-detail': 'spoofed',
          'x-death': [{ reason: 'spoofed', count: 99 }],
          'x-nested': { a: { b: [1, 'two', true, null] } },
          'x-binary': randomBytes(32),
          // Just under what amqplib encodes: no room left for the dead-letter headers.
          'x-big': 'h'.repeat(65_000),
          'x-number': -0.5,
        },
      })),
    ];
    await attack(tally, cases);
    // The reason is the agent's, whatever the message claimed.
    const spoofed = [...harness.deadLetters.values()].flat().filter((d) => d.reason === 'spoofed');
    expect(spoofed).toEqual([]);
  });

  it('refuses validly signed requests with odd content', async ({ task }) => {
    const tally = new Tally(task);
    const { trusted, other, agentId } = harness;
    const job = (overrides: Partial<caroni.v1.IJobRequest> = {}, params: JsonObject = {}) => {
      const jobId = typeof overrides.jobId === 'string' ? overrides.jobId : hostileJobId();
      return { jobId, request: harness.request(jobId, { ...overrides, jobId }, trusted, params) };
    };
    const signed = (
      what: string,
      reasons: string[],
      fields: caroni.v1.IEnvelope,
      jobId?: string,
      target?: Target,
    ): fc.Arbitrary<HostileCase> =>
      (target ? fc.constant(target) : jobTarget()).map((at) => ({
        what,
        reasons,
        target: at,
        jobId,
        bytes: sealAny(trusted, { recipient: ANY_RECIPIENT, ...fields }),
      }));
    const deep = (levels: number): JsonObject => {
      let value: JsonObject = { leaf: 1 };
      for (let i = 0; i < levels; i++) value = { a: value };
      return value;
    };
    const mutations: fc.Arbitrary<HostileCase> = fc.oneof(
      fc
        .constantFrom(
          'cancelJob',
          'jobResult',
          'jobAccepted',
          'jobProgress',
          'jobCancelled',
          'jobRejected',
        )
        .chain((kind) => {
          const { jobId, request } = job();
          return signed(
            `a ${kind} in a job queue`,
            ['unexpected_body'],
            {
              [kind]: { jobId, ref: request.ref },
            },
            jobId,
          );
        }),
      signed('an announcement in a job queue', ['unexpected_body'], {
        agentAnnouncement: { agentId: trusted.id },
      }),
      signed('an envelope without a body', ['malformed'], {}),
      fc
        .tuple(fc.oneof(oddText, fc.constant(uniqueName('agent'))), jobTarget())
        .filter(([recipient]) => recipient !== ANY_RECIPIENT && recipient !== agentId)
        .map(([recipient, target]) => {
          const { jobId, request } = job();
          return {
            what: `a request for recipient ${recipient.slice(0, 40)}`,
            // A lone surrogate is no UTF-8: the envelope itself does not decode.
            reasons: ['wrong_recipient', 'malformed'],
            target,
            jobId,
            bytes: sealAny(trusted, { recipient, jobRequest: request }),
          };
        }),
      oddUint32
        .filter((version) => version !== 1)
        .chain((protocolVersion) => {
          const { jobId, request } = job();
          return signed(
            `protocol version ${protocolVersion}`,
            ['unsupported_version'],
            {
              protocolVersion,
              jobRequest: request,
            },
            jobId,
          );
        }),
      fc
        .oneof(
          fc.constant(other.id),
          oddText.filter((id) => id !== trusted.id),
        )
        .chain((manager) => {
          const { jobId, request } = job();
          return signed(
            `a job of manager ${manager.slice(0, 40)}`,
            ['sender_mismatch', 'malformed'],
            {
              jobRequest: { ...request, ref: { ...request.ref, manager } },
            },
            jobId,
          );
        }),
      fc.constant(null).chain(() => {
        const { jobId, request } = job();
        return signed(
          'a request without a job ref',
          ['sender_mismatch'],
          {
            jobRequest: { ...request, ref: null },
          },
          jobId,
        );
      }),
      fc.constant(null).chain(() => {
        const { jobId, request } = job();
        // Signed by the trusted manager, for itself, but put in another manager's queue.
        return signed(
          "a request in another manager's queue",
          ['sender_mismatch'],
          { jobRequest: request },
          jobId,
          {
            kind: 'job',
            manager: other.id,
            band: 'normal',
          },
        );
      }),
      fc.constantFrom('jobId', 'jobType', 'attempt').chain((field) => {
        const { jobId, request } = job();
        const empty = field === 'attempt' ? 0 : '';
        return signed(
          `a request without ${field}`,
          ['malformed'],
          {
            jobRequest: { ...request, [field]: empty },
          },
          jobId || undefined,
        );
      }),
      fc.integer({ min: 30 * 86_400_000, max: 2 ** 62 }).chain((ahead) => {
        const { jobId, request } = job({ queueDeadlineMs: Date.now() + ahead });
        return signed(
          `a deadline ${ahead} ms ahead`,
          ['deadline_too_far'],
          { jobRequest: request },
          jobId,
        );
      }),
      fc
        .oneof(
          fc.constant(0),
          fc.integer({ min: -1e15, max: -1 }),
          fc.integer({ min: 1, max: 1e12 }).map((ago) => Date.now() - ago),
        )
        .chain((queueDeadlineMs) => {
          const { jobId, request } = job({ queueDeadlineMs });
          return signed(
            `a deadline of ${queueDeadlineMs}`,
            ['expired'],
            { jobRequest: request },
            jobId,
          );
        }),
      oddText
        .filter((jobType) => jobType !== '' && jobType !== echoType && jobType !== waitType)
        .chain((jobType) => {
          const { jobId, request } = job({ jobType });
          return signed(
            `job type ${jobType.slice(0, 40)}`,
            ['unknown_job_type', 'malformed'],
            {
              jobRequest: request,
            },
            jobId,
          );
        }),
      fc
        .constantFrom('jobId', 'idempotencyKey', 'params value', 'params key', 'ref')
        .chain((where) => {
          const nul = 'a\u0000b';
          const { jobId, request } = job(
            where === 'jobId'
              ? { jobId: `${hostileJobId()}${nul}` }
              : where === 'idempotencyKey'
                ? { idempotencyKey: nul }
                : {},
            where === 'params value' ? { x: nul } : where === 'params key' ? { [nul]: 1 } : {},
          );
          const ref = where === 'ref' ? { ...request.ref, stepId: nul } : request.ref;
          return signed(
            `a NUL in the ${where}`,
            ['malformed'],
            {
              jobRequest: { ...request, ref },
            },
            jobId,
          );
        }),
      fc.integer({ min: 2 ** 31, max: 2 ** 32 - 1 }).chain((attempt) => {
        const { jobId, request } = job({ attempt });
        return signed(`attempt ${attempt}`, ['malformed'], { jobRequest: request }, jobId);
      }),
      fc.integer({ min: 60, max: 1_000 }).chain((levels) => {
        const { jobId, request } = job({}, deep(levels));
        // Past protobufjs's recursion limit (100 messages, two per level): the agent cannot decode it.
        const limit = protobuf.util.recursionLimit;
        protobuf.util.recursionLimit = 10_000;
        try {
          const bytes = sealAny(trusted, { recipient: ANY_RECIPIENT, jobRequest: request });
          return jobTarget().map((target): HostileCase => ({
            what: `parameters ${levels} levels deep`,
            reasons: ['malformed'],
            target,
            jobId,
            bytes,
          }));
        } finally {
          protobuf.util.recursionLimit = limit;
        }
      }),
    );
    await attack(tally, sample(mutations, 150));
  });

  it('refuses forged signatures, unknown and revoked keys', async ({ task }) => {
    const tally = new Tally(task);
    const { trusted, other, revoked } = harness;
    const signedBy = (identity: Identity, sender?: string) => {
      const jobId = hostileJobId();
      const fields = sender === undefined ? {} : { sender };
      return {
        jobId,
        bytes: sealAny(identity, {
          recipient: ANY_RECIPIENT,
          ...fields,
          jobRequest: harness.request(jobId),
        }),
      };
    };
    const forgeries = fc.oneof(
      fc
        .constantFrom(
          'flip-signature' as const,
          'random-signature' as const,
          'no-signature' as const,
          'swap-payload' as const,
        )
        .map((how) => {
          const { jobId, bytes } = signedBy(trusted);
          const { bytes: otherBytes } = signedBy(trusted);
          return {
            what: `a request, ${how}`,
            jobId,
            bytes: forge(bytes, how, otherBytes),
            reasons: ['bad_signature'],
          };
        }),
      fc.constant(null).map(() => {
        // One bit of the payload: the signature no longer fits, or a field now names another party.
        const { jobId, bytes } = signedBy(trusted);
        return {
          what: 'a request with a payload bit flipped',
          jobId,
          bytes: forge(bytes, 'flip-payload'),
        };
      }),
      fc.constant(null).map(() => {
        const { jobId, bytes } = signedBy(generateIdentity(uniqueName('stranger')));
        return { what: 'a stranger', jobId, bytes, reasons: untrustedKey };
      }),
      fc.constant(null).map(() => {
        const { jobId, bytes } = signedBy(generateIdentity(trusted.id));
        return {
          what: "the trusted manager's id with another key",
          jobId,
          bytes,
          reasons: untrustedKey,
        };
      }),
      fc.constant(null).map(() => {
        const { jobId, bytes } = signedBy(revoked);
        return { what: 'a revoked manager', jobId, bytes, reasons: untrustedKey };
      }),
      fc.constant(null).map(() => {
        // The other (trusted) manager's key, claiming to be the trusted manager.
        const { jobId, bytes } = signedBy(other, trusted.id);
        return {
          what: "another manager's key under the trusted manager's name",
          jobId,
          bytes,
          reasons: untrustedKey,
        };
      }),
      fc.constant(null).map(() => {
        const jobId = hostileJobId();
        const bytes = seal(other, ANY_RECIPIENT, {
          jobRequest: harness.request(jobId, {}, trusted),
        });
        return {
          what: "another trusted manager's request for the trusted manager's job",
          jobId,
          bytes,
          reasons: ['sender_mismatch'],
        };
      }),
    );
    const cases = sample(fc.tuple(forgeries, jobTarget()), 80).map(
      ([forgery, target]): HostileCase => ({ ...forgery, target }),
    );
    await attack(tally, cases);
  });

  it('answers replays of a finished job from the ledger, never running it again', async ({
    task,
  }) => {
    const tally = new Tally(task);
    const jobId = hostileJobId();
    const bytes = seal(harness.trusted, ANY_RECIPIENT, {
      jobRequest: harness.request(jobId, {}, harness.trusted, { value: 'once' }),
    });
    await harness.publish(
      { kind: 'job', manager: harness.trusted.id, band: 'normal' },
      bytes,
      'replayed-original',
    );
    expect((await harness.result(jobId)).fromLedger).toBe(false);
    const replays = sample(jobTarget(), 12);
    for (const [index, target] of replays.entries()) {
      tally.sent();
      await harness.publish(target, bytes, `replay-${index}`);
    }
    // A later attempt of the same job, newly signed, is a replay too: the job succeeded.
    tally.sent();
    await harness.publish(
      { kind: 'job', manager: harness.trusted.id, band: 'normal' },
      seal(harness.trusted, ANY_RECIPIENT, { jobRequest: harness.request(jobId, { attempt: 2 }) }),
      'replay-attempt-2',
    );
    const results = await waitFor(
      () => {
        const all = harness.repliesOf(jobId).flatMap((e) => (e.jobResult ? [e.jobResult] : []));
        return all.length === replays.length + 2 ? all : undefined;
      },
      { what: 'an answer to every replay', timeoutMs: 30_000 },
    );
    expect(results.slice(1).every((result) => result.fromLedger)).toBe(true);
    const runs = (await harness.calls()).filter((id) => id === jobId).length;
    tally.executed(runs - 1);
    expect(runs).toBe(1);
    // An answer from the ledger is no refusal: none of them was dead-lettered.
    expect([...harness.deadLetters.keys()].filter((id) => id.startsWith('replay'))).toEqual([]);
  });

  it('runs validly signed requests with odd but legal values sanely', async ({ task }) => {
    const tally = new Tally(task);
    const target: Target = { kind: 'job', manager: harness.trusted.id, band: 'normal' };
    const odd = [
      { runTimeoutMs: 2 ** 32 - 1 },
      { progressIntervalMs: 2 ** 32 - 1 },
      { progressIntervalMs: 1 },
      { idempotencyKey: '' },
    ];
    const jobIds: string[] = [];
    for (const [index, overrides] of odd.entries()) {
      const jobId = hostileJobId();
      jobIds.push(jobId);
      tally.sent();
      await harness.publish(
        target,
        seal(harness.trusted, ANY_RECIPIENT, {
          jobRequest: harness.request(jobId, overrides, harness.trusted, { ms: 300 }),
        }),
        `odd-${index}`,
      );
    }
    for (const sentAtMs of [Date.now() + 365 * 86_400_000, 0, -(2 ** 53)]) {
      const jobId = hostileJobId();
      jobIds.push(jobId);
      tally.sent();
      await harness.publish(
        target,
        sealAny(harness.trusted, {
          recipient: ANY_RECIPIENT,
          sentAtMs,
          jobRequest: harness.request(jobId, {}, harness.trusted, { ms: 300 }),
        }),
        `odd-sent-${sentAtMs}`,
      );
    }
    for (const jobId of jobIds) {
      const result = await harness.result(jobId);
      // A timer past 2^31 - 1 ms would fire at once: the run timeout must not end the job.
      expect(result.failure ?? null, jobId).toBeNull();
    }
    // A progress interval past 2^31 - 1 ms must not turn into one every millisecond.
    const flood = harness.repliesOf(jobIds[1] ?? '').filter((e) => e.jobProgress).length;
    expect(flood).toBeLessThan(5);
  });
});

describe('hostile messages on the control queue', () => {
  it('never stops a running job, and a valid cancellation still does', async ({ task }) => {
    const tally = new Tally(task);
    const { trusted, other, revoked, agentId } = harness;
    const target: Target = { kind: 'control' };
    const running = hostileJobId();
    await harness.publish(
      { kind: 'job', manager: trusted.id, band: 'normal', jobType: waitType },
      seal(trusted, ANY_RECIPIENT, {
        jobRequest: harness.request(running, { jobType: waitType, runTimeoutMs: 0 }, trusted, {
          ms: 120_000,
        }),
      }),
      'control-target',
    );
    await waitFor(async () => (await harness.calls()).includes(running), {
      what: 'the target job to run',
    });
    const ref = {
      manager: trusted.id,
      namespace: 'ns',
      workflowId: 'wf',
      runId: 'run',
      stepId: running,
    };
    const cancel = (fields: caroni.v1.IEnvelope = {}, identity: Identity = trusted) =>
      sealAny(identity, {
        recipient: agentId,
        cancelJob: { jobId: running, ref, reason: 'hostile' },
        ...fields,
      });
    const minutes = (n: number) => n * 60_000;
    const cases = fc.oneof(
      fc.uint8Array({ maxLength: 2_048 }).map((bytes) => ({ what: 'random bytes', bytes })),
      fc.nat().map((cut) => {
        const whole = cancel();
        return { what: 'a cut cancellation', bytes: whole.slice(0, cut % whole.length) };
      }),
      fc
        .constant(null)
        .map(() => ({ what: '1 MB of random bytes', bytes: randomBytes(1_000_000) })),
      fc
        .constantFrom(
          'flip-signature' as const,
          'random-signature' as const,
          'no-signature' as const,
        )
        .map((how) => ({
          what: `a cancellation, ${how}`,
          bytes: forge(cancel(), how),
          reasons: ['bad_signature'],
        })),
      fc
        .constantFrom(
          generateIdentity(uniqueName('stranger')),
          generateIdentity(trusted.id),
          revoked,
        )
        .map((identity) => ({
          what: `a cancellation by ${identity.id}`,
          bytes: cancel({}, identity),
          reasons: untrustedKey,
        })),
      fc
        .oneof(fc.constant(ANY_RECIPIENT), fc.constant(uniqueName('agent')), oddText)
        .filter((recipient) => recipient !== agentId)
        .map((recipient) => ({
          what: `a cancellation for ${recipient.slice(0, 40)}`,
          bytes: cancel({ recipient }),
          reasons: ['wrong_recipient', 'malformed'],
        })),
      fc.constant(null).map(() => {
        // A job request on the control queue must never run.
        const jobId = hostileJobId();
        return {
          what: 'a job request on the control queue',
          bytes: sealAny(trusted, { recipient: agentId, jobRequest: harness.request(jobId) }),
          reasons: ['unexpected_body'],
          jobId,
        };
      }),
      fc.constantFrom('jobResult', 'jobAccepted', 'jobCancelled').map((kind) => ({
        what: `a ${kind} on the control queue`,
        bytes: sealAny(trusted, { recipient: agentId, [kind]: { jobId: running, ref } }),
        reasons: ['unexpected_body'],
      })),
      fc.constant(null).map(() => ({
        what: "another trusted manager cancelling the trusted manager's job",
        bytes: cancel({}, other),
        reasons: ['sender_mismatch'],
      })),
      fc.constant(null).map(() => ({
        what: "a cancellation of another manager's job",
        bytes: cancel({ cancelJob: { jobId: running, ref: { ...ref, manager: other.id } } }),
        reasons: ['sender_mismatch'],
      })),
      fc
        .oneof(
          fc
            .integer({ min: minutes(5) + 1_000, max: minutes(60 * 24 * 365 * 10) })
            .map((ms) => Date.now() - ms),
          fc
            .integer({ min: minutes(5) + 1_000, max: minutes(60 * 24 * 365 * 10) })
            .map((ms) => Date.now() + ms),
          fc.constantFrom(0, -(2 ** 53), 2 ** 53),
        )
        .map((sentAtMs) => ({
          what: `a cancellation signed at ${sentAtMs}`,
          bytes: cancel({ sentAtMs }),
          reasons: ['stale'],
        })),
      fc.constant(null).map(() => ({
        what: 'a cancellation without a job id',
        bytes: cancel({ cancelJob: { jobId: '', ref, reason: 'x' } }),
        reasons: ['malformed'],
      })),
      fc.constantFrom('jobId', 'reason', 'ref').map((where) => {
        const nul = 'a\u0000b';
        const body = {
          jobId: where === 'jobId' ? `${running}${nul}` : running,
          ref: where === 'ref' ? { ...ref, workflowId: nul } : ref,
          reason: where === 'reason' ? nul : 'hostile',
        };
        return {
          what: `a NUL in the cancellation's ${where}`,
          bytes: cancel({ cancelJob: body }),
          reasons: ['malformed'],
        };
      }),
    );
    await attack(
      tally,
      sample(cases, 120).map((hostile): HostileCase => ({ ...hostile, target })),
    );
    // Untouched: still running, never cancelled, no tombstone.
    expect(harness.repliesOf(running).filter((e) => e.jobCancelled)).toEqual([]);
    const ledger = await harness.ledger();
    expect(ledger.get(running)).toBe('running');
    if (harness.repliesOf(running).some((e) => e.jobCancelled)) tally.executed();
    // A valid cancellation still works: the control queue kept being served.
    await harness.publish(target, cancel(), 'control-valid');
    await waitFor(() => harness.repliesOf(running).some((e) => e.jobCancelled), {
      what: 'the valid cancellation to stop the job',
    });
    expect((await harness.ledger()).get(running)).toBe('cancelled');
  });
});

describe('after the attacks', () => {
  it('still takes and runs a valid job', async ({ task }) => {
    new Tally(task);
    const jobId = hostileJobId();
    await harness.publish(
      { kind: 'job', manager: harness.trusted.id, band: 'low' },
      seal(harness.trusted, ANY_RECIPIENT, {
        jobRequest: harness.request(jobId, {}, harness.trusted, { value: 'fine' }),
      }),
      'final',
    );
    const result = await harness.result(jobId);
    expect(result.fromLedger).toBe(false);
    expect((await harness.calls()).filter((id) => id === jobId)).toHaveLength(1);
    const refused = Object.values(harness.agent.agent.stats().refused).reduce((a, b) => a + b, 0);
    expect(refused).toBeGreaterThan(0);
  });
});
