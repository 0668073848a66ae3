import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { repo } from '../../db';
import { liveStoryRows, type StoryRow } from '../../db/lists';
import type { RecordFor } from '../../model/kinds';
import type { StoryContext, StoryStatus } from '../../model/story';
import { compareStories, STORY_BANK_TARGET } from '../../model/storyRules';
import { normaliseSkill, summariseSkills } from '../../model/themes';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { SelectField } from '../components/fields';
import { formatDate, optionsOf } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { ShowMore, usePaging } from '../components/ShowMore';
import { announceError, announceOnArrival } from '../components/status';
import { recoverUnsaved } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { PRACTICE_PATH } from './practicePath';
import { StoryBankExport } from './StoryBankExport';
import { CONTEXT_LABELS, STATUS_LABELS, storyTitle } from './storyLabels';
import './stories.css';

type StoryRecord = RecordFor<'story'>;
type Sort = 'newest' | 'oldest';

const SORT_LABELS: Record<Sort, string> = { newest: 'Newest first', oldest: 'Oldest first' };

/** The content a duplicate starts from: everything but the status, with "(copy)" on the title. */
export function duplicateContent(story: StoryRecord) {
  return {
    title: `${storyTitle(story)} (copy)`,
    problem: story.problem,
    action: story.action,
    result: story.result,
    soWhat: story.soWhat,
    short: story.short,
    context: story.context,
    date: story.date,
    period: story.period,
    skills: story.skills?.map((s) => ({ ...s })),
    goalIds: story.goalIds ? [...story.goalIds] : undefined,
    questionIds: story.questionIds ? [...story.questionIds] : undefined,
    status: 'draft' as const,
  };
}

/**
 * The story bank: every story, filtered and sorted, with progress toward the recommended 5–6. It
 * reads the stories' list rows (no long parts) and shows them a page at a time; the filters, the
 * order and the counts cover every story.
 */
export function StoriesScreen() {
  const { journalId } = useJournal();
  const { route } = useLocation();
  const stories = useLive(() => liveStoryRows(journalId), [journalId]);
  const [skill, setSkill] = useState('');
  const [context, setContext] = useState<StoryContext | ''>('');
  const [status, setStatus] = useState<StoryStatus | ''>('');
  const [sort, setSort] = useState<Sort>('newest');
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [said, say, sayError] = useSaid();
  // Changes a killed tab left unsaved show in the list too, not only when the story is opened.
  useEffect(() => void recoverUnsaved('story'), []);

  const skills = useMemo(() => summariseSkills(stories ?? []), [stories]);
  const shown = useMemo(() => {
    const list = (stories ?? []).filter(
      (s) =>
        (!skill || (s.skills ?? []).some((k) => normaliseSkill(k.name) === skill)) &&
        (!context || s.context === context) &&
        (!status || (s.status ?? 'draft') === status),
    );
    // The rows come newest first, so either order costs one pass.
    list.sort((a, b) => (sort === 'newest' ? compareStories(b, a) : compareStories(a, b)));
    return list;
  }, [stories, skill, context, status, sort]);
  const paging = usePaging<HTMLUListElement>(`${skill}|${context}|${status}|${sort}`);

  const newStory = async () => {
    try {
      const story = await repo('story').create(journalId, { status: 'draft' });
      route(`/stories/${story.id}`);
    } catch (error) {
      announceError(error);
    }
  };

  const duplicate = async (row: StoryRow) => {
    try {
      // The list holds no long parts: the copy starts from the whole story, read now.
      const story = await repo('story').get(row.id);
      if (!story || story.deleted) throw new Error(`“${storyTitle(row)}” no longer exists on this device.`);
      const copy = await repo('story').create(journalId, duplicateContent(story), {
        visibility: story.visibility,
      });
      announceOnArrival(`Copied “${storyTitle(story)}”`, `/stories/${copy.id}`);
      route(`/stories/${copy.id}`);
    } catch (error) {
      announceError(error);
    }
  };

  const remove = async (story: StoryRow) => {
    try {
      await repo('story').remove(story.id);
      setConfirming(undefined);
      say(`Deleted “${storyTitle(story)}”`);
    } catch (error) {
      sayError(error);
    }
  };

  const ready = useMemo(() => (stories ?? []).filter((s) => s.ready).length, [stories]);
  const filtered = skill || context || status;

  return (
    <>
      <h1>Stories</h1>
      <p>
        Short accounts of things you did well: the problem, what you did, the result, and why it matters. They
        are the raw material for interviews and show which skills you keep coming back to.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={newStory}>
          New story
        </button>
        <a class="button" href="/themes">
          Skills and themes
        </a>
        <a class="button" href={PRACTICE_PATH}>
          Interview practice
        </a>
      </div>

      {stories === undefined ? (
        <p class="empty">Loading your stories…</p>
      ) : (
        <>
          <div class="bank-progress">
            <p id="bank-progress-label">
              <strong>
                {ready} of {STORY_BANK_TARGET} stories ready
              </strong>
              {ready >= STORY_BANK_TARGET - 1
                ? ' — a well-stocked bank.'
                : ` — the workshop suggests having 5 or 6 ready to tell.`}
              {stories.length > ready && ` ${stories.length - ready} still in draft.`}
            </p>
            <progress
              aria-labelledby="bank-progress-label"
              max={STORY_BANK_TARGET}
              value={Math.min(ready, STORY_BANK_TARGET)}
            />
          </div>

          {stories.length === 0 ? (
            <p class="empty">No stories yet. Start with one thing you are proud of.</p>
          ) : (
            <>
              <h2>Your stories</h2>
              <div class="filters">
                <SelectField
                  label="Skill"
                  value={skill}
                  placeholder="Any skill"
                  options={skills.map((s) => ({ value: s.key, label: s.name }))}
                  onChange={setSkill}
                />
                <SelectField<StoryContext | ''>
                  label="Context"
                  value={context}
                  placeholder="Any context"
                  options={optionsOf(CONTEXT_LABELS)}
                  onChange={setContext}
                />
                <SelectField<StoryStatus | ''>
                  label="Status"
                  value={status}
                  placeholder="Any status"
                  options={optionsOf(STATUS_LABELS)}
                  onChange={setStatus}
                />
                <SelectField<Sort>
                  label="Order"
                  value={sort}
                  options={optionsOf(SORT_LABELS)}
                  onChange={setSort}
                />
              </div>
              <p class="meta" aria-live="polite">
                {filtered
                  ? `${shown.length} of ${stories.length} stories match.`
                  : `${stories.length} ${stories.length === 1 ? 'story' : 'stories'}.`}
              </p>
              <SaidHere said={said} />
              <ul class="cards" ref={paging.listRef}>
                {shown.slice(0, paging.limit).map((story) => (
                  <li key={story.id} class="card story-card">
                    <h3>
                      <a href={`/stories/${story.id}`}>{storyTitle(story)}</a>
                    </h3>
                    <p class="meta">
                      {[
                        story.context && CONTEXT_LABELS[story.context],
                        story.date ? formatDate(story.date) : story.period,
                      ]
                        .filter(Boolean)
                        .join(' · ') || `Started ${formatDate(story.createdAt.slice(0, 10))}`}
                    </p>
                    <p class="badges">
                      <span class={story.ready ? 'badge' : 'badge warn'}>
                        {story.ready ? STATUS_LABELS.ready : STATUS_LABELS.draft}
                      </span>
                      {(story.skills ?? []).map((k) => (
                        <span key={k.name} class="badge">
                          {k.name}
                          {k.enjoyed && (
                            <>
                              <span aria-hidden="true"> ♥</span>
                              <span class="visually-hidden"> (enjoyed)</span>
                            </>
                          )}
                        </span>
                      ))}
                    </p>
                    {confirming === story.id ? (
                      <ConfirmDelete
                        question={`Delete “${storyTitle(story)}”?`}
                        detail="It is removed from this journal."
                        onConfirm={() => remove(story)}
                        onKeep={() => setConfirming(undefined)}
                      />
                    ) : (
                      <div class="actions">
                        <button
                          type="button"
                          aria-label={`Duplicate ${storyTitle(story)}`}
                          onClick={() => duplicate(story)}
                        >
                          Duplicate
                        </button>
                        <button
                          type="button"
                          class="danger"
                          data-delete-opener
                          aria-label={`Delete ${storyTitle(story)}`}
                          onClick={() => setConfirming(story.id)}
                        >
                          Delete
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <ShowMore
                shown={Math.min(paging.limit, shown.length)}
                total={shown.length}
                noun={['story', 'stories']}
                onMore={paging.showMore}
              />
              <StoryBankExport />
            </>
          )}
        </>
      )}
    </>
  );
}
