/**
 * Medians and the one table `npm run bench` prints (Markdown, so the issue's note can quote it).
 * Each figure is the median over the runs; a floor is the median of the floors measured in the
 * same runs, and the ratio is the median of the per-run ratios (figure ÷ its own run's floor),
 * which is what stays meaningful on a busy shared machine.
 */
import type { FigureName, Run, Sample } from './measure';

export interface Summary {
  value?: number;
  floor?: number;
  ratio?: number;
  bytes?: number;
  /** Runs that gave a value. */
  n: number;
  refused?: string;
  errors?: string[];
  detail?: string;
}

export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of one figure over the runs. */
export function summarise(runs: readonly Run[], name: FigureName): Summary {
  const samples = runs.map((r) => r[name]).filter((s): s is Sample => s !== undefined);
  const values = samples.flatMap((s) => (s.value === undefined ? [] : [s.value]));
  const floors = samples.flatMap((s) => (s.floor === undefined ? [] : [s.floor]));
  const ratios = samples.flatMap((s) => (s.value !== undefined && s.floor ? [s.value / s.floor] : []));
  const bytes = samples.flatMap((s) => (s.bytes === undefined ? [] : [s.bytes]));
  const refused = samples.find((s) => s.refused)?.refused;
  const errors = [...new Set(samples.flatMap((s) => (s.error ? [s.error] : [])))];
  const details = samples.flatMap((s) => (s.detail ? [s.detail] : []));
  return {
    value: median(values),
    floor: median(floors),
    ratio: median(ratios),
    bytes: median(bytes),
    n: values.length,
    refused: values.length ? undefined : refused,
    errors: errors.length ? errors : undefined,
    detail: details[details.length - 1],
  };
}

const KB = 1024;
const MB = 1024 * 1024;

export function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en')} ms`;
}

export function megabytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`;
}

function ratio(value: number): string {
  return `×${value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)}`;
}

/** How a row's cells are written. */
export type RowKind = 'time' | 'floor' | 'heap' | 'file';

export interface Row {
  label: string;
  figure: FigureName;
  kind: RowKind;
}

/** The table's rows, in the issue's order. */
export const ROWS: readonly Row[] = [
  {
    label: 'cold start from the SW cache → Home complete, vs blank page (Home kept, as after an import)',
    figure: 'cold',
    kind: 'floor',
  },
  { label: '… → the app’s own Home drawn over it (its controls work)', figure: 'coldLive', kind: 'floor' },
  {
    label: 'cold start, Home’s drawing not kept (tab closed right after a change) → Home complete',
    figure: 'coldUnkept',
    kind: 'floor',
  },
  { label: 'Stories list, warm (tap → items shown)', figure: 'stories', kind: 'time' },
  { label: 'Meetings list, warm', figure: 'meetings', kind: 'time' },
  { label: 'Milestones list, warm', figure: 'milestones', kind: 'time' },
  { label: 'a goal with 500 milestones, warm', figure: 'goal', kind: 'time' },
  { label: 'search, warm (last key → results)', figure: 'searchWarm', kind: 'time' },
  { label: 'search, first of the page (last key → first answer)', figure: 'searchFirst', kind: 'time' },
  {
    label: '… → the answer over the whole journal (every record indexed)',
    figure: 'searchFirstAll',
    kind: 'time',
  },
  { label: 'JS heap after visiting every list (on Home, after GC)', figure: 'heapLists', kind: 'heap' },
  {
    label: 'JS heap after search (search screen, whole journal indexed, after GC)',
    figure: 'heapSearch',
    kind: 'heap',
  },
  { label: 'import preview (file chosen → preview), vs bulkPut', figure: 'preview', kind: 'floor' },
  { label: 'import apply (Import → done), vs bulkPut', figure: 'apply', kind: 'floor' },
  { label: 'export pair file (tap → file handed over)', figure: 'exportPair', kind: 'file' },
  { label: 'export backup', figure: 'exportBackup', kind: 'file' },
  { label: 'committee summary screen (tap → preview shown)', figure: 'summaryShown', kind: 'time' },
  { label: 'committee summary JSON', figure: 'summaryJson', kind: 'file' },
  { label: 'committee summary PDF', figure: 'summaryPdf', kind: 'file' },
  { label: 'autosave (last key → text in IndexedDB)', figure: 'autosave', kind: 'time' },
];

/** One cell: the median, with its floor and ratio, its size, or why there is none. */
export function cell(summary: Summary | undefined, kind: RowKind): string {
  if (!summary) return '';
  if (summary.value === undefined) {
    if (summary.refused) {
      const size = summary.bytes ? ` (${megabytes(summary.bytes)} file)` : '';
      const floor = summary.floor !== undefined ? `; bulkPut ${ms(summary.floor)}` : '';
      return `refused${size}${floor}`;
    }
    return summary.errors ? 'error' : '';
  }
  let text: string;
  if (kind === 'heap') text = megabytes(summary.value);
  else if (kind === 'file')
    text = `${ms(summary.value)}${summary.bytes !== undefined ? ` · ${megabytes(summary.bytes)}` : ''}`;
  else if (kind === 'floor' && summary.floor !== undefined)
    text = `${ms(summary.value)} vs ${ms(summary.floor)} (${ratio(summary.ratio ?? summary.value / summary.floor)})`;
  else text = ms(summary.value);
  return text;
}

/** Short column names: 1k, 10k, 50k. */
export function sizeName(size: number): string {
  return size % 1000 === 0 ? `${size / 1000}k` : size.toLocaleString('en');
}

/** A Markdown table with padded columns. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
