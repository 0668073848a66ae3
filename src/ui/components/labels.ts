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

/** The one way the app says that editors save without a Save button. */
export const AUTOSAVE_NOTE = 'Changes are saved as you type.';

/** A quiet line under an autosaving editor's title: whether the latest change is saved. */
export const SAVE_STATE_TEXT: Record<SaveState, string> = {
  idle: AUTOSAVE_NOTE,
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved yet: will try again',
};

/** Options for a select over an enumeration, from a label table. */
export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** Every date the app shows reads the same way ("1 Dec 2026"), from one cached formatter in the model. */
export { formatDate } from '../../model/dates';

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
