import { useId } from 'preact/hooks';
import {
  PARTNERSHIP_RATING_LABELS,
  PARTNERSHIP_RATING_QUESTION,
  type RatingPoint,
} from '../../model/checkInRules';
import { ROLES, type Role } from '../../model/constants';
import { daysBetween } from '../../model/schedule';
import { formatDate, ROLE_LABELS } from '../components/labels';
import './ratingTrend.css';

/** "4 of 5, Working well" */
export function ratingWords(rating: RatingPoint['rating']): string {
  return `${rating} of 5, ${PARTNERSHIP_RATING_LABELS[rating]}`;
}

/** The chart's drawing area, in SVG units (it scales to the width it is given). */
const WIDTH = 320;
const HEIGHT = 150;
const LEFT = 28;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 26;

/** Each person's line: drawn differently (solid / dashed, circle / square), never by colour alone. */
const SERIES: Record<Role, { className: string; marker: 'circle' | 'square' }> = {
  mentee: { className: 'trend-mentee', marker: 'circle' },
  mentor: { className: 'trend-mentor', marker: 'square' },
};

/** The ratings by date, one row per day, each person's ratings that day in their column. */
function rowsByDate(points: readonly RatingPoint[]) {
  const rows = new Map<string, Record<Role, RatingPoint['rating'][]>>();
  for (const p of points) {
    const row = rows.get(p.date) ?? { mentee: [], mentor: [] };
    row[p.author].push(p.rating);
    rows.set(p.date, row);
  }
  return [...rows.entries()];
}

/**
 * How the partnership is working, over time: both people's 1–5 ratings as a small line chart (SVG,
 * with a text alternative) and, under it, the same figures as a table — the chart never says
 * anything the table does not, and no line is told apart by colour alone.
 */
export function RatingTrend({ points }: { points: readonly RatingPoint[] }) {
  const id = useId();
  if (points.length === 0) {
    return <p class="empty">No ratings yet. Each check-in asks “{PARTNERSHIP_RATING_QUESTION}”.</p>;
  }
  const first = points[0]!.date;
  const last = points.at(-1)!.date;
  const span = Math.max(1, daysBetween(first, last));
  const x = (date: string) =>
    first === last
      ? (LEFT + WIDTH - RIGHT) / 2
      : LEFT + (daysBetween(first, date) / span) * (WIDTH - LEFT - RIGHT);
  const y = (rating: number) => TOP + ((5 - rating) / 4) * (HEIGHT - TOP - BOTTOM);
  const byPerson = ROLES.map((role) => ({ role, points: points.filter((p) => p.author === role) }));
  const described = byPerson
    .filter((s) => s.points.length > 0)
    .map(
      (s) =>
        `${ROLE_LABELS[s.role]}: ${s.points.map((p) => `${p.rating} on ${formatDate(p.date)}`).join(', ')}`,
    )
    .join('. ');

  return (
    <figure class="rating-trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="rating-chart"
      >
        <title id={`${id}-title`}>{PARTNERSHIP_RATING_QUESTION} Ratings from 1 to 5 over time.</title>
        <desc id={`${id}-desc`}>{described}.</desc>
        {[1, 2, 3, 4, 5].map((r) => (
          <g key={r}>
            <line class="trend-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(r)} y2={y(r)} />
            <text class="trend-axis" x={LEFT - 8} y={y(r) + 4} text-anchor="end">
              {r}
            </text>
          </g>
        ))}
        <g>
          <text class="trend-axis" x={LEFT} y={HEIGHT - 6} text-anchor="start">
            {formatDate(first)}
          </text>
          {last !== first && (
            <text class="trend-axis" x={WIDTH - RIGHT} y={HEIGHT - 6} text-anchor="end">
              {formatDate(last)}
            </text>
          )}
        </g>
        {byPerson.map(({ role, points: mine }) => (
          <g key={role} class={SERIES[role].className}>
            {mine.length > 1 && (
              <polyline fill="none" points={mine.map((p) => `${x(p.date)},${y(p.rating)}`).join(' ')} />
            )}
            {mine.map((p) =>
              SERIES[role].marker === 'circle' ? (
                <circle key={p.id} cx={x(p.date)} cy={y(p.rating)} r={4.5} />
              ) : (
                <rect key={p.id} x={x(p.date) - 4} y={y(p.rating) - 4} width={8} height={8} />
              ),
            )}
          </g>
        ))}
      </svg>
      <figcaption class="trend-legend">
        <span class="trend-key trend-mentee">
          <svg viewBox="0 0 28 10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" />
            <circle cx="14" cy="5" r="4" />
          </svg>
          {ROLE_LABELS.mentee} (solid line, circles)
        </span>
        <span class="trend-key trend-mentor">
          <svg viewBox="0 0 28 10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" />
            <rect x="10" y="1" width="8" height="8" />
          </svg>
          {ROLE_LABELS.mentor} (dashed line, squares)
        </span>
      </figcaption>
      <table class="trend-table">
        <caption>{PARTNERSHIP_RATING_QUESTION} Each person’s rating, 1 to 5</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">{ROLE_LABELS.mentee}</th>
            <th scope="col">{ROLE_LABELS.mentor}</th>
          </tr>
        </thead>
        <tbody>
          {rowsByDate(points).map(([date, row]) => (
            <tr key={date}>
              <th scope="row">{formatDate(date)}</th>
              {ROLES.map((role) => (
                <td key={role}>{row[role].length ? row[role].map(ratingWords).join('; ') : 'Not rated'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
