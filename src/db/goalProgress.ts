/**
 * A goal's progress as the goals list, the goal's page and Home show it, from the model's rules
 * (progressRules.ts): one function, so the three never disagree. Free of Dexie: part of the first
 * load's Home chunk.
 */
import type { Goal, ProgressEntry } from '../model/goal';
import type { Milestone } from '../model/milestone';
import { isGoalPastTarget, latestProgress, milestoneCounts } from '../model/progressRules';

/** How far a goal has come on a day: what the goals list, the goal's page and Home show. */
export interface GoalProgress {
  /** The latest progress entry's percent (`latestProgress`), and its date. */
  latestPercent?: number;
  latestProgressOn?: string;
  /** Its milestones done, of all but the dropped ones (`milestoneCounts`). */
  milestonesDone: number;
  milestonesTotal: number;
  /** Past its target date and neither achieved nor dropped (`isGoalPastTarget`). */
  pastTarget: boolean;
}

/** A goal's progress from its own progress entries and milestones, by the model's rules. */
export function goalProgressOf(
  goal: Pick<Goal, 'status' | 'targetDate'>,
  entries: readonly Pick<ProgressEntry, 'date' | 'createdAt' | 'percent'>[],
  milestones: readonly Pick<Milestone, 'status' | 'dueDate' | 'doneDate'>[],
  today: string,
): GoalProgress {
  const latest = latestProgress(entries);
  const counts = milestoneCounts(milestones, today);
  return {
    latestPercent: latest?.percent,
    latestProgressOn: latest?.date,
    milestonesDone: counts.done,
    milestonesTotal: counts.total,
    pastTarget: isGoalPastTarget(goal, today),
  };
}

/** Records grouped by their goal. */
export function byGoal<T extends { goalId?: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of records) if (r.goalId) groups.set(r.goalId, [...(groups.get(r.goalId) ?? []), r]);
  return groups;
}
