/**
 * How far a pair has come, as counts the committee summary, the cohort view and Home can share:
 * one pure function per fact, the day always an argument. Zod-free.
 */
import { daysBetween, isCalendarDate, isMilestoneOverdue } from './schedule';

/** Goal statuses after which a target date no longer matters. */
const SETTLED_GOAL_STATUSES = ['achieved', 'dropped'];

/** Whether a goal is past its target date and not achieved (or dropped): it needs a look. */
export function isGoalPastTarget(goal: { status?: string; targetDate?: string }, today: string): boolean {
  return (
    isCalendarDate(goal.targetDate) &&
    goal.targetDate < today &&
    !SETTLED_GOAL_STATUSES.includes(goal.status ?? 'active')
  );
}

/** The latest progress entry (by date, then by when it was written), or undefined. */
export function latestProgress<P extends { date?: string; createdAt?: string; percent?: number }>(
  entries: readonly P[],
): P | undefined {
  let latest: P | undefined;
  for (const entry of entries) {
    if (typeof entry.percent !== 'number') continue;
    const key = `${entry.date ?? ''}|${entry.createdAt ?? ''}`;
    if (!latest || key > `${latest.date ?? ''}|${latest.createdAt ?? ''}`) latest = entry;
  }
  return latest;
}

export interface MilestoneCounts {
  total: number;
  done: number;
  /** Done on or before the due date (or done with no due date). */
  onTime: number;
  /** Open and past the due date (`isMilestoneOverdue`, as on Home). */
  overdue: number;
  missed: number;
}

/** Milestones counted as the committee reads them; dropped ones are left out of every count. */
export function milestoneCounts(
  milestones: readonly { status?: string; dueDate?: string; doneDate?: string }[],
  today: string,
): MilestoneCounts {
  const counts: MilestoneCounts = { total: 0, done: 0, onTime: 0, overdue: 0, missed: 0 };
  for (const m of milestones) {
    if (m.status === 'dropped') continue;
    counts.total += 1;
    if (m.status === 'done') {
      counts.done += 1;
      if (!isCalendarDate(m.dueDate) || !isCalendarDate(m.doneDate) || m.doneDate <= m.dueDate)
        counts.onTime += 1;
    } else if (m.status === 'missed') counts.missed += 1;
    else if (isMilestoneOverdue(m, today)) counts.overdue += 1;
  }
  return counts;
}

/**
 * How many meetings the agreed cadence asks for between the start and `until`: one for every full
 * cadence that has passed (none before the first has). 0 without a start date or cadence.
 */
export function expectedMeetings(startDate: string | undefined, cadenceDays: number, until: string): number {
  if (!isCalendarDate(startDate) || cadenceDays < 1 || until < startDate) return 0;
  return Math.floor(daysBetween(startDate, until) / cadenceDays);
}

/**
 * The longest stretch, in days, without a meeting: between the start and the first meeting held,
 * between meetings, and from the last one to `until`. 0 when there is nothing to measure from.
 */
export function longestStretch(
  heldDates: readonly (string | undefined)[],
  startDate: string | undefined,
  until: string,
): number {
  const dates = [...new Set(heldDates.filter(isCalendarDate))].filter((d) => d <= until).sort();
  const points = isCalendarDate(startDate) ? [startDate, ...dates.filter((d) => d > startDate)] : dates;
  if (points.length === 0) return 0;
  let longest = 0;
  for (let i = 1; i < points.length; i++)
    longest = Math.max(longest, daysBetween(points[i - 1]!, points[i]!));
  return Math.max(longest, daysBetween(points.at(-1)!, until));
}

/** Whether `date` lies in a period (both ends included; a missing end is open). */
export function inPeriod(
  date: string | undefined,
  period: { from?: string; to?: string } | undefined,
): boolean {
  if (!period || (!period.from && !period.to)) return true;
  if (!isCalendarDate(date)) return false;
  return (!period.from || date >= period.from) && (!period.to || date <= period.to);
}
