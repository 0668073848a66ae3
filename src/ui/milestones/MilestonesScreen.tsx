import type { ComponentChildren } from 'preact';
import { memo } from 'preact/compat';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { repo } from '../../db';
import {
  type GoalTitle,
  liveGoalTitles,
  liveMeetingDates,
  liveMilestoneRows,
  type MeetingDate,
  type MilestoneRow,
} from '../../db/lists';
import type { Visibility } from '../../model/constants';
import { MILESTONE_STATUS_LABELS } from '../../model/labels';
import { compareMeetings } from '../../model/meetingRules';
import type { MilestoneStatus } from '../../model/milestone';
import { milestoneReschedulePatch, milestoneStatusPatch } from '../../model/milestoneRules';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { DateField, SelectField, TextArea, TextField } from '../components/fields';
import { AUTOSAVE_NOTE, formatDate, optionsOf, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { ShowMore, usePaging } from '../components/ShowMore';
import { announce, announceError, announceOnArrival } from '../components/status';
import { focusScreenHeading } from '../components/useConfirmFocus';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import '../goals/goals.css';
import './milestones.css';
import { VisibilityField } from '../components/VisibilityField';
import { MilestoneTimeline } from './MilestoneTimeline';

type Filter = 'open' | 'overdue' | 'closed' | 'all';
const FILTER_LABELS: Record<Filter, string> = {
  open: 'Open',
  overdue: 'Overdue',
  closed: 'Done, missed or dropped',
  all: 'All',
};

const STATUS_OPTIONS = optionsOf(MILESTONE_STATUS_LABELS);

/** Where a milestone's goal stands: linked, never linked, or removed since. */
type GoalLink = { kind: 'none' } | { kind: 'linked'; id: string; title: string } | { kind: 'removed' };

/**
 * The milestone timeline: ordered by due date, overdue ones marked, status changed in one tap. It
 * reads the milestones' list rows (no evidence), the goals' titles and the meetings' dates (from
 * their index), and shows a page at a time; the filters and their counts cover every milestone.
 */
export function MilestonesScreen() {
  const { journalId, journal } = useJournal();
  const now = today();
  const milestones = useLive(() => liveMilestoneRows(journalId, now), [journalId, now]);
  const goals = useLive(() => liveGoalTitles(journalId), [journalId]);
  const meetings = useLive(() => liveMeetingDates(journalId), [journalId]);
  const [filter, setFilter] = useState<Filter>('open');
  const [editing, setEditing] = useState<string | undefined>(undefined);
  // Milestones changed here stay in view even when their new status falls outside the filter.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());

  const goalTitles = useMemo(
    () => new Map((goals ?? []).map((g) => [g.id, g.title?.trim() || 'Untitled goal'])),
    [goals],
  );

  const counts = useMemo(() => {
    const c: Record<Filter, number> = { open: 0, overdue: 0, closed: 0, all: 0 };
    for (const m of milestones ?? []) {
      c.all += 1;
      if (m.open) c.open += 1;
      else c.closed += 1;
      if (m.overdue) c.overdue += 1;
    }
    return c;
  }, [milestones]);

  const shown = useMemo(() => {
    const keep = (m: MilestoneRow) => {
      if (touched.has(m.id)) return true;
      if (filter === 'open') return m.open;
      if (filter === 'overdue') return m.overdue;
      if (filter === 'closed') return !m.open;
      return true;
    };
    // The rows come in timeline order (compareMilestones), which a filter keeps.
    return (milestones ?? []).filter(keep);
  }, [milestones, filter, touched]);

  // A new filter starts again from the first page.
  const paging = usePaging<HTMLOListElement>(filter);

  const listDrawn = milestones !== undefined && goals !== undefined && meetings !== undefined;
  // A mark on the timeline opens its milestone in the list, whatever the filter: kept in view, focused.
  const [opening, setOpening] = useState<string | undefined>(undefined);
  const openFromTimeline = useCallback((id: string) => {
    setTouched((t) => (t.has(id) ? t : new Set(t).add(id)));
    setOpening(id);
  }, []);
  useEffect(() => {
    if (!opening) return;
    const index = shown.findIndex((m) => m.id === opening);
    if (index < 0) return;
    if (index >= paging.limit) {
      paging.reveal(index);
      return;
    }
    const item = document.getElementById(`milestone-${opening}`);
    if (!item) return;
    setOpening(undefined);
    item.setAttribute('tabindex', '-1');
    item.focus();
    // The timeline is drawn before the list, which also waits for the goals and meetings: a mark
    // followed in between opens its milestone once the list is drawn.
  }, [opening, shown, paging.limit, listDrawn]);

  const changeFilter = (f: Filter) => {
    setFilter(f);
    setTouched(new Set());
  };

  const changeStatus = useCallback(async (m: MilestoneRow, status: MilestoneStatus) => {
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

  const linkOf = (m: MilestoneRow): GoalLink => {
    if (!m.goalId) return { kind: 'none' };
    const title = goalTitles.get(m.goalId);
    return title === undefined ? { kind: 'removed' } : { kind: 'linked', id: m.goalId, title };
  };

  const meetingDays = useMemo(() => new Map((meetings ?? []).map((mt) => [mt.id, mt.date])), [meetings]);
  /** "agreed at the meeting of 4 Mar 2026", formatted only for the milestones shown. */
  const agreedAt = (meetingId: string | undefined) => {
    if (!meetingId || !meetingDays.has(meetingId)) return undefined;
    const date = meetingDays.get(meetingId);
    return date ? `agreed at the meeting of ${formatDate(date)}` : 'agreed at an undated meeting';
  };

  return (
    <>
      <h1>Milestones</h1>
      <MilestoneTimeline
        journalId={journalId}
        milestones={milestones}
        startDate={journal.startDate}
        lengthMonths={journal.lengthMonths}
        today={now}
        onOpen={openFromTimeline}
      />
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

      {milestones === undefined || goals === undefined || meetings === undefined ? (
        <p>Loading…</p>
      ) : shown.length === 0 ? (
        <p class="empty">
          {milestones.length === 0
            ? 'No milestones yet. Add one above, or from a goal.'
            : 'No milestones match this view.'}
        </p>
      ) : (
        <>
          <ol class="cards timeline" aria-label="Milestone timeline, by due date" ref={paging.listRef}>
            {shown.slice(0, paging.limit).map((m) => (
              <MilestoneItem
                key={m.id}
                milestone={m}
                overdue={m.overdue}
                goal={linkOf(m)}
                meetingLabel={agreedAt(m.agreedAtMeetingId)}
                editing={editing === m.id}
                onStatus={changeStatus}
                onToggleEdit={toggleEdit}
                editor={
                  editing === m.id ? (
                    <MilestoneEditor
                      id={m.id}
                      goals={goals}
                      meetings={meetings}
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
          <ShowMore
            shown={Math.min(paging.limit, shown.length)}
            total={shown.length}
            noun={['milestone', 'milestones']}
            onMore={paging.showMore}
          />
        </>
      )}
    </>
  );
}

interface ItemProps {
  milestone: MilestoneRow;
  overdue: boolean;
  goal: GoalLink;
  meetingLabel: string | undefined;
  editing: boolean;
  onStatus: (m: MilestoneRow, status: MilestoneStatus) => void;
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
      <li id={`milestone-${m.id}`} class={`card milestone${overdue ? ' is-overdue' : ''}`}>
        <div class="milestone-head">
          <h2>{title}</h2>
          {overdue && <span class="badge warn state-overdue">Overdue</span>}
          {m.status === 'done' && <span class="badge state-done">Done</span>}
          {m.status === 'missed' && <span class="badge state-missed">Missed</span>}
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
          {meetingLabel && ` · ${meetingLabel}`}
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
    sameRow(a.milestone, b.milestone),
);

/** Whether two rows of one milestone show the same (a live query gives new rows on every change). */
function sameRow(a: MilestoneRow, b: MilestoneRow): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.title === b.title &&
      a.goalId === b.goalId &&
      a.dueDate === b.dueDate &&
      a.status === b.status &&
      a.doneDate === b.doneDate &&
      a.agreedAtMeetingId === b.agreedAtMeetingId &&
      a.open === b.open &&
      a.overdue === b.overdue)
  );
}

/** Adds a milestone: a title, an optional goal and a due date. */
function NewMilestone({
  journalId,
  goals,
  startOpen,
}: {
  journalId: string;
  goals: readonly GoalTitle[];
  /** Whether the form starts unfolded (read once: adding the first milestone does not fold it). */
  startOpen: boolean;
}) {
  const [open] = useState(startOpen);
  const [title, setTitle] = useState('');
  const [goalId, setGoalId] = useState('');
  const [dueDate, setDueDate] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [said, say, sayError] = useSaid();

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
      say('Milestone added');
    } catch (err) {
      sayError(err);
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
        <div class="row-actions">
          <button type="submit" class="primary">
            Add milestone
          </button>
          <SaidHere said={said} />
        </div>
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
  goals: readonly GoalTitle[];
  meetings: readonly MeetingDate[];
  /** Called when editing ends; `deleted` when the milestone was deleted. */
  onClose: (deleted?: boolean) => void;
}) {
  const { record: m, set, flush } = useAutosave('milestone', id);
  const [confirming, setConfirming] = useState(false);
  // Latest first; made once per change of the meetings, not on every key typed in the editor.
  const meetingOptions = useMemo(
    () =>
      [...meetings]
        .sort((a, b) => compareMeetings(b, a))
        .map((mt) => ({
          value: mt.id,
          label: mt.date ? `Meeting of ${formatDate(mt.date)}` : 'Undated meeting',
        })),
    [meetings],
  );
  if (!m || m.deleted) return null;

  const goalOptions = goals.map((g) => ({ value: g.id, label: g.title?.trim() || 'Untitled goal' }));
  if (m.goalId && !goals.some((g) => g.id === m.goalId))
    goalOptions.unshift({ value: m.goalId, label: 'Goal removed' });

  const remove = async () => {
    try {
      await flush();
      await repo('milestone').remove(id);
      announceOnArrival('Milestone deleted');
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
      <p class="meta">{AUTOSAVE_NOTE}</p>
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
