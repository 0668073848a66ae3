import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from './kind';
import { missingForReady } from './story';
import { ValidationError, validateRecord } from './validate';

const STAMP = '2026-11-22T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa';

function envelope(kind: string, extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    journalId: 'j1',
    kind,
    createdAt: '2026-11-22T10:00:00.000Z',
    author: 'mentee',
    visibility: 'pair',
    deleted: false,
    stamps: { visibility: STAMP, deleted: STAMP },
    bases: {},
    ...extra,
  };
}

describe('record schemas', () => {
  it('accepts a record of every kind with only the envelope: an empty draft is valid', () => {
    for (const kind of KIND_NAMES) expect(() => validateRecord(kind, envelope(kind))).not.toThrow();
  });

  it('accepts a half-written story (no title yet) as a valid draft', () => {
    const story = envelope('story', {
      problem: 'The branch had no teen programme',
      skills: [{ name: 'Outreach', enjoyed: true }],
    });
    expect(validateRecord('story', story)).toEqual(story);
  });

  it('keeps fields it does not know (written by a newer version)', () => {
    const goal = envelope('goal', { title: 'Learn budgeting', futureField: { nested: 1 } });
    expect(validateRecord('goal', goal)).toHaveProperty('futureField', { nested: 1 });
  });

  it.each([
    ['goal', { status: 'finished' }, /its status must be one of: active, achieved, paused, dropped\.$/],
    ['milestone', { dueDate: '2027-02-30' }, /its due date must be a date/],
    ['milestone', { dueDate: '01/03/2027' }, /its due date must be a date \(YYYY-MM-DD\)\.$/],
    ['meeting', { mode: 'carrier pigeon' }, /its mode must be one of: in-person, video, phone, other\.$/],
    ['progressEntry', { percent: 140 }, /its percent must be at most 100\.$/],
    ['journal', { lengthMonths: 0 }, /its length months must be at least 1\.$/],
    ['goal', { title: 'x'.repeat(501) }, /its title is too long \(at most 500 characters\)\.$/],
    ['note', { visibility: 'public' }, /its visibility must be one of: private, pair, committee\.$/],
    ['story', { skills: [{ name: 3 }] }, /item 1 of its skills must be text, but is a number\.$/],
    ['goal', { title: 42 }, /its title must be text, but is a number\.$/],
    ['goal', { stamps: { title: 'yesterday' } }, /the clock stamp of its title must be a clock stamp\.$/],
  ] as const)('refuses an invalid %s and names the field in words (%o)', (kind, fields, message) => {
    expect(() => validateRecord(kind, envelope(kind, fields))).toThrow(message);
    expect(() => validateRecord(kind, envelope(kind, fields))).toThrow(ValidationError);
  });

  it('names the record by its title, not by a field path', () => {
    const goal = envelope('goal', { title: 'Present to the board', status: 'finished' });
    expect(() => validateRecord('goal', goal)).toThrow(
      /^The goal “Present to the board” cannot be saved: its status/,
    );
  });

  it('refuses a record without its envelope', () => {
    const { id: _id, ...noId } = envelope('goal');
    expect(() => validateRecord('goal', noId)).toThrow(/its id is missing\.$/);
  });

  it('tells what a story still needs before it is ready, separately from validity', () => {
    expect(missingForReady({ title: 'Teen night', problem: 'No teens came', action: '  ' })).toEqual([
      'action',
      'result',
    ]);
    expect(missingForReady({ title: 'T', problem: 'P', action: 'A', result: 'R' })).toEqual([]);
  });
});
