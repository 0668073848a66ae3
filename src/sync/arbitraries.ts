/** fast-check arbitraries for the sync property tests: records as real devices would hold them. */
import fc from 'fast-check';
import type { AnyRecord } from '../model/kinds';
import { normalize } from './merge';
import { JOURNAL_ID, NODE_A, NODE_B, NODE_C, stampAt } from './testing';

export const FIELDS = ['title', 'status', 'evidence', 'dueDate', 'mood'] as const;
const NODES = [NODE_A, NODE_B, NODE_C];
const STATUSES = ['planned', 'in-progress', 'done'];

/** A small deterministic hash, so that every stamp carries one edit: its value and base follow from it. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const stampArb = fc
  .record({
    minute: fc.integer({ min: 1, max: 6 }),
    node: fc.constantFrom(...NODES),
    counter: fc.integer({ min: 0, max: 1 }),
  })
  .map(({ minute, node, counter }) => ({ stamp: stampAt(minute, node, counter), minute }));

/**
 * The edit a stamp stands for: the same stamp always carries the same operation, value and base,
 * as on real devices. One stamp in four is a delete (deleted: true, content cleared).
 */
function editOf(field: string, stamp: string, minute: number): { value: unknown; base?: string } {
  const h = hash(field + stamp);
  const base = h % 2 ? stampAt(minute - 1, NODES[h % 3]!) : undefined;
  const remove = hash(stamp) % 4 === 0;
  if (field === 'deleted') return { value: remove, base };
  if (field === 'visibility') return { value: ['pair', 'committee', 'private'][h % 3], base };
  if (remove || h % 5 === 0) return { value: undefined, base };
  switch (field) {
    case 'status':
      return { value: STATUSES[h % 3], base };
    case 'dueDate':
      return { value: `2027-0${(h % 9) + 1}-1${h % 10}`, base };
    case 'evidence':
      return { value: `Evidence ${h % 4}`, base };
    default:
      return { value: `${field} ${h % 4}`, base };
  }
}

export function recordArb(id: fc.Arbitrary<string>): fc.Arbitrary<AnyRecord> {
  const cells = fc.record(
    Object.fromEntries(
      ['deleted', 'visibility', ...FIELDS].map((f) => [f, fc.option(stampArb, { nil: undefined })]),
    ),
  );
  return fc
    .record({
      id,
      createdMinute: fc.integer({ min: 0, max: 2 }),
      author: fc.constantFrom('mentee', 'mentor'),
      cells,
    })
    .map(({ id: recordId, createdMinute, author, cells: picked }) => {
      const record: Record<string, unknown> = {
        id: recordId,
        journalId: JOURNAL_ID,
        kind: 'milestone',
        createdAt: new Date(Date.UTC(2026, 10, 22, 9, createdMinute)).toISOString(),
        author,
        visibility: 'pair',
        deleted: false,
      };
      const stamps: Record<string, string> = {};
      const bases: Record<string, string> = {};
      for (const [field, cell] of Object.entries(picked)) {
        if (!cell) continue;
        const { value, base } = editOf(field, cell.stamp, cell.minute);
        stamps[field] = cell.stamp;
        if (base) bases[field] = base;
        if (value === undefined) delete record[field];
        else record[field] = value;
      }
      stamps.visibility ??= stampAt(0);
      stamps.deleted ??= stampAt(0);
      record.stamps = stamps;
      record.bases = bases;
      return record as AnyRecord;
    });
}

export const oneRecord = recordArb(fc.constant('m1'));
/** A device's journal: records as a device holds them, each consistent (see `normalize`). */
export const journalArb = fc.uniqueArray(recordArb(fc.constantFrom('r1', 'r2', 'r3', 'r4')).map(normalize), {
  selector: (r) => r.id,
  maxLength: 4,
});
