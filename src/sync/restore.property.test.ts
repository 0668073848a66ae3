import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../model/common';
import { KINDS } from '../model/kinds';
import { restoreRecord } from './restore';
import { makeRecord, realisticJournal, stampAt } from './testing';

const RUNS = Number(process.env.RESTORE_RUNS ?? 2000);

/** Records of many kinds as a real journal holds them, a story with its skills as a set among them. */
const SAMPLES = [
  ...realisticJournal(60),
  makeRecord('story', 's1', { title: 'Teen night', skills: [{ name: 'Outreach', enjoyed: true }] }, {}),
];
const FIELD_NAMES = [
  ...new Set(SAMPLES.flatMap((r) => Object.keys(r))),
  'elements',
  'keptAside',
  'mood',
  '__proto__',
];

/** A sample record with some fields replaced by anything at all, in the envelope, the stamps or the content. */
const damaged = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(
      fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.anything(), fc.constantFrom('field', 'stamp', 'base')),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([sample, changes]) => {
    const record = JSON.parse(JSON.stringify(sample)) as Record<string, unknown> & {
      stamps: Record<string, unknown>;
      bases: Record<string, unknown>;
    };
    for (const [field, value, where] of changes) {
      const target = where === 'field' ? record : where === 'stamp' ? record.stamps : record.bases;
      if (typeof target !== 'object' || target === null) continue;
      Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
    }
    if (changes.length % 2) record.stamps = { ...record.stamps, title: stampAt(3) };
    return record;
  });

describe(`restoring one record (${RUNS} runs)`, () => {
  it('keeps a text exactly when its field’s schema accepts it, around the length limits too', () => {
    const lengths = [
      0,
      1,
      MAX_SHORT_TEXT - 1,
      MAX_SHORT_TEXT,
      MAX_SHORT_TEXT + 1,
      MAX_LONG_TEXT,
      MAX_LONG_TEXT + 1,
    ];
    for (const length of lengths) {
      for (const [field, kind] of [
        ['title', 'goal'],
        ['text', 'note'],
      ] as const) {
        const value = 'ż'.repeat(length);
        const raw = makeRecord(kind, 'x1', { [field]: value });
        const restored = restoreRecord(raw);
        const accepted = z.safeParse(KINDS[kind].content[field as 'title' & 'text'], value).success;
        expect(restored.ok && (restored.record as Record<string, unknown>)[field] === value).toBe(accepted);
      }
    }
  });

  it('whatever a record holds, what restore keeps passes its kind’s schema whole', () => {
    fc.assert(
      fc.property(damaged, (raw) => {
        const restored = restoreRecord(raw);
        if (!restored.ok) return;
        const checked = z.safeParse(KINDS[restored.record.kind].schema, restored.record);
        expect(checked.success, JSON.stringify(checked.error?.issues[0])).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
