import type { MilestoneStatus } from '../../model/milestone';

/** Words shown for each milestone status. */
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  missed: 'Missed',
  dropped: 'Dropped',
};
