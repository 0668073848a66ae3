/**
 * "Is it time for a backup?" — one pure rule, asked by Home's backup card and its "Needs attention"
 * card. Zod-free; the day is always an argument.
 */
import { daysBetween, isCalendarDate } from './schedule';

/** Days without a backup after which Home suggests making one. */
export const BACKUP_REMINDER_DAYS = 14;
/** The same, when this browser may clear the journal (storage not persistent): sooner. */
export const BACKUP_REMINDER_DAYS_AT_RISK = 7;

/** Where the journal's backup stands on a day. */
export interface BackupReminder {
  /** Days since the last backup; undefined when it has never been backed up. */
  daysSince?: number;
  /** The days after which a backup is suggested (`BACKUP_REMINDER_DAYS`, or sooner at risk). */
  reminderDays: number;
  /** Never backed up, or backed up `reminderDays` or more days ago. */
  due: boolean;
}

/**
 * Whether a backup is suggested on `today`: when the journal has never been backed up, or the last
 * backup (a calendar day on this device) was `BACKUP_REMINDER_DAYS` days ago or more —
 * `BACKUP_REMINDER_DAYS_AT_RISK` when this browser may clear its storage.
 */
export function backupReminder(
  lastBackupOn: string | undefined,
  today: string,
  atRisk: boolean,
): BackupReminder {
  const reminderDays = atRisk ? BACKUP_REMINDER_DAYS_AT_RISK : BACKUP_REMINDER_DAYS;
  const daysSince = isCalendarDate(lastBackupOn) ? daysBetween(lastBackupOn, today) : undefined;
  return { daysSince, reminderDays, due: daysSince === undefined || daysSince >= reminderDays };
}
