import type { HomeFacts } from '../../db/firstLoad';
import { attentionReasonText } from '../../model/attention';
import { type Nudge, nudges, type ReviewStage } from '../../model/nudges';
import { programmeProgress } from '../../model/schedule';
import { localDate, today } from '../components/labels';
import { useStorageAdvice } from '../components/storageAdvice';
import { useJournal } from '../journalContext';
import './needsAttention.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Where to go to act on a nudge, and what to do there. */
const ACT: Record<Nudge['kind'], { href: string; action: string }> = {
  'no-meeting': { href: '/meetings', action: 'Plan a meeting' },
  'overdue-milestones': { href: '/milestones', action: 'Open the milestones' },
  'no-check-in': { href: '/check-ins', action: 'Start a check-in' },
  'goal-past-target': { href: '/goals', action: 'Review the goals' },
  // The stage's own review screen: see `hrefOf`.
  'review-due': { href: '/reviews', action: 'Start the review' },
  'no-backup': { href: '/share', action: 'Make a backup' },
};

const REVIEW_WORDS: Record<ReviewStage, string> = {
  'mid-point': 'The mid-point review is due',
  closing: 'The closing review is due',
};

/** Where a nudge's link goes: a review to its own screen. */
function hrefOf(nudge: Nudge): string {
  return nudge.kind === 'review-due' ? `/reviews/${nudge.stage}` : ACT[nudge.kind].href;
}

/** A nudge in words, as Home lists it. */
export function nudgeText(nudge: Nudge): string {
  switch (nudge.kind) {
    case 'review-due':
      return REVIEW_WORDS[nudge.stage];
    case 'no-backup':
      return nudge.daysSince === undefined
        ? 'Never backed up: everything lives only on this device'
        : `Last backup ${plural(nudge.daysSince, 'day', 'days')} ago`;
    default:
      return attentionReasonText(nudge);
  }
}

/**
 * Home's "Needs attention" card: one line per thing to act on, each a link to where it is done,
 * from the rules the committee's flags use (model/nudges.ts over model/attention.ts). It takes
 * Home's facts (last meeting held, overdue milestones, last backup, the latest check-in, the goals'
 * target dates), so it shows with Home's first paint. `reviewDue` is the
 * review a pair is asked to do now, from the reviews' own rule.
 */
export function NeedsAttentionCard({
  facts,
  reviewDue,
}: {
  facts: HomeFacts | undefined;
  reviewDue?: ReviewStage;
}) {
  const { journal } = useJournal();
  const now = today();
  const extras = facts?.attention;
  const storage = useStorageAdvice();

  // Until the storage API answers (it can take a moment at start-up), a backup is due by the
  // ordinary rule; once it says this browser may clear the journal, by the sooner one.
  const list =
    facts && extras
      ? nudges({
          on: now,
          startDate: journal.startDate,
          endDate: programmeProgress(journal.startDate, journal.lengthMonths, now)?.endDate,
          closedDate: journal.closedDate,
          cadenceDays: journal.cadenceDays,
          lastHeldOn: facts.lastHeldDate,
          overdueMilestones: facts.overdue.count,
          latestCheckInOn: extras.latestCheckInOn,
          goals: extras.goals,
          lastBackupOn: localDate(facts.membership?.lastBackupAt),
          backupAtRisk: storage !== undefined && storage !== 'kept',
          reviewDue,
        })
      : undefined;

  return (
    <section class="card wide needs-attention" aria-labelledby="home-attention">
      <h2 id="home-attention">Needs attention</h2>
      {list === undefined ? (
        <p>Loading…</p>
      ) : list.length === 0 ? (
        <p class="empty">Nothing needs attention today.</p>
      ) : (
        <ul class="plain-list nudge-list" aria-label="Needs attention">
          {list.map((nudge) => (
            <li key={nudge.kind}>
              <a href={hrefOf(nudge)}>
                <span>{nudgeText(nudge)}</span>
                <span class="nudge-action">{ACT[nudge.kind].action}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
