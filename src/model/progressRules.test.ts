import { describe, expect, it } from 'vitest';
import {
  expectedMeetings,
  inPeriod,
  isGoalPastTarget,
  latestProgress,
  longestStretch,
  milestoneCounts,
} from './progressRules';

describe('progress rules, at their boundary days', () => {
  it('a goal is past its target from the day after, unless achieved or dropped', () => {
    expect(isGoalPastTarget({ targetDate: '2025-06-01' }, '2025-06-01')).toBe(false);
    expect(isGoalPastTarget({ targetDate: '2025-06-01' }, '2025-06-02')).toBe(true);
    expect(isGoalPastTarget({ targetDate: '2025-06-01', status: 'paused' }, '2025-06-02')).toBe(true);
    expect(isGoalPastTarget({ targetDate: '2025-06-01', status: 'achieved' }, '2025-07-01')).toBe(false);
    expect(isGoalPastTarget({ targetDate: '2025-06-01', status: 'dropped' }, '2025-07-01')).toBe(false);
    expect(isGoalPastTarget({}, '2025-07-01')).toBe(false);
  });

  it('the latest progress is the latest dated entry; on one day, the one written last', () => {
    const entries = [
      { date: '2025-05-01', createdAt: '2025-05-01T10:00:00Z', percent: 20 },
      { date: '2025-06-01', createdAt: '2025-06-01T09:00:00Z', percent: 40 },
      { date: '2025-06-01', createdAt: '2025-06-01T18:00:00Z', percent: 50 },
    ];
    expect(latestProgress(entries)?.percent).toBe(50);
    expect(latestProgress([])).toBeUndefined();
  });

  it('counts milestones: on time when done by the due day, overdue from the day after it', () => {
    expect(
      milestoneCounts(
        [
          { status: 'done', dueDate: '2025-06-01', doneDate: '2025-06-01' },
          { status: 'done', dueDate: '2025-06-01', doneDate: '2025-06-02' },
          { status: 'planned', dueDate: '2025-06-01' },
          { dueDate: '2025-06-02' },
          { status: 'missed', dueDate: '2025-05-01' },
          { status: 'dropped', dueDate: '2025-05-01' },
        ],
        '2025-06-02',
      ),
    ).toEqual({ total: 5, done: 2, onTime: 1, overdue: 1, missed: 1 });
  });

  it('expects one meeting per full cadence since the start', () => {
    expect(expectedMeetings('2025-01-01', 30, '2025-01-30')).toBe(0);
    expect(expectedMeetings('2025-01-01', 30, '2025-01-31')).toBe(1);
    expect(expectedMeetings('2025-01-01', 30, '2024-12-01')).toBe(0);
    expect(expectedMeetings(undefined, 30, '2025-06-01')).toBe(0);
  });

  it('the longest stretch counts from the start, between meetings, and up to the day', () => {
    expect(longestStretch([], '2025-01-01', '2025-01-11')).toBe(10);
    expect(longestStretch(['2025-01-05', '2025-01-25'], '2025-01-01', '2025-01-30')).toBe(20);
    // A meeting after the day measured to is not counted.
    expect(longestStretch(['2025-03-01'], '2025-01-01', '2025-01-31')).toBe(30);
    expect(longestStretch([], undefined, '2025-01-31')).toBe(0);
  });

  it('a period includes both its ends; no period includes everything', () => {
    const period = { from: '2025-04-01', to: '2025-06-30' };
    expect(inPeriod('2025-04-01', period)).toBe(true);
    expect(inPeriod('2025-06-30', period)).toBe(true);
    expect(inPeriod('2025-03-31', period)).toBe(false);
    expect(inPeriod('2025-07-01', period)).toBe(false);
    expect(inPeriod(undefined, period)).toBe(false);
    expect(inPeriod(undefined, undefined)).toBe(true);
  });
});
