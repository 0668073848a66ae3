import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { repo } from '../../db';
import { liveGoalRows } from '../../db/lists';
import type { GoalStatus } from '../../model/goal';
import { GOAL_STATUS_LABELS, GOAL_STATUS_ORDER } from '../../model/labels';
import { TextField } from '../components/fields';
import { formatDate, today } from '../components/labels';
import { ShowMore, usePaging } from '../components/ShowMore';
import { announceError, announceOnArrival } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { GoalProgressFacts } from './GoalProgressFacts';
import './goals.css';

type Filter = GoalStatus | 'all';

/** Dates (YYYY-MM-DD) compare as text. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The pair's goals, filtered by status, and a quick way to start a new one. It reads the goals'
 * list rows, each with its latest progress % and milestones done / total (no note or evidence
 * text), and shows them a page at a time; the filter's counts cover every goal.
 */
export function GoalsScreen() {
  const { journalId } = useJournal();
  const location = useLocation();
  const initial = location.query?.status;
  const [filter, setFilter] = useState<Filter>(
    initial && (GOAL_STATUS_ORDER as string[]).includes(initial) ? (initial as GoalStatus) : 'all',
  );
  const now = today();
  const goals = useLive(() => liveGoalRows(journalId, now), [journalId, now]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: 0, active: 0, achieved: 0, paused: 0, dropped: 0 };
    for (const g of goals ?? []) {
      c.all += 1;
      c[g.status ?? 'active'] += 1;
    }
    return c;
  }, [goals]);

  const shown = useMemo(
    () =>
      (goals ?? [])
        .filter((g) => filter === 'all' || (g.status ?? 'active') === filter)
        .sort(
          (a, b) =>
            compareText(a.targetDate ?? '9999', b.targetDate ?? '9999') ||
            (a.title ?? '').localeCompare(b.title ?? ''),
        ),
    [goals, filter],
  );

  // A long list shows a page at a time; another filter starts again from the first page.
  const paging = usePaging<HTMLUListElement>(filter);

  const create = async (event: Event) => {
    event.preventDefault();
    const text = title.trim();
    if (!text) {
      setError('Give the goal a title, for example “Lead a small project”.');
      return;
    }
    setError(undefined);
    try {
      const goal = await repo('goal').create(journalId, { title: text, status: 'active' });
      setTitle('');
      announceOnArrival('Goal added', `/goals/${goal.id}`);
      location.route(`/goals/${goal.id}`);
    } catch (err) {
      announceError(err);
    }
  };

  return (
    <>
      <h1>Goals</h1>
      <form class="quick-add" onSubmit={create} noValidate>
        <TextField label="New goal" value={title} onInput={setTitle} error={error} autoComplete="off" />
        <button type="submit" class="primary">
          Add goal
        </button>
      </form>

      <fieldset class="filter">
        <legend>Show</legend>
        {(['all', ...GOAL_STATUS_ORDER] as Filter[]).map((f) => (
          <label key={f} class="filter-option">
            <input type="radio" name="goal-filter" checked={filter === f} onChange={() => setFilter(f)} />
            <span>
              {f === 'all' ? 'All' : GOAL_STATUS_LABELS[f]} ({counts[f]})
            </span>
          </label>
        ))}
      </fieldset>

      {goals === undefined ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p class="empty">
          {goals.length === 0
            ? 'No goals yet. Add the first one above: something you want to be able to do by the end of the programme.'
            : 'No goals with this status.'}
        </p>
      ) : (
        <>
          <ul class="cards goal-list" aria-label="Goals" ref={paging.listRef}>
            {shown.slice(0, paging.limit).map((g) => (
              <li key={g.id} class="card">
                <h2>
                  <a href={`/goals/${g.id}`}>{g.title?.trim() || 'Untitled goal'}</a>
                </h2>
                <p class="meta">
                  <span class="badge">{GOAL_STATUS_LABELS[g.status ?? 'active']}</span>{' '}
                  {g.targetDate ? `Target ${formatDate(g.targetDate)}` : 'No target date'}
                </p>
                <GoalProgressFacts progress={g} label={g.title?.trim() || 'Untitled goal'} />
              </li>
            ))}
          </ul>
          <ShowMore
            shown={Math.min(paging.limit, shown.length)}
            total={shown.length}
            noun={['goal', 'goals']}
            onMore={paging.showMore}
          />
        </>
      )}
    </>
  );
}
