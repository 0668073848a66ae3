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

/** A stretch without a meeting: from the start or a meeting to the next meeting, or (`open`) to a day. */
export interface MeetingStretch {
  from: string;
  to: string;
  days: number;
  /** True when no meeting has ended the stretch yet. */
  open: boolean;
}

/**
 * Every stretch without a meeting: from the start (when known) to the first meeting held, between
 * meetings held, and from the last one (or the start) to `until`, open. Meetings before the start
 * are not counted.
 */
export function meetingStretches(
  heldDates: readonly (string | undefined)[],
  startDate: string | undefined,
  until: string,
): MeetingStretch[] {
  const dates = [...new Set(heldDates.filter(isCalendarDate))].sort();
  const points = isCalendarDate(startDate) ? [startDate, ...dates.filter((d) => d > startDate)] : dates;
  const stretches: MeetingStretch[] = [];
  for (let i = 1; i < points.length; i++) {
    stretches.push({
      from: points[i - 1]!,
      to: points[i]!,
      days: daysBetween(points[i - 1]!, points[i]!),
      open: false,
    });
  }
  const last = points.at(-1);
  if (last) stretches.push({ from: last, to: until, days: daysBetween(last, until), open: true });
  return stretches;
}

/**
 * The longest stretch, in days, without a meeting: between the start and the first meeting held,
 * between meetings, and from the last one to `until` (meetings after `until` are not counted). 0
 * when there is nothing to measure from.
 */
export function longestStretch(
  heldDates: readonly (string | undefined)[],
  startDate: string | undefined,
  until: string,
): number {
  const held = heldDates.filter((d): d is string => isCalendarDate(d) && d <= until);
  return Math.max(0, ...meetingStretches(held, startDate, until).map((s) => s.days));
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
