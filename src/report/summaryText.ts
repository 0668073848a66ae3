/**
 * The words of the committee summary, shared by the preview screen and the PDF so both say the
 * same thing. Dates read as everywhere in the app ("15 Jan 2025": day, month as a word, year), so
 * nobody reading the file can mistake the day for the month.
 */
import { isRating, PARTNERSHIP_RATING_LABELS, PARTNERSHIP_RATING_QUESTION } from '../model/checkInRules';
import { formatDate } from '../model/dates';
import { MILESTONE_STATUS_LABELS } from '../model/labels';
import type {
  CommitteeSummary,
  SummaryCheckIn,
  SummaryGap,
  SummaryGoal,
  SummaryMilestone,
} from './buildSummary';

/** "Zofia Łukasiewicz (mentee) and Grace Ọkafọ (mentor)" */
export function pairLine(summary: CommitteeSummary): string {
  const { menteeName, mentorName } = summary.journal;
  return `${menteeName || 'The mentee'} (mentee) and ${mentorName || 'the mentor'} (mentor)`;
}

/** The programme's dates and how far along it is, one line each. */
export function progressLines(summary: CommitteeSummary): string[] {
  const j = summary.journal;
  const lines: string[] = [];
  if (j.programme) lines.push(`Programme: ${j.programme}`);
  if (j.startDate) {
    lines.push(
      `Started ${formatDate(j.startDate)}; ${j.lengthMonths} months, ending ${formatDate(j.endDate)}.`,
    );
  } else {
    lines.push(`${j.lengthMonths} months; no start date recorded.`);
  }
  if (j.phase === 'not-started') lines.push('Not started yet.');
  else if (j.monthsElapsed !== undefined)
    lines.push(
      `${j.monthsElapsed} of ${j.lengthMonths} months elapsed (${j.percentElapsed ?? 0}%)${j.phase === 'ended' ? ' — the programme has ended' : ''}.`,
    );
  if (j.closedDate) lines.push(`Partnership completed: closed on ${formatDate(j.closedDate)}.`);
  return lines;
}

/** Who confirmed the partnership agreement, and when. */
export function agreementLines(summary: CommitteeSummary): string[] {
  const { menteeConfirmedOn, mentorConfirmedOn } = summary.agreement;
  return [
    menteeConfirmedOn
      ? `The mentee confirmed the agreement on ${formatDate(menteeConfirmedOn)}.`
      : 'The mentee has not confirmed the agreement yet.',
    mentorConfirmedOn
      ? `The mentor confirmed the agreement on ${formatDate(mentorConfirmedOn)}.`
      : 'The mentor has not confirmed the agreement yet.',
    ...(summary.reviews?.midPointDoneOn
      ? [`Mid-point review done by both on ${formatDate(summary.reviews.midPointDoneOn)}.`]
      : []),
    ...(summary.reviews?.closingDoneOn
      ? [`Closing review done by both on ${formatDate(summary.reviews.closingDoneOn)}.`]
      : []),
  ];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 meetings held." */
export function meetingsCountLine(summary: CommitteeSummary): string {
  const n = summary.meetings.heldCount;
  return n === 0 ? 'No meetings held yet.' : `${plural(n, 'meeting', 'meetings')} held.`;
}

/** "The agreed cadence asks for 4 by now; the longest stretch without one was 122 days." */
export function meetingsProgressLine(summary: CommitteeSummary): string {
  const { expectedCount, longestGapDays, lastHeldOn } = summary.meetings;
  return [
    `The agreed cadence asks for ${expectedCount} by now`,
    lastHeldOn ? `the last was on ${formatDate(lastHeldOn)}` : undefined,
    `the longest stretch without one was ${plural(longestGapDays, 'day', 'days')}.`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** "What the summary covers": the whole programme so far, or a period. */
export function periodLine(summary: CommitteeSummary): string {
  const { from, to } = summary.period ?? {};
  if (from && to) return `Covers ${formatDate(from)} to ${formatDate(to)}.`;
  if (from) return `Covers ${formatDate(from)} to ${formatDate(summary.generatedOn)}.`;
  if (to) return `Covers the programme up to ${formatDate(to)}.`;
  return 'Covers the whole programme so far.';
}

/** "Latest progress 60% (1 Jul 2025) · past its target date" */
export function goalProgressLine(goal: SummaryGoal): string | undefined {
  const parts = [
    goal.latestPercent !== undefined
      ? `latest progress ${goal.latestPercent}%${goal.latestProgressOn ? ` (${formatDate(goal.latestProgressOn)})` : ''}`
      : undefined,
    goal.pastTarget ? 'past its target date' : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  const line = parts.join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** "5 milestones: 2 done (1 on time), 1 overdue, 1 missed." */
export function milestoneCountsLine(summary: CommitteeSummary): string {
  const { total, done, onTime, overdue, missed } = summary.milestoneCounts;
  if (total === 0) return 'No milestones set yet.';
  return `${plural(total, 'milestone', 'milestones')}: ${done} done (${onTime} on time), ${overdue} overdue, ${missed} missed.`;
}

/** "Latest check-in: 15 Jun 2025." */
export function checkInLine(summary: CommitteeSummary): string {
  return summary.latestCheckInOn
    ? `Latest partnership check-in: ${formatDate(summary.latestCheckInOn)}.`
    : 'No partnership check-in yet.';
}

/** "How is the partnership working? 4 of 5 (Working well)." — or undefined for a check-in without a rating. */
export function checkInRatingLine(checkIn: SummaryCheckIn): string | undefined {
  const { rating } = checkIn;
  return isRating(rating)
    ? `${PARTNERSHIP_RATING_QUESTION} ${rating} of 5 (${PARTNERSHIP_RATING_LABELS[rating]}).`
    : undefined;
}

/**
 * The ratings shown to the committee, over time, one clause per person: "Partnership ratings (1–5)
 * over time: the mentee 2 (15 Jul 2025), 4 (15 Jan 2026); the mentor 3 (15 Jul 2025)." Undefined
 * when the committee is shown none.
 */
export function ratingTrendLine(summary: CommitteeSummary): string | undefined {
  const dated = summary.checkIns
    .filter((c) => isRating(c.rating))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const people = (['mentee', 'mentor'] as const)
    .map((role) => {
      const mine = dated.filter((c) => c.author === role);
      if (mine.length === 0) return undefined;
      return `the ${role} ${mine.map((c) => `${c.rating}${c.date ? ` (${formatDate(c.date)})` : ''}`).join(', ')}`;
    })
    .filter(Boolean);
  return people.length ? `Partnership ratings (1–5) over time: ${people.join('; ')}.` : undefined;
}

/** Whether the pair met at least as often as agreed. */
export function cadenceLine(summary: CommitteeSummary): string {
  const { cadenceDays, cadenceKept } = summary.meetings;
  return cadenceKept
    ? `Met at least every ${cadenceDays} days, as agreed.`
    : `Some stretches between meetings were longer than the agreed ${cadenceDays} days:`;
}

export function gapLine(gap: SummaryGap): string {
  return gap.open
    ? `${gap.days} days since ${formatDate(gap.from)} (up to ${formatDate(gap.to)}) without a meeting`
    : `${gap.days} days from ${formatDate(gap.from)} to ${formatDate(gap.to)}`;
}

/** "Due 1 Jun 2025 · Done on 30 May 2025 · For: Lead a small project" */
export function milestoneMeta(m: SummaryMilestone): string {
  return [
    MILESTONE_STATUS_LABELS[m.status] ?? m.status,
    m.dueDate ? `due ${formatDate(m.dueDate)}` : undefined,
    m.doneDate ? `done on ${formatDate(m.doneDate)}` : undefined,
    m.goalTitle ? `for the goal “${m.goalTitle}”` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}
