import { describe, expect, it } from 'vitest';
import { JobClaims } from '../agent/claims.ts';

describe('JobClaims', () => {
  it('lets one holder at a time decide on a job, and the next one in when it lets go', async () => {
    const claims = new JobClaims<string>();
    const first = await claims.acquire('m', 'j');
    if (!('claim' in first)) throw new Error('expected a claim');
    let second: Awaited<ReturnType<typeof claims.acquire>> | undefined;
    const waiting = claims.acquire('m', 'j').then((acquired) => (second = acquired));
    expect(await claims.acquire('m', 'other')).toHaveProperty('claim');
    await Promise.resolve();
    expect(second).toBeUndefined();
    first.claim.release();
    await waiting;
    expect(second).toHaveProperty('claim');
  });

  it('hands a waiter the run as soon as the holder starts running the job', async () => {
    const claims = new JobClaims<string>();
    const first = await claims.acquire('m', 'j');
    if (!('claim' in first)) throw new Error('expected a claim');
    const waiting = claims.acquire('m', 'j');
    first.claim.setRunning('the run');
    expect(await waiting).toEqual({ running: 'the run' });
    expect(claims.running('m', 'j')).toBe('the run');
    first.claim.setRunning(undefined);
    expect(claims.running('m', 'j')).toBeUndefined();
  });
});
