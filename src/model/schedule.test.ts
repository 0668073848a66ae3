import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isCalendarDate,
  isMilestoneOverdue,
  milestonesDue,
  nextCheckInSuggested,
  nextMeetingDue,
  programmeProgress,
  wholeMonthsBetween,
} from './schedule';

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 91)).toBe('2026-04-02');
  });

  it('counts whole days across a daylight-saving change as whole days', () => {
    // Europe and North America change clocks in late March and late October.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-05-10', '2026-05-01')).toBe(-9);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-15', 18)).toBe('2027-07-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts a month once its day of the month is reached', () => {
    expect(wholeMonthsBetween('2026-01-15', '2026-02-14')).toBe(0);
    expect(wholeMonthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-01-15', '2027-07-15')).toBe(18);
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate('2026-02-28T10:00:00Z')).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
  });

  it('gives the same answers whatever the time zone of the device', () => {
    const answers = () => [
      addDays('2026-03-29', 1),
      daysBetween('2026-03-01', '2026-04-01'),
      programmeProgress('2026-01-15', 18, '2026-04-20')?.monthsElapsed,
      nextMeetingDue(['2026-03-28'], '2026-01-15', 91, '2026-06-27')?.dueDate,
    ];
    const original = process.env.TZ;
    const results = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/London'].map((zone) => {
      process.env.TZ = zone;
      return answers();
    });
    process.env.TZ = original;
    for (const result of results) expect(result).toEqual(['2026-03-30', 31, 3, '2026-06-27']);
  });
});

describe('programme progress', () => {
  it('counts whole months elapsed of an 18-month programme', () => {
    expect(programmeProgress('2026-01-15', 18, '2026-07-20')).toEqual({
      monthsElapsed: 6,
      lengthMonths: 18,
      endDate: '2027-07-15',
      phase: 'running',
      percent: 34,
    });
  });

  it('keeps the months elapsed when an 18-month programme is extended to 24, and moves the end', () => {
    const before = programmeProgress('2026-01-15', 18, '2027-07-20');
    expect(before).toMatchObject({ monthsElapsed: 18, phase: 'ended', endDate: '2027-07-15', percent: 100 });
    const after = programmeProgress('2026-01-15', 24, '2027-07-20');
    expect(after).toMatchObject({
      monthsElapsed: 18,
      lengthMonths: 24,
      phase: 'running',
      endDate: '2028-01-15',
    });
    expect(after?.percent).toBe(75);
  });

  it('shows 0 months before the start and nothing without a start date', () => {
    expect(programmeProgress('2026-09-01', 18, '2026-08-01')).toMatchObject({
      monthsElapsed: 0,
      phase: 'not-started',
      percent: 0,
    });
    expect(programmeProgress(undefined, 18, '2026-08-01')).toBeUndefined();
    expect(programmeProgress('2026-09-01', 0, '2026-08-01')).toBeUndefined();
  });
});

describe('next meeting due', () => {
  it('is the last held meeting plus the cadence', () => {
    expect(
      nextMeetingDue(['2026-02-01', '2026-04-10', '2026-03-01'], '2026-01-15', 91, '2026-05-01'),
    ).toEqual({
      dueDate: '2026-07-10',
      fromDate: '2026-04-10',
      overdue: false,
      daysLeft: 70,
    });
  });

  it('counts from the programme start when no meeting has been held', () => {
    expect(nextMeetingDue([], '2026-01-15', 91, '2026-04-16')).toEqual({
      dueDate: '2026-04-16',
      fromDate: undefined,
      overdue: false,
      daysLeft: 0,
    });
  });

  it('is overdue the day after the due date, not on it', () => {
    expect(nextMeetingDue(['2026-01-01'], undefined, 30, '2026-01-31')?.overdue).toBe(false);
    expect(nextMeetingDue(['2026-01-01'], undefined, 30, '2026-02-01')).toMatchObject({
      dueDate: '2026-01-31',
      overdue: true,
      daysLeft: -1,
    });
  });

  it('gives nothing without a start date or meetings, or without a cadence', () => {
    expect(nextMeetingDue([], undefined, 91, '2026-01-01')).toBeUndefined();
    expect(nextMeetingDue(['2026-01-01'], '2026-01-01', undefined, '2026-01-01')).toBeUndefined();
  });
});

describe('milestones due and overdue', () => {
  const today = '2026-06-10';
  const list = [
    { id: 'late', dueDate: '2026-06-09', status: 'planned' },
    { id: 'later-late', dueDate: '2026-05-01', status: 'in-progress' },
    { id: 'today', dueDate: '2026-06-10', status: 'planned' },
    { id: 'in-30', dueDate: '2026-07-10', status: undefined },
    { id: 'in-31', dueDate: '2026-07-11', status: 'planned' },
    { id: 'done-late', dueDate: '2026-06-01', status: 'done' },
    { id: 'dropped-soon', dueDate: '2026-06-20', status: 'dropped' },
    { id: 'missed', dueDate: '2026-06-01', status: 'missed' },
    { id: 'no-date', status: 'planned' },
  ];

  it('lists open milestones overdue and due within 30 days, earliest first', () => {
    const { overdue, dueSoon } = milestonesDue(list, today);
    expect(overdue.map((m) => m.id)).toEqual(['later-late', 'late']);
    expect(dueSoon.map((m) => m.id)).toEqual(['today', 'in-30']);
  });

  it('never marks a done, dropped or missed milestone overdue', () => {
    expect(isMilestoneOverdue({ dueDate: '2026-06-01', status: 'done' }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueDate: '2026-06-01', status: 'missed' }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueDate: '2026-06-01', status: 'planned' }, today)).toBe(true);
    expect(isMilestoneOverdue({ dueDate: '2026-06-10', status: 'planned' }, today)).toBe(false);
  });
});

describe('next check-in suggested', () => {
  it('is six months after the last check-in, or after the start', () => {
    expect(nextCheckInSuggested(['2026-02-10', '2026-01-05'], '2026-01-01', '2026-03-01')).toEqual({
      date: '2026-08-10',
      due: false,
    });
    expect(nextCheckInSuggested([], '2026-01-01', '2026-07-01')).toEqual({ date: '2026-07-01', due: true });
    expect(nextCheckInSuggested([], undefined, '2026-07-01')).toBeUndefined();
  });
});
