import type { GoalProgress } from '../../db/goalProgress';
import { formatDate } from '../components/labels';
import './goalProgress.css';

/** "2 of 5 milestones done", or "No milestones yet". */
export function milestonesDoneText({ milestonesDone, milestonesTotal }: GoalProgress): string {
  return milestonesTotal === 0
    ? 'No milestones yet'
    : `${milestonesDone} of ${milestonesTotal} milestone${milestonesTotal === 1 ? '' : 's'} done`;
}

/** "Latest progress 60% (1 Jul 2025)", or "No progress logged". */
export function latestProgressText({ latestPercent, latestProgressOn }: GoalProgress): string {
  return latestPercent === undefined
    ? 'No progress logged'
    : `Latest progress ${latestPercent}%${latestProgressOn ? ` (${formatDate(latestProgressOn)})` : ''}`;
}

/**
 * How far a goal has come, as the goals list, the goal's page and Home show it: the latest progress %
 * (a bar and the number in words), its milestones done / total, and — in words, not colour alone —
 * whether it is past its target date.
 */
export function GoalProgressFacts({ progress, label }: { progress: GoalProgress; label: string }) {
  const percent = progress.latestPercent;
  return (
    <p class="goal-progress meta">
      {percent !== undefined && (
        <progress
          class="goal-progress-bar"
          max={100}
          value={percent}
          aria-label={`Latest progress of ${label}: ${percent}%`}
        />
      )}
      <span>{latestProgressText(progress)}</span>
      <span aria-hidden="true"> · </span>
      <span>{milestonesDoneText(progress)}</span>
      {progress.pastTarget && (
        <>
          {' '}
          <span class="badge warn">Past its target date</span>
        </>
      )}
    </p>
  );
}
