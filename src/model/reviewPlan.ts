/**
 * Which days Home measures the reviews by: the plan milestone's due date when the pair added it
 * (moved or not), nothing when they dropped or deleted it, and the computed plan day when they
 * never added the plan. Zod-free.
 */
import { lastMonthStart, midPointDate, programmeLastDay } from './planDates';
import { isCalendarDate } from './schedule';

type PlanMilestone = { dueDate?: string; status?: string; deleted?: boolean } | null | undefined;

function dayOf(milestone: PlanMilestone, computed: string): string | undefined {
  if (milestone === null || milestone === undefined) return computed;
  if (milestone.deleted || milestone.status === 'dropped') return undefined;
  return milestone.dueDate ?? computed;
}

/** The review days of a journal, for `reviewDue`. */
export function reviewDays(
  journal: { startDate?: string; lengthMonths?: number },
  midPoint: PlanMilestone,
  closing: PlanMilestone,
): { midPoint?: string; lastMonthStart?: string; closing?: string } {
  const { startDate, lengthMonths } = journal;
  if (!isCalendarDate(startDate) || !lengthMonths || lengthMonths < 1) return {};
  const closingDay = dayOf(closing, programmeLastDay(startDate, lengthMonths));
  return {
    midPoint: dayOf(midPoint, midPointDate(startDate, lengthMonths)),
    lastMonthStart: closingDay && lastMonthStart(startDate, lengthMonths),
    closing: closingDay,
  };
}
