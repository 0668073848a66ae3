import { useMemo, useState } from 'preact/hooks';
import { repo } from '../../db';
import {
  type Answer,
  type InterviewQuestion,
  practiceQuestions,
  type QuestionPractice,
} from '../../model/interviewQuestions';
import type { RecordFor } from '../../model/kinds';
import { compareStories } from '../../model/storyRules';
import { SaidHere, useSaid } from '../components/Said';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { storyTitle } from './storyLabels';
import './stories.css';

type StoryRecord = RecordFor<'story'>;

/**
 * Interview practice: common behavioural questions, each with the stories that answer it — by a
 * matching skill or linked by hand — and the questions no story answers yet marked as gaps.
 */
export function InterviewPracticeScreen() {
  const { journalId } = useJournal();
  const all = useLive(() => repo('story').live(journalId), [journalId]);
  const stories = useMemo(
    () => (all ?? []).filter((s) => !s.deleted).sort((a, b) => compareStories(b, a)),
    [all],
  );
  const practice = useMemo(() => practiceQuestions(stories), [stories]);
  const gaps = practice.filter((p) => p.gap).length;

  return (
    <>
      <h1>Interview practice</h1>
      <p>
        Questions interviewers often ask, and the stories of yours that answer them. A story answers a
        question when one of its skills is one the question asks about, or when you link it here yourself.
        Practise telling each one aloud in about 90 seconds.
      </p>
      <p class="actions">
        <a class="button" href="/stories">
          Back to your stories
        </a>
      </p>
      {all === undefined ? (
        <p class="empty">Loading your stories…</p>
      ) : (
        <>
          <p>
            <strong>
              {practice.length - gaps} of {practice.length} questions have a story
            </strong>
            {gaps ? ` — ${gaps} ${gaps === 1 ? 'gap' : 'gaps'} to fill.` : ' — no gaps.'}
          </p>
          <ol class="cards practice-list">
            {practice.map((p) => (
              <QuestionCard key={p.question.id} practice={p} stories={stories} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function QuestionCard({
  practice,
  stories,
}: {
  practice: QuestionPractice<StoryRecord>;
  stories: StoryRecord[];
}) {
  const { question, answers, gap } = practice;
  const titleId = `question-${question.id}`;
  const unlinked = stories.filter((s) => !(s.questionIds ?? []).includes(question.id));
  // Said in the card, which stays when the row unlinked from it goes.
  const [said, say, sayError] = useSaid();
  return (
    <li class={gap ? 'card practice-card gap' : 'card practice-card'}>
      <h2 id={titleId}>{question.text}</h2>
      <p class="meta">Asks about: {question.skills.join(', ')}.</p>
      {gap ? (
        <p class="badges">
          <span class="badge warn">Gap: no story yet</span>
        </p>
      ) : (
        <ul class="practice-answers" aria-label={`Stories that answer “${question.text}”`}>
          {answers.map((a) => (
            <AnswerRow key={a.story.id} answer={a} question={question} say={say} sayError={sayError} />
          ))}
        </ul>
      )}
      {unlinked.length > 0 && (
        <LinkStory question={question} stories={unlinked} say={say} sayError={sayError} />
      )}
      <SaidHere said={said} />
    </li>
  );
}

function AnswerRow({
  answer,
  question,
  say,
  sayError,
}: {
  answer: Answer<StoryRecord>;
  question: InterviewQuestion;
  say: (text: string) => void;
  sayError: (error: unknown) => void;
}) {
  const { story, matchingSkills, linked } = answer;
  const why = [
    matchingSkills.length ? `skill: ${matchingSkills.join(', ')}` : undefined,
    linked ? 'linked by you' : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  const unlink = async () => {
    try {
      await repo('story').update(story.id, {
        questionIds: (story.questionIds ?? []).filter((id) => id !== question.id),
      });
      say(`“${storyTitle(story)}” is no longer linked to this question.`);
    } catch (error) {
      sayError(error);
    }
  };
  return (
    <li>
      <a href={`/stories/${story.id}`}>{storyTitle(story)}</a> <span class="meta">({why})</span>
      {linked && (
        <button type="button" class="unlink" onClick={unlink} aria-label={`Unlink ${storyTitle(story)}`}>
          Unlink
        </button>
      )}
    </li>
  );
}

function LinkStory({
  question,
  stories,
  say,
  sayError,
}: {
  question: InterviewQuestion;
  stories: StoryRecord[];
  say: (text: string) => void;
  sayError: (error: unknown) => void;
}) {
  const [storyId, setStoryId] = useState('');
  const selectId = `link-${question.id}`;
  const link = async (event: Event) => {
    event.preventDefault();
    const story = stories.find((s) => s.id === storyId);
    if (!story) return;
    try {
      await repo('story').update(story.id, { questionIds: [...(story.questionIds ?? []), question.id] });
      setStoryId('');
      say(`“${storyTitle(story)}” linked to this question.`);
    } catch (error) {
      sayError(error);
    }
  };
  return (
    <form class="link-story" onSubmit={link}>
      <label for={selectId}>Link a story by hand</label>
      <select id={selectId} value={storyId} onChange={(e) => setStoryId(e.currentTarget.value)}>
        <option value="">Choose a story…</option>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {storyTitle(s)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!storyId}>
        Link
      </button>
    </form>
  );
}
