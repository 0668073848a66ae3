import { useMemo, useState } from 'preact/hooks';
import { repo } from '../../db';
import type { Role, Visibility } from '../../model/constants';
import { reflectionId } from '../../model/ids';
import type { RecordFor } from '../../model/kinds';
import { REFLECTION_PROMPTS, type ReflectionPrompt } from '../../model/reflectionPrompts';
import { TextArea } from '../components/fields';
import { formatDate, today, VISIBILITY_LABELS } from '../components/labels';
import { announce, announceError } from '../components/status';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import './reflection.css';
import { VisibilityField } from '../components/VisibilityField';

type ReflectionRecord = RecordFor<'reflection'>;

/** Answers newest first: by the day answered, then by when the record was made. */
function newestFirst(a: ReflectionRecord, b: ReflectionRecord): number {
  return (b.answeredOn ?? '').localeCompare(a.answeredOn ?? '') || b.createdAt.localeCompare(a.createdAt);
}

/**
 * Career-direction reflection: one box per prompt showing my latest answer. Changing it on a new
 * day adds a dated answer and keeps the old one in the history; changing it again the same day
 * updates that day's answer.
 */
export function ReflectionScreen() {
  const { journalId, role } = useJournal();
  const all = useLive(() => repo('reflection').live(journalId), [journalId]);
  const byPrompt = useMemo(() => {
    const map = new Map<string, ReflectionRecord[]>();
    for (const r of all ?? []) {
      if (r.author !== role || !r.promptId) continue;
      const list = map.get(r.promptId) ?? [];
      list.push(r);
      map.set(r.promptId, list);
    }
    for (const list of map.values()) list.sort(newestFirst);
    return map;
  }, [all, role]);

  return (
    <>
      <h1>Reflection</h1>
      <p>
        Questions to come back to during the programme. Answer in a few lines; when you revise an answer on a
        later day, the earlier one is kept, so you can see how your thinking changed. Each answer starts
        private: it stays on this device and is not shared with your mentor or the committee unless you choose
        otherwise for that answer.
      </p>
      {all === undefined ? (
        <p class="empty">Loading your answers…</p>
      ) : (
        REFLECTION_PROMPTS.map((prompt) => (
          <PromptAnswer
            key={prompt.id}
            prompt={prompt}
            answers={byPrompt.get(prompt.id) ?? []}
            journalId={journalId}
            role={role}
          />
        ))
      )}
    </>
  );
}

function PromptAnswer({
  prompt,
  answers,
  journalId,
  role,
}: {
  prompt: ReflectionPrompt;
  answers: ReflectionRecord[];
  journalId: string;
  role: Role;
}) {
  const day = today();
  const todays = answers.find((a) => a.answeredOn === day);
  const latest = answers[0];
  const id = todays?.id ?? reflectionId(journalId, role, prompt.id, day);
  // Who may see an answer not written yet (chosen before typing); a new answer starts private.
  const [newVisibility, setNewVisibility] = useState<Visibility>('private');
  const { record, values, set, state, undo, canUndo } = useAutosave('reflection', id, {
    create: ({ visibility, ...changes }) =>
      repo('reflection').create(
        journalId,
        { promptId: prompt.id, answeredOn: day, ...changes },
        { id, visibility: visibility ?? newVisibility },
      ),
  });
  // Today's answer if there is one, else what I typed before it was first saved, else my latest answer.
  const value = record && !record.deleted ? record.answer : (values.answer ?? latest?.answer);
  const earlier = answers.filter((a) => a.id !== id && a.answeredOn !== day);
  const headingId = `prompt-${prompt.id}`;
  // The answer the box shows: today's (saved or being typed), else my latest from an earlier day.
  const editingToday = (record && !record.deleted) || values.answer !== undefined;
  const shown = editingToday ? undefined : latest;
  const visibility: Visibility = shown
    ? shown.visibility
    : ((record && !record.deleted ? record.visibility : values.visibility) ?? newVisibility);
  const chooseVisibility = (v: Visibility) => {
    if (shown) {
      repo('reflection')
        .update(shown.id, { visibility: v })
        .then(() => announce('Saved'), announceError);
    } else if (editingToday) {
      set('visibility', v);
    } else {
      setNewVisibility(v);
    }
  };

  return (
    <section class="reflection card" aria-labelledby={headingId}>
      <h2 id={headingId}>{prompt.text}</h2>
      <TextArea
        label="My answer"
        hint={prompt.hint}
        value={value}
        rows={4}
        onInput={(text) => set('answer', text)}
      />
      <VisibilityField
        kind="reflection"
        author={(shown ?? record)?.author}
        label="Who can see this answer"
        value={visibility}
        onChange={chooseVisibility}
      />
      <div class="reflection-meta">
        <span class="meta">
          {state === 'pending' || state === 'saving'
            ? 'Saving…'
            : latest?.answeredOn
              ? `Answered ${latest.answeredOn === day ? 'today' : formatDate(latest.answeredOn)}`
              : 'Not answered yet'}
        </span>
        {canUndo('answer') && (
          <button
            type="button"
            aria-label={`Undo the last change to: ${prompt.text}`}
            onClick={() => undo('answer')}
          >
            Undo
          </button>
        )}
      </div>
      {earlier.length > 0 && (
        <details class="history">
          <summary>
            How my answer changed ({earlier.length} earlier {earlier.length === 1 ? 'answer' : 'answers'})
          </summary>
          <ol>
            {earlier.map((a) => (
              <li key={a.id}>
                <p class="meta">
                  <span>{formatDate(a.answeredOn)}</span>{' '}
                  <span class={`badge state-${a.visibility}`}>{VISIBILITY_LABELS[a.visibility]}</span>
                </p>
                <p class="history-answer">{a.answer?.trim() || '(left empty)'}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
