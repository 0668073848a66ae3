/**
 * The milestone timeline's layout, pure: the programme's months in order, each with its milestones
 * (one mark each, or one mark for the whole month when it holds more than `perMonth`), the meetings
 * held in it and, in today's month, where today falls. The component draws exactly this.
 */
import type { MilestoneRow } from '../../db/lists';
import { addMonths } from '../../model/schedule';

/** A dated milestone as the timeline draws it (a list row with its due date). */
export type TimelineMilestone = Pick<MilestoneRow, 'id' | 'title' | 'status' | 'overdue'> & {
  dueDate: string;
};

/** What the timeline draws: dated milestones in due-date order, and the days of meetings held. */
export interface TimelineFacts {
  milestones: readonly TimelineMilestone[];
  meetingsHeld: readonly { id: string; date: string }[];
}

/** How a milestone stands on the timeline; each has its own shape and word. */
export type MarkState = 'done' | 'missed' | 'overdue' | 'planned' | 'dropped';

export const MARK_STATES: readonly MarkState[] = ['done', 'missed', 'overdue', 'planned', 'dropped'];

export const MARK_WORDS: Record<MarkState, string> = {
  done: 'done',
  missed: 'missed',
  overdue: 'overdue',
  planned: 'planned',
  dropped: 'dropped',
};

/** A milestone's state on the timeline: open ones are planned until their day passes. */
export function markState(m: Pick<TimelineMilestone, 'status' | 'overdue'>): MarkState {
  if (m.status === 'done' || m.status === 'missed' || m.status === 'dropped') return m.status;
  return m.overdue ? 'overdue' : 'planned';
}

export type TimelineMark =
  | { kind: 'one'; id: string; title: string; dueDate: string; state: MarkState }
  | {
      kind: 'group';
      ids: string[];
      firstId: string;
      count: number;
      states: Partial<Record<MarkState, number>>;
    };

export interface TimelineMonth {
  /** YYYY-MM */
  month: string;
  marks: TimelineMark[];
  meetingsHeld: string[];
  /** In today's month: how far through the month today is (0 at its first day, under 1 at its last). */
  today?: number;
}

export interface TimelineLayout {
  months: TimelineMonth[];
  /** Dated milestones before the first month or after the last: in the list, not on the axis. */
  before: number;
  after: number;
  counts: Record<MarkState, number>;
  meetingsHeld: number;
}

/** More milestones than this in one month are drawn as one mark ("5 in March"). */
export const PER_MONTH = 3;
/** The most months one axis shows (a programme is at most 120 months long). */
const MAX_MONTHS = 120;

const monthOf = (date: string) => date.slice(0, 7);

function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).getUTCDate();
}

/**
 * Lays out the timeline: the programme's months when it has a start date, else the months from the
 * first dated milestone (or today) to the last (or today).
 */
export function layoutTimeline(options: {
  facts: TimelineFacts;
  today: string;
  startDate?: string;
  lengthMonths?: number;
  perMonth?: number;
}): TimelineLayout {
  const { facts, today, startDate } = options;
  const perMonth = options.perMonth ?? PER_MONTH;
  const dated = facts.milestones;
  let first: string;
  let count: number;
  if (startDate) {
    first = monthOf(startDate);
    count = Math.max(1, options.lengthMonths ?? 12);
  } else {
    const from = [dated[0]?.dueDate, today].filter(Boolean).sort()[0]!;
    const to = [dated.at(-1)?.dueDate, today].filter(Boolean).sort().at(-1)!;
    first = monthOf(from);
    count = monthsFrom(first, monthOf(to)) + 1;
  }
  count = Math.min(count, MAX_MONTHS);
  const months: TimelineMonth[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const month = monthOf(addMonths(`${first}-01`, i));
    index.set(month, i);
    months.push({ month, marks: [], meetingsHeld: [] });
  }
  const last = months.at(-1)!.month;

  const counts: Record<MarkState, number> = { done: 0, missed: 0, overdue: 0, planned: 0, dropped: 0 };
  let before = 0;
  let after = 0;
  const byMonth = new Map<number, TimelineMilestone[]>();
  for (const m of dated) {
    counts[markState(m)] += 1;
    const month = monthOf(m.dueDate);
    const at = index.get(month);
    if (at === undefined) {
      if (month < first) before += 1;
      else if (month > last) after += 1;
      continue;
    }
    const list = byMonth.get(at);
    if (list) list.push(m);
    else byMonth.set(at, [m]);
  }
  for (const [at, list] of byMonth) {
    if (list.length > perMonth) {
      const states: Partial<Record<MarkState, number>> = {};
      for (const m of list) states[markState(m)] = (states[markState(m)] ?? 0) + 1;
      months[at]!.marks.push({
        kind: 'group',
        ids: list.map((m) => m.id),
        firstId: list[0]!.id,
        count: list.length,
        states,
      });
    } else {
      months[at]!.marks = list.map((m) => ({
        kind: 'one',
        id: m.id,
        title: m.title?.trim() || 'Untitled milestone',
        dueDate: m.dueDate,
        state: markState(m),
      }));
    }
  }
  let meetingsHeld = 0;
  for (const meeting of facts.meetingsHeld) {
    const at = index.get(monthOf(meeting.date));
    if (at === undefined) continue;
    months[at]!.meetingsHeld.push(meeting.date);
    meetingsHeld += 1;
  }
  const todayAt = index.get(monthOf(today));
  if (todayAt !== undefined) {
    months[todayAt]!.today = (Number(today.slice(8, 10)) - 1) / daysInMonth(monthOf(today));
  }
  return { months, before, after, counts, meetingsHeld };
}

function monthsFrom(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number);
  const [by, bm] = b.split('-').map(Number);
  return (by! - ay!) * 12 + (bm! - am!);
}
