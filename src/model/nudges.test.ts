import { describe, expect, it } from 'vitest';
import { type NudgeFacts, nudges } from './nudges';
import { milestonesDue } from './schedule';

/** A journal that needs nothing on 1 Sep 2025: met, checked in and backed up lately. */
function journal(facts: Partial<NudgeFacts> = {}): NudgeFacts {
  return {
    on: '2025-09-01',
    startDate: '2025-01-15',
    endDate: '2026-07-15',
    cadenceDays: 30,
    lastHeldOn: '2025-08-20',
    overdueMilestones: 0,
    latestCheckInOn: '2025-08-01',
    goals: [],
    lastBackupOn: '2025-08-30',
    backupAtRisk: false,
    ...facts,
  };
}

const kinds = (facts: NudgeFacts) => nudges(facts).map((n) => n.kind);

describe('Home’s nudges', () => {
  it('lists nothing for a journal that is up to date', () => {
    expect(nudges(journal())).toEqual([]);
  });

  it('no meeting: from the day after the cadence has passed since the last meeting held', () => {
    expect(kinds(journal({ lastHeldOn: '2025-08-02' }))).toEqual([]); // 30 days: on the last day
    expect(nudges(journal({ lastHeldOn: '2025-08-01' }))).toEqual([
      { kind: 'no-meeting', days: 31, cadenceDays: 30, since: 'meeting' },
    ]);
  });

  it('overdue milestones: from the day after a milestone’s due date', () => {
    const milestones = [{ dueDate: '2025-09-01', status: 'planned' as const }];
    const onDueDay = milestonesDue(milestones, '2025-09-01').overdue.length;
    const dayAfter = milestonesDue(milestones, '2025-09-02').overdue.length;
    expect(kinds(journal({ overdueMilestones: onDueDay }))).toEqual([]);
    expect(nudges(journal({ on: '2025-09-02', overdueMilestones: dayAfter }))).toEqual([
      { kind: 'overdue-milestones', count: 1 },
    ]);
  });

  it('no check-in: on the day six calendar months after the last one, not the day before', () => {
    expect(kinds(journal({ latestCheckInOn: '2025-03-02' }))).toEqual([]);
    expect(nudges(journal({ latestCheckInOn: '2025-03-01' }))).toEqual([
      { kind: 'no-check-in', since: 'check-in' },
    ]);
  });

  it('no check-in: six calendar months from a month’s last day end on the shorter month’s last day', () => {
    // 31 Aug + 6 months = 28 Feb (29 Feb in a leap year).
    const last = { latestCheckInOn: '2025-08-31', lastHeldOn: undefined, cadenceDays: undefined };
    expect(kinds(journal({ ...last, on: '2026-02-27', lastBackupOn: '2026-02-27' }))).toEqual([]);
    expect(kinds(journal({ ...last, on: '2026-02-28', lastBackupOn: '2026-02-28' }))).toEqual([
      'no-check-in',
    ]);
    const leap = { latestCheckInOn: '2023-08-31', lastHeldOn: undefined, cadenceDays: undefined };
    const start = { startDate: '2023-01-01', endDate: '2024-07-01' };
    expect(kinds(journal({ ...leap, ...start, on: '2024-02-28', lastBackupOn: '2024-02-28' }))).toEqual([]);
    expect(kinds(journal({ ...leap, ...start, on: '2024-02-29', lastBackupOn: '2024-02-29' }))).toEqual([
      'no-check-in',
    ]);
  });

  it('no check-in: counts from the start while there has been none', () => {
    const none = { latestCheckInOn: undefined };
    expect(kinds(journal({ ...none, startDate: '2025-03-02' }))).toEqual([]);
    expect(nudges(journal({ ...none, startDate: '2025-03-01' }))).toEqual([
      { kind: 'no-check-in', since: 'start' },
    ]);
  });

  it('a review due: listed when the caller says one is', () => {
    expect(kinds(journal({ reviewDue: undefined }))).toEqual([]);
    expect(nudges(journal({ reviewDue: 'mid-point' }))).toEqual([{ kind: 'review-due', stage: 'mid-point' }]);
  });

  it('no backup: from 14 days after the last one (7 when the browser may clear it), and when never', () => {
    expect(kinds(journal({ lastBackupOn: '2025-08-19' }))).toEqual([]); // 13 days
    expect(nudges(journal({ lastBackupOn: '2025-08-18' }))).toEqual([
      { kind: 'no-backup', daysSince: 14, reminderDays: 14 },
    ]);
    expect(kinds(journal({ lastBackupOn: '2025-08-26', backupAtRisk: true }))).toEqual([]); // 6 days
    expect(kinds(journal({ lastBackupOn: '2025-08-25', backupAtRisk: true }))).toEqual(['no-backup']);
    expect(nudges(journal({ lastBackupOn: undefined }))).toEqual([{ kind: 'no-backup', reminderDays: 14 }]);
  });

  it('lists the committee’s reasons first, in their order, then the review and the backup', () => {
    const all = journal({
      lastHeldOn: '2025-06-01',
      overdueMilestones: 2,
      latestCheckInOn: '2025-01-01',
      goals: [{ title: 'Lead a project', status: 'active', targetDate: '2025-08-31' }],
      reviewDue: 'closing',
      lastBackupOn: undefined,
    });
    expect(kinds(all)).toEqual([
      'no-meeting',
      'overdue-milestones',
      'no-check-in',
      'goal-past-target',
      'review-due',
      'no-backup',
    ]);
  });
});
