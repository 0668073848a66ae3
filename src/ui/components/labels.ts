import type { Role, Visibility } from '../../model/constants';
import type { SaveState } from '../hooks/useAutosave';

/** Words shown for each role. */
export const ROLE_LABELS: Record<Role, string> = { mentee: 'Mentee', mentor: 'Mentor' };

/** Words shown for each visibility, with what it means. */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  private: 'Only me (this device)',
  pair: 'My partner and me',
  committee: 'Partner and programme committee',
};

/** A quiet line under an autosaving editor's title: whether the latest change is saved. */
export const SAVE_STATE_TEXT: Record<SaveState, string> = {
  idle: 'Changes save by themselves',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved yet: will try again',
};

/** Options for a select over an enumeration, from a label table. */
export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** One formatter for every date shown: making one per call costs 60–90 µs, and lists show thousands. */
let dateFormat: Intl.DateTimeFormat | undefined;

/** A calendar date (YYYY-MM-DD) as people read it, without time-zone shifts. */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  dateFormat ??= new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return dateFormat.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Today's calendar date on this device, YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** A calendar date for an instant (an ISO date-time), on this device's calendar. */
export function localDate(instant: string | undefined): string | undefined {
  if (!instant) return undefined;
  const time = Date.parse(instant);
  return Number.isNaN(time) ? undefined : today(new Date(time));
}
