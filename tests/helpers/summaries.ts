/**
 * Committee summaries of made-up pairs, built with the app's own buildSummary (pure), for the cohort
 * view's tests: a pair is described by what the table shows (meetings held, check-ins, milestones,
 * goals) and turned into the records a journal would hold.
 */
import type { Journal } from '../../src/model/journal';
import type { AnyRecord } from '../../src/model/kinds';
import { buildSummary, type CommitteeSummary } from '../../src/report/buildSummary';
import { journalOf, record } from '../../src/report/testRecords';

export interface PairSpec {
  journalId: string;
  mentee: string;
  mentor: string;
  programme?: string;
  startDate?: string;
  lengthMonths?: number;
  cadenceDays?: number;
  /** The days meetings were held. */
  meetings?: string[];
  /** The days of partnership check-ins (kept between the pair: only their date reaches the summary). */
  checkIns?: string[];
  milestones?: { title: string; dueDate?: string; status?: string; doneDate?: string }[];
  goals?: { title: string; status?: string; targetDate?: string; percent?: number }[];
  /** The summary's day, and its moment (noon that day unless given). */
  today: string;
  generatedAt?: string;
}

/** The summary a pair described by `spec` would export on `spec.today`. */
export function pairSummary(spec: PairSpec): CommitteeSummary {
  const journal = journalOf({
    id: spec.journalId,
    journalId: spec.journalId,
    menteeName: spec.mentee,
    mentorName: spec.mentor,
    programme: spec.programme ?? 'Regional library mentoring',
    startDate: spec.startDate ?? '2025-01-15',
    lengthMonths: spec.lengthMonths ?? 18,
    cadenceDays: spec.cadenceDays ?? 91,
  } as Partial<Journal>);
  const own = { journalId: spec.journalId };
  const records: AnyRecord[] = [];
  for (const date of spec.meetings ?? [])
    records.push(record('meeting', 'pair', { date, status: 'held', mode: 'video' }, own));
  for (const date of spec.checkIns ?? [])
    records.push(record('checkIn', 'pair', { date, author: 'mentor', howItIsGoing: 'Fine.' }, own));
  for (const m of spec.milestones ?? [])
    records.push(record('milestone', 'committee', { status: 'planned', ...m }, own));
  for (const { percent, ...g } of spec.goals ?? []) {
    const goal = record('goal', 'committee', { status: 'active', ...g }, own);
    records.push(goal);
    if (percent !== undefined)
      records.push(record('progressEntry', 'pair', { goalId: goal.id, date: spec.today, percent }, own));
  }
  return buildSummary(records, journal, {
    today: spec.today,
    role: 'mentee',
    generatedAt: spec.generatedAt ?? `${spec.today}T12:00:00.000Z`,
  });
}

/** The summary as the text of the file the pair downloads. */
export function summaryText(summary: CommitteeSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
