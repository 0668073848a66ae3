import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { repo } from '../../db';
import { CHECK_IN_QUESTION_TEXT, CHECK_IN_QUESTIONS, type CheckIn } from '../../model/checkIn';
import {
  isRating,
  PARTNERSHIP_RATING_LABELS,
  PARTNERSHIP_RATING_QUESTION,
  PARTNERSHIP_RATINGS,
  ratingTrend,
} from '../../model/checkInRules';
import type { Visibility } from '../../model/constants';
import { CHECK_IN_EVERY_MONTHS, nextCheckInSuggested } from '../../model/schedule';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { DateField, RadioGroup, TextArea } from '../components/fields';
import { AUTOSAVE_NOTE, formatDate, ROLE_LABELS, today, VISIBILITY_LABELS } from '../components/labels';
import { announce, announceError, announceOnArrival } from '../components/status';
import { focusScreenHeading } from '../components/useConfirmFocus';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import '../goals/goals.css';
import './checkins.css';
import { VisibilityField } from '../components/VisibilityField';
import { RatingTrend, ratingWords } from './RatingTrend';

/** The rating's choices, in words, with a way to give no answer. */
const RATING_OPTIONS = [
  { value: '', label: 'No answer' },
  ...PARTNERSHIP_RATINGS.map((r) => ({ value: String(r), label: `${r} — ${PARTNERSHIP_RATING_LABELS[r]}` })),
];

function answered(c: CheckIn) {
  return CHECK_IN_QUESTIONS.filter((q) => c[q]?.trim());
}

/** Partnership check-ins: each person's dated answers to the evaluation questions, and when the next is due. */
export function CheckInsScreen() {
  const { journalId, journal, role } = useJournal();
  const checkIns = useLive(() => repo('checkIn').live(journalId), [journalId]);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const now = today();

  const sorted = useMemo(
    () =>
      [...(checkIns ?? [])].sort(
        (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.createdAt.localeCompare(a.createdAt),
      ),
    [checkIns],
  );
  const trend = useMemo(() => ratingTrend(checkIns ?? []), [checkIns]);
  const next = nextCheckInSuggested(
    sorted.map((c) => c.date),
    journal.startDate,
    now,
  );

  /** Closes the editor and puts focus back on that check-in's Edit button (or the screen's heading). */
  const close = (id: string, deleted?: boolean) => {
    setEditing(undefined);
    if (deleted) focusScreenHeading();
    else requestAnimationFrame(() => document.getElementById(`edit-checkin-${id}`)?.focus());
  };

  const start = async () => {
    try {
      const created = await repo('checkIn').create(journalId, { date: now }, { visibility: 'pair' });
      setEditing(created.id);
      announce('Check-in started');
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <>
      <h1>Check-ins</h1>
      <p>
        A check-in is a short look at how the partnership itself is working. Each of you answers on your own,
        then you talk it through. Any time is fine; every {CHECK_IN_EVERY_MONTHS} months is a good rhythm.
      </p>

      <section class="card" aria-labelledby="checkin-next">
        <h2 id="checkin-next">Next check-in</h2>
        {checkIns === undefined ? (
          <p>Loading…</p>
        ) : next ? (
          next.due ? (
            <p class="warning">
              <strong>Due:</strong> a check-in was suggested by {formatDate(next.date)}.
            </p>
          ) : (
            <p>Suggested by {formatDate(next.date)}.</p>
          )
        ) : (
          <p class="empty">Set the programme start date to get a suggestion.</p>
        )}
        {!editing && (
          <button type="button" class="primary" onClick={start}>
            Start a check-in
          </button>
        )}
      </section>

      {editing && <CheckInEditor id={editing} onClose={(deleted) => close(editing, deleted)} />}

      <section class="card checkin-trend" aria-labelledby="checkin-trend">
        <h2 id="checkin-trend">How the partnership is working</h2>
        {checkIns === undefined ? <p>Loading…</p> : <RatingTrend points={trend} />}
      </section>

      <section aria-labelledby="checkin-past">
        <h2 id="checkin-past">Past check-ins</h2>
        {checkIns === undefined ? (
          <p>Loading…</p>
        ) : sorted.length === 0 ? (
          <p class="empty">No check-ins yet.</p>
        ) : (
          <ul class="cards" aria-label="Past check-ins">
            {sorted.map((c) => {
              const answers = answered(c);
              return (
                <li key={c.id} class="card">
                  <h3>
                    {c.date ? formatDate(c.date) : 'Undated'} — {ROLE_LABELS[c.author]}
                    {c.author === role ? ' (me)' : ''}
                  </h3>
                  {isRating(c.rating) && (
                    <p>
                      {PARTNERSHIP_RATING_QUESTION} <strong>{ratingWords(c.rating)}</strong>
                    </p>
                  )}
                  <p class="meta">
                    {answers.length} of {CHECK_IN_QUESTIONS.length} questions answered ·{' '}
                    <span class={`badge state-${c.visibility}`}>{VISIBILITY_LABELS[c.visibility]}</span>
                  </p>
                  {answers.length > 0 && (
                    <details>
                      <summary>Read the answers</summary>
                      <dl class="answers">
                        {answers.map((q) => (
                          <div key={q}>
                            <dt>{CHECK_IN_QUESTION_TEXT[q].label}</dt>
                            <dd>{c[q]}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  )}
                  {c.author === role && editing !== c.id && (
                    <button
                      type="button"
                      id={`edit-checkin-${c.id}`}
                      aria-label={`Edit my check-in of ${c.date ? formatDate(c.date) : 'undated'}`}
                      onClick={() => setEditing(c.id)}
                    >
                      Edit
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

/** My answers to one check-in, saved as I type. */
function CheckInEditor({ id, onClose }: { id: string; onClose: (deleted?: boolean) => void }) {
  const { record: c, set, flush } = useAutosave('checkIn', id);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = !!c;
  useEffect(() => {
    // The button that opened the editor is gone: say where we are now.
    if (loaded) heading.current?.focus();
  }, [loaded]);
  if (!c || c.deleted) return null;

  const remove = async () => {
    try {
      await flush();
      await repo('checkIn').remove(id);
      announceOnArrival('Check-in deleted');
      onClose(true);
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <section class="form-section checkin-editor" aria-labelledby="checkin-editor">
      <h2 id="checkin-editor" ref={heading} tabIndex={-1}>
        My check-in
      </h2>
      <p class="meta">{AUTOSAVE_NOTE}</p>
      <div class="inline-fields">
        <DateField
          label="Date"
          value={c.date}
          onInput={(v) => set('date', v)}
          error={c.date ? undefined : 'Give the check-in a date.'}
        />
        <VisibilityField
          kind="checkIn"
          author={c?.author}
          label="Who can see it"
          value={c.visibility}
          onChange={(v) => set('visibility', v as Visibility)}
        />
      </div>
      <RadioGroup
        label={PARTNERSHIP_RATING_QUESTION}
        hint="Your own answer, from 1 (not working) to 5 (working very well). Over time the answers show a trend."
        value={isRating(c.rating) ? String(c.rating) : ''}
        options={RATING_OPTIONS}
        onChange={(v) => set('rating', v ? Number(v) : undefined)}
      />
      {CHECK_IN_QUESTIONS.map((q) => (
        <TextArea
          key={q}
          label={CHECK_IN_QUESTION_TEXT[q].label}
          hint={CHECK_IN_QUESTION_TEXT[q].hint}
          value={c[q]}
          onInput={(v) => set(q, v)}
          rows={3}
        />
      ))}
      {confirming ? (
        <ConfirmDelete
          question="Delete this check-in?"
          confirmLabel="Yes, delete the check-in"
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
            Done
          </button>
          <button type="button" class="danger" data-delete-opener onClick={() => setConfirming(true)}>
            Delete check-in…
          </button>
        </div>
      )}
    </section>
  );
}
