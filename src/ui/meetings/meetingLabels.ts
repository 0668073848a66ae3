import { formatDate } from '../components/labels';

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
