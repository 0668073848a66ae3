import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from '../model/json';
import { canonicalJson } from './canonical';

/** Runs per property. */
const RUNS = 2000;

/** Any value, sparse arrays, null prototypes and `undefined` fields included. */
const value = fc.anything({ withSparseArray: true, withNullPrototype: true, withBoxedValues: true });

/** A value and a copy of it with at most one change somewhere inside, so both answers come up often. */
const nearPair = fc.tuple(value, fc.nat(), value, fc.boolean()).map(([a, pick, replacement, change]) => {
  const copy = structuredCloneLoose(a);
  if (!change) return [a, copy] as const;
  const spots: { holder: Record<string, unknown>; key: string }[] = [];
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    for (const key of Object.keys(v)) {
      spots.push({ holder: v as Record<string, unknown>, key });
      walk((v as Record<string, unknown>)[key]);
    }
  };
  walk(copy);
  if (spots.length === 0) return [a, replacement] as const;
  const spot = spots[pick % spots.length]!;
  spot.holder[spot.key] = replacement;
  return [a, copy] as const;
});

/** A deep copy keeping holes, key order reversed (canonical JSON must not care), prototypes dropped. */
function structuredCloneLoose(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = structuredCloneLoose(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v).reverse()) {
    Object.defineProperty(out, key, {
      value: structuredCloneLoose((v as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

describe(`comparing without writing (${RUNS} runs each)`, () => {
  it('sameJson says two values are the same exactly when their canonical JSON is', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: RUNS },
    );
  });

  it('…also for a value and a copy of it changed in one place, or not at all', () => {
    fc.assert(
      fc.property(nearPair, ([a, b]) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameJson(b, a)).toBe(sameJson(a, b));
      }),
      { numRuns: RUNS },
    );
  });

  it('holds at the edges canonical JSON has', () => {
    const pairs: [unknown, unknown][] = [
      [0, -0],
      [Number.NaN, null],
      [Number.POSITIVE_INFINITY, null],
      [undefined, null],
      [{ a: undefined }, {}],
      [{ a: () => 1 }, { a: null }],
      [[undefined], [null]],
      // A hole is written as nothing at all, unlike undefined.
      [Object.assign(new Array(2), { 1: 1 }), [undefined, 1]],
      [new Array(1), []],
      [
        { b: 1, a: [1, { d: 2, c: 3 }] },
        { a: [1, { c: 3, d: 2 }], b: 1 },
      ],
      ['1', 1],
      [{}, []],
    ];
    for (const [a, b] of pairs) expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
  });
});
