/**
 * The parts of Home's read model (readModels.ts `readHome`) for the programme's arc (issue 12): how
 * far the active goals have come, and the facts "Needs attention" adds to Home's own — the latest
 * check-in and the goals' target dates. Each reads through indexes and returns no note text. Free
 * of Dexie: part of the first load.
 */
import type { CheckIn } from '../model/checkIn';
import type { Goal, GoalStatus, ProgressEntry } from '../model/goal';
import { planMilestoneId } from '../model/ids';
import type { Milestone } from '../model/milestone';
import type { Review } from '../model/review';
import { isCalendarDate } from '../model/schedule';
import { type GoalProgress, goalProgressOf } from './goalProgress';
import type { Reader } from './readers';

/** How many goals Home shows the progress of before "and N more". */
export const HOME_GOALS_SHOWN = 5;

/** A goal as Home's goal progress lists it. */
export interface HomeGoalLine extends GoalProgress {
  id: string;
  title?: string;
  targetDate?: string;
}

/** The active goals' progress, earliest target first, and how many more there are. */
export interface HomeGoalProgress {
  goals: HomeGoalLine[];
  more: number;
}

/** What "Needs attention" reads besides Home's own facts. */
export interface AttentionExtras {
  /** The latest dated check-in up to today, by either person. */
  latestCheckInOn?: string;
  /** The live goals, by what the past-target rule reads. */
  goals: { id: string; title?: string; status?: GoalStatus; targetDate?: string }[];
}

const live = (record: { deleted?: boolean }) => !record.deleted;
const byTarget = (a: { targetDate?: string; title?: string }, b: { targetDate?: string; title?: string }) =>
  (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') ||
  (a.title ?? '').localeCompare(b.title ?? '');

/**
 * The progress of the journal's active goals on `today`, earliest target date first: the first
 * `HOME_GOALS_SHOWN`, each with its own progress entries and milestones read by the goalId index
 * (only those goals'), cut down to what the rules need.
 */
export async function readHomeGoalProgress(
  reader: Reader,
  journalId: string,
  today: string,
): Promise<HomeGoalProgress> {
  const goals = (await reader.equal<Goal>('goals', 'journalId', journalId))
    .filter((g) => live(g) && (g.status ?? 'active') === 'active')
    .sort(byTarget);
  const shown = goals.slice(0, HOME_GOALS_SHOWN);
  const lines = await Promise.all(
    shown.map(async (g) => {
      const mine = (r: { deleted?: boolean; journalId: string }) => live(r) && r.journalId === journalId;
      const [entries, milestones] = await Promise.all([
        reader.equal<ProgressEntry>('progressEntries', 'goalId', g.id),
        reader.equal<Milestone>('milestones', 'goalId', g.id),
      ]);
      return {
        id: g.id,
        title: g.title,
        targetDate: g.targetDate,
        ...goalProgressOf(g, entries.filter(mine), milestones.filter(mine), today),
      };
    }),
  );
  return { goals: lines, more: goals.length - shown.length };
}

/** The latest check-in up to `today` and the goals' target dates, for "Needs attention". */
export async function readAttentionExtras(
  reader: Reader,
  journalId: string,
  today: string,
): Promise<AttentionExtras> {
  const [checkIns, goals] = await Promise.all([
    reader.equal<CheckIn>('checkIns', 'journalId', journalId),
    reader.equal<Goal>('goals', 'journalId', journalId),
  ]);
  const latestCheckInOn = checkIns
    .filter(live)
    .map((c) => c.date)
    .filter((d): d is string => isCalendarDate(d) && d <= today)
    .sort()
    .at(-1);
  return {
    latestCheckInOn,
    goals: goals
      .filter(live)
      .map(({ id, title, status, targetDate }) => ({ id, title, status, targetDate }))
      .sort(byTarget),
  };
}

/** What Home needs to say whether a review is due: who finished which, and the plan's review milestones. */
export interface ReviewFacts {
  finished: Pick<Review, 'author' | 'stage' | 'question' | 'finishedOn' | 'deleted'>[];
  /** The mid-point and closing review milestones of the plan, when the pair added them (null: not added). */
  midPoint: Pick<Milestone, 'dueDate' | 'status' | 'deleted'> | null;
  closing: Pick<Milestone, 'dueDate' | 'status' | 'deleted'> | null;
}

/** `ReviewFacts`: the finished marks only (no answer text reaches the screen), and two milestones by id. */
export async function readReviewFacts(reader: Reader, journalId: string): Promise<ReviewFacts> {
  const [rows, midPoint, closing] = await Promise.all([
    reader.equal<Review>('reviews', 'journalId', journalId),
    reader.get<Milestone>('milestones', planMilestoneId(journalId, 'mid-point-review')),
    reader.get<Milestone>('milestones', planMilestoneId(journalId, 'closing-review')),
  ]);
  const pick = (m: Milestone | undefined) =>
    m ? { dueDate: m.dueDate, status: m.status, deleted: m.deleted } : null;
  return {
    finished: rows
      .filter((r) => r.question === 'finished')
      .map(({ author, stage, question, finishedOn, deleted }) => ({
        author,
        stage,
        question,
        finishedOn,
        deleted,
      })),
    midPoint: pick(midPoint),
    closing: pick(closing),
  };
}
