import { describe, expect, it } from 'vitest';
import { caroni } from '../proto/generated/caroni.js';
import { checkRequest } from '../agent/check-request.ts';
import { ANY_RECIPIENT, seal } from '../common/envelope.ts';
import { generateIdentity, type Identity } from '../common/keys.ts';
import { toStruct } from '../common/struct.ts';

const siteA = generateIdentity('site-a');
const siteB = generateIdentity('site-b');
const trusted = [siteA, siteB];
const lookup = (sender: string, keyId: string) =>
  trusted.find((party) => party.id === sender && party.keyId === keyId)?.publicKey;
const source = (manager: string) => ({ queue: `q.${manager}`, manager, jobType: 'text.stats' });
const options = { self: 'agent-1', lookup, jobTypes: new Set(['text.stats']), now: 1_000 };

function request(
  signer: Identity,
  {
    recipient = ANY_RECIPIENT,
    ...overrides
  }: Partial<caroni.v1.IJobRequest> & { recipient?: string } = {},
) {
  return seal(signer, recipient, {
    jobRequest: {
      jobId: 'job-1',
      ref: { manager: signer.id, namespace: 'ns', workflowId: 'wf', runId: 'r', stepId: 's' },
      attempt: 1,
      jobType: 'text.stats',
      parameters: toStruct({ text: 'a b' }),
      queueDeadlineMs: 2_000,
      idempotencyKey: 'key-1',
      ...overrides,
    },
  });
}

function reason(bytes: Uint8Array, manager = siteA.id): string {
  const checked = checkRequest(bytes, source(manager), options);
  return checked.ok ? 'ok' : checked.reason;
}

describe('checkRequest', () => {
  it('refuses a queue deadline further ahead than the ledger keeps records, telling the manager', () => {
    const far = request(siteA, { queueDeadlineMs: 1_000 + 2 * 24 * 60 * 60_000 + 1 });
    const checked = checkRequest(far, source(siteA.id), options);
    expect(checked).toMatchObject({
      ok: false,
      reason: 'deadline_too_far',
      reject: { reason: caroni.v1.JobRejected.Reason.REASON_DEADLINE_TOO_FAR },
    });
    const near = request(siteA, { queueDeadlineMs: 1_000 + 60_000 });
    expect(checkRequest(near, source(siteA.id), { ...options, maxQueueMs: 60_000 }).ok).toBe(true);
  });

  it('accepts a request for any agent or for this one, with its parameters as JSON', () => {
    const checked = checkRequest(request(siteA), source(siteA.id), options);
    expect(checked).toMatchObject({
      ok: true,
      request: {
        managerId: 'site-a',
        jobId: 'job-1',
        parameters: { text: 'a b' },
        queueDeadlineMs: 2_000,
      },
    });
    expect(reason(request(siteA, { recipient: 'agent-1' }))).toBe('ok');
    expect(reason(request(siteA, { recipient: 'agent-2' }))).toBe('wrong_recipient');
  });

  it("refuses a manager's signature on another manager's job or queue, and bodies that are not requests", () => {
    expect(reason(request(siteA), siteB.id)).toBe('sender_mismatch');
    const forged = request(siteA, {
      ref: { manager: siteB.id, namespace: 'ns', workflowId: 'wf', runId: 'r', stepId: 's' },
    });
    expect(reason(forged, siteB.id)).toBe('sender_mismatch');
    expect(reason(seal(siteA, ANY_RECIPIENT, { cancelJob: { jobId: 'job-1' } }))).toBe(
      'unexpected_body',
    );
    expect(reason(request(siteA, { jobId: '' }))).toBe('malformed');
  });

  it('refuses an expired request and an unknown job type with a rejection for the manager', () => {
    const Reason = caroni.v1.JobRejected.Reason;
    const expired = checkRequest(
      request(siteA, { queueDeadlineMs: 999 }),
      source(siteA.id),
      options,
    );
    expect(expired).toMatchObject({
      ok: false,
      reason: 'expired',
      reject: { reason: Reason.REASON_EXPIRED },
    });
    const unknown = checkRequest(
      request(siteA, { jobType: 'video.render' }),
      source(siteA.id),
      options,
    );
    expect(unknown).toMatchObject({
      ok: false,
      reason: 'unknown_job_type',
      reject: { reason: Reason.REASON_UNKNOWN_JOB_TYPE, request: { jobId: 'job-1' } },
    });
  });

  it("refuses a job type the manager's trust does not include, with a rejection for the manager", () => {
    const allows = (managerId: string, jobType: string) =>
      managerId !== siteB.id || jobType === 'text.sha256';
    const Reason = caroni.v1.JobRejected.Reason;
    expect(checkRequest(request(siteA), source(siteA.id), { ...options, allows })).toMatchObject({
      ok: true,
    });
    expect(checkRequest(request(siteB), source(siteB.id), { ...options, allows })).toMatchObject({
      ok: false,
      reason: 'job_type_not_allowed',
      reject: { reason: Reason.REASON_UNTRUSTED, request: { jobId: 'job-1' } },
    });
  });
});
