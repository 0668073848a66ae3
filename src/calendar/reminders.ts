/** The reminders a calendar export can give before each planned meeting and milestone. */

export const REMINDERS = ['none', '1h', '1d', '2d'] as const;
export type Reminder = (typeof REMINDERS)[number];

/** The default: a day before, time enough to prepare. */
export const DEFAULT_REMINDER: Reminder = '1d';

export const REMINDER_LABELS: Record<Reminder, string> = {
  none: 'No reminder',
  '1h': '1 hour before',
  '1d': '1 day before',
  '2d': '2 days before',
};

/** How long before the start a reminder goes off (an iCalendar TRIGGER), or none. */
export const REMINDER_BEFORE: Record<Reminder, { hours?: number; days?: number } | undefined> = {
  none: undefined,
  '1h': { hours: 1 },
  '1d': { days: 1 },
  '2d': { days: 2 },
};
