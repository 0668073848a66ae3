import { liveHomeGoalProgress } from '../../db/homeProgress';
import { today } from '../components/labels';
import { GoalProgressFacts } from '../goals/GoalProgressFacts';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';

/**
 * The active goals' progress on Home: each goal's latest progress %, its milestones done / total
 * and whether it is past its target date, earliest target first. Read once Dexie has loaded
 * (db/homeProgress.ts), so it never holds up Home's first paint.
 */
export function HomeGoalProgressList() {
  const { journalId } = useJournal();
  const now = today();
  const progress = useLive(() => liveHomeGoalProgress(journalId, now), [journalId, now]);
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
