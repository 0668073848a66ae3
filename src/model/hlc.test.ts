import { describe, expect, it } from 'vitest';
import {
  formatStamp,
  initialClock,
  isStamp,
  MAX_DRIFT_MS,
  now,
  parseStamp,
  receive,
  ZERO_STAMP,
} from './hlc';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';
const T = Date.UTC(2026, 10, 22, 10, 0, 0);

/** Issues n stamps from one clock, with the wall clock given per step. */
function issue(walls: number[], node = NODE_A) {
  let state = initialClock(node);
  return walls.map((wall) => {
    const next = now(state, wall);
    state = next.state;
    return next.stamp;
  });
}

describe('hybrid logical clock', () => {
  it('writes fixed-width stamps whose text order is time order', () => {
    const stamp = formatStamp({ millis: T, counter: 1, node: NODE_A });
    expect(stamp).toBe('2026-11-22T10:00:00.000Z-0001-aaaaaaaaaaaaaaaa');
    expect(stamp).toHaveLength(ZERO_STAMP.length);
    expect(parseStamp(stamp)).toEqual({ millis: T, counter: 1, node: NODE_A });
    expect(isStamp(stamp)).toBe(true);
    expect(isStamp('2026-11-22')).toBe(false);
  });

  it('is monotonic when the wall clock moves forward', () => {
    const stamps = issue([T, T + 1, T + 50, T + 1000]);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(parseStamp(stamps[3]!).millis).toBe(T + 1000);
  });

  it('still issues increasing stamps when the wall clock stalls', () => {
    const stamps = issue([T, T, T, T]);
    expect(stamps.map((s) => parseStamp(s).counter)).toEqual([0, 1, 2, 3]);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('never goes back when the wall clock is set backwards', () => {
    const stamps = issue([T, T - 60_000, T - 120_000]);
    expect([...stamps].sort()).toEqual(stamps);
    expect(stamps.every((s) => parseStamp(s).millis === T)).toBe(true);
  });

  it('borrows a millisecond instead of failing when the counter would overflow', () => {
    let state = { millis: T, counter: 0xffff, node: NODE_A };
    const next = now(state, T);
    state = next.state;
    expect(parseStamp(next.stamp)).toEqual({ millis: T + 1, counter: 0, node: NODE_A });
  });

  it('accepts a far-ahead remote stamp, reports it, and later local stamps still win', () => {
    const future = formatStamp({ millis: T + 10 * MAX_DRIFT_MS, counter: 3, node: NODE_B });
    const result = receive(initialClock(NODE_A), future, T);
    expect(result.aheadByMs).toBe(10 * MAX_DRIFT_MS);
    const local = now(result.state, T + 5);
    expect(local.stamp > future).toBe(true);
  });

  it('does not report a remote stamp that is only slightly ahead', () => {
    const soon = formatStamp({ millis: T + 60_000, counter: 0, node: NODE_B });
    expect(receive(initialClock(NODE_A), soon, T).aheadByMs).toBeUndefined();
  });

  it('orders a local edit after every stamp it has received', () => {
    const remote = formatStamp({ millis: T, counter: 7, node: NODE_B });
    const { state } = receive({ millis: T, counter: 2, node: NODE_A }, remote, T - 10);
    expect(now(state, T - 10).stamp > remote).toBe(true);
  });

  it('gives two tabs that share the clock state different stamps for the same millisecond', () => {
    // Both tabs read and write the shared state in turn (the database serialises the writes).
    let shared = initialClock(NODE_A);
    const tab1 = now(shared, T);
    shared = tab1.state;
    const tab2 = now(shared, T);
    expect(tab2.stamp).not.toBe(tab1.stamp);
    expect(tab2.stamp > tab1.stamp).toBe(true);
  });

  it('breaks ties between devices by node id', () => {
    const a = formatStamp({ millis: T, counter: 0, node: NODE_A });
    const b = formatStamp({ millis: T, counter: 0, node: NODE_B });
    expect(a < b).toBe(true);
  });
});
