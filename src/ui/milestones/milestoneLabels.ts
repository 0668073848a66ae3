import type { MilestoneStatus } from '../../model/milestone';

/**
 * The change a new status makes: marking a milestone done dates it today (unless it already has a
 * done date); moving it out of done clears that date.
 */
export function statusChange(
  status: MilestoneStatus,
  current: { doneDate?: string },
  today: string,
): { status: MilestoneStatus; doneDate: string | undefined } {
  if (status === 'done') return { status, doneDate: current.doneDate ?? today };
  return { status, doneDate: undefined };
}
