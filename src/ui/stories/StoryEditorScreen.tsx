import { useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { repo } from '../../db';
import { missingForReady, type StoryContext, type StorySkill } from '../../model/story';
import { normaliseSkill, skillSuggestions } from '../../model/themes';
import { DateField, SelectField, TextArea, TextField } from '../components/fields';
import { GoalLinks } from '../components/GoalLinks';
import { optionsOf, SAVE_STATE_TEXT } from '../components/labels';
import { type SaveState, useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { StoryQuestions } from './StoryQuestions';
import { CONTEXT_LABELS, listInWords, PART_NAMES, STATUS_LABELS } from './storyLabels';
import './stories.css';
import { VisibilityField } from '../components/VisibilityField';
import { WaitingChoiceNotice } from '../share/WaitingChoiceNotice';

/** The story editor at /stories/:id. */
export function StoryEditorScreen() {
  const { params } = useRoute();
  return <StoryEditor id={params.id ?? ''} />;
}

type TextPart = 'title' | 'problem' | 'action' | 'result' | 'soWhat' | 'short' | 'period';

/** Words under each part of a story: short prompts that help the writer along. */
const PROMPTS = {
  title: 'A few words you would use to name it, like “Rebuilt the teen reading programme”.',
  problem: 'What was going on before you stepped in? Who was affected, and what was at stake?',
  action: 'What did you yourself do? Say “I”, and name the steps and choices you made.',
  result: 'What changed because of it? Give numbers where you can: people, hours, money, percent.',
  soWhat: 'Why should a listener care? What does this show about you and the way you work?',
  short: 'The same story told in about 90 seconds (roughly 200 words), ready for an interview.',
  skills:
    'Which skills did this take? Mark the ones you enjoyed using: they point to the work you would like more of.',
} as const;

/** Edits one story; every change saves itself a moment after typing stops. */
export function StoryEditor({ id }: { id: string }) {
  const { journalId } = useJournal();
  const { record, loaded, missing, set, state, undo, canUndo } = useAutosave('story', id);
  const stories = useLive(() => repo('story').live(journalId), [journalId]);
  const goals = useLive(() => repo('goal').live(journalId), [journalId]);
  const [readyError, setReadyError] = useState<string | undefined>(undefined);
  const [newSkill, setNewSkill] = useState('');

  const skills = record?.skills ?? [];
  const suggestions = useMemo(
    () =>
      skillSuggestions(
        (stories ?? []).filter((s) => s.id !== id),
        skills.map((s) => s.name),
      ),
    [stories, id, skills],
  );

  if (missing || (loaded && (record?.deleted || record?.journalId !== journalId))) {
    return (
      <>
        <h1>Story not found</h1>
        <p>
          {record?.deleted ? 'This story was deleted.' : 'This story is not in this journal on this device.'}
        </p>
        <p>
          <a href="/stories">Back to your stories</a>
        </p>
      </>
    );
  }
  if (!record) return <p class="empty">Loading the story…</p>;

  const missingParts = missingForReady(record);
  const status = record.status ?? 'draft';

  const text = (
    field: TextPart,
    label: string,
    options: { rows?: number; long?: boolean; hint?: string },
  ) => {
    const onInput = (value: string) => {
      set(field, value);
      if (readyError) setReadyError(undefined);
    };
    return (
      <div class="story-part">
        {options.long ? (
          <TextArea
            label={label}
            hint={options.hint}
            value={record[field]}
            rows={options.rows ?? 5}
            onInput={onInput}
            name={field}
          />
        ) : (
          <TextField label={label} hint={options.hint} value={record[field]} onInput={onInput} name={field} />
        )}
        {canUndo(field) && (
          <button
            type="button"
            class="undo"
            aria-label={`Undo the last change to ${label}`}
            onClick={() => undo(field)}
          >
            Undo
          </button>
        )}
      </div>
    );
  };

  const setSkills = (next: StorySkill[]) => set('skills', next);
  const addSkill = (name: string) => {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    if (!trimmed) return;
    const key = normaliseSkill(trimmed);
    if (!skills.some((s) => normaliseSkill(s.name) === key))
      setSkills([...skills, { name: trimmed, enjoyed: false }]);
    setNewSkill('');
  };

  const chooseStatus = (next: 'draft' | 'ready', input: HTMLInputElement) => {
    if (next === 'ready' && missingParts.length > 0) {
      // Refused: put the radio back and say what is missing.
      input.checked = false;
      const draftRadio = input.form?.querySelector<HTMLInputElement>('input[value="draft"]');
      if (draftRadio) draftRadio.checked = true;
      setReadyError(`Not ready yet: add ${listInWords(missingParts.map((p) => PART_NAMES[p]))}.`);
      return;
    }
    setReadyError(undefined);
    set('status', next);
  };

  const goalIds = record.goalIds ?? [];

  return (
    <form class="story-editor" onSubmit={(e) => e.preventDefault()} noValidate>
      <p class="back-link">
        <a href="/stories">← Stories</a>
      </p>
      <h1>{record.title?.trim() || 'New story'}</h1>
      {id && <WaitingChoiceNotice recordId={id} />}
      <SaveIndicator state={state} />

      {text('title', 'Title', { hint: PROMPTS.title })}
      <h2>The story</h2>
      {text('problem', 'Problem', { long: true, hint: PROMPTS.problem })}
      {text('action', 'Action', { long: true, hint: PROMPTS.action })}
      {text('result', 'Result', { long: true, hint: PROMPTS.result })}
      {text('soWhat', 'So what?', { long: true, hint: PROMPTS.soWhat })}

      <h2>Where and when</h2>
      <SelectField<StoryContext | ''>
        label="Context"
        hint="Where did this happen?"
        value={record.context ?? ''}
        placeholder="Not said"
        options={optionsOf(CONTEXT_LABELS)}
        onChange={(v) => set('context', v || undefined)}
      />
      <DateField
        label="Date"
        hint="When it happened, if one day fits."
        value={record.date}
        onInput={(v) => set('date', v)}
      />
      {text('period', 'Or a period', { hint: 'For example “Spring 2025” or “2023–2024”.' })}

      <h2 id="skills-heading">Skills</h2>
      <p class="hint">{PROMPTS.skills}</p>
      {skills.length === 0 ? (
        <p class="empty">No skills yet.</p>
      ) : (
        <ul class="skill-list" aria-labelledby="skills-heading">
          {skills.map((skill, index) => (
            <li key={normaliseSkill(skill.name)} class="skill-row">
              <span class="skill-name">{skill.name}</span>
              <label class="skill-enjoyed">
                <input
                  type="checkbox"
                  aria-label={`I enjoyed using this (${skill.name})`}
                  checked={skill.enjoyed}
                  onChange={(e) =>
                    setSkills(
                      skills.map((s, i) => (i === index ? { ...s, enjoyed: e.currentTarget.checked } : s)),
                    )
                  }
                />
                I enjoyed using this
              </label>
              <button
                type="button"
                aria-label={`Remove ${skill.name}`}
                onClick={() => setSkills(skills.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Enter in the skill box adds it, as the button does. */}
      <div
        class="skill-add"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLInputElement).name === 'new-skill') {
            e.preventDefault();
            addSkill(newSkill);
          }
        }}
      >
        <TextField
          label="Add a skill"
          value={newSkill}
          onInput={setNewSkill}
          name="new-skill"
          autoComplete="off"
          hint="Type a skill and choose Add, or pick one you used before."
        />
        <button type="button" onClick={() => addSkill(newSkill)}>
          Add skill
        </button>
      </div>
      {suggestions.length > 0 && (
        <div class="skill-suggestions">
          <p class="meta" id="skill-suggestions-label">
            Skills from your other stories:
          </p>
          <ul class="chips" aria-labelledby="skill-suggestions-label">
            {suggestions.slice(0, 12).map((name) => (
              <li key={name}>
                <button type="button" class="chip" onClick={() => addSkill(name)}>
                  + {name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <GoalLinks
        class="goal-links"
        goals={goals}
        selected={goalIds}
        onChange={(ids) => set('goalIds', ids)}
        empty="No goals yet. Goals you add will show here."
      />

      <h2>Telling it</h2>
      {text('short', 'The 90-second version', { long: true, rows: 6, hint: PROMPTS.short })}

      <fieldset class="status-choice" aria-describedby="status-hint status-error">
        <legend>Status</legend>
        <p class="hint" id="status-hint">
          {missingParts.length === 0
            ? 'It has a title, problem, action and result: you can mark it ready.'
            : `Ready needs a title, problem, action and result. Still missing: ${listInWords(
                missingParts.map((p) => PART_NAMES[p]),
              )}.`}
        </p>
        {(['draft', 'ready'] as const).map((value) => (
          <label key={value} class="check-row">
            <input
              type="radio"
              name="status"
              value={value}
              checked={status === value}
              onChange={(e) => chooseStatus(value, e.currentTarget)}
            />
            {STATUS_LABELS[value]}
          </label>
        ))}
        <p class="field-error" id="status-error" role="alert">
          {readyError ?? ''}
        </p>
        {status === 'ready' && missingParts.length > 0 && (
          <p class="warning">
            Marked ready, but {listInWords(missingParts.map((p) => PART_NAMES[p]))}{' '}
            {missingParts.length === 1 ? 'is' : 'are'} now empty.
          </p>
        )}
      </fieldset>

      <VisibilityField
        kind="story"
        author={record?.author}
        label="Who can see it"
        value={record.visibility}
        onChange={(v) => set('visibility', v)}
      />
      <p class="meta">
        <a href="/themes">See the skills and themes across your stories</a>
      </p>
      <StoryQuestions story={record} />
    </form>
  );
}

/** A quiet line saying whether the latest change is saved (the only "Saved" shown; screen readers hear it from the status region). */
function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <p class={`save-state save-${state}`} data-state={state}>
      {SAVE_STATE_TEXT[state]}
    </p>
  );
}
