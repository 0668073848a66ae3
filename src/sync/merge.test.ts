import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '../model/kinds';
import { validateRecord } from '../model/validate';
import { mergeJournals, mergeRecords, planImport, withdrawalsOf } from './merge';
import { JOURNAL_ID, NODE_A, NODE_B, stampAt } from './testing';

type CellSpec = [value: unknown, minute: number, node?: string, baseMinute?: number, baseNode?: string];

/**
 * A record written as cells: `{ title: ['Plan', 5, NODE_B, 1] }` is the title "Plan", stamped at
 * minute 5 by device B, which replaced the value stamped at minute 1 (by device A unless given).
 * `visibility` and `deleted` default to a cell at minute 0 by A.
 */
function rec(
  cells: Record<string, CellSpec>,
  extra: Partial<AnyRecord> & Record<string, unknown> = {},
): AnyRecord {
  const all: Record<string, CellSpec> = { visibility: ['pair', 0], deleted: [false, 0], ...cells };
  const record: Record<string, unknown> = {
    id: 'm1',
    journalId: JOURNAL_ID,
    kind: 'milestone',
    createdAt: '2026-11-22T09:00:00.000Z',
    author: 'mentee',
    stamps: {},
    bases: {},
    ...extra,
  };
  const stamps = record.stamps as Record<string, string>;
  const bases = record.bases as Record<string, string>;
  for (const [field, [value, minute, node, baseMinute, baseNode]] of Object.entries(all)) {
    if (value !== undefined) record[field] = value;
    stamps[field] = stampAt(minute, node ?? NODE_A);
    if (baseMinute !== undefined) bases[field] = stampAt(baseMinute, baseNode ?? NODE_A);
  }
  return record as AnyRecord;
}

interface Case {
  name: string;
  local: AnyRecord;
  remote: AnyRecord;
  /** Expected content and envelope values (stamps checked separately where it matters). */
  expected: Record<string, unknown>;
  /** Fields the result must not have. */
  absent?: string[];
  /** The long-text fields kept as a conflict, if any. */
  conflicts?: string[];
}

const CASES: Case[] = [
  {
    name: 'one person changes the title and the other the status: both changes survive',
    local: rec({ title: ['Present a poster', 5], status: ['planned', 0] }),
    remote: rec({ title: ['Present', 0], status: ['done', 6, NODE_B, 0] }),
    expected: { title: 'Present a poster', status: 'done', deleted: false },
  },
  {
    name: 'both change the same short field: the later change wins, with no conflict',
    local: rec({ title: ['Early title', 3] }),
    remote: rec({ title: ['Later title', 4, NODE_B] }),
    expected: { title: 'Later title' },
    conflicts: [],
  },
  {
    name: 'equal stamps from two nodes: the node id breaks the tie',
    local: rec({ title: ['From A', 3, NODE_A] }),
    remote: rec({ title: ['From B', 3, NODE_B] }),
    expected: { title: 'From B' },
  },
  {
    name: 'a delete after an edit wins: the record is a tombstone with its content cleared',
    local: rec({ title: ['Old', 1], dueDate: ['2027-01-01', 2] }),
    remote: rec({
      deleted: [true, 5, NODE_B],
      title: [undefined, 5, NODE_B],
      dueDate: [undefined, 5, NODE_B],
    }),
    expected: { deleted: true },
    absent: ['title', 'dueDate'],
  },
  {
    name: 'an edit made after a delete brings the record back with only the newer edit',
    local: rec({ title: ['Renamed later', 9], dueDate: ['2027-01-01', 1] }),
    remote: rec({
      deleted: [true, 5, NODE_B],
      title: [undefined, 5, NODE_B],
      dueDate: [undefined, 5, NODE_B],
    }),
    expected: { deleted: false, title: 'Renamed later' },
    absent: ['dueDate'],
  },
  {
    name: 'a field the deleting device never had is cleared too',
    local: rec({ evidence: ['Added by me', 3] }),
    remote: rec({ deleted: [true, 5, NODE_B] }),
    expected: { deleted: true },
    absent: ['evidence'],
  },
  {
    name: 'both change the same long text without seeing each other: the losing text is kept as a conflict',
    local: rec({ evidence: ['My account of it', 4, NODE_A, 1] }),
    remote: rec({ evidence: ['Their account of it', 5, NODE_B, 1] }),
    expected: { evidence: 'Their account of it' },
    conflicts: ['evidence'],
  },
  {
    name: 'a long text changed after seeing the other change: one after the other, no conflict',
    local: rec({ evidence: ['First version', 4] }),
    remote: rec({ evidence: ['Second version', 5, NODE_B, 4, NODE_A] }),
    expected: { evidence: 'Second version' },
    conflicts: [],
  },
  {
    name: 'the same long text written twice by both devices first time: a conflict',
    local: rec({ evidence: ['Mine', 4] }),
    remote: rec({ evidence: ['Theirs', 2, NODE_B] }),
    expected: { evidence: 'Mine' },
    conflicts: ['evidence'],
  },
  {
    name: 'a record made private later stays private',
    local: rec({ visibility: ['private', 7], title: ['T', 0] }),
    remote: rec({ visibility: ['pair', 0], title: ['T2', 3, NODE_B] }),
    expected: { visibility: 'private', title: 'T2' },
  },
  {
    name: 'a field from a newer version is kept and merged like the others',
    local: rec({ title: ['T', 0] }),
    remote: rec({ title: ['T', 0], mood: ['hopeful', 2, NODE_B] }),
    expected: { title: 'T', mood: 'hopeful' },
  },
  {
    name: 'a different creation time or author for one id: the earliest is kept',
    local: rec({ title: ['T', 0] }, { createdAt: '2026-11-22T10:00:00.000Z', author: 'mentor' }),
    remote: rec({ title: ['T', 0] }, { createdAt: '2026-11-22T08:00:00.000Z', author: 'mentee' }),
    expected: { createdAt: '2026-11-22T08:00:00.000Z', author: 'mentee' },
  },
];

describe('merging two copies of a record (each case also with the sides swapped)', () => {
  for (const c of CASES) {
    for (const swapped of [false, true]) {
      it(`${c.name}${swapped ? ' (swapped)' : ''}`, () => {
        const [local, remote] = swapped ? [c.remote, c.local] : [c.local, c.remote];
        const { record, conflicts } = mergeRecords(local, remote);
        expect(record).toMatchObject(c.expected);
        for (const field of c.absent ?? []) expect(record).not.toHaveProperty(field);
        expect(() => validateRecord('milestone', record)).not.toThrow();
        if (c.conflicts) {
          expect(conflicts.map((x) => x.field)).toEqual(c.conflicts);
          for (const conflict of conflicts) {
            // The text not in the record is kept in the conflict, whichever side it came from.
            const texts = [conflict.local, conflict.remote];
            expect(texts).toContain((c.local as Record<string, unknown>)[conflict.field]);
            expect(texts).toContain((c.remote as Record<string, unknown>)[conflict.field]);
            expect((record as Record<string, unknown>)[conflict.field]).toBe(
              conflict.kept === 'local' ? conflict.local : conflict.remote,
            );
          }
        }
        expect(mergeRecords(remote, local).record).toEqual(record);
      });
    }
  }

  it('stamps of the result are the later stamp of each field', () => {
    const { record } = mergeRecords(CASES[0]!.local, CASES[0]!.remote);
    expect(record.stamps.title).toBe(stampAt(5));
    expect(record.stamps.status).toBe(stampAt(6, NODE_B));
    expect(record.bases.status).toBe(stampAt(0));
  });

  it('a merge with my own copy changes nothing', () => {
    const local = CASES[0]!.local;
    expect(mergeRecords(local, structuredClone(local))).toEqual({
      record: local,
      changedFields: [],
      conflicts: [],
    });
  });
});

describe('merging two copies of a journal', () => {
  it('action items both people added to one meeting all survive, each once', () => {
    const mine = [rec({ text: ['Book a room', 1] }, { id: 'a1', kind: 'actionItem' })];
    const theirs = [
      rec({ text: ['Send the article', 2, NODE_B] }, { id: 'b1', kind: 'actionItem' }),
      rec({ text: ['Book a room', 1] }, { id: 'a1', kind: 'actionItem' }),
    ];
    expect(mergeJournals(mine, theirs).records.map((r) => r.id)).toEqual(['a1', 'b1']);
  });

  it('the plan counts new, changed, deleted, unchanged, withdrawn and conflicting records', () => {
    const local = [
      rec({ title: ['Same', 0] }, { id: 'same' }),
      rec({ title: ['Old', 0] }, { id: 'changed' }),
      rec({ title: ['Doomed', 0] }, { id: 'deleted' }),
      rec({ evidence: ['Mine', 3] }, { id: 'conflict' }),
      rec({ title: ['Was shared', 0] }, { id: 'withdrawn', author: 'mentor' }),
    ];
    const remote = [
      rec({ title: ['Same', 0] }, { id: 'same' }),
      rec({ title: ['New', 2, NODE_B] }, { id: 'changed' }),
      rec({ deleted: [true, 2, NODE_B], title: [undefined, 2, NODE_B] }, { id: 'deleted' }),
      rec({ evidence: ['Theirs', 4, NODE_B] }, { id: 'conflict' }),
      rec({ title: ['Brand new', 2, NODE_B] }, { id: 'added' }),
    ];
    const plan = planImport(local, remote, [{ id: 'withdrawn', kind: 'milestone', at: stampAt(8, NODE_B) }], {
      roles: { [JOURNAL_ID]: 'mentee' },
    });
    expect(plan.counts.milestone).toEqual({
      added: 1,
      changed: 2,
      deleted: 1,
      withdrawn: 1,
      unchanged: 1,
      conflicting: 1,
    });
    expect(plan.puts.map((r) => r.id).sort()).toEqual(['added', 'changed', 'conflict', 'deleted']);
    expect(plan.removes).toEqual([{ id: 'withdrawn', kind: 'milestone' }]);
  });

  it('a withdrawal never removes a record that is private on this device', () => {
    const local = [rec({ visibility: ['private', 9], title: ['Mine', 0] }, { id: 'x' })];
    const plan = planImport(local, [], [{ id: 'x', kind: 'milestone', at: stampAt(8, NODE_B) }], {
      roles: { [JOURNAL_ID]: 'mentor' },
    });
    expect(plan.removes).toEqual([]);
  });

  it('a withdrawal removes only what its sender wrote, of a kind that may be private', () => {
    const roles = { [JOURNAL_ID]: 'mentee' as const };
    const at = stampAt(8, NODE_B);
    const journal = rec({ menteeName: ['Ana', 0] }, { id: JOURNAL_ID, kind: 'journal', author: 'mentor' });
    const change = rec({ summary: ['Terms', 0] }, { id: 'c', kind: 'agreementChange', author: 'mentor' });
    const myGoal = rec({ title: ['Mine', 0] }, { id: 'g-mine', kind: 'goal', author: 'mentee' });
    const theirGoal = rec({ title: ['Theirs', 0] }, { id: 'g-theirs', kind: 'goal', author: 'mentor' });
    const markers = [
      { id: JOURNAL_ID, kind: 'journal', at },
      { id: 'c', kind: 'agreementChange', at },
      { id: 'g-mine', kind: 'goal', at },
      { id: 'g-theirs', kind: 'goal', at },
    ] as const;
    const plan = planImport([journal, change, myGoal, theirGoal], [], markers, { roles });
    expect(plan.removes).toEqual([{ id: 'g-theirs', kind: 'goal' }]);
    expect(plan.total.withdrawn).toBe(1);
    // Without knowing my role, nothing is withdrawn.
    expect(planImport([theirGoal], [], markers).removes).toEqual([]);
  });

  it('a record whose id belongs to another journal here is left out and listed, never written', () => {
    const theirs = rec({ title: ['Taken over?', 2, NODE_B] }, { id: 'other' });
    const plan = planImport([], [theirs], [], { foreignIds: new Set(['other']) });
    expect(plan.puts).toEqual([]);
    expect(plan.keptOut).toEqual([{ id: 'other', kind: 'milestone', name: 'the milestone “Taken over?”' }]);
    expect(plan.total.added).toBe(0);
  });

  it('a record made private after it was shared is listed as withdrawn, id only', () => {
    const sharedThenPrivate = rec({ visibility: ['private', 5], title: ['Secret', 0] }, { id: 'w' });
    const privateFromStart = rec({ visibility: ['private', 0], title: ['Diary', 0] }, { id: 'p' });
    const theirs = rec({ visibility: ['private', 5], title: ['Not mine', 0] }, { id: 't', author: 'mentor' });
    expect(withdrawalsOf([sharedThenPrivate, privateFromStart, theirs], 'mentee')).toEqual([
      { id: 'w', kind: 'milestone', at: stampAt(5) },
    ]);
  });
});
