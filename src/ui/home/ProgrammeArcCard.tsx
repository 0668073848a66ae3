import type { ReviewFacts } from '../../db/homeProgress';
import { reviewDays } from '../../model/reviewPlan';
import { reviewDue } from '../../model/reviewRules';
import { REVIEW_STAGE_NAME } from '../../model/reviewStages';
import { formatDate, today } from '../components/labels';
import { useJournal } from '../journalContext';

/**
 * Home's word on the programme's arc: a completed partnership with its dates, or the review that
 * is due (from `reviewDue`) and who has finished their part. Its facts are part of Home's
 * (db/homeProgress.ts `readReviewFacts`); when nothing is due it shows nothing.
 */
export function ProgrammeArcCard({ facts }: { facts: ReviewFacts | undefined }) {
  const { journal, role } = useJournal();
  const closed = !!journal.closedDate;

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
