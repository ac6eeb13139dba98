import { describe, expect, it } from 'vitest';
import { caroni } from '../proto/generated/caroni.js';
import { open, PROTOCOL_VERSION, RefusedMessageError, seal } from '../common/envelope.ts';
import { generateIdentity, signBytes } from '../common/keys.ts';

const manager = generateIdentity('site-a');
const agent = generateIdentity('agent-1');
const trustsManager = (sender: string, keyId: string) =>
  sender === manager.id && keyId === manager.keyId ? manager.publicKey : undefined;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RefusedMessageError) return error.reason;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('signed envelopes', () => {
  const body = { cancelJob: { jobId: 'job-1', reason: 'operator' } };

  it('opens what a trusted sender sealed for this party', () => {
    const opened = open(
      seal(manager, agent.id, body, { traceparent: 't' }),
      agent.id,
      trustsManager,
    );
    expect(opened.kind).toBe('cancelJob');
    expect(opened.envelope.cancelJob?.jobId).toBe('job-1');
    expect(opened.envelope.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(opened.headers).toEqual({ traceparent: 't' });
  });

  it('refuses an unknown key, a tampered payload, another recipient, garbage and unknown versions', () => {
    const stranger = generateIdentity('site-a');
    expect(refusal(() => open(seal(stranger, agent.id, body), agent.id, trustsManager))).toBe(
      'unknown_key',
    );

    const signed = caroni.v1.SignedEnvelope.decode(seal(manager, agent.id, body));
    const payload = Buffer.from(signed.payload);
    payload.writeUInt8(payload.readUInt8(payload.length - 1) ^ 0x01, payload.length - 1);
    const tampered = caroni.v1.SignedEnvelope.encode({
      payload,
      signature: signed.signature,
    }).finish();
    expect(refusal(() => open(tampered, agent.id, trustsManager))).toBe('bad_signature');

    expect(refusal(() => open(seal(manager, 'agent-2', body), agent.id, trustsManager))).toBe(
      'wrong_recipient',
    );
    expect(refusal(() => open(Buffer.from('not protobuf at all'), agent.id, trustsManager))).toBe(
      'malformed',
    );

    const future = caroni.v1.Envelope.encode({
      protocolVersion: 99,
      id: 'm',
      sender: manager.id,
      keyId: manager.keyId,
      recipient: agent.id,
      cancelJob: { jobId: 'x' },
    }).finish();
    const futureBytes = caroni.v1.SignedEnvelope.encode({
      payload: future,
      signature: signBytes(manager, future),
    }).finish();
    expect(refusal(() => open(futureBytes, agent.id, trustsManager))).toBe('unsupported_version');
  });
});
