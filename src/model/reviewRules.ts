/**
 * Rules about the programme's reviews, zod-free so Home can ask them: when a review is finished by
 * both, who has finished their part, and whether one is due. The day is always an argument.
 */
import { ROLES, type Role } from './constants';
import type { ReviewStage } from './reviewStages';
import { addDays, isCalendarDate } from './schedule';

interface ReviewLike {
  deleted?: boolean;
  author: string;
  stage?: string;
  question?: string;
  finishedOn?: string;
}

/** The day each person finished their part of a review (absent: not finished). */
export function reviewFinishers(
  reviews: readonly ReviewLike[],
  stage: ReviewStage,
): Partial<Record<Role, string>> {
  const finished: Partial<Record<Role, string>> = {};
  for (const r of reviews) {
    if (r.deleted || r.stage !== stage || r.question !== 'finished' || !isCalendarDate(r.finishedOn))
      continue;
    if (!ROLES.includes(r.author as Role)) continue;
    finished[r.author as Role] = r.finishedOn;
  }
  return finished;
}

/** The day a review was done by both — the later of the two — or undefined while one part is open. */
export function reviewFinishedOn(reviews: readonly ReviewLike[], stage: ReviewStage): string | undefined {
  const finished = reviewFinishers(reviews, stage);
  const { mentee, mentor } = finished;
  if (!mentee || !mentor) return undefined;
  return [mentee, mentor].sort()[1];
}

/** How long before its day a mid-point review is shown as due. */
export const MID_POINT_REVIEW_LEAD_DAYS = 14;

/** A review Home shows: which, from when, by when, and who has finished their part. */
export interface ReviewDue {
  stage: ReviewStage;
  dueDate: string;
  finished: Partial<Record<Role, string>>;
}

/**
 * The review due on `today`, if any: the mid-point review from two weeks before its day, the
 * closing review from the first day of the last month (or two weeks before its day, if the pair
 * moved it earlier) — until both people have finished it. The
 * days are the plan's (the plan milestone's due date when the pair moved it). A journal that is
 * closed has none; when both are open, the closing review (the later one) is shown.
 */
export function reviewDue(
  plan: { midPoint?: string; lastMonthStart?: string; closing?: string },
  reviews: readonly ReviewLike[],
  today: string,
  closedDate?: string,
): ReviewDue | undefined {
  if (isCalendarDate(closedDate)) return undefined;
  const candidates: { stage: ReviewStage; opens?: string; dueDate?: string }[] = [
    {
      stage: 'closing',
      opens: [plan.lastMonthStart, plan.closing && addDays(plan.closing, -MID_POINT_REVIEW_LEAD_DAYS)]
        .filter(isCalendarDate)
        .sort()[0],
      dueDate: plan.closing,
    },
    {
      stage: 'mid-point',
      opens: plan.midPoint && addDays(plan.midPoint, -MID_POINT_REVIEW_LEAD_DAYS),
      dueDate: plan.midPoint,
    },
  ];
  for (const c of candidates) {
    if (!isCalendarDate(c.opens) || !isCalendarDate(c.dueDate) || today < c.opens) continue;
    if (reviewFinishedOn(reviews, c.stage)) continue;
    return { stage: c.stage, dueDate: c.dueDate, finished: reviewFinishers(reviews, c.stage) };
  }
  return undefined;
}
