/**
 * The programme's key days from its start date and length, in calendar months clamped at month
 * ends (see schedule.ts). Kept apart from the plan's words, so Home can ask them in its first load.
 */
import { addDays, addMonths, daysBetween } from './schedule';

/** The programme's last day: the day before start + length months (months clamped at month ends). */
export function programmeLastDay(startDate: string, lengthMonths: number): string {
  return addDays(addMonths(startDate, lengthMonths), -1);
}

/** The day half-way between the start and the end (start + length months), rounded down. */
export function midPointDate(startDate: string, lengthMonths: number): string {
  const end = addMonths(startDate, lengthMonths);
  return addDays(startDate, Math.floor(daysBetween(startDate, end) / 2));
}

/** The first day of the programme's last month. */
export function lastMonthStart(startDate: string, lengthMonths: number): string {
  return addMonths(startDate, lengthMonths - 1);
}
