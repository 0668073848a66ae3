/**
 * The cohort table: one row per pair, one column per fact, each cell a text — the same texts the
 * screen shows and the CSV holds — and a sort key per column. Pure apart from the date format.
 */
import {
  type AttentionReason,
  attentionReasons,
  attentionReasonText,
  isCompleted,
} from '../../model/attention';
import { daysBetween } from '../../model/schedule';
import type { PairSummary } from '../../report/readSummary';
import { formatDate } from '../components/labels';
import { addToCohort, type CohortEntry, type CohortFile } from './cohort';

/** One pair in the table. */
export interface CohortRow {
  key: string;
  summary: PairSummary;
  fileName: string;
  reasons: AttentionReason[];
  /** The cell texts, in column order. */
  cells: string[];
  /** The sort keys, in column order (undefined sorts last either way). */
  keys: (string | number | undefined)[];
}

type SortKey = string | number | undefined;

/** The columns' ids, in order. */
export type CohortColumnId =
  | 'mentee'
  | 'mentor'
  | 'programme'
  | 'attention'
  | 'reasons'
  | 'month'
  | 'meetings'
  | 'daysSince'
  | 'goals'
  | 'progress'
  | 'milestones'
  | 'overdue'
  | 'checkIn'
  | 'made';

interface Column {
  id: CohortColumnId;
  header: string;
  /** Whether the column holds numbers (right-aligned, sorted as numbers). */
  numeric?: boolean;
  text: (s: PairSummary, reasons: AttentionReason[]) => string;
  key: (s: PairSummary, reasons: AttentionReason[]) => SortKey;
}

/** Whole days since the last meeting held, counted to the summary's day (never below 0). */
function daysSinceLastMeeting(s: PairSummary): number | undefined {
  const last = s.meetings.lastHeldOn;
  return last ? Math.max(0, daysBetween(last, s.generatedOn)) : undefined;
}

/** Goals that count: those shown to the committee and not dropped. */
const countedGoals = (s: PairSummary) => s.goals.filter((g) => g.status !== 'dropped');

/** The average of each goal's latest progress (achieved goals count as 100 %); undefined when none is logged. */
function goalProgress(s: PairSummary): number | undefined {
  const percents = countedGoals(s)
    .map((g) => (g.status === 'achieved' ? 100 : g.latestPercent))
    .filter((p): p is number => typeof p === 'number');
  if (percents.length === 0) return undefined;
  return Math.round(percents.reduce((a, b) => a + b, 0) / percents.length);
}

const goalsLeftOut = (s: PairSummary) => s.leftOut.includes('goals');
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);

/** The columns, in order: what the screen's table and the CSV both hold. */
export const COHORT_COLUMNS: readonly Column[] = [
  {
    id: 'mentee',
    header: 'Mentee',
    text: (s) => s.journal.menteeName || 'No name given',
    key: (s) => s.journal.menteeName,
  },
  {
    id: 'mentor',
    header: 'Mentor',
    text: (s) => s.journal.mentorName || 'No name given',
    key: (s) => s.journal.mentorName,
  },
  {
    id: 'programme',
    header: 'Programme',
    text: (s) => s.journal.programme,
    key: (s) => s.journal.programme || undefined,
  },
  {
    id: 'attention',
    header: 'Needs attention',
    text: (s, r) => (completed(s) ? 'Completed' : r.length > 0 ? 'Yes' : 'No'),
    // Completed pairs sort before those that need none.
    key: (s, r) => (completed(s) ? -1 : r.length),
  },
  {
    id: 'reasons',
    header: 'Why',
    text: (_s, r) => r.map(attentionReasonText).join('; '),
    key: (_s, r) => (r.length ? r.map(attentionReasonText).join('; ') : undefined),
  },
  {
    id: 'month',
    header: 'Month',
    text: (s) => {
      const j = s.journal;
      if (j.monthsElapsed === undefined) return 'No start date';
      const month = `Month ${j.monthsElapsed} of ${j.lengthMonths}`;
      if (j.closedDate) return `${month}, closed ${formatDate(j.closedDate)}`;
      if (j.phase === 'ended') return `${month}, ended`;
      if (j.phase === 'not-started') return `Starts ${formatDate(j.startDate)}`;
      return month;
    },
    key: (s) => s.journal.percentElapsed ?? s.journal.monthsElapsed,
  },
  {
    id: 'meetings',
    header: 'Meetings held / expected',
    text: (s) => `${s.meetings.heldCount} of ${s.meetings.expectedCount}`,
    // Furthest behind the cadence first when ascending.
    key: (s) => s.meetings.heldCount - s.meetings.expectedCount,
  },
  {
    id: 'daysSince',
    header: 'Days since last meeting',
    numeric: true,
    text: (s) => {
      const days = daysSinceLastMeeting(s);
      return days === undefined ? 'None held' : String(days);
    },
    key: (s) => daysSinceLastMeeting(s) ?? Number.POSITIVE_INFINITY,
  },
  {
    id: 'goals',
    header: 'Goals achieved',
    text: (s) => {
      if (goalsLeftOut(s)) return 'Left out';
      const goals = countedGoals(s);
      return `${goals.filter((g) => g.status === 'achieved').length} of ${goals.length}`;
    },
    key: (s) => {
      const goals = countedGoals(s);
      return goalsLeftOut(s)
        ? undefined
        : ratio(goals.filter((g) => g.status === 'achieved').length, goals.length);
    },
  },
  {
    id: 'progress',
    header: 'Goal progress',
    numeric: true,
    text: (s) => {
      if (goalsLeftOut(s)) return 'Left out';
      if (s.version === 1) return 'Not in older summaries';
      const percent = goalProgress(s);
      return percent === undefined ? 'Not logged' : `${percent}%`;
    },
    key: (s) => goalProgress(s),
  },
  {
    id: 'milestones',
    header: 'Milestones done',
    text: (s) => `${s.milestoneCounts.done} of ${s.milestoneCounts.total}`,
    key: (s) => ratio(s.milestoneCounts.done, s.milestoneCounts.total),
  },
  {
    id: 'overdue',
    header: 'Milestones overdue',
    numeric: true,
    text: (s) => String(s.milestoneCounts.overdue),
    key: (s) => s.milestoneCounts.overdue,
  },
  {
    id: 'checkIn',
    header: 'Latest check-in',
    text: (s) =>
      s.latestCheckInOn
        ? formatDate(s.latestCheckInOn)
        : s.checkInsKnown
          ? 'None'
          : 'Not in this older summary',
    key: (s) => s.latestCheckInOn,
  },
  {
    id: 'made',
    header: 'Summary made',
    text: (s) => `${formatDate(s.generatedOn)}${s.version === 1 ? ' (older summary)' : ''}`,
    key: (s) => s.generatedAt ?? s.generatedOn,
  },
];

/** Whether the pair had completed the partnership on the summary's day (`isCompleted`). */
export function completed(s: PairSummary): boolean {
  return isCompleted({ on: s.generatedOn, closedDate: s.journal.closedDate });
}

/** The facts the attention rule reads, from a summary. */
export function attentionOf(s: PairSummary): AttentionReason[] {
  return attentionReasons({
    on: s.generatedOn,
    startDate: s.journal.startDate,
    endDate: s.journal.endDate,
    closedDate: s.journal.closedDate,
    cadenceDays: s.meetings.cadenceDays,
    lastHeldOn: s.meetings.lastHeldOn,
    overdueMilestones: s.milestoneCounts.overdue,
    latestCheckInOn: s.latestCheckInOn,
    checkInsKnown: s.checkInsKnown,
    goals: s.goals,
  });
}

/** The table's rows, one per pair, in the cohort's order. */
export function cohortRows(entries: readonly CohortEntry[]): CohortRow[] {
  return entries.map(({ summary, fileName }) => {
    const reasons = attentionOf(summary);
    return {
      key: summary.pairKey,
      summary,
      fileName,
      reasons,
      cells: COHORT_COLUMNS.map((c) => c.text(summary, reasons)),
      keys: COHORT_COLUMNS.map((c) => c.key(summary, reasons)),
    };
  });
}

export type SortDirection = 'ascending' | 'descending';
export interface CohortSort {
  column: CohortColumnId;
  direction: SortDirection;
}

/** The order the table opens in: the pairs that need attention most first. */
export const DEFAULT_SORT: CohortSort = { column: 'attention', direction: 'descending' };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by one column (missing values last, whichever the direction), then by mentee
 * and mentor, so the order is the same every time.
 */
export function sortRows(rows: readonly CohortRow[], { column, direction }: CohortSort): CohortRow[] {
  const index = COHORT_COLUMNS.findIndex((c) => c.id === column);
  const sign = direction === 'ascending' ? 1 : -1;
  const names = (r: CohortRow) => `${r.cells[0]} ${r.cells[1]}`;
  return [...rows].sort((a, b) => {
    const ka = a.keys[index];
    const kb = b.keys[index];
    if (ka !== kb) {
      if (ka === undefined) return 1;
      if (kb === undefined) return -1;
      const byKey = compareKeys(ka, kb);
      if (byKey !== 0) return sign * byKey;
    }
    return collator.compare(names(a), names(b)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}

/**
 * Opens summary files as the cohort view does — reads and checks each, keeps the newest summary of
 * each pair, applies the attention rule and builds the sorted table — for the bench to time
 * (500 summaries should take well under 2 s). Returns the rows and the files refused.
 */
export function openCohort(files: readonly CohortFile[], sort: CohortSort = DEFAULT_SORT) {
  const change = addToCohort([], files);
  return {
    rows: sortRows(cohortRows(change.entries), sort),
    refused: change.refused,
    notices: change.notices,
  };
}
