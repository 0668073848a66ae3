import { describe, expect, it } from 'vitest';
import { BACKUP_REMINDER_DAYS, BACKUP_REMINDER_DAYS_AT_RISK, backupReminder } from './backupRules';

describe('the backup reminder', () => {
  it('suggests a backup from the 14th day after the last one, not on the 13th', () => {
    expect(BACKUP_REMINDER_DAYS).toBe(14);
    expect(backupReminder('2025-09-01', '2025-09-14', false)).toEqual({
      daysSince: 13,
      reminderDays: 14,
      due: false,
    });
    expect(backupReminder('2025-09-01', '2025-09-15', false)).toEqual({
      daysSince: 14,
      reminderDays: 14,
      due: true,
    });
  });

  it('counts calendar days across a month end and a leap day', () => {
    expect(backupReminder('2024-02-16', '2024-03-01', false).daysSince).toBe(14);
    expect(backupReminder('2024-02-16', '2024-03-01', false).due).toBe(true);
    expect(backupReminder('2023-02-16', '2023-03-01', false).due).toBe(false);
  });

  it('suggests one after 7 days when this browser may clear the journal', () => {
    expect(BACKUP_REMINDER_DAYS_AT_RISK).toBe(7);
    expect(backupReminder('2025-09-01', '2025-09-07', true).due).toBe(false);
    expect(backupReminder('2025-09-01', '2025-09-08', true)).toEqual({
      daysSince: 7,
      reminderDays: 7,
      due: true,
    });
  });

  it('always suggests one for a journal never backed up', () => {
    expect(backupReminder(undefined, '2025-09-01', false)).toEqual({ reminderDays: 14, due: true });
    expect(backupReminder('not a date', '2025-09-01', false).due).toBe(true);
  });

  it('does not nag on the day of the backup', () => {
    expect(backupReminder('2025-09-01', '2025-09-01', true)).toEqual({
      daysSince: 0,
      reminderDays: 7,
      due: false,
    });
  });
});
