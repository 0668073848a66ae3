import type { GoalStatus } from './goal';

/** Words shown for each goal status. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  paused: 'Paused',
  dropped: 'Dropped',
};

/** The goal statuses in the order they are shown. */
export const GOAL_STATUS_ORDER = Object.keys(GOAL_STATUS_LABELS) as GoalStatus[];
