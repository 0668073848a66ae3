import { describe, expect, it } from 'vitest';
import { dateFormatter, formatDate, formatMonthLong, monthFormatter } from './dates';

describe('one date form everywhere', () => {
  it('reads day, month as a word, year, whatever order the language usually takes', () => {
    expect(dateFormatter('en-US')('2026-12-01')).toBe('1 Dec 2026');
    expect(dateFormatter('en-GB')('2026-12-01')).toBe('1 Dec 2026');
    expect(dateFormatter('fr-FR')('2026-12-01')).toBe('1 déc. 2026');
    expect(dateFormatter('de-DE')('2026-03-09')).toBe('9 März 2026');
  });

  it('shows the calendar day written, not a day shifted by the time zone', () => {
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31')).toBe('31 Dec 2026');
    expect(formatDate('2028-02-29')).toBe('29 Feb 2028');
  });

  it('keeps what is not a calendar date as it is, and nothing as nothing', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('spring 2026')).toBe('spring 2026');
  });

  it('names months short on an axis and long in words', () => {
    expect(monthFormatter('en-US').short('2026-03')).toBe('Mar');
    expect(formatMonthLong('2026-03')).toBe('March 2026');
    expect(formatMonthLong('2026-03-31')).toBe('March 2026');
  });
});
