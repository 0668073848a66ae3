import { describe, expect, it } from 'vitest';
import { reviewDays } from './reviewPlan';
import { reviewDue, reviewFinishedOn, reviewFinishers } from './reviewRules';

const finished = (author: string, stage: string, finishedOn: string, deleted = false) => ({
  author,
  stage,
  question: 'finished',
  finishedOn,
  deleted,
});
const plan = { midPoint: '2027-02-15', lastMonthStart: '2027-10-17', closing: '2027-11-16' };

describe('review rules', () => {
  it('a review is finished by both on the later day; an answer or a deleted mark does not finish it', () => {
    const reviews = [
      finished('mentee', 'mid-point', '2027-02-10'),
      { author: 'mentor', stage: 'mid-point', question: 'worked', answer: 'x' },
      finished('mentor', 'mid-point', '2027-02-09', true),
    ];
    expect(reviewFinishers(reviews, 'mid-point')).toEqual({ mentee: '2027-02-10' });
    expect(reviewFinishedOn(reviews, 'mid-point')).toBeUndefined();
    expect(reviewFinishedOn([...reviews, finished('mentor', 'mid-point', '2027-02-11')], 'mid-point')).toBe(
      '2027-02-11',
    );
  });

  it('the mid-point review is due from two weeks before its day until both finished it', () => {
    expect(reviewDue(plan, [], '2027-01-31')).toBeUndefined();
    expect(reviewDue(plan, [], '2027-02-01')).toEqual({
      stage: 'mid-point',
      dueDate: '2027-02-15',
      finished: {},
    });
    expect(reviewDue(plan, [finished('mentee', 'mid-point', '2027-02-02')], '2027-06-01')).toEqual({
      stage: 'mid-point',
      dueDate: '2027-02-15',
      finished: { mentee: '2027-02-02' },
    });
    const both = [
      finished('mentee', 'mid-point', '2027-02-02'),
      finished('mentor', 'mid-point', '2027-02-03'),
    ];
    expect(reviewDue(plan, both, '2027-06-01')).toBeUndefined();
  });

  it('the closing review is due from the first day of the last month, and a closed journal has none due', () => {
    const both = [
      finished('mentee', 'mid-point', '2027-02-02'),
      finished('mentor', 'mid-point', '2027-02-03'),
    ];
    expect(reviewDue(plan, both, '2027-10-16')).toBeUndefined();
    expect(reviewDue(plan, both, '2027-10-17')?.stage).toBe('closing');
    expect(reviewDue(plan, [], '2027-10-17')?.stage).toBe('closing');
    expect(reviewDue(plan, [], '2027-10-17', '2027-10-01')).toBeUndefined();
  });

  it('follows a review the pair moved, and asks nothing for one they dropped', () => {
    const moved = { ...plan, closing: '2027-06-30' };
    expect(reviewDue(moved, [], '2027-06-16')?.stage).toBe('closing');
    expect(reviewDue({ lastMonthStart: plan.lastMonthStart }, [], '2027-03-01')).toBeUndefined();
  });
});

describe('review days from the plan', () => {
  const journal = { startDate: '2026-05-17', lengthMonths: 18 };
  it('are the computed plan days when the pair never added the plan', () => {
    expect(reviewDays(journal, null, null)).toEqual({
      midPoint: '2027-02-15',
      lastMonthStart: '2027-10-17',
      closing: '2027-11-16',
    });
  });
  it('follow a moved milestone, and drop a review whose milestone the pair dropped or deleted', () => {
    expect(reviewDays(journal, { dueDate: '2027-03-01', status: 'planned' }, { deleted: true })).toEqual({
      midPoint: '2027-03-01',
    });
    expect(reviewDays(journal, { status: 'dropped', dueDate: '2027-02-15' }, null).midPoint).toBeUndefined();
    expect(reviewDays({}, null, null)).toEqual({});
  });
});
