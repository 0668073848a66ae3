import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { repo } from '../../db';
import { type GoalTitle, liveGoalTitles } from '../../db/lists';
import { closeJournal, reopenJournal, setReviewFinished } from '../../db/programme';
import type { Role, Visibility } from '../../model/constants';
import { reviewAnswerId } from '../../model/ids';
import type { RecordFor } from '../../model/kinds';
import {
  GOAL_QUESTIONS,
  PARTNERSHIP_QUESTIONS,
  REVIEW_QUESTION_TEXT,
  REVIEW_STAGE_NAME,
  REVIEW_STAGES,
  type ReviewQuestion,
  type ReviewStage,
} from '../../model/reviewQuestions';
import { reviewFinishedOn, reviewFinishers } from '../../model/reviewRules';
import { TextArea } from '../components/fields';
import { formatDate, today } from '../components/labels';
import { announce, announceError } from '../components/status';
import { VisibilityField } from '../components/VisibilityField';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import './reviews.css';

type ReviewRecord = RecordFor<'review'>;

const INTRO: Record<ReviewStage, string> = {
  'mid-point':
    'Half-way through the programme, look back and ahead together: what each goal has achieved, what comes next, and how the partnership is working. Each of you answers on your own device; the answers you share reach your partner with the next pair file.',
  closing:
    'In the programme’s last month, look back on the whole partnership: what each goal achieved, what comes next for it, and what worked and did not in working together. Then either of you may close the journal.',
};

/**
 * A review (mid-point or closing): my answers per goal and on the partnership, each with its own
 * visibility, beside my partner's shared answers; "finish my part"; and in the closing review,
 * closing the partnership.
 */
export function ReviewScreen() {
  const { params } = useRoute();
  return <Review stage={params.stage} />;
}

/** The review of a stage given by name (an unknown name shows the mid-point review). */
export function Review({ stage: asked = '' }: { stage?: string }) {
  const stage = (REVIEW_STAGES as readonly string[]).includes(asked) ? (asked as ReviewStage) : 'mid-point';
  const { journalId, journal, role } = useJournal();
  const reviews = useLive(() => repo('review').live(journalId), [journalId]);
  const goals = useLive(() => liveGoalTitles(journalId), [journalId]);
  const partner: Role = role === 'mentee' ? 'mentor' : 'mentee';
  const partnerName =
    (partner === 'mentee' ? journal.menteeName : journal.mentorName)?.trim() || `Your ${partner}`;
  const mine = (reviews ?? []).filter((r) => r.stage === stage);
  const answerOf = (who: Role, question: ReviewQuestion, goalId?: string) =>
    mine.find((r) => r.id === reviewAnswerId(journalId, stage, who, question, goalId));

  return (
    <>
      <h1>{REVIEW_STAGE_NAME[stage]}</h1>
      <p>{INTRO[stage]}</p>
      {reviews === undefined || goals === undefined ? (
        <p class="empty">Loading the review…</p>
      ) : (
        <>
          <ReviewProgress stage={stage} reviews={mine} role={role} partnerName={partnerName} />
          <section aria-labelledby="review-goals">
            <h2 id="review-goals">Our goals</h2>
            {goals.length === 0 && (
              <p class="empty">
                No goals yet: <a href="/goals">add your goals</a> to review each one.
              </p>
            )}
            {goals.map((goal) => (
              <GoalAnswers
                key={goal.id}
                goal={goal}
                stage={stage}
                mine={(q) => answerOf(role, q, goal.id)}
                theirs={(q) => answerOf(partner, q, goal.id)}
                partnerName={partnerName}
              />
            ))}
          </section>
          <section aria-labelledby="review-partnership" class="card review-part">
            <h2 id="review-partnership">Our partnership</h2>
            {PARTNERSHIP_QUESTIONS.map((q) => (
              <Answer
                key={q}
                stage={stage}
                question={q}
                record={answerOf(role, q)}
                partnerRecord={answerOf(partner, q)}
                partnerName={partnerName}
              />
            ))}
          </section>
          {stage === 'closing' && <ClosePartnership />}
        </>
      )}
    </>
  );
}

function GoalAnswers(props: {
  goal: GoalTitle;
  stage: ReviewStage;
  mine: (q: ReviewQuestion) => ReviewRecord | undefined;
  theirs: (q: ReviewQuestion) => ReviewRecord | undefined;
  partnerName: string;
}) {
  const headingId = `review-goal-${props.goal.id}`;
  return (
    <section class="card review-part" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.goal.title?.trim() || 'Untitled goal'}</h3>
      {GOAL_QUESTIONS.map((q) => (
        <Answer
          key={q}
          stage={props.stage}
          question={q}
          goalId={props.goal.id}
          record={props.mine(q)}
          partnerRecord={props.theirs(q)}
          partnerName={props.partnerName}
          goalTitle={props.goal.title?.trim() || 'Untitled goal'}
        />
      ))}
    </section>
  );
}

/** My answer to one question (saved as I type, one record per question), and my partner's if shared. */
function Answer(props: {
  stage: ReviewStage;
  question: ReviewQuestion;
  goalId?: string;
  record: ReviewRecord | undefined;
  partnerRecord: ReviewRecord | undefined;
  partnerName: string;
  goalTitle?: string;
}) {
  const { journalId, role } = useJournal();
  const { stage, question, goalId } = props;
  const id = reviewAnswerId(journalId, stage, role, question, goalId);
  const [newVisibility, setNewVisibility] = useState<Visibility>('pair');
  const { record, values, set } = useAutosave('review', id, {
    create: ({ visibility, ...changes }) =>
      repo('review').create(
        journalId,
        { stage, question, goalId, ...changes },
        { id, visibility: visibility ?? newVisibility },
      ),
  });
  const saved = record && !record.deleted ? record : undefined;
  const value = saved ? saved.answer : values.answer;
  const visibility = saved?.visibility ?? values.visibility ?? newVisibility;
  const label = props.goalTitle ? `${REVIEW_QUESTION_TEXT[question]} (${props.goalTitle})` : undefined;
  const chooseVisibility = (v: Visibility) => {
    if (saved) set('visibility', v);
    else setNewVisibility(v);
  };
  const partnerAnswer = props.partnerRecord?.answer?.trim();
  return (
    <div class="review-answer">
      <TextArea
        label={REVIEW_QUESTION_TEXT[question]}
        hint={label && `About: ${props.goalTitle}`}
        value={value}
        rows={3}
        onInput={(text) => {
          set('answer', text);
          set('answeredOn', today());
        }}
      />
      <VisibilityField
        kind="review"
        author={saved?.author}
        label="Who can see this answer"
        value={visibility}
        onChange={chooseVisibility}
      />
      {partnerAnswer && (
        <blockquote class="partner-answer">
          <p class="meta">{props.partnerName} wrote:</p>
          <p>{partnerAnswer}</p>
        </blockquote>
      )}
    </div>
  );
}

/** Who has finished their part, and my button to finish (or take back) mine. */
function ReviewProgress(props: {
  stage: ReviewStage;
  reviews: ReviewRecord[];
  role: Role;
  partnerName: string;
}) {
  const { journalId } = useJournal();
  const [busy, setBusy] = useState(false);
  const finished = reviewFinishers(props.reviews, props.stage);
  const doneOn = reviewFinishedOn(props.reviews, props.stage);
  const partner: Role = props.role === 'mentee' ? 'mentor' : 'mentee';
  const mineOn = finished[props.role];
  const theirsOn = finished[partner];

  async function finish(day: string | undefined) {
    setBusy(true);
    try {
      await setReviewFinished(journalId, props.role, props.stage, day);
      announce(day ? 'Your part of the review is finished' : 'Your part of the review is open again');
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card review-progress" aria-labelledby="review-progress">
      <h2 id="review-progress">Where the review stands</h2>
      {doneOn ? (
        <p class="big">Done by both on {formatDate(doneOn)}.</p>
      ) : (
        <p>Each of you answers, then finishes your own part. The review is done when both have.</p>
      )}
      <ul>
        <li>
          {mineOn
            ? `You finished your part on ${formatDate(mineOn)}.`
            : 'You have not finished your part yet.'}
        </li>
        <li>
          {theirsOn
            ? `${props.partnerName} finished their part on ${formatDate(theirsOn)}.`
            : `${props.partnerName} has not finished their part yet (or their pair file has not arrived).`}
        </li>
      </ul>
      {mineOn ? (
        <button type="button" disabled={busy} onClick={() => finish(undefined)}>
          Reopen my part
        </button>
      ) : (
        <button type="button" class="primary" disabled={busy} onClick={() => finish(today())}>
          Finish my part
        </button>
      )}
    </section>
  );
}

/** The closing review's last step: either person closes the journal (and either may reopen it). */
function ClosePartnership() {
  const { journalId, journal } = useJournal();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>, message: string) {
    setBusy(true);
    try {
      await work();
      announce(message);
      setAsking(false);
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card review-close" aria-labelledby="review-close">
      <h2 id="review-close">Close the partnership</h2>
      {journal.closedDate ? (
        <>
          <p>
            The partnership was completed on {formatDate(journal.closedDate)}. The journal is read-only on
            every device the close has reached.
          </p>
          <button
            type="button"
            class="reopen"
            disabled={busy}
            onClick={() => run(() => reopenJournal(journalId), 'The journal is open again')}
          >
            Reopen the journal
          </button>
        </>
      ) : asking ? (
        <div class="warning">
          <p>
            Close the journal today? It becomes read-only on this device, and on your partner’s once your next
            pair file arrives. It still syncs, backs up and exports, and either of you can reopen it.
          </p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => run(() => closeJournal(journalId, today()), 'The partnership is completed')}
            >
              Close the journal
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Keep it open
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>When you have both finished the review, either of you may close the journal.</p>
          <button type="button" onClick={() => setAsking(true)}>
            Close the journal…
          </button>
        </>
      )}
    </section>
  );
}
