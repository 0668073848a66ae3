/**
 * The programme plan: the milestones a pair is offered from its start date and length — the
 * beginning (meet, confirm the agreement, agree goals), the middle (a mid-point review) and the end
 * (a closing review). Pure and zod-free; every date is a calendar date (see schedule.ts).
 */

import { midPointDate, programmeLastDay } from './planDates';
import type { ReviewStage } from './reviewQuestions';
import { reviewFinishedOn } from './reviewRules';
import { addDays, addMonths, isCalendarDate } from './schedule';

export { lastMonthStart, midPointDate, programmeLastDay } from './planDates';

/** The plan's steps, in the order they come. Their ids are stable: a milestone's id derives from them. */
export const PLAN_STEPS = [
  'first-meeting',
  'agreement',
  'goals',
  'mid-point-review',
  'closing-review',
] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

/** The milestone title each step is offered with (the pair may change it). */
export const PLAN_STEP_TITLES: Readonly<Record<PlanStep, string>> = {
  'first-meeting':
    'First meeting: get to know each other, confirm why you are meeting, plan the next two or three meetings',
  agreement: 'Agreement confirmed by both: the purpose of working together and how you keep in touch',
  goals: 'Goals agreed, each with how you will know it is achieved',
  'mid-point-review':
    'Mid-point review: what each goal has achieved, what is next, how the partnership is working',
  'closing-review': 'Closing review: what was achieved, what comes next, what worked in the partnership',
};

/** When each step is due, in words (the plan's offer shows it beside the date). */
export const PLAN_STEP_WHEN: Readonly<Record<PlanStep, string>> = {
  'first-meeting': 'within two weeks',
  agreement: 'in the first month',
  goals: 'by month 2',
  'mid-point-review': 'half-way',
  'closing-review': 'in the last month',
};

/** Which review a step is, if it is one. */
export const PLAN_STEP_REVIEW: Readonly<Partial<Record<PlanStep, ReviewStage>>> = {
  'mid-point-review': 'mid-point',
  'closing-review': 'closing',
};

/** One step of the plan, with the day it is due. */
export interface PlannedStep {
  step: PlanStep;
  title: string;
  dueDate: string;
}

/**
 * The plan for a programme starting on `startDate` and lasting `lengthMonths` (1–120): first
 * meeting within two weeks, the agreement confirmed in the first month, goals by month 2, a
 * mid-point review half-way and a closing review on the last day. No step falls after the last
 * day (a one-month programme has its agreement and goals due then too). Month arithmetic is
 * calendar months clamped at month ends: 31 January + 1 month is 28 (or 29) February.
 */
export function programmePlan(startDate: string, lengthMonths: number): PlannedStep[] {
  if (!isCalendarDate(startDate) || !Number.isInteger(lengthMonths) || lengthMonths < 1 || lengthMonths > 120)
    return [];
  const last = programmeLastDay(startDate, lengthMonths);
  const atMost = (date: string) => (date > last ? last : date);
  const due: Record<PlanStep, string> = {
    'first-meeting': atMost(addDays(startDate, 14)),
    agreement: atMost(addMonths(startDate, 1)),
    goals: atMost(addMonths(startDate, 2)),
    'mid-point-review': midPointDate(startDate, lengthMonths),
    'closing-review': last,
  };
  return PLAN_STEPS.map((step) => ({ step, title: PLAN_STEP_TITLES[step], dueDate: due[step] }));
}

/** What the journal records that a plan step can be done by. */
export interface PlanFacts {
  journal?: { menteeConfirmedOn?: string; mentorConfirmedOn?: string };
  goals: readonly { deleted?: boolean; status?: string; successCriteria?: string }[];
  reviews: readonly {
    deleted?: boolean;
    author: string;
    stage?: string;
    question?: string;
    finishedOn?: string;
  }[];
}

/**
 * Whether the journal records a step's event, and the day when it knows it: the agreement is
 * confirmed by both (the later confirmation's day); goals are set — at least one goal not dropped
 * has success criteria (no day recorded); a review is done — both people finished their part
 * (the later day). The first meeting is marked by hand.
 */
export function planStepEvent(step: PlanStep, facts: PlanFacts): { done: boolean; on?: string } {
  switch (step) {
    case 'agreement': {
      const a = facts.journal?.menteeConfirmedOn;
      const b = facts.journal?.mentorConfirmedOn;
      return isCalendarDate(a) && isCalendarDate(b) ? { done: true, on: [a, b].sort()[1] } : { done: false };
    }
    case 'goals':
      return {
        done: facts.goals.some((g) => !g.deleted && g.status !== 'dropped' && !!g.successCriteria?.trim()),
      };
    case 'mid-point-review':
    case 'closing-review': {
      const on = reviewFinishedOn(facts.reviews, PLAN_STEP_REVIEW[step]!);
      return on ? { done: true, on } : { done: false };
    }
    default:
      return { done: false };
  }
}

/**
 * A plan milestone as the pair sees it: one whose event the journal records is done (with the
 * event's day when it has one, else the day it was marked); one the pair dropped, or marked done by
 * hand, stays as it is; any other milestone is unchanged.
 */
export function withPlanRule<M extends { planStep?: string; status?: string; doneDate?: string }>(
  milestone: M,
  facts: PlanFacts,
): M {
  const step = milestone.planStep as PlanStep | undefined;
  if (!step || !PLAN_STEPS.includes(step)) return milestone;
  if (milestone.status === 'done' || milestone.status === 'dropped') return milestone;
  const event = planStepEvent(step, facts);
  if (!event.done) return milestone;
  return { ...milestone, status: 'done', doneDate: event.on ?? milestone.doneDate };
}
