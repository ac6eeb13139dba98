import { describe, expect, it } from 'vitest';
import { checkCancel } from '../agent/check-cancel.ts';
import { ANY_RECIPIENT, seal } from '../common/envelope.ts';
import { generateIdentity } from '../common/keys.ts';
import { toStruct } from '../common/struct.ts';

const site = generateIdentity('site-a');
const lookup = (sender: string, keyId: string) =>
  sender === site.id && keyId === site.keyId ? site.publicKey : undefined;
const now = 1_000_000_000;
const options = { self: 'agent-1', lookup, freshnessMs: 60_000, now };
const ref = { manager: site.id, namespace: 'ns', workflowId: 'wf', runId: 'r', stepId: 's' };

function cancel({ recipient = 'agent-1', sentAt = now, jobId = 'job-1', manager = site.id } = {}) {
  return seal(
    site,
    recipient,
    { cancelJob: { jobId, ref: { ...ref, manager }, reason: 'user' } },
    {},
    sentAt,
  );
}

const reason = (bytes: Uint8Array) => {
  const checked = checkCancel(bytes, options);
  return checked.ok ? 'ok' : checked.reason;
};

describe('checkCancel', () => {
  it('accepts a cancellation addressed to this agent by the job’s manager', () => {
    expect(checkCancel(cancel(), options)).toMatchObject({
      ok: true,
      cancel: { managerId: 'site-a', jobId: 'job-1', reason: 'user', ref: { workflowId: 'wf' } },
    });
  });

  it('refuses one outside the freshness window either way, with the skew in the detail', () => {
    expect(reason(cancel({ sentAt: now - 60_000 }))).toBe('ok');
    expect(reason(cancel({ sentAt: now + 60_000 }))).toBe('ok');
    expect(checkCancel(cancel({ sentAt: now - 60_001 }), options)).toMatchObject({
      ok: false,
      reason: 'stale',
      jobId: 'job-1',
      detail: expect.stringMatching(/60001 ms ago/),
    });
    expect(checkCancel(cancel({ sentAt: now + 90_000 }), options)).toMatchObject({
      reason: 'stale',
      detail: expect.stringMatching(/90000 ms in the future/),
    });
  });

  it('refuses one for any agent or another, for another manager’s job, without a job id, or not a cancellation', () => {
    expect(reason(cancel({ recipient: ANY_RECIPIENT }))).toBe('wrong_recipient');
    expect(reason(cancel({ recipient: 'agent-2' }))).toBe('wrong_recipient');
    expect(reason(cancel({ manager: 'site-b' }))).toBe('sender_mismatch');
    expect(reason(cancel({ jobId: '' }))).toBe('malformed');
    expect(reason(seal(generateIdentity(site.id), 'agent-1', { cancelJob: { jobId: 'j' } }))).toBe(
      'unknown_key',
    );
    const request = seal(site, 'agent-1', {
      jobRequest: { jobId: 'job-1', ref, attempt: 1, jobType: 't', parameters: toStruct({}) },
    });
    expect(reason(request)).toBe('unexpected_body');
  });
});
