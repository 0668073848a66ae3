/**
 * "Does this pair need attention?" — one pure rule, asked by the cohort view for every pair, from
 * the barriers mentoring programmes report: no meeting for longer than the agreed cadence, overdue
 * milestones, no check-in in six months, a goal past its target date. Each reason is the same model
 * rule the pair's own Home uses (`nextMeetingDue`, `isMilestoneOverdue` through the summary's
 * counts, `nextCheckInSuggested`, `isGoalPastTarget`). Zod-free; the day is always an argument.
 */
import { isGoalPastTarget } from './progressRules';
import { CHECK_IN_EVERY_MONTHS, isCalendarDate, nextCheckInSuggested, nextMeetingDue } from './schedule';

/** What the rule reads about one pair, as of one day (a committee summary's day). */
export interface AttentionFacts {
  /** The day the facts are of: the summary's `generatedOn`. */
  on: string;
  startDate?: string;
  /** The programme's end (start + length). */
  endDate?: string;
  /** The day the pair closed the partnership, if they did. */
  closedDate?: string;
  /** The agreed longest stretch between meetings, in days. */
  cadenceDays?: number;
  /** The latest meeting held. */
  lastHeldOn?: string;
  /** Milestones still open past their due date (as the summary counts them). */
  overdueMilestones: number;
  /** The latest partnership check-in. */
  latestCheckInOn?: string;
  /**
   * False when the summary cannot tell (a version-1 summary listed only the check-ins shown to the
   * committee, and listed none): then no check-in reason is given rather than a wrong one.
   */
  checkInsKnown?: boolean;
  goals: readonly { title?: string; status?: string; targetDate?: string }[];
}

/** One reason a pair needs attention. */
export type AttentionReason =
  | { kind: 'no-meeting'; days: number; cadenceDays: number; since: 'meeting' | 'start' }
  | { kind: 'overdue-milestones'; count: number }
  | { kind: 'no-check-in'; since: 'check-in' | 'start' }
  | { kind: 'goal-past-target'; titles: string[] };

/** The reasons in the order they are shown (and the kinds the rule knows). */
export const ATTENTION_KINDS = [
  'no-meeting',
  'overdue-milestones',
  'no-check-in',
  'goal-past-target',
] as const;

/**
 * The day meetings and check-ins are measured to: the facts' day, or the programme's end or the
 * close when earlier — a pair is not asked to meet after its programme is over.
 */
export function measuredUntil(facts: Pick<AttentionFacts, 'on' | 'endDate' | 'closedDate'>): string {
  return [facts.on, facts.endDate, facts.closedDate].filter(isCalendarDate).sort()[0] ?? facts.on;
}

/**
 * Whether the pair completed the partnership — closed it on or before the facts' day. A
 * completed pair needs no attention: the cohort view says "Completed" instead of flags.
 */
export function isCompleted(facts: Pick<AttentionFacts, 'on' | 'closedDate'>): boolean {
  return isCalendarDate(facts.closedDate) && facts.closedDate <= facts.on;
}

/**
 * Why a pair needs attention on `facts.on` (empty when it does not, and always for a pair that
 * completed the partnership):
 * - no meeting for longer than the cadence: more than `cadenceDays` days since the last meeting
 *   held, or since the start when none has been (Home's "overdue" next meeting);
 * - one or more overdue milestones;
 * - no check-in in six months: six months since the last check-in, or since the start (Home's
 *   suggested check-in is due);
 * - a goal past its target date and neither achieved nor dropped.
 */
export function attentionReasons(facts: AttentionFacts): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (isCompleted(facts)) return reasons;
  const until = measuredUntil(facts);

  const next = nextMeetingDue([facts.lastHeldOn], facts.startDate, facts.cadenceDays, until);
  if (next?.overdue && facts.cadenceDays) {
    reasons.push({
      kind: 'no-meeting',
      days: facts.cadenceDays - next.daysLeft,
      cadenceDays: facts.cadenceDays,
      since: next.fromDate ? 'meeting' : 'start',
    });
  }

  if (facts.overdueMilestones > 0)
    reasons.push({ kind: 'overdue-milestones', count: facts.overdueMilestones });

  if (facts.checkInsKnown !== false) {
    const checkIn = nextCheckInSuggested([facts.latestCheckInOn], facts.startDate, until);
    if (checkIn?.due) {
      reasons.push({
        kind: 'no-check-in',
        since: isCalendarDate(facts.latestCheckInOn) ? 'check-in' : 'start',
      });
    }
  }

  const late = facts.goals.filter((g) => isGoalPastTarget(g, facts.on));
  if (late.length > 0) {
    reasons.push({ kind: 'goal-past-target', titles: late.map((g) => g.title?.trim() || 'Untitled goal') });
  }
  return reasons;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A reason in words, as the cohort table and its CSV show it. */
export function attentionReasonText(reason: AttentionReason): string {
  switch (reason.kind) {
    case 'no-meeting':
      return `No meeting for ${plural(reason.days, 'day', 'days')}${reason.since === 'start' ? ' since the start' : ''} (agreed: at least every ${plural(reason.cadenceDays, 'day', 'days')})`;
    case 'overdue-milestones':
      return `${plural(reason.count, 'milestone', 'milestones')} overdue`;
    case 'no-check-in':
      return reason.since === 'start'
        ? `No check-in since the start (suggested every ${CHECK_IN_EVERY_MONTHS} months)`
        : `No check-in in the last ${CHECK_IN_EVERY_MONTHS} months`;
    case 'goal-past-target':
      return reason.titles.length === 1
        ? `A goal past its target date: “${reason.titles[0]}”`
        : `${reason.titles.length} goals past their target dates: ${reason.titles.map((t) => `“${t}”`).join(', ')}`;
  }
}
