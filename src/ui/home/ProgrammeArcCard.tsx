import { useEffect, useState } from 'preact/hooks';
import type { ReviewFacts } from '../../db/programme';
import { reviewDays } from '../../model/reviewPlan';
import { reviewDue } from '../../model/reviewRules';
import { REVIEW_STAGE_NAME } from '../../model/reviewStages';
import { formatDate, today } from '../components/labels';
import { announceError } from '../components/status';
import { useJournal } from '../journalContext';

/**
 * Home's word on the programme's arc: a completed partnership with its dates, or the review that
 * is due (from `reviewDue`) and who has finished their part. Its facts load with Dexie, after
 * Home's first paint; until then, and when nothing is due, it shows nothing.
 */
export function ProgrammeArcCard() {
  const { journalId, journal, role } = useJournal();
  const [facts, setFacts] = useState<ReviewFacts | undefined>(undefined);
  const closed = !!journal.closedDate;

  useEffect(() => {
    if (closed) return;
    let live = true;
    let stop: (() => void) | undefined;
    import('../../db/programme').then(({ liveReviewFacts }) => {
      if (!live) return;
      const subscription = liveReviewFacts(journalId).subscribe({ next: setFacts, error: announceError });
      stop = () => subscription.unsubscribe();
    }, announceError);
    return () => {
      live = false;
      stop?.();
    };
  }, [journalId, closed]);

  if (closed) {
    return (
      <section class="card" aria-labelledby="home-completed">
        <h2 id="home-completed">Partnership completed</h2>
        <p class="big">
          {journal.startDate ? `${formatDate(journal.startDate)} – ` : 'Closed '}
          {formatDate(journal.closedDate)}
        </p>
        <p>
          <a href="/reviews/closing">The closing review</a>
        </p>
      </section>
    );
  }
  if (!facts) return null;
  const due = reviewDue(reviewDays(journal, facts.midPoint, facts.closing), facts.finished, today());
  if (!due) return null;
  const partner = role === 'mentee' ? 'mentor' : 'mentee';
  const partnerName =
    (partner === 'mentee' ? journal.menteeName : journal.mentorName)?.trim() || `Your ${partner}`;
  return (
    <section class="card" aria-labelledby="home-review">
      <h2 id="home-review">{REVIEW_STAGE_NAME[due.stage]} due</h2>
      <p class="big">By {formatDate(due.dueDate)}</p>
      <p class="meta">
        {due.finished[role] ? 'You have finished your part' : 'Your part is still open'} ·{' '}
        {due.finished[partner] ? `${partnerName} has finished theirs` : `${partnerName}’s part is still open`}
      </p>
      <p>
        <a href={`/reviews/${due.stage}`}>Open the {REVIEW_STAGE_NAME[due.stage].toLowerCase()}</a>
      </p>
    </section>
  );
}
