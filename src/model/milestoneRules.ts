import type { MilestoneStatus } from './milestone';

/**
 * Pure rules for changing a milestone, used by the milestones screen, the goal page and meeting
 * mode alike. Zod-free (the status type is erased); the day is always an argument.
 */

/** The fields a status change writes. */
export interface MilestoneStatusPatch {
  status: MilestoneStatus;
  doneDate: string | undefined;
}

/**
 * The change a new status makes: marking a milestone done dates it `day` (today, or the day of
 * the meeting at which it was marked), unless it already has a done date; any other status clears
 * the done date, because a done date is kept only for a milestone marked done.
 */
export function milestoneStatusPatch(
  status: MilestoneStatus,
  current: { doneDate?: string },
  day: string,
): MilestoneStatusPatch {
  if (status === 'done') return { status, doneDate: current.doneDate ?? day };
  return { status, doneDate: undefined };
}

/**
 * Meeting mode's Done and Missed buttons toggle: pressing the one already on takes the milestone
 * back to planned, so a slip of the finger is undone the same way. Otherwise as `milestoneStatusPatch`.
 */
export function milestoneTogglePatch(
  choice: 'done' | 'missed',
  current: { status?: string; doneDate?: string },
  day: string,
): MilestoneStatusPatch {
  return milestoneStatusPatch(current.status === choice ? 'planned' : choice, current, day);
}

/**
 * A due date changed, wherever it is edited (meeting mode's "New due date", the milestone editor):
 * a missed milestone given a new due date is planned again, since the pair agreed a new date to
 * reach it. A done one stays done, with its done date: moving its date does not undo the work. A
 * dropped one stays dropped (dropping is a decision of its own). Clearing the due date, or giving
 * the one it has, changes nothing else.
 */
export function milestoneReschedulePatch(
  current: { status?: string; dueDate?: string },
  dueDate: string | undefined,
): { dueDate: string | undefined; status?: 'planned'; doneDate?: undefined } {
  if (current.status === 'missed' && dueDate && dueDate !== current.dueDate)
    return { dueDate, status: 'planned', doneDate: undefined };
  return { dueDate };
}

/** The fields milestone order reads. */
export interface OrderedMilestone {
  id?: string;
  dueDate?: string;
  title?: string;
}

const TITLE_ORDER = new Intl.Collator();

/**
 * Milestone order, the timeline's, used by every list of milestones: by due date, earliest first,
 * undated ones last; then by title as shown (trimmed; an untitled one before the titled); then by
 * id, so milestones alike in both keep one order on every screen and device.
 */
export function compareMilestones(a: OrderedMilestone, b: OrderedMilestone): number {
  const dueA = a.dueDate || undefined;
  const dueB = b.dueDate || undefined;
  if (dueA !== dueB) {
    if (dueA === undefined) return 1;
    if (dueB === undefined) return -1;
    return dueA < dueB ? -1 : 1;
  }
  const byTitle = TITLE_ORDER.compare(a.title?.trim() ?? '', b.title?.trim() ?? '');
  if (byTitle !== 0) return byTitle;
  const idA = a.id ?? '';
  const idB = b.id ?? '';
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}
