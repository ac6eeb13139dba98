import { describe, expect, it } from 'vitest';
import { DeficitRoundRobin } from '../agent/fair-share.ts';

/** Picks `n` jobs, finishing each at once (one slot), and counts them per manager. */
function picks(drr: DeficitRoundRobin, n: number, hasWork: (id: string) => boolean = () => true) {
  const order: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = drr.next(hasWork);
    if (id === undefined) break;
    order.push(id);
    drr.finished(id);
  }
  return order;
}

const count = (order: string[], id: string) => order.filter((x) => x === id).length;

describe('weighted deficit round robin', () => {
  it('gives each backlogged manager its weight’s share of the jobs', () => {
    const drr = new DeficitRoundRobin();
    drr.configure([
      { managerId: 'a', weight: 3 },
      { managerId: 'b', weight: 1 },
      { managerId: 'c', weight: 2 },
    ]);
    const order = picks(drr, 600);
    expect([count(order, 'a'), count(order, 'b'), count(order, 'c')]).toEqual([300, 100, 200]);
    // Interleaved, not in long runs: every window of 6 picks holds each manager.
    for (let i = 0; i + 6 <= order.length; i += 6) {
      expect(new Set(order.slice(i, i + 6)).size).toBe(3);
    }
  });

  it('starts a light manager’s job within one turn of the others, however deep their backlog', () => {
    const drr = new DeficitRoundRobin();
    drr.configure([
      { managerId: 'a', weight: 3 },
      { managerId: 'b', weight: 1 },
    ]);
    picks(drr, 101, (id) => id === 'a');
    const after = picks(drr, 10, () => true);
    expect(after.indexOf('b')).toBeLessThanOrEqual(3);
  });

  it('does not bank credit for a manager while it has no work', () => {
    const drr = new DeficitRoundRobin();
    drr.configure([
      { managerId: 'a', weight: 1 },
      { managerId: 'b', weight: 1 },
    ]);
    picks(drr, 200, (id) => id === 'a');
    const both = picks(drr, 20);
    expect(count(both, 'b')).toBe(10);
    expect(both.slice(0, 4).filter((id) => id === 'b').length).toBeLessThanOrEqual(2);
  });

  it('holds a manager to its quota of running jobs and gives the rest to the others', () => {
    const drr = new DeficitRoundRobin();
    drr.configure([
      { managerId: 'a', weight: 10, maxConcurrent: 2 },
      { managerId: 'b', weight: 1 },
    ]);
    const started = Array.from({ length: 5 }, () => drr.next(() => true));
    expect(count(started as string[], 'a')).toBe(2);
    expect(count(started as string[], 'b')).toBe(3);
    expect(drr.next((id) => id === 'a')).toBeUndefined();
    drr.finished('a');
    expect(drr.next((id) => id === 'a')).toBe('a');
  });

  it('answers undefined when nobody has work, and gives back an unstarted pick', () => {
    const drr = new DeficitRoundRobin();
    expect(drr.next(() => true)).toBeUndefined();
    drr.configure([{ managerId: 'a', weight: 1 }]);
    expect(drr.next(() => false)).toBeUndefined();
    expect(drr.next(() => true)).toBe('a');
    expect(drr.runningOf('a')).toBe(1);
    drr.unstarted('a');
    expect(drr.runningOf('a')).toBe(0);
  });

  it('drops a manager that is no longer trusted', () => {
    const drr = new DeficitRoundRobin();
    drr.configure([
      { managerId: 'a', weight: 1 },
      { managerId: 'b', weight: 1 },
    ]);
    picks(drr, 3);
    drr.configure([{ managerId: 'b', weight: 1 }]);
    expect(new Set(picks(drr, 5))).toEqual(new Set(['b']));
  });
});
