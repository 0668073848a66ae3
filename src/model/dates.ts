/**
 * How dates read, everywhere: the app, the committee summary and its PDF. One form, day–month–year
 * with the month as a word ("1 Dec 2026"), so no reader can take 1/12 for 12 January; the month's
 * word is in the user's language. Each format has one cached Intl.DateTimeFormat: making one costs
 * 60–90 µs, and lists show thousands of dates.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) at noon UTC as a Date, or undefined when it is not one. */
function utcDay(date: string): Date | undefined {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return undefined;
  const day = new Date(Date.UTC(2000, 0, 1, 12));
  day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return day;
}

/** Formats calendar dates as "1 Dec 2026" in `locale` (the device's language when undefined). */
export function dateFormatter(locale?: string): (date: string | undefined) => string {
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (date) => {
    if (!date) return '';
    const day = utcDay(date);
    if (!day) return date;
    const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of format.formatToParts(day)) parts[part.type] ??= part.value;
    return `${parts.day} ${parts.month} ${parts.year}`;
  };
}

/** Formats months of a calendar as "Mar" (short) or "March 2026" (long) in `locale`. */
export function monthFormatter(locale?: string): {
  short: (date: string) => string;
  long: (date: string) => string;
} {
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    short: (date) => {
      const day = utcDay(date.length === 7 ? `${date}-01` : date);
      return day ? short.format(day) : date;
    },
    long: (date) => {
      const day = utcDay(date.length === 7 ? `${date}-01` : date);
      return day ? long.format(day) : date;
    },
  };
}

let deviceDates: ((date: string | undefined) => string) | undefined;
let deviceMonths: ReturnType<typeof monthFormatter> | undefined;

/** A calendar date (YYYY-MM-DD) as "1 Dec 2026" in the device's language; anything else as it is. */
export function formatDate(date: string | undefined): string {
  deviceDates ??= dateFormatter();
  return deviceDates(date);
}

/** A month (YYYY-MM or a date in it) as "Mar" in the device's language. */
export function formatMonthShort(month: string): string {
  deviceMonths ??= monthFormatter();
  return deviceMonths.short(month);
}

/** A month (YYYY-MM or a date in it) as "March 2026" in the device's language. */
export function formatMonthLong(month: string): string {
  deviceMonths ??= monthFormatter();
  return deviceMonths.long(month);
}
