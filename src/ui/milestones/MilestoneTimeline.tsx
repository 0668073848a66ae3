import { useMemo } from 'preact/hooks';
import { liveMeetingRows, type MilestoneRow } from '../../db/lists';
import { formatDate, formatMonthLong, formatMonthShort } from '../../model/dates';
import { isMeetingHeld } from '../../model/meetingRules';
import { useLive } from '../hooks/useLive';
import {
  layoutTimeline,
  MARK_STATES,
  MARK_WORDS,
  type MarkState,
  type TimelineLayout,
  type TimelineMark,
  type TimelineMonth,
} from './timeline';

/** One month's row: tall enough for a 44 px tap target. */
const ROW = 44;
/** Where the axis runs: month names to its left, marks to its right. */
const AXIS = 84;
const FIRST_MARK = AXIS + 30;
const MARK_STEP = 46;

/**
 * The programme as a timeline: its months down one axis, each milestone a mark whose shape says
 * where it stands (done, missed, overdue, planned, dropped: words in the legend and in each mark's
 * name), the meetings held as small diamonds on the axis, and a line for today. A month with more
 * than three milestones is one mark ("5 in March"). Each milestone mark is a link that opens it in
 * the list below (`onOpen`). It draws the rows the list already read (`milestones`, in due-date
 * order) and the meetings list's rows: no read of its own, so the screen stays as quick as before.
 */
export function MilestoneTimeline({
  journalId,
  milestones,
  startDate,
  lengthMonths,
  today,
  onOpen,
}: {
  journalId: string;
  milestones: readonly MilestoneRow[] | undefined;
  startDate?: string;
  lengthMonths?: number;
  today: string;
  onOpen: (milestoneId: string) => void;
}) {
  const meetings = useLive(() => liveMeetingRows(journalId), [journalId]);
  const layout = useMemo(() => {
    if (!milestones || !meetings) return undefined;
    const facts = {
      milestones: milestones.flatMap((m) => (m.dueDate ? [{ ...m, dueDate: m.dueDate }] : [])),
      meetingsHeld: meetings.flatMap((m) => (m.date && isMeetingHeld(m) ? [{ id: m.id, date: m.date }] : [])),
    };
    return layoutTimeline({ facts, today, startDate, lengthMonths });
  }, [milestones, meetings, today, startDate, lengthMonths]);
  if (!layout) return null;
  const height = layout.months.length * ROW + 8;
  const described = `timeline-text-${journalId}`;
  return (
    <section class="milestone-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline of the programme</h2>
      <p class="meta" id={described}>
        {timelineText(layout, today)}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing of links, named and described as one group; a fieldset cannot hold SVG. */}
      <svg
        class="timeline-chart"
        role="group"
        aria-labelledby="timeline-title"
        aria-describedby={described}
        width="100%"
        height={height}
      >
        <line class="axis" x1={AXIS} x2={AXIS} y1={4} y2={height - 4} />
        {layout.months.map((month, i) => (
          <MonthRow key={month.month} month={month} y={4 + i * ROW} first={i === 0} onOpen={onOpen} />
        ))}
      </svg>
      <Legend />
    </section>
  );
}

function MonthRow({
  month,
  y,
  first,
  onOpen,
}: {
  month: TimelineMonth;
  y: number;
  first: boolean;
  onOpen: (id: string) => void;
}) {
  const name = formatMonthShort(month.month);
  const label = first || month.month.endsWith('-01') ? `${name} ${month.month.slice(0, 4)}` : name;
  return (
    <g class="month">
      <line class="tick" x1={AXIS - 6} x2={AXIS} y1={y} y2={y} />
      <text class="month-label" x={AXIS - 10} y={y + 27} text-anchor="end">
        {label}
      </text>
      {month.meetingsHeld.map((date) => {
        const cy = y + ((Number(date.slice(8, 10)) - 1) / 31) * ROW + 2;
        return <path key={date} class="meeting-mark" d={`M${AXIS} ${cy - 5} l5 5 l-5 5 l-5 -5 z`} />;
      })}
      {/* Today's line first: the marks are drawn over it. */}
      {month.today !== undefined && (
        <g class="today">
          <line x1={AXIS - 8} x2="100%" y1={y + month.today * ROW} y2={y + month.today * ROW} />
          <text x="100%" y={y + month.today * ROW - 4} text-anchor="end">
            Today
          </text>
        </g>
      )}
      {month.marks.map((mark, k) => (
        <Mark
          key={mark.kind === 'one' ? mark.id : mark.firstId}
          mark={mark}
          month={month.month}
          x={FIRST_MARK + k * MARK_STEP}
          y={y + ROW / 2}
          onOpen={onOpen}
        />
      ))}
    </g>
  );
}

function Mark({
  mark,
  month,
  x,
  y,
  onOpen,
}: {
  mark: TimelineMark;
  month: string;
  x: number;
  y: number;
  onOpen: (id: string) => void;
}) {
  const id = mark.kind === 'one' ? mark.id : mark.firstId;
  const open = (event: Event) => {
    event.preventDefault();
    onOpen(id);
  };
  if (mark.kind === 'one') {
    return (
      <a
        href={`#milestone-${id}`}
        class={`mark is-${mark.state}`}
        aria-label={`${mark.title}: ${MARK_WORDS[mark.state]}, due ${formatDate(mark.dueDate)}`}
        onClick={open}
      >
        <rect class="hit" x={x - 22} y={y - 22} width={44} height={44} rx={8} />
        <Shape state={mark.state} x={x} y={y} />
      </a>
    );
  }
  const monthName = formatMonthLong(month).replace(/\s*\d{4}$/, '');
  const text = `${mark.count} in ${monthName}`;
  const width = Math.max(64, text.length * 8 + 20);
  const states = MARK_STATES.filter((s) => mark.states[s])
    .map((s) => `${mark.states[s]} ${MARK_WORDS[s]}`)
    .join(', ');
  return (
    <a
      href={`#milestone-${id}`}
      class="mark group"
      aria-label={`${mark.count} milestones in ${formatMonthLong(month)} (${states}): show the first in the list`}
      onClick={open}
    >
      <rect class="hit" x={x - 22} y={y - 22} width={width + 4} height={44} rx={8} />
      <rect class="pill" x={x - 18} y={y - 13} width={width - 4} height={26} rx={13} />
      <text class="pill-text" x={x - 18 + (width - 4) / 2} y={y + 5} text-anchor="middle">
        {text}
      </text>
    </a>
  );
}

/** Each state's own shape, told apart without colour. */
function Shape({ state, x, y }: { state: MarkState; x: number; y: number }) {
  switch (state) {
    case 'done':
      return (
        <g class="shape">
          <circle cx={x} cy={y} r={9} />
          <path class="inner" d={`M${x - 4.5} ${y} l3 3.5 l6 -7`} />
        </g>
      );
    case 'missed':
      return (
        <g class="shape">
          <rect x={x - 8.5} y={y - 8.5} width={17} height={17} rx={2} />
          <path class="inner" d={`M${x - 4} ${y - 4} l8 8 M${x + 4} ${y - 4} l-8 8`} />
        </g>
      );
    case 'overdue':
      return (
        <g class="shape">
          <path d={`M${x} ${y - 10} l10 18 h-20 z`} />
          <path class="inner" d={`M${x} ${y - 4} v6 M${x} ${y + 4.5} v1`} />
        </g>
      );
    case 'dropped':
      return (
        <g class="shape hollow">
          <circle cx={x} cy={y} r={8} />
          <path d={`M${x - 6} ${y + 6} l12 -12`} />
        </g>
      );
    default:
      return (
        <g class="shape hollow">
          <circle cx={x} cy={y} r={8} />
        </g>
      );
  }
}

function Legend() {
  return (
    <ul class="timeline-legend" aria-label="Marks on the timeline">
      {MARK_STATES.map((state) => (
        <li key={state}>
          <svg width={22} height={22} aria-hidden="true" class={`mark is-${state}`}>
            <Shape state={state} x={11} y={11} />
          </svg>
          {MARK_WORDS[state][0]!.toUpperCase() + MARK_WORDS[state].slice(1)}
        </li>
      ))}
      <li>
        <svg width={22} height={22} aria-hidden="true">
          <path class="meeting-mark" d="M11 5 l6 6 l-6 6 l-6 -6 z" />
        </svg>
        Meeting held
      </li>
    </ul>
  );
}

/** The timeline in words: its span, its milestones by state, the meetings held and today. */
export function timelineText(layout: TimelineLayout, today: string): string {
  const { months, counts, before, after, meetingsHeld } = layout;
  const span = `${formatMonthLong(months[0]!.month)} to ${formatMonthLong(months.at(-1)!.month)}`;
  const total = MARK_STATES.reduce((sum, s) => sum + counts[s], 0);
  const states = MARK_STATES.filter((s) => counts[s])
    .map((s) => `${counts[s]} ${MARK_WORDS[s]}`)
    .join(', ');
  const parts = [
    `${span}: ${total === 1 ? '1 dated milestone' : `${total} dated milestones`}${states ? ` (${states})` : ''}`,
    `${meetingsHeld === 1 ? '1 meeting' : `${meetingsHeld} meetings`} held`,
  ];
  if (before || after) {
    parts.push(
      `${[before && `${before} before`, after && `${after} after`].filter(Boolean).join(' and ')} these months, in the list only`,
    );
  }
  return `${parts.join('; ')}. Today is ${formatDate(today)}. Every milestone is also in the list below.`;
}
