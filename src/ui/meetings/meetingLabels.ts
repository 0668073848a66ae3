import type { Activity, MeetingMode, MeetingStatus } from '../../model/meeting';
import { formatDate } from '../components/labels';

/** Words shown for each way of meeting. */
export const MODE_LABELS: Record<MeetingMode, string> = {
  'in-person': 'In person',
  video: 'Video call',
  phone: 'Phone call',
  other: 'Other',
};

/** Words shown for a meeting's status. */
export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** Words shown for each kind of activity done in a meeting. */
export const ACTIVITY_LABELS: Record<Activity, string> = {
  'setting-goals': 'Setting or reviewing goals',
  'reading-discussion': 'Talking over a book or article',
  'technology-trade': 'Technology trade (each shows the other a tool)',
  'addressing-a-challenge': 'Working through a challenge',
  'job-shadowing': 'Job shadowing',
  observation: 'Observing the other at work',
  other: 'Something else',
};

/** A meeting's date and time as people read them: "12 Mar 2026, 14:30". */
export function formatWhen(meeting: { date?: string; time?: string }): string {
  if (!meeting.date) return 'No date yet';
  return meeting.time ? `${formatDate(meeting.date)}, ${meeting.time}` : formatDate(meeting.date);
}

/** A length in minutes as people read it: "1 h 30 min". */
export function formatLength(minutes: number | undefined): string {
  if (!minutes) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Whether a place is a web link that may be shown clickable (only http and https, never javascript: or data:). */
export function isWebLink(text: string | undefined): text is string {
  if (!text) return false;
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed) || /\s/.test(trimmed)) return false;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
