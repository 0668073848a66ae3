/**
 * The committee summary: what a pair hands to its programme committee. Pure — it reads records and
 * returns plain data, so the preview, the JSON file and the PDF show exactly the same things.
 *
 * Privacy rule, held by a property test: the text of a record appears only when that record is
 * marked `committee` (and is not deleted), and only the fields listed here. Everything else — private
 * and pair records, meeting notes, agendas, actions, reflections, contacts — contributes at most a
 * meeting's date and way of meeting to the count of meetings held. Device-only state is never read.
 */
import { CHECK_IN_QUESTION_TEXT, CHECK_IN_QUESTIONS, type CheckIn } from '../model/checkIn';
import { isRating } from '../model/checkInRules';
import { DEFAULT_CADENCE_DAYS, DEFAULT_LENGTH_MONTHS, type Role } from '../model/constants';
import { GOAL_STATUSES, type Goal, type ProgressEntry } from '../model/goal';
import type { Journal } from '../model/journal';
import type { AnyRecord } from '../model/kinds';
import { MEETING_MODES, type Meeting } from '../model/meeting';
import { compareMeetings, isMeetingHeld } from '../model/meetingRules';
import { MILESTONE_STATUSES, type Milestone } from '../model/milestone';
import { compareMilestones } from '../model/milestoneRules';
import type { Note } from '../model/note';
import { OPPORTUNITY_TYPES, type Opportunity } from '../model/opportunity';
import { withPlanRule } from '../model/programmePlan';
import {
  expectedMeetings,
  inPeriod,
  isGoalPastTarget,
  latestProgress,
  longestStretch,
  meetingStretches,
  milestoneCounts,
} from '../model/progressRules';
import type { Reflection } from '../model/reflection';
import { reflectionPrompt } from '../model/reflectionPrompts';
import type { Review } from '../model/review';
import { reviewFinishedOn } from '../model/reviewRules';
import { isCalendarDate, programmeProgress } from '../model/schedule';
import type { Story } from '../model/story';
import {
  type CommitteeSummary,
  SUMMARY_FORMAT,
  SUMMARY_SCHEMA_ID,
  SUMMARY_SECTIONS,
  SUMMARY_VERSION,
  type SummaryAgreement,
  type SummaryCheckIn,
  type SummaryGap,
  type SummaryGoal,
  type SummaryJournal,
  type SummaryMeeting,
  type SummaryMilestone,
  type SummaryOpportunity,
  type SummaryReflection,
  type SummaryReviews,
  type SummarySection,
  type SummaryStory,
} from './summarySchema';

export {
  type CommitteeSummary,
  SUMMARY_FORMAT,
  SUMMARY_SCHEMA_ID,
  SUMMARY_VERSION,
  type SummaryAgreement,
  type SummaryCheckIn,
  type SummaryGap,
  type SummaryGoal,
  type SummaryJournal,
  type SummaryMeeting,
  type SummaryMeetings,
  type SummaryMilestone,
  type SummaryNote,
  type SummaryStory,
} from './summarySchema';

export interface SummaryOptions {
  /** Today's calendar date, YYYY-MM-DD. */
  today: string;
  /** The moment the summary is made (an ISO date-time); now unless given. */
  generatedAt?: string;
  /** The dates it covers (meetings, milestones, check-ins); the whole programme unless given. */
  period?: { from?: string; to?: string };
  /** Sections to leave out (the pair chose so in the preview). */
  leaveOut?: readonly SummarySection[];
  /** The role of the person making the summary. */
  role: Role;
}

const byText = (a: string | undefined, b: string | undefined) => (a ?? '').localeCompare(b ?? '');
/** Sorts undated items last, then by title. */
const byDateThenTitle =
  <T>(date: (t: T) => string | undefined, title: (t: T) => string | undefined) =>
  (a: T, b: T) =>
    byText(date(a) ?? '9999-99-99', date(b) ?? '9999-99-99') || byText(title(a), title(b));

/** A value of a known list, else `fallback`: a value a newer version wrote never breaks the file's schema. */
function known<T extends string>(values: readonly T[], value: unknown, fallback: T): T;
function known<T extends string>(values: readonly T[], value: unknown): T | undefined;
function known<T extends string>(values: readonly T[], value: unknown, fallback?: T): T | undefined {
  return (values as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

/** Whether a string has something other than white space in it. */
function filled(text: string | undefined): text is string {
  return typeof text === 'string' && text.trim() !== '';
}

/** Only set keys whose value is defined, so JSON has no `null`s or empty strings. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[key] = v;
  }
  return out as T;
}

/** The reviews done by both, by day (from the shared `finished` marks only): absent when none is. */
function reviewsOf(reviews: readonly Review[]): { reviews?: SummaryReviews } {
  const done = compact<SummaryReviews>({
    midPointDoneOn: reviewFinishedOn(reviews, 'mid-point'),
    closingDoneOn: reviewFinishedOn(reviews, 'closing'),
  });
  return Object.keys(done).length > 0 ? { reviews: done } : {};
}

/**
 * Builds the committee summary of `journal` from its `records` (any kinds, any visibility: this
 * function does the filtering). Records of other journals are ignored.
 */
export function buildSummary(
  records: readonly AnyRecord[],
  journal: Journal,
  { today, role, generatedAt = new Date().toISOString(), period, leaveOut = [] }: SummaryOptions,
): CommitteeSummary {
  const mine = records.filter((r) => r.journalId === journal.id && !r.deleted);
  const shared = (kind: AnyRecord['kind']) =>
    mine.filter((r) => r.kind === kind && r.visibility !== 'private');
  const forCommittee = <T>(kind: AnyRecord['kind']) =>
    mine.filter((r) => r.kind === kind && r.visibility === 'committee') as unknown as T[];

  const lengthMonths = journal.lengthMonths ?? DEFAULT_LENGTH_MONTHS;
  const cadenceDays = journal.cadenceDays ?? DEFAULT_CADENCE_DAYS;
  const progress = programmeProgress(journal.startDate, lengthMonths, today);
  const startDate = isCalendarDate(journal.startDate) ? journal.startDate : undefined;
  const closedDate = isCalendarDate(journal.closedDate) ? journal.closedDate : undefined;

  // Measured up to today, the end of the programme or the close, and the end of the period.
  const ended = closedDate ?? (progress?.phase === 'ended' ? progress.endDate : undefined);
  const from = period?.from && (!startDate || period.from > startDate) ? period.from : startDate;
  const until = [today, ended, period?.to].filter(isCalendarDate).sort()[0]!;
  const inRange = (date: string | undefined) => inPeriod(date, period);

  // Meetings: dates and ways of meeting only.
  const held = (shared('meeting') as Meeting[])
    .filter((m) => isMeetingHeld(m) && isCalendarDate(m.date) && inRange(m.date))
    .sort(compareMeetings)
    .map((m) => compact<SummaryMeeting>({ date: m.date!, mode: known(MEETING_MODES, m.mode) }));
  const heldDates = held.map((m) => m.date);
  const gapsOverCadence = cadenceGaps(heldDates, from, ended, until, cadenceDays);

  const left = new Set(leaveOut);
  const section = <T>(name: SummarySection, items: () => T[]): T[] => (left.has(name) ? [] : items());
  const goals = forCommittee<Goal>('goal');
  const committeeGoalTitles = new Map(goals.map((g) => [g.id, g.title] as const));
  const progressByGoal = new Map<string, ProgressEntry[]>();
  for (const entry of shared('progressEntry') as ProgressEntry[]) {
    if (!entry.goalId || (period?.to && entry.date && entry.date > period.to)) continue;
    progressByGoal.set(entry.goalId, [...(progressByGoal.get(entry.goalId) ?? []), entry]);
  }
  // Plan milestones whose event the journal records count as done (`withPlanRule`).
  const planFacts = {
    journal,
    goals: mine.filter((r) => r.kind === 'goal') as Goal[],
    reviews: mine.filter((r) => r.kind === 'review') as Review[],
  };
  const planned = (list: Milestone[]) => list.map((m) => withPlanRule(m, planFacts));
  // Milestones in the period: due in it, or done in it.
  const milestonesInRange = (list: Milestone[]) =>
    period ? list.filter((m) => inRange(m.dueDate) || inRange(m.doneDate)) : list;
  const checkInDates = (mine.filter((r) => r.kind === 'checkIn') as CheckIn[])
    .map((c) => c.date)
    .filter((d) => isCalendarDate(d) && inRange(d) && d <= today)
    .sort();

  return {
    $schema: SUMMARY_SCHEMA_ID,
    format: SUMMARY_FORMAT,
    formatVersion: SUMMARY_VERSION,
    journalId: journal.id,
    generatedOn: today,
    generatedAt,
    generatedBy: role,
    journal: compact<SummaryJournal>({
      menteeName: journal.menteeName ?? '',
      mentorName: journal.mentorName ?? '',
      programme: journal.programme ?? '',
      startDate,
      lengthMonths,
      endDate: progress?.endDate,
      monthsElapsed: progress?.monthsElapsed,
      percentElapsed: progress?.percent,
      phase: progress?.phase,
      closedDate,
      completed: closedDate ? true : undefined,
    }),
    agreement: compact<SummaryAgreement>({
      menteeConfirmedOn: isCalendarDate(journal.menteeConfirmedOn) ? journal.menteeConfirmedOn : undefined,
      mentorConfirmedOn: isCalendarDate(journal.mentorConfirmedOn) ? journal.mentorConfirmedOn : undefined,
    }),
    ...reviewsOf(shared('review') as Review[]),
    ...(period && { period: compact({ from: period.from, to: period.to }) }),
    ...(left.size > 0 && { leftOut: SUMMARY_SECTIONS.filter((name) => left.has(name)) }),
    meetings: compact({
      heldCount: held.length,
      expectedCount: expectedMeetings(from, cadenceDays, until),
      lastHeldOn: heldDates.at(-1),
      longestGapDays: longestStretch(heldDates, from, until),
      held,
      cadenceDays,
      cadenceKept: gapsOverCadence.length === 0,
      gapsOverCadence,
    }),
    goals: section('goals', () =>
      goals
        .map((g) => {
          const latest = latestProgress(progressByGoal.get(g.id) ?? []);
          return compact<SummaryGoal>({
            id: g.id,
            title: g.title?.trim() || 'Untitled goal',
            status: known(GOAL_STATUSES, g.status, 'active'),
            targetDate: g.targetDate,
            pastTarget: isGoalPastTarget(g, today),
            latestPercent: latest?.percent,
            latestProgressOn: latest?.date,
            successCriteria: g.successCriteria,
          });
        })
        .sort(
          byDateThenTitle(
            (g) => g.targetDate,
            (g) => g.title,
          ),
        ),
    ),
    milestoneCounts: milestoneCounts(milestonesInRange(planned(shared('milestone') as Milestone[])), today),
    // The timeline's own order (src/model/milestoneRules.ts), so the committee reads them as the pair does.
    milestones: section('milestones', () =>
      milestonesInRange(planned(forCommittee<Milestone>('milestone')))
        .sort(compareMilestones)
        .map((m) =>
          compact<SummaryMilestone>({
            id: m.id,
            title: m.title?.trim() || 'Untitled milestone',
            dueDate: m.dueDate,
            status: known(MILESTONE_STATUSES, m.status, 'planned'),
            doneDate: m.doneDate,
            goalTitle: m.goalId ? committeeGoalTitles.get(m.goalId) : undefined,
          }),
        ),
    ),
    stories: section('stories', () =>
      forCommittee<Story>('story')
        .map((s) =>
          compact<SummaryStory>({
            id: s.id,
            title: s.title?.trim() || 'Untitled story',
            problem: s.problem,
            action: s.action,
            result: s.result,
          }),
        )
        .sort((a, b) => byText(a.title, b.title)),
    ),
    // The date only, whoever the check-in was kept for: a pair that keeps its check-ins to itself
    // still shows that it checks in.
    ...(checkInDates.length > 0 && { latestCheckInOn: checkInDates.at(-1) }),
    checkIns: section('checkIns', () =>
      forCommittee<CheckIn>('checkIn')
        .filter((c) => inRange(c.date))
        .map((c) =>
          compact<SummaryCheckIn>({
            id: c.id,
            date: c.date,
            author: c.author,
            rating: isRating(c.rating) ? c.rating : undefined,
            answers: CHECK_IN_QUESTIONS.filter((q) => filled(c[q])).map((q) => ({
              question: CHECK_IN_QUESTION_TEXT[q].label,
              answer: c[q]!,
            })),
          }),
        )
        .sort(
          byDateThenTitle(
            (c) => c.date,
            (c) => c.author,
          ),
        ),
    ),
    // Opportunities the mentee took part in (done), with what they took away.
    opportunities: section('opportunities', () =>
      forCommittee<Opportunity>('opportunity')
        .filter((o) => o.status === 'done')
        .map((o) =>
          compact<SummaryOpportunity>({
            id: o.id,
            title: o.title?.trim() || 'Untitled opportunity',
            type: known(OPPORTUNITY_TYPES, o.type),
            endDate: o.endDate,
            takeaways: o.takeaways,
          }),
        )
        .sort(
          byDateThenTitle(
            (o) => o.endDate,
            (o) => o.title,
          ),
        ),
    ),
    // Reflection answers the mentee chose to show, with the question they answer.
    reflections: section('reflections', () =>
      forCommittee<Reflection>('reflection')
        .filter((r) => filled(r.answer))
        .map((r) =>
          compact<SummaryReflection>({
            id: r.id,
            question: reflectionPrompt(r.promptId)?.text ?? 'A reflection',
            answer: r.answer!,
            answeredOn: r.answeredOn,
          }),
        )
        .sort(
          byDateThenTitle(
            (r) => r.answeredOn,
            (r) => r.question,
          ),
        ),
    ),
    notes: section('notes', () =>
      forCommittee<Note>('note')
        .filter((n) => filled(n.text))
        .map((n) => ({ id: n.id, text: n.text! }))
        .sort((a, b) => byText(a.text, b.text)),
    ),
  };
}

/**
 * The stretches longer than `cadenceDays` between the start, each held meeting, and — while the
 * programme runs — today (or the end of the programme once it is over).
 */
export function cadenceGaps(
  heldDates: readonly string[],
  startDate: string | undefined,
  endDate: string | undefined,
  today: string,
  cadenceDays: number,
): SummaryGap[] {
  const until = endDate && endDate < today ? endDate : today;
  return meetingStretches(heldDates, startDate, until).filter((stretch) => stretch.days > cadenceDays);
}
