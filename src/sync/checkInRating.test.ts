import { describe, expect, it } from 'vitest';
import { mergeRecords } from './merge';
import { restoreRecord } from './restore';
import { makeRecord, stampAt } from './testing';

/** The partnership rating of a check-in (issue 12): an optional field, merged and restored per field. */
describe('a check-in’s partnership rating in pair files', () => {
  it('a check-in written before the rating existed restores as it was, with no rating', () => {
    const old = makeRecord('checkIn', 'c1', { date: '2025-03-01', howItIsGoing: 'Well' });
    const restored = restoreRecord(old);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.aside).toEqual([]);
    expect(restored.record).toMatchObject({ date: '2025-03-01', howItIsGoing: 'Well' });
    expect('rating' in restored.record).toBe(false);
  });

  it('a rating off the 1–5 scale is kept aside, and the rest of the check-in is kept', () => {
    const restored = restoreRecord(makeRecord('checkIn', 'c1', { date: '2025-03-01', rating: 7 }));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.record).toMatchObject({ date: '2025-03-01' });
    expect((restored.record as { rating?: number }).rating).toBeUndefined();
    expect(restored.aside).toHaveLength(1);
    expect(restored.aside[0]!.reason).toMatch(/rating/);
  });

  it('merges per field: a rating set on one device and an answer edited on the other both stay', () => {
    const base = { date: '2025-03-01', howItIsGoing: 'Fine' };
    const local = makeRecord(
      'checkIn',
      'c1',
      { ...base, rating: 4 },
      {
        stamps: { rating: stampAt(5) },
      },
    );
    const remote = makeRecord(
      'checkIn',
      'c1',
      { ...base, howItIsGoing: 'Better than fine' },
      {
        stamps: { howItIsGoing: stampAt(6, 'bbbbbbbbbbbbbbbb') },
      },
    );
    const merged = mergeRecords(local, remote).record as { rating?: number; howItIsGoing?: string };
    expect(merged.rating).toBe(4);
    expect(merged.howItIsGoing).toBe('Better than fine');
    const swapped = mergeRecords(remote, local).record as { rating?: number; howItIsGoing?: string };
    expect(swapped.rating).toBe(4);
    expect(swapped.howItIsGoing).toBe('Better than fine');
  });

  it('the later rating wins when both copies changed it', () => {
    const a = makeRecord(
      'checkIn',
      'c1',
      { date: '2025-03-01', rating: 2 },
      { stamps: { rating: stampAt(5) } },
    );
    const b = makeRecord(
      'checkIn',
      'c1',
      { date: '2025-03-01', rating: 3 },
      { stamps: { rating: stampAt(9) } },
    );
    expect((mergeRecords(a, b).record as { rating?: number }).rating).toBe(3);
    expect((mergeRecords(b, a).record as { rating?: number }).rating).toBe(3);
  });
});
