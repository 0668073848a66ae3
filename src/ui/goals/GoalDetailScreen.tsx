import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { repo } from '../../db';
import {
  liveGoalMilestoneRows,
  liveGoalProgress,
  liveLinkedStories,
  type MilestoneRow,
} from '../../db/lists';
import { MAX_SHORT_TEXT } from '../../model/common';
import type { Visibility } from '../../model/constants';
import type { GoalStatus } from '../../model/goal';
import { GOAL_STATUS_LABELS, MILESTONE_STATUS_LABELS } from '../../model/labels';
import type { MilestoneStatus } from '../../model/milestone';
import { milestoneStatusPatch } from '../../model/milestoneRules';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { DateField, SelectField, TextArea, TextField } from '../components/fields';
import { AUTOSAVE_NOTE, formatDate, optionsOf, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { ShowMore, usePaging } from '../components/ShowMore';
import { announce, announceError, announceOnArrival } from '../components/status';
import { useConfirmFocus } from '../components/useConfirmFocus';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import './goals.css';
import { VisibilityField } from '../components/VisibilityField';
import { WaitingChoiceNotice } from '../share/WaitingChoiceNotice';
import { GoalProgressFacts } from './GoalProgressFacts';

const MILESTONE_STATUS_OPTIONS = optionsOf(MILESTONE_STATUS_LABELS);

/** The message for a percent that is not a whole number from 0 to 100, or undefined when it is fine. */
export function percentError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 100)
    return 'Enter a percent from 0 to 100, or leave it empty.';
  return undefined;
}

function titleError(title: string | undefined): string | undefined {
  return (title?.length ?? 0) > MAX_SHORT_TEXT
    ? `Keep the title under ${MAX_SHORT_TEXT} characters.`
    : undefined;
}

/** One goal: what it is, its gap analysis, its progress log, milestones and linked stories. Saves as you type. */
export function GoalDetailScreen({ id = '' }: { id?: string }) {
  const { journalId } = useJournal();
  const { route } = useLocation();
  const { record: goal, set, missing, flush } = useAutosave('goal', id);
  const [confirming, setConfirming] = useState(false);

  if (!goal && !missing) return <p>Loading…</p>;
  if (!goal || goal.deleted || goal.journalId !== journalId) {
    return (
      <>
        <h1>Goal not found</h1>
        <p>This goal was deleted or is not in this journal.</p>
        <p>
          <a href="/goals">Back to goals</a>
        </p>
      </>
    );
  }

  const remove = async () => {
    try {
      await flush();
      await repo('goal').remove(goal.id);
      announceOnArrival('Goal deleted. Its milestones are kept.', '/goals');
      route('/goals');
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <>
      <p>
        <a href="/goals">← All goals</a>
      </p>
      <h1>{goal.title?.trim() || 'Untitled goal'}</h1>
      <GoalProgressNow goalId={goal.id} label={goal.title?.trim() || 'Untitled goal'} />
      {id && <WaitingChoiceNotice recordId={id} />}
      <p class="meta">{AUTOSAVE_NOTE}</p>

      <section class="form-section" aria-labelledby="goal-about">
        <h2 id="goal-about">About this goal</h2>
        <TextField
          label="Title"
          value={goal.title}
          onInput={(v) => set('title', v)}
          error={titleError(goal.title)}
        />
        <TextArea
          label="Description"
          value={goal.description}
          onInput={(v) => set('description', v)}
          hint="What, in a sentence or two, do you want to achieve?"
          rows={3}
        />
        <TextArea
          label="Why it matters"
          value={goal.whyItMatters}
          onInput={(v) => set('whyItMatters', v)}
          hint="What difference will it make to your work or career?"
          rows={3}
        />
        <TextArea
          label="Success criteria"
          value={goal.successCriteria}
          onInput={(v) => set('successCriteria', v)}
          hint="How will you both know it has been reached?"
          rows={3}
        />
        <div class="inline-fields">
          <DateField label="Target date" value={goal.targetDate} onInput={(v) => set('targetDate', v)} />
          <SelectField
            label="Status"
            value={goal.status ?? 'active'}
            options={optionsOf(GOAL_STATUS_LABELS)}
            onChange={(v) => set('status', v as GoalStatus)}
          />
          <VisibilityField
            kind="goal"
            author={goal?.author}
            label="Who can see it"
            value={goal.visibility}
            onChange={(v) => set('visibility', v as Visibility)}
          />
        </div>
      </section>

      <section class="form-section" aria-labelledby="goal-gap">
        <h2 id="goal-gap">Gap analysis</h2>
        <TextArea
          label="Where I am now"
          value={goal.gapNow}
          onInput={(v) => set('gapNow', v)}
          hint="Your skills, experience and situation today, honestly."
          rows={3}
        />
        <TextArea
          label="Where I want to be"
          value={goal.gapTarget}
          onInput={(v) => set('gapTarget', v)}
          hint="What it looks like once the goal is reached."
          rows={3}
        />
        <TextArea
          label="How I’ll bridge the gap"
          value={goal.gapBridge}
          onInput={(v) => set('gapBridge', v)}
          hint="Steps, people, training or experiences that would close the distance."
          rows={3}
        />
      </section>

      <ProgressLog goalId={goal.id} />
      <GoalMilestones goalId={goal.id} />
      <LinkedStories goalId={goal.id} />

      <section aria-labelledby="goal-delete">
        <h2 id="goal-delete">Delete</h2>
        {confirming ? (
          <ConfirmDelete
            question="Delete this goal?"
            detail="Its milestones are kept, shown as “goal removed”."
            confirmLabel="Yes, delete the goal"
            onConfirm={remove}
            onKeep={() => setConfirming(false)}
          />
        ) : (
          <button type="button" class="danger" data-delete-opener onClick={() => setConfirming(true)}>
            Delete goal…
          </button>
        )}
      </section>
    </>
  );
}

/** Where the goal stands today: its latest progress %, milestones done / total, past its target date. */
function GoalProgressNow({ goalId, label }: { goalId: string; label: string }) {
  const { journalId } = useJournal();
  const now = today();
  const progress = useLive(() => liveGoalProgress(journalId, goalId, now), [journalId, goalId, now]);
  return progress ? <GoalProgressFacts progress={progress} label={label} /> : null;
}

/** The goal's dated progress log: a note and an optional percent per entry. */
function ProgressLog({ goalId }: { goalId: string }) {
  const { journalId } = useJournal();
  const entries = useLive(
    () => repo('progressEntry').live(journalId, { index: 'goalId', equals: goalId }),
    [journalId, goalId],
  );
  const [date, setDate] = useState<string | undefined>(today());
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState('');
  const [errors, setErrors] = useState<{ note?: string; percent?: string; date?: string }>({});
  const [said, say, sayError] = useSaid();

  const sorted = useMemo(
    () =>
      [...(entries ?? [])].sort(
        (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.createdAt.localeCompare(a.createdAt),
      ),
    [entries],
  );

  const add = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    const percentMessage = percentError(percent);
    if (percentMessage) found.percent = percentMessage;
    if (!note.trim() && percent.trim() === '') found.note = 'Write what happened, or give a percent.';
    if (!date) found.date = 'Choose the date of this progress.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await repo('progressEntry').create(journalId, {
        goalId,
        date,
        note: note.trim() || undefined,
        percent: percent.trim() === '' ? undefined : Number(percent),
      });
      setNote('');
      setPercent('');
      say('Progress added');
    } catch (error) {
      sayError(error);
    }
  };

  const remove = async (entryId: string) => {
    try {
      await repo('progressEntry').remove(entryId);
      say('Progress entry deleted');
    } catch (error) {
      sayError(error);
    }
  };

  return (
    <section class="form-section" aria-labelledby="goal-progress">
      <h2 id="goal-progress">Progress log</h2>
      <form onSubmit={add} noValidate>
        <div class="inline-fields">
          <DateField label="Date" value={date} onInput={setDate} error={errors.date} />
          <TextField
            label="Percent done (optional)"
            type="number"
            value={percent}
            onInput={setPercent}
            error={errors.percent}
          />
        </div>
        <TextArea
          label="Progress note"
          value={note}
          onInput={setNote}
          error={errors.note}
          hint="What moved forward since last time?"
          rows={2}
        />
        <div class="row-actions">
          <button type="submit" class="primary">
            Add progress
          </button>
          <SaidHere said={said} />
        </div>
      </form>
      {sorted.length === 0 ? (
        <p class="empty">No progress logged yet.</p>
      ) : (
        <ul class="cards progress-list" aria-label="Progress entries">
          {sorted.map((e) => (
            <ProgressEntry key={e.id} entry={e} onRemove={() => remove(e.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One dated entry of the progress log; deleting it asks first. */
function ProgressEntry({
  entry: e,
  onRemove,
}: {
  entry: { id: string; date?: string; percent?: number; note?: string };
  onRemove: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const { askRef, keepRef } = useConfirmFocus(confirming);
  const questionId = `delete-progress-${e.id}`;
  return (
    <li class="card log-entry">
      <div>
        <p class="meta">
          {formatDate(e.date)}
          {e.percent !== undefined && ` · ${e.percent}%`}
        </p>
        {e.note && <p>{e.note}</p>}
      </div>
      {confirming ? (
        <div class="row-actions">
          <span id={questionId}>Delete this entry?</span>
          <button type="button" class="danger" onClick={onRemove}>
            Yes, delete
          </button>
          <button
            type="button"
            ref={keepRef}
            aria-describedby={questionId}
            onClick={() => setConfirming(false)}
          >
            Keep it
          </button>
        </div>
      ) : (
        <button
          type="button"
          ref={askRef}
          aria-label={`Delete progress entry of ${formatDate(e.date)}`}
          onClick={() => setConfirming(true)}
        >
          Delete…
        </button>
      )}
    </li>
  );
}

/**
 * The milestones that serve this goal (their list rows, read by the goalId index), a page at a
 * time, and a quick way to add one.
 */
function GoalMilestones({ goalId }: { goalId: string }) {
  const { journalId } = useJournal();
  const now = today();
  const milestones = useLive(() => liveGoalMilestoneRows(journalId, goalId, now), [journalId, goalId, now]);
  const paging = usePaging<HTMLUListElement>(goalId);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [said, say, sayError] = useSaid();
  // The rows come in timeline order (compareMilestones).
  const sorted = milestones ?? [];

  const changeStatus = async (m: MilestoneRow, status: MilestoneStatus) => {
    try {
      await repo('milestone').update(m.id, milestoneStatusPatch(status, m, today()));
      announce(`${m.title?.trim() || 'Milestone'}: ${MILESTONE_STATUS_LABELS[status]}`);
    } catch (err) {
      announceError(err);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    if (!title.trim()) {
      setError('Give the milestone a title.');
      return;
    }
    setError(undefined);
    try {
      await repo('milestone').create(journalId, { title: title.trim(), goalId, dueDate, status: 'planned' });
      setTitle('');
      setDueDate(undefined);
      say('Milestone added');
    } catch (err) {
      sayError(err);
    }
  };

  return (
    <section class="form-section" aria-labelledby="goal-milestones">
      <h2 id="goal-milestones">Milestones</h2>
      {sorted.length === 0 ? (
        <p class="empty">No milestones for this goal yet.</p>
      ) : (
        <>
          <ul class="cards goal-milestone-list" aria-label="Milestones of this goal" ref={paging.listRef}>
            {sorted.slice(0, paging.limit).map((m) => (
              <li key={m.id} class="card">
                <h3>{m.title?.trim() || 'Untitled milestone'}</h3>
                <p class="meta">
                  {m.dueDate ? `Due ${formatDate(m.dueDate)}` : 'No due date'}
                  {m.doneDate && ` · done ${formatDate(m.doneDate)}`}{' '}
                  {m.overdue && <span class="badge warn">Overdue</span>}
                  {m.status === 'done' && <span class="badge">Done</span>}
                  {m.status === 'missed' && <span class="badge">Missed</span>}
                </p>
                <label class="inline-status">
                  <span>Status</span>
                  <select
                    aria-label={`Status of ${m.title?.trim() || 'Untitled milestone'}`}
                    value={m.status ?? 'planned'}
                    onChange={(e) => changeStatus(m, e.currentTarget.value as MilestoneStatus)}
                  >
                    {MILESTONE_STATUS_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
          <ShowMore
            shown={Math.min(paging.limit, sorted.length)}
            total={sorted.length}
            noun={['milestone', 'milestones']}
            onMore={paging.showMore}
          />
        </>
      )}
      <form onSubmit={add} noValidate>
        <div class="inline-fields">
          <TextField
            label="New milestone"
            value={title}
            onInput={setTitle}
            error={error}
            autoComplete="off"
          />
          <DateField label="Due date" value={dueDate} onInput={setDueDate} />
        </div>
        <div class="row-actions">
          <button type="submit" class="primary">
            Add milestone
          </button>
          <SaidHere said={said} />
          <a href="/milestones">Open the milestone timeline</a>
        </div>
      </form>
    </section>
  );
}

/** Accomplishment stories linked to this goal: only those, read by the goalIds index. */
function LinkedStories({ goalId }: { goalId: string }) {
  const { journalId } = useJournal();
  const linked = useLive(() => liveLinkedStories(journalId, goalId), [journalId, goalId]) ?? [];
  return (
    <section aria-labelledby="goal-stories">
      <h2 id="goal-stories">Linked stories</h2>
      {linked.length === 0 ? (
        <p class="empty">No stories linked to this goal yet. Link one from the story editor.</p>
      ) : (
        <ul>
          {linked.map((s) => (
            <li key={s.id}>
              <a href={`/stories/${s.id}`}>{s.title?.trim() || 'Untitled story'}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
