import { describe, expect, it } from 'vitest';
import {
  lastMonthStart,
  midPointDate,
  PLAN_STEPS,
  type PlanFacts,
  planStepEvent,
  programmeLastDay,
  programmePlan,
  withPlanRule,
} from './programmePlan';
import { addDays, addMonths, daysBetween } from './schedule';

const dueOf = (start: string, months: number) =>
  Object.fromEntries(programmePlan(start, months).map((s) => [s.step, s.dueDate]));

const AWKWARD_STARTS = [
  '2026-01-31', // into a short February
  '2027-01-31', // February before a leap year
  '2028-01-29', // 29 February in a leap year
  '2028-02-29', // a leap day start
  '2026-08-31', // 31st into 30-day months
  '2026-12-31', // over the year end
  '2026-03-30',
  '2026-04-01',
  '2099-12-31',
];

describe('the programme plan', () => {
  it('offers the five steps from an 18-month start date', () => {
    expect(programmePlan('2026-05-17', 18).map((s) => [s.step, s.dueDate])).toEqual([
      ['first-meeting', '2026-05-31'],
      ['agreement', '2026-06-17'],
      ['goals', '2026-07-17'],
      ['mid-point-review', '2027-02-15'],
      ['closing-review', '2027-11-16'],
    ]);
  });

  it('clamps months at month ends: a start on 31 January has its agreement due on the last day of February', () => {
    expect(dueOf('2026-01-31', 18).agreement).toBe('2026-02-28');
    expect(dueOf('2028-01-31', 18).agreement).toBe('2028-02-29');
    expect(dueOf('2026-01-31', 18).goals).toBe('2026-03-31');
    expect(dueOf('2025-12-31', 2).goals).toBe('2026-02-27');
  });

  it('a leap-day start ends its 12 months on 27 February (start + 12 months is 28 February)', () => {
    expect(programmeLastDay('2028-02-29', 12)).toBe('2029-02-27');
    expect(dueOf('2028-02-29', 12)['closing-review']).toBe('2029-02-27');
    expect(dueOf('2028-02-29', 48)['closing-review']).toBe('2032-02-28');
  });

  it('a one-month programme has every step inside its month', () => {
    const due = dueOf('2026-02-01', 1);
    expect(due).toEqual({
      'first-meeting': '2026-02-15',
      agreement: '2026-02-28',
      goals: '2026-02-28',
      'mid-point-review': '2026-02-15',
      'closing-review': '2026-02-28',
    });
  });

  it.each(AWKWARD_STARTS)(
    'from %s, for every length 1–120 months: each step inside the programme, the mid-point half-way, the closing review in the last month',
    (start) => {
      for (let months = 1; months <= 120; months++) {
        const plan = programmePlan(start, months);
        expect(plan.map((s) => s.step)).toEqual([...PLAN_STEPS]);
        const last = programmeLastDay(start, months);
        const end = addMonths(start, months);
        expect(addDays(last, 1)).toBe(end);
        for (const { dueDate } of plan) {
          expect(dueDate >= start && dueDate <= last, `${start} ${months}: ${dueDate}`).toBe(true);
        }
        const due = Object.fromEntries(plan.map((s) => [s.step, s.dueDate]));
        const total = daysBetween(start, end);
        const toMid = daysBetween(start, due['mid-point-review']!);
        expect(toMid * 2 === total || toMid * 2 === total - 1).toBe(true);
        expect(due['closing-review']).toBe(last);
        expect(due['closing-review']! >= lastMonthStart(start, months)).toBe(true);
        expect(due['mid-point-review']! < due['closing-review']!).toBe(true);
        expect(due['first-meeting']).toBe(
          months === 1 && daysBetween(start, last) < 14 ? last : addDays(start, 14),
        );
        expect(due.agreement! <= due.goals!).toBe(true);
        if (months > 2) {
          expect(due.agreement).toBe(addMonths(start, 1));
          expect(due.goals).toBe(addMonths(start, 2));
        }
      }
    },
  );

  it('offers nothing without a start date or with a length the journal does not allow', () => {
    expect(programmePlan('', 18)).toEqual([]);
    expect(programmePlan('2026-02-30', 18)).toEqual([]);
    expect(programmePlan('2026-05-17', 0)).toEqual([]);
    expect(programmePlan('2026-05-17', 121)).toEqual([]);
    expect(programmePlan('2026-05-17', 1.5)).toEqual([]);
  });

  it('puts the mid-point of an 18-month programme 274 days in (549 days ÷ 2, rounded down)', () => {
    expect(daysBetween('2026-05-17', midPointDate('2026-05-17', 18))).toBe(274);
  });
});

describe('plan steps done by what the journal records', () => {
  const none: PlanFacts = { goals: [], reviews: [] };
  const finished = (author: string, stage: string, finishedOn: string) => ({
    author,
    stage,
    question: 'finished',
    finishedOn,
  });

  it('the agreement is done once both confirmed it, on the later day', () => {
    expect(planStepEvent('agreement', { ...none, journal: { menteeConfirmedOn: '2026-06-01' } })).toEqual({
      done: false,
    });
    expect(
      planStepEvent('agreement', {
        ...none,
        journal: { menteeConfirmedOn: '2026-06-03', mentorConfirmedOn: '2026-06-01' },
      }),
    ).toEqual({ done: true, on: '2026-06-03' });
  });

  it('goals are done once a goal that is not dropped has success criteria', () => {
    expect(planStepEvent('goals', { ...none, goals: [{ successCriteria: '  ' }] }).done).toBe(false);
    expect(
      planStepEvent('goals', { ...none, goals: [{ successCriteria: 'x', status: 'dropped' }] }).done,
    ).toBe(false);
    expect(planStepEvent('goals', { ...none, goals: [{ successCriteria: 'x', deleted: true }] }).done).toBe(
      false,
    );
    expect(
      planStepEvent('goals', { ...none, goals: [{ successCriteria: 'Board approves the budget' }] }).done,
    ).toBe(true);
  });

  it('a review is done once both people finished their part', () => {
    const one = { ...none, reviews: [finished('mentee', 'mid-point', '2027-02-10')] };
    expect(planStepEvent('mid-point-review', one).done).toBe(false);
    const both = { ...none, reviews: [...one.reviews, finished('mentor', 'mid-point', '2027-02-12')] };
    expect(planStepEvent('mid-point-review', both)).toEqual({ done: true, on: '2027-02-12' });
    expect(planStepEvent('closing-review', both).done).toBe(false);
  });

  it('the first meeting is marked by hand only', () => {
    expect(planStepEvent('first-meeting', none)).toEqual({ done: false });
  });

  it('shows a plan milestone done when its event happened, but leaves a dropped one dropped and others alone', () => {
    const facts = { ...none, journal: { menteeConfirmedOn: '2026-06-03', mentorConfirmedOn: '2026-06-01' } };
    expect(withPlanRule({ planStep: 'agreement', status: 'planned' }, facts)).toEqual({
      planStep: 'agreement',
      status: 'done',
      doneDate: '2026-06-03',
    });
    expect(withPlanRule({ planStep: 'agreement', status: 'missed' }, facts).status).toBe('done');
    expect(withPlanRule({ planStep: 'agreement', status: 'dropped' }, facts).status).toBe('dropped');
    expect(withPlanRule({ planStep: 'agreement', status: 'planned' }, none).status).toBe('planned');
    expect(withPlanRule({ status: 'planned' }, facts).status).toBe('planned');
  });
});
