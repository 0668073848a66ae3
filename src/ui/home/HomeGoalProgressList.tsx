import type { HomeGoalProgress } from '../../db/homeProgress';
import { GoalProgressFacts } from '../goals/GoalProgressFacts';

/**
 * The active goals' progress on Home: each goal's latest progress %, its milestones done / total
 * and whether it is past its target date, earliest target first. Part of Home's facts
 * (db/homeProgress.ts), so it shows on Home's first paint.
 */
export function HomeGoalProgressList({ progress }: { progress: HomeGoalProgress | undefined }) {
  if (!progress || progress.goals.length === 0) return null;
  return (
    <>
      <h3>Active goals</h3>
      <ul class="plain-list home-goal-progress" aria-label="Progress of the active goals">
        {progress.goals.map((g) => {
          const title = g.title?.trim() || 'Untitled goal';
          return (
            <li key={g.id}>
              <a href={`/goals/${g.id}`}>{title}</a>
              <GoalProgressFacts progress={g} label={title} />
            </li>
          );
        })}
      </ul>
      {progress.more > 0 && <p class="meta">and {progress.more} more.</p>}
    </>
  );
}
