/**
 * Pure calendar rules for the programme: how far along it is, when the next meeting is due, which
 * milestones are due soon or overdue. Every date is a calendar date (YYYY-MM-DD); the arithmetic is
 * done in UTC on the date parts, so time zones and daylight saving never move a day. Zod-free, so
 * Home can use it without loading the schemas.
 */

import { compareMilestones, type OrderedMilestone } from './milestoneRules';

const DAY_MS = 86_400_000;

/** Parses a calendar date into its parts, or undefined when it is not a real YYYY-MM-DD date. */
export function parseDate(date: string | undefined): { y: number; m: number; d: number } | undefined {
  if (!date) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d)
    return undefined;
  return { y, m, d };
}

/** Whether a string is a real calendar date (YYYY-MM-DD). */
export function isCalendarDate(date: string | undefined): date is string {
  return parseDate(date) !== undefined;
}

/** Days since 1970-01-01 of a calendar date (an integer, whatever the time zone). */
function dayNumber(date: string): number {
  const p = parseDate(date);
  if (!p) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;
}

function fromDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar date plus (or minus) a number of days. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + Math.trunc(days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A calendar date plus a number of months; a day past the end of the target month is clamped
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const p = parseDate(date);
  if (!p) throw new RangeError(`Not a calendar date: ${date}`);
  const index = p.y * 12 + (p.m - 1) + Math.trunc(months);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(p.d, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole months from `start` to `date`: a month counts once its day of the month is reached. */
export function wholeMonthsBetween(start: string, date: string): number {
  const a = parseDate(start);
  const b = parseDate(date);
  if (!a || !b) throw new RangeError('Not a calendar date');
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  // Count the month as complete when the day is reached, or when the month is too short to hold it.
  if (b.d < a.d && b.d < daysInMonth(b.y, b.m)) months -= 1;
  return months;
}

export interface ProgrammeProgress {
  /** Whole months elapsed since the start, between 0 and the length. */
  monthsElapsed: number;
  lengthMonths: number;
  /** The day the programme ends (start + length months). */
  endDate: string;
  /** 'not-started' before the start date, 'running' during it, 'ended' on or after its end date. */
  phase: 'not-started' | 'running' | 'ended';
  /** Share of the programme elapsed, 0–100, rounded down. */
  percent: number;
}

/**
 * How far the programme has come on `today`. An 18-month programme extended to 24 simply has a
 * new length: the months elapsed stay, the end date moves.
 */
export function programmeProgress(
  startDate: string | undefined,
  lengthMonths: number | undefined,
  today: string,
): ProgrammeProgress | undefined {
  if (!isCalendarDate(startDate) || !lengthMonths || lengthMonths < 1) return undefined;
  const endDate = addMonths(startDate, lengthMonths);
  const raw = daysBetween(startDate, today) < 0 ? 0 : wholeMonthsBetween(startDate, today);
  const monthsElapsed = Math.max(0, Math.min(lengthMonths, raw));
  const phase =
    daysBetween(startDate, today) < 0
      ? 'not-started'
      : daysBetween(endDate, today) >= 0
        ? 'ended'
        : 'running';
  const total = daysBetween(startDate, endDate);
  const done = Math.max(0, Math.min(total, daysBetween(startDate, today)));
  return { monthsElapsed, lengthMonths, endDate, phase, percent: Math.floor((done / total) * 100) };
}

export interface NextMeeting {
  /** The calendar date the next meeting is due by. */
  dueDate: string;
  /** The meeting the count starts from, or undefined when counted from the programme start. */
  fromDate: string | undefined;
  /** True when the due date has passed (today is after it). */
  overdue: boolean;
  /** Days until the due date (negative when overdue). */
  daysLeft: number;
}

/**
 * When the next meeting is due: the last held meeting's date plus the cadence, or the programme
 * start plus the cadence when no meeting has been held yet. Overdue once `today` is past that date.
 */
export function nextMeetingDue(
  heldMeetingDates: readonly (string | undefined)[],
  startDate: string | undefined,
  cadenceDays: number | undefined,
  today: string,
): NextMeeting | undefined {
  if (!cadenceDays || cadenceDays < 1) return undefined;
  const last = heldMeetingDates.filter(isCalendarDate).sort().at(-1);
  const from = last ?? (isCalendarDate(startDate) ? startDate : undefined);
  if (!from) return undefined;
  const dueDate = addDays(from, cadenceDays);
  const daysLeft = daysBetween(today, dueDate);
  return { dueDate, fromDate: last, overdue: daysLeft < 0, daysLeft };
}

/** Milestone statuses that close a milestone: it can no longer be due or overdue. */
export const CLOSED_MILESTONE_STATUSES = ['done', 'dropped', 'missed'] as const;

interface DatedMilestone extends OrderedMilestone {
  dueDate?: string;
  status?: string;
}

/** Whether a milestone is still open (not done, dropped or missed). */
export function isOpenMilestone(m: DatedMilestone): boolean {
  return !(CLOSED_MILESTONE_STATUSES as readonly string[]).includes(m.status ?? '');
}

/** Whether an open milestone's due date has passed. */
export function isMilestoneOverdue(m: DatedMilestone, today: string): boolean {
  return isOpenMilestone(m) && isCalendarDate(m.dueDate) && daysBetween(today, m.dueDate) < 0;
}

/** The window, in days from today, that "due soon" covers. */
export const DUE_SOON_DAYS = 30;

/**
 * Open milestones that are overdue, and those due from today up to `windowDays` ahead, each in
 * milestone order (`compareMilestones`: earliest due first).
 */
export function milestonesDue<M extends DatedMilestone>(
  milestones: readonly M[],
  today: string,
  windowDays: number = DUE_SOON_DAYS,
): { overdue: M[]; dueSoon: M[] } {
  const overdue: M[] = [];
  const dueSoon: M[] = [];
  for (const m of milestones) {
    if (!isOpenMilestone(m) || !isCalendarDate(m.dueDate)) continue;
    const days = daysBetween(today, m.dueDate);
    if (days < 0) overdue.push(m);
    else if (days <= windowDays) dueSoon.push(m);
  }
  return { overdue: overdue.sort(compareMilestones), dueSoon: dueSoon.sort(compareMilestones) };
}

/** How often a partnership check-in is suggested. */
export const CHECK_IN_EVERY_MONTHS = 6;

/**
 * When the next check-in is suggested: six months after the last one, or six months after the
 * programme start when there has been none.
 */
export function nextCheckInSuggested(
  checkInDates: readonly (string | undefined)[],
  startDate: string | undefined,
  today: string,
): { date: string; due: boolean } | undefined {
  const last = checkInDates.filter(isCalendarDate).sort().at(-1);
  const from = last ?? (isCalendarDate(startDate) ? startDate : undefined);
  if (!from) return undefined;
  const date = addMonths(from, CHECK_IN_EVERY_MONTHS);
  return { date, due: daysBetween(today, date) <= 0 };
}
