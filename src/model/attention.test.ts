import { describe, expect, it } from 'vitest';
import {
  type AttentionFacts,
  attentionReasons,
  attentionReasonText,
  isCompleted,
  measuredUntil,
} from './attention';

/** A pair that needs nothing: met yesterday, checked in last month, nothing late. */
function pair(facts: Partial<AttentionFacts> = {}): AttentionFacts {
  return {
    on: '2025-09-01',
    startDate: '2025-01-15',
    endDate: '2026-07-15',
    cadenceDays: 91,
    lastHeldOn: '2025-08-31',
    overdueMilestones: 0,
    latestCheckInOn: '2025-08-01',
    goals: [],
    ...facts,
  };
}

const kinds = (facts: AttentionFacts) => attentionReasons(facts).map((r) => r.kind);

describe('needs attention: no meeting for longer than the cadence', () => {
  it('is flagged from the day after the cadence has passed since the last meeting held', () => {
    expect(kinds(pair({ lastHeldOn: '2025-06-02' }))).toEqual([]); // 91 days
    expect(attentionReasons(pair({ lastHeldOn: '2025-06-01' }))).toEqual([
      { kind: 'no-meeting', days: 92, cadenceDays: 91, since: 'meeting' },
    ]);
  });

  it('counts from the programme start while no meeting has been held', () => {
    const start = { lastHeldOn: undefined, startDate: '2025-06-02', latestCheckInOn: undefined };
    expect(kinds(pair(start))).toEqual([]);
    expect(attentionReasons(pair({ ...start, startDate: '2025-06-01' }))).toEqual([
      { kind: 'no-meeting', days: 92, cadenceDays: 91, since: 'start' },
    ]);
  });

  it('asks nothing of a programme not started yet, or without a start date and meetings', () => {
    expect(
      kinds(pair({ startDate: '2025-10-01', lastHeldOn: undefined, latestCheckInOn: undefined })),
    ).toEqual([]);
    expect(kinds(pair({ startDate: undefined, lastHeldOn: undefined, latestCheckInOn: undefined }))).toEqual(
      [],
    );
  });

  it('measures to the end of the programme, or to the close, once it is over', () => {
    // Last met 59 days before the end; the summary was made months later.
    const ended = pair({ endDate: '2025-03-01', lastHeldOn: '2025-01-01', latestCheckInOn: '2025-01-10' });
    expect(kinds(ended)).toEqual([]);
    const closed = pair({ closedDate: '2025-04-02', lastHeldOn: '2025-01-01' });
    expect(kinds(closed)).toEqual([]);
    expect(measuredUntil(pair({ closedDate: '2025-04-03', lastHeldOn: '2025-01-01' }))).toBe('2025-04-03');
  });

  it('never flags a pair that completed the partnership: the cohort says “Completed” instead', () => {
    const late = {
      lastHeldOn: '2025-01-01',
      overdueMilestones: 3,
      goals: [{ title: 'x', targetDate: '2025-01-01' }],
    };
    const completed = pair({ ...late, closedDate: '2025-04-03' });
    expect(isCompleted(completed)).toBe(true);
    expect(kinds(completed)).toEqual([]);
    // Closed after the summary's day: not completed on that day, so the flags stand.
    const later = pair({ ...late, closedDate: '2099-01-01' });
    expect(isCompleted(later)).toBe(false);
    expect(kinds(later)).toContain('overdue-milestones');
  });

  it('says how long and what was agreed', () => {
    expect(attentionReasonText({ kind: 'no-meeting', days: 120, cadenceDays: 91, since: 'meeting' })).toBe(
      'No meeting for 120 days (agreed: at least every 91 days)',
    );
    expect(attentionReasonText({ kind: 'no-meeting', days: 31, cadenceDays: 30, since: 'start' })).toBe(
      'No meeting for 31 days since the start (agreed: at least every 30 days)',
    );
  });
});

describe('needs attention: overdue milestones', () => {
  it('is flagged as soon as one milestone is overdue, with the count', () => {
    expect(kinds(pair({ overdueMilestones: 0 }))).toEqual([]);
    const reasons = attentionReasons(pair({ overdueMilestones: 1 }));
    expect(reasons).toEqual([{ kind: 'overdue-milestones', count: 1 }]);
    expect(attentionReasonText(reasons[0]!)).toBe('1 milestone overdue');
    expect(attentionReasonText({ kind: 'overdue-milestones', count: 3 })).toBe('3 milestones overdue');
  });
});

describe('needs attention: no check-in in six months', () => {
  it('is flagged on the day six months after the last check-in (when Home suggests one)', () => {
    expect(
      kinds(pair({ on: '2025-07-14', lastHeldOn: '2025-07-01', latestCheckInOn: '2025-01-15' })),
    ).toEqual([]);
    expect(
      attentionReasons(pair({ on: '2025-07-15', lastHeldOn: '2025-07-01', latestCheckInOn: '2025-01-15' })),
    ).toEqual([{ kind: 'no-check-in', since: 'check-in' }]);
  });

  it('counts from the start when there has been none', () => {
    const none = { latestCheckInOn: undefined, lastHeldOn: '2025-07-01' };
    expect(kinds(pair({ ...none, on: '2025-07-14' }))).toEqual([]);
    const reasons = attentionReasons(pair({ ...none, on: '2025-07-15' }));
    expect(reasons).toEqual([{ kind: 'no-check-in', since: 'start' }]);
    expect(attentionReasonText(reasons[0]!)).toBe('No check-in since the start (suggested every 6 months)');
    expect(attentionReasonText({ kind: 'no-check-in', since: 'check-in' })).toBe(
      'No check-in in the last 6 months',
    );
  });

  it('gives no check-in reason when the summary cannot tell (an older summary that lists none)', () => {
    expect(kinds(pair({ latestCheckInOn: undefined, checkInsKnown: false }))).toEqual([]);
  });
});

describe('needs attention: a goal past its target date', () => {
  it('is flagged from the day after the target date, unless achieved or dropped', () => {
    const goal = { title: 'Lead a project', status: 'active', targetDate: '2025-09-01' };
    expect(kinds(pair({ goals: [goal] }))).toEqual([]);
    expect(attentionReasons(pair({ on: '2025-09-02', lastHeldOn: '2025-09-01', goals: [goal] }))).toEqual([
      { kind: 'goal-past-target', titles: ['Lead a project'] },
    ]);
    for (const status of ['achieved', 'dropped'])
      expect(
        kinds(pair({ on: '2025-12-01', lastHeldOn: '2025-11-30', goals: [{ ...goal, status }] })),
      ).toEqual([]);
  });

  it('names the goals', () => {
    expect(attentionReasonText({ kind: 'goal-past-target', titles: ['Lead a project'] })).toBe(
      'A goal past its target date: “Lead a project”',
    );
    expect(attentionReasonText({ kind: 'goal-past-target', titles: ['A', 'B'] })).toBe(
      '2 goals past their target dates: “A”, “B”',
    );
  });
});

describe('needs attention: every reason at once', () => {
  it('lists them in one order: meetings, milestones, check-ins, goals', () => {
    const everything = pair({
      lastHeldOn: '2025-01-20',
      latestCheckInOn: undefined,
      overdueMilestones: 2,
      goals: [{ title: 'Present to the board', status: 'paused', targetDate: '2025-08-01' }],
    });
    expect(kinds(everything)).toEqual([
      'no-meeting',
      'overdue-milestones',
      'no-check-in',
      'goal-past-target',
    ]);
  });
});
