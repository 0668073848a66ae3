import type { ComponentChildren } from 'preact';
import { memo } from 'preact/compat';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { repo } from '../../db';
import type { Visibility } from '../../model/constants';
import { MILESTONE_STATUS_LABELS } from '../../model/labels';
import { compareMeetings } from '../../model/meetingRules';
import type { Milestone, MilestoneStatus } from '../../model/milestone';
import {
  compareMilestones,
  milestoneReschedulePatch,
  milestoneStatusPatch,
} from '../../model/milestoneRules';
import { isMilestoneOverdue, isOpenMilestone } from '../../model/schedule';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { DateField, SelectField, TextArea, TextField } from '../components/fields';
import { formatDate, optionsOf, today } from '../components/labels';
import { announce, announceError } from '../components/status';
import { focusScreenHeading } from '../components/useConfirmFocus';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import '../goals/goals.css';
import './milestones.css';
import { VisibilityField } from '../components/VisibilityField';

type Filter = 'open' | 'overdue' | 'closed' | 'all';
const FILTER_LABELS: Record<Filter, string> = {
  open: 'Open',
  overdue: 'Overdue',
  closed: 'Done, missed or dropped',
  all: 'All',
};

/** How many milestones the timeline shows at first, and adds with each "Show more". */
export const PAGE_SIZE = 100;

const STATUS_OPTIONS = optionsOf(MILESTONE_STATUS_LABELS);

/** Where a milestone's goal stands: linked, never linked, or removed since. */
type GoalLink = { kind: 'none' } | { kind: 'linked'; id: string; title: string } | { kind: 'removed' };

/** The milestone timeline: ordered by due date, overdue ones marked, status changed in one tap. */
export function MilestonesScreen() {
  const { journalId } = useJournal();
  const milestones = useLive(() => repo('milestone').live(journalId), [journalId]);
  const goals = useLive(() => repo('goal').live(journalId), [journalId]);
  const meetings = useLive(() => repo('meeting').live(journalId), [journalId]);
  const [filter, setFilter] = useState<Filter>('open');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  // Milestones changed here stay in view even when their new status falls outside the filter.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const now = today();

  const goalTitles = useMemo(
    () => new Map((goals ?? []).map((g) => [g.id, g.title?.trim() || 'Untitled goal'])),
    [goals],
  );

  const counts = useMemo(() => {
    const c: Record<Filter, number> = { open: 0, overdue: 0, closed: 0, all: 0 };
    for (const m of milestones ?? []) {
      c.all += 1;
      if (isOpenMilestone(m)) c.open += 1;
      else c.closed += 1;
      if (isMilestoneOverdue(m, now)) c.overdue += 1;
    }
    return c;
  }, [milestones, now]);

  const shown = useMemo(() => {
    const keep = (m: Milestone) => {
      if (touched.has(m.id)) return true;
      if (filter === 'open') return isOpenMilestone(m);
      if (filter === 'overdue') return isMilestoneOverdue(m, now);
      if (filter === 'closed') return !isOpenMilestone(m);
      return true;
    };
    return (milestones ?? []).filter(keep).sort(compareMilestones);
  }, [milestones, filter, touched, now]);

  const changeFilter = (f: Filter) => {
    setFilter(f);
    setLimit(PAGE_SIZE);
    setTouched(new Set());
  };

  const changeStatus = useCallback(async (m: Milestone, status: MilestoneStatus) => {
    setTouched((t) => new Set(t).add(m.id));
    try {
      await repo('milestone').update(m.id, milestoneStatusPatch(status, m, today()));
      announce(`${m.title?.trim() || 'Milestone'}: ${MILESTONE_STATUS_LABELS[status]}`);
    } catch (error) {
      announceError(error);
    }
  }, []);

  const toggleEdit = useCallback((id: string) => {
    // A milestone being edited stays in view even if its new status leaves the filter.
    setTouched((t) => (t.has(id) ? t : new Set(t).add(id)));
    setEditing((e) => (e === id ? undefined : id));
  }, []);

  const linkOf = (m: Milestone): GoalLink => {
    if (!m.goalId) return { kind: 'none' };
    const title = goalTitles.get(m.goalId);
    return title === undefined ? { kind: 'removed' } : { kind: 'linked', id: m.goalId, title };
  };

  const meetingLabels = useMemo(
    () =>
      new Map(
        (meetings ?? []).map(
          (mt) => [mt.id, `Meeting of ${mt.date ? formatDate(mt.date) : 'undated'}`] as const,
        ),
      ),
    [meetings],
  );

  return (
    <>
      <h1>Milestones</h1>
      {milestones !== undefined && (
        // With milestones to review, the timeline comes first and adding one is a tap away.
        <NewMilestone journalId={journalId} goals={goals ?? []} startOpen={milestones.length === 0} />
      )}

      <fieldset class="filter">
        <legend>Show</legend>
        {(Object.keys(FILTER_LABELS) as Filter[]).map((f) => (
          <label key={f} class="filter-option">
            <input
              type="radio"
              name="milestone-filter"
              checked={filter === f}
              onChange={() => changeFilter(f)}
            />
            <span>
              {FILTER_LABELS[f]} ({counts[f]})
            </span>
          </label>
        ))}
      </fieldset>

      {milestones === undefined ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p class="empty">
          {milestones.length === 0
            ? 'No milestones yet. Add one above, or from a goal.'
            : 'No milestones match this view.'}
        </p>
      ) : (
        <>
          <ol class="cards timeline" aria-label="Milestone timeline, by due date">
            {shown.slice(0, limit).map((m) => (
              <MilestoneItem
                key={m.id}
                milestone={m}
                overdue={isMilestoneOverdue(m, now)}
                goal={linkOf(m)}
                meetingLabel={m.agreedAtMeetingId ? meetingLabels.get(m.agreedAtMeetingId) : undefined}
                editing={editing === m.id}
                onStatus={changeStatus}
                onToggleEdit={toggleEdit}
                editor={
                  editing === m.id ? (
                    <MilestoneEditor
                      id={m.id}
                      goals={goals ?? []}
                      meetings={meetings ?? []}
                      onClose={(deleted) => {
                        setEditing(undefined);
                        // Back to the milestone's Edit button; if it was deleted, to the screen's heading.
                        if (deleted) focusScreenHeading();
                        else requestAnimationFrame(() => document.getElementById(`edit-${m.id}`)?.focus());
                      }}
                    />
                  ) : undefined
                }
              />
            ))}
          </ol>
          {shown.length > limit && (
            <div class="actions">
              <button type="button" onClick={() => setLimit((l) => l + PAGE_SIZE)}>
                Show {Math.min(PAGE_SIZE, shown.length - limit)} more ({shown.length - limit} not shown)
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

interface ItemProps {
  milestone: Milestone;
  overdue: boolean;
  goal: GoalLink;
  meetingLabel: string | undefined;
  editing: boolean;
  onStatus: (m: Milestone, status: MilestoneStatus) => void;
  onToggleEdit: (id: string) => void;
  /** The editor, shown inside the item while it is being edited. */
  editor?: ComponentChildren;
}

function sameGoal(a: GoalLink, b: GoalLink) {
  return (
    a.kind === b.kind &&
    (a.kind !== 'linked' || (b.kind === 'linked' && a.id === b.id && a.title === b.title))
  );
}

/** One milestone on the timeline; re-renders only when it (or its goal) changes. */
const MilestoneItem = memo(
  function MilestoneItem({
    milestone: m,
    overdue,
    goal,
    meetingLabel,
    editing,
    onStatus,
    onToggleEdit,
    editor,
  }: ItemProps) {
    const title = m.title?.trim() || 'Untitled milestone';
    const selectId = `status-${m.id}`;
    return (
      <li class={`card milestone${overdue ? ' is-overdue' : ''}`}>
        <div class="milestone-head">
          <h2>{title}</h2>
          {overdue && <span class="badge warn">Overdue</span>}
          {m.status === 'done' && <span class="badge">Done</span>}
        </div>
        <p class="meta">
          {m.dueDate ? `Due ${formatDate(m.dueDate)}` : 'No due date'}
          {m.doneDate && ` · done ${formatDate(m.doneDate)}`}
          {' · '}
          {goal.kind === 'linked' ? (
            <a href={`/goals/${goal.id}`}>Goal: {goal.title}</a>
          ) : goal.kind === 'removed' ? (
            <span class="badge">Goal removed</span>
          ) : (
            'No goal'
          )}
          {meetingLabel && ` · agreed at the ${meetingLabel.charAt(0).toLowerCase()}${meetingLabel.slice(1)}`}
        </p>
        <div class="milestone-controls">
          <div class="status-control">
            <label for={selectId}>Status</label>
            <select
              id={selectId}
              aria-label={`Status of ${title}`}
              value={m.status ?? 'planned'}
              onChange={(e) => onStatus(m, e.currentTarget.value as MilestoneStatus)}
            >
              {STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            id={`edit-${m.id}`}
            aria-expanded={editing}
            aria-label={`Edit ${title}`}
            onClick={() => onToggleEdit(m.id)}
          >
            {editing ? 'Close' : 'Edit'}
          </button>
        </div>
        {editor}
      </li>
    );
  },
  (a, b) =>
    !b.editing &&
    a.overdue === b.overdue &&
    a.editing === b.editing &&
    a.meetingLabel === b.meetingLabel &&
    a.onStatus === b.onStatus &&
    a.onToggleEdit === b.onToggleEdit &&
    sameGoal(a.goal, b.goal) &&
    (a.milestone === b.milestone ||
      JSON.stringify(a.milestone.stamps) === JSON.stringify(b.milestone.stamps)),
);

/** Adds a milestone: a title, an optional goal and a due date. */
function NewMilestone({
  journalId,
  goals,
  startOpen,
}: {
  journalId: string;
  goals: { id: string; title?: string }[];
  /** Whether the form starts unfolded (read once: adding the first milestone does not fold it). */
  startOpen: boolean;
}) {
  const [open] = useState(startOpen);
  const [title, setTitle] = useState('');
  const [goalId, setGoalId] = useState('');
  const [dueDate, setDueDate] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const add = async (event: Event) => {
    event.preventDefault();
    if (!title.trim()) {
      setError('Give the milestone a title, for example “Draft the proposal”.');
      return;
    }
    setError(undefined);
    try {
      await repo('milestone').create(journalId, {
        title: title.trim(),
        goalId: goalId || undefined,
        dueDate,
        status: 'planned',
      });
      setTitle('');
      setDueDate(undefined);
      announce('Milestone added');
    } catch (err) {
      announceError(err);
    }
  };

  return (
    <details class="form-section add-milestone" open={open}>
      <summary>
        <h2 id="new-milestone-heading">Add a milestone</h2>
      </summary>
      <form onSubmit={add} noValidate aria-labelledby="new-milestone-heading">
        <div class="inline-fields">
          <TextField
            label="Milestone title"
            value={title}
            onInput={setTitle}
            error={error}
            autoComplete="off"
          />
          <SelectField
            label="Goal (optional)"
            value={goalId}
            placeholder="No goal"
            options={goals.map((g) => ({ value: g.id, label: g.title?.trim() || 'Untitled goal' }))}
            onChange={setGoalId}
          />
          <DateField label="Due date" value={dueDate} onInput={setDueDate} />
        </div>
        <button type="submit" class="primary">
          Add milestone
        </button>
      </form>
    </details>
  );
}

/** Edits every field of one milestone; saves as you type. */
export function MilestoneEditor({
  id,
  goals,
  meetings,
  onClose,
}: {
  id: string;
  goals: { id: string; title?: string }[];
  meetings: { id: string; date?: string }[];
  /** Called when editing ends; `deleted` when the milestone was deleted. */
  onClose: (deleted?: boolean) => void;
}) {
  const { record: m, set, flush } = useAutosave('milestone', id);
  const [confirming, setConfirming] = useState(false);
  if (!m || m.deleted) return null;

  const goalOptions = goals.map((g) => ({ value: g.id, label: g.title?.trim() || 'Untitled goal' }));
  if (m.goalId && !goals.some((g) => g.id === m.goalId))
    goalOptions.unshift({ value: m.goalId, label: 'Goal removed' });
  const meetingOptions = [...meetings]
    .sort((a, b) => compareMeetings(b, a))
    .map((mt) => ({
      value: mt.id,
      label: mt.date ? `Meeting of ${formatDate(mt.date)}` : 'Undated meeting',
    }));

  const remove = async () => {
    try {
      await flush();
      await repo('milestone').remove(id);
      announce('Milestone deleted');
      onClose(true);
    } catch (error) {
      announceError(error);
    }
  };

  const titleError = (m.title?.length ?? 0) > 500 ? 'Keep the title under 500 characters.' : undefined;
  const doneError =
    m.doneDate && m.status !== 'done' ? 'A done date is kept only for a milestone marked done.' : undefined;

  return (
    <section class="milestone-editor" aria-labelledby={`editor-${id}`}>
      <h3 id={`editor-${id}`}>Edit milestone</h3>
      <p class="meta">Changes are saved as you type.</p>
      <TextField label="Title" value={m.title} onInput={(v) => set('title', v)} error={titleError} />
      <div class="inline-fields">
        <SelectField
          label="Goal"
          value={m.goalId ?? ''}
          placeholder="No goal"
          options={goalOptions}
          onChange={(v) => set('goalId', v || undefined)}
        />
        <DateField
          label="Due date"
          value={m.dueDate}
          onInput={(v) => {
            const change = milestoneReschedulePatch(m, v);
            set('dueDate', change.dueDate);
            if (change.status) {
              set('status', change.status);
              set('doneDate', change.doneDate);
            }
          }}
        />
        <SelectField
          label="Status"
          value={m.status ?? 'planned'}
          options={STATUS_OPTIONS}
          onChange={(v) => {
            const change = milestoneStatusPatch(v as MilestoneStatus, m, today());
            set('status', change.status);
            set('doneDate', change.doneDate);
          }}
        />
        <DateField label="Done on" value={m.doneDate} onInput={(v) => set('doneDate', v)} error={doneError} />
        <SelectField
          label="Agreed at"
          value={m.agreedAtMeetingId ?? ''}
          placeholder="Not recorded"
          options={meetingOptions}
          onChange={(v) => set('agreedAtMeetingId', v || undefined)}
        />
        <VisibilityField
          kind="milestone"
          author={m?.author}
          label="Who can see it"
          value={m.visibility}
          onChange={(v) => set('visibility', v as Visibility)}
        />
      </div>
      <TextArea
        label="Evidence and notes"
        value={m.evidence}
        onInput={(v) => set('evidence', v)}
        hint="What shows it was reached: a link, a document, what someone said."
        rows={3}
      />
      {confirming ? (
        <ConfirmDelete
          question="Delete this milestone?"
          confirmLabel="Yes, delete the milestone"
          onConfirm={remove}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <div class="row-actions">
          <button
            type="button"
            class="primary"
            onClick={async () => {
              await flush();
              onClose();
            }}
          >
            Done editing
          </button>
          <button type="button" class="danger" data-delete-opener onClick={() => setConfirming(true)}>
            Delete milestone…
          </button>
        </div>
      )}
    </section>
  );
}
