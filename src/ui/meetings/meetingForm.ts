import { isCalendarDate } from '../../model/schedule';

/** What the meeting form holds while it is being filled in: everything as typed. */
export interface MeetingFormValues {
  date: string;
  time: string;
  length: string;
  mode: string;
  place: string;
}

export type MeetingFormErrors = Partial<Record<keyof MeetingFormValues, string>>;

export const MAX_MEETING_MINUTES = 24 * 60;

/** The length field as minutes, or undefined when empty or not a whole number. */
export function parseLength(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** Checks a meeting's date, time and length; each message says what to do, in plain words. */
export function validateMeetingForm(values: MeetingFormValues): MeetingFormErrors {
  const errors: MeetingFormErrors = {};
  if (!values.date) errors.date = 'Choose the day of the meeting.';
  else if (!isCalendarDate(values.date)) errors.date = 'Enter the day as a date, for example 2026-03-12.';
  if (values.time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time))
    errors.time = 'Enter the time as hours and minutes, for example 14:30.';
  if (values.length.trim()) {
    const minutes = parseLength(values.length);
    if (minutes === undefined)
      errors.length = 'Enter the length as a whole number of minutes, for example 60.';
    else if (minutes < 1 || minutes > MAX_MEETING_MINUTES)
      errors.length = `The length must be between 1 and ${MAX_MEETING_MINUTES} minutes.`;
  }
  if (values.place.length > 500) errors.place = 'Keep the place or link under 500 characters.';
  return errors;
}
