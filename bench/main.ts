/**
 * `npm run bench`: measures the production build in Debian's Chromium at 1k, 10k and 50k records
 * and prints one table (also written, with every run's raw figures, to bench/results.json).
 * See README, "Measuring speed", for what each figure starts and ends at.
 *
 *   BENCH_ONLY=cohort        measure only these parts: sizes (the figures per journal size),
 *                            cohort (500 committee summaries opened in the cohort view); default both.
 *                            A partial run updates only its part of BENCH_OUT, keeping the rest.
 *   BENCH_COHORT_RUNS=5      runs of the cohort figure (default 5)
 *   BENCH_SIZES=1000,10000   sizes to measure (default 1000,10000,50000)
 *   BENCH_RUNS=5             runs per size, or one per size: BENCH_RUNS=5,5,3 (default 5)
 *   BENCH_BUILD=1            rebuild dist/ first (it is built anyway when missing)
 *   BENCH_DIST=dist          the build to measure
 *   BENCH_OUT=bench/results.json
 *   CHROME_PATH=/usr/bin/chromium
 *   BENCH_PROFILE=/tmp       write a CPU profile (Chrome DevTools format) of the first search of each
 *                            run, from opening Search until every record is indexed
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInitialLoad, measureLazyChunk } from '../scripts/size-report.mjs';
import { type CohortResult, cohortLine, measureCohort } from './cohort';
import { type JournalFiles, journalFiles } from './files';
import { BIG_GOAL_MILESTONES } from './journal';
import { CHROME_PATH, type FigureName, measureSize, QUERIES, type SizeResult } from './measure';
import { cell, markdownTable, megabytes, ms, ROWS, type Summary, sizeName, summarise } from './report';
import { startServer } from './server';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function numbers(text: string | undefined, fallback: number[]): number[] {
  if (!text?.trim()) return fallback;
  const list = text.split(',').map((t) => Number(t.trim().replace(/k$/i, '000')));
  if (list.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`not a list of whole numbers: ${text}`);
  return list;
}

function shell(command: string): string {
  try {
    return execSync(command, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

const log = (line: string) => console.error(line);

const PARTS = ['sizes', 'cohort'] as const;
type Part = (typeof PARTS)[number];

function parts(text: string | undefined): Set<Part> {
  if (!text?.trim()) return new Set(PARTS);
  const list = text.split(',').map((t) => t.trim());
  for (const part of list)
    if (!PARTS.includes(part as Part)) throw new Error(`BENCH_ONLY: no part “${part}” (${PARTS.join(', ')})`);
  return new Set(list as Part[]);
}

export async function main(): Promise<void> {
  const only = parts(process.env.BENCH_ONLY);
  const sizes = only.has('sizes') ? numbers(process.env.BENCH_SIZES, [1000, 10_000, 50_000]) : [];
  const cohortRuns = numbers(process.env.BENCH_COHORT_RUNS, [5])[0]!;
  const runList = numbers(process.env.BENCH_RUNS, [5]);
  const runsFor = (i: number) => runList[Math.min(i, runList.length - 1)]!;
  const dist = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
  const out = resolve(ROOT, process.env.BENCH_OUT ?? 'bench/results.json');
  if (!existsSync(CHROME_PATH))
    throw new Error(`No Chromium at ${CHROME_PATH}: apt-get install chromium, or set CHROME_PATH.`);

  if (process.env.BENCH_BUILD === '1' || !existsSync(join(dist, 'index.html'))) {
    log(`bench: building the app into ${dist} (npm run build)`);
    execFileSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
      // Vite's module loader running this bench set NODE_ENV=development: the build must not inherit
      // it, or it is a development build (Preact's debug code in the first load, nothing minified).
      env: { ...process.env, NODE_ENV: 'production', OUT_DIR: dist },
    });
  }
  const initial = measureInitialLoad(dist);
  const filesRoot = join(ROOT, '.tmp', 'bench');
  mkdirSync(filesRoot, { recursive: true });
  const started = new Date();
  const loadAtStart = loadavg()[0]!;
  // The bench's own outputs do not make the code measured "uncommitted".
  const dirty = shell("git status --porcelain -- . ':!bench/results.json' ':!bench/lighthouse.json'") !== '';
  const meta = {
    date: started.toISOString(),
    commit: `${shell('git rev-parse --short HEAD')}${dirty ? ' (with uncommitted changes)' : ''}`,
    branch: shell('git rev-parse --abbrev-ref HEAD'),
    chromium: shell(`${CHROME_PATH} --version`),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    loadAverage: { start: loadAtStart, end: 0 },
    runs: Object.fromEntries(sizes.map((s, i) => [s, runsFor(i)])),
    queries: QUERIES,
    initialLoad: initial,
  };

  const server = await startServer({ dist, files: filesRoot, root: ROOT });
  const results: Results = [];
  let cohort: CohortResult | undefined;
  // A partial run (BENCH_ONLY) leaves the other part of the results file as it was.
  const partial = only.size < PARTS.length && existsSync(out);
  const previous = partial ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  const save = (table?: string) =>
    only.has('sizes')
      ? write(out, meta, results, table, cohort ?? previous?.cohort)
      : writeFileSync(out, `${JSON.stringify({ ...previous, cohort }, null, 2)}\n`);
  try {
    for (const [i, size] of sizes.entries()) {
      const runs = runsFor(i);
      const t0 = performance.now();
      log(`bench: ${size.toLocaleString('en')} records, ${runs} runs`);
      const entry: Results[number] = { size, load: [loadavg()[0]!, 0] };
      results.push(entry);
      try {
        log('  making the journal files…');
        entry.files = await journalFiles(filesRoot, size, runs);
        entry.result = await measureSize({ server, files: entry.files, filesRoot, runs, log });
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
        log(`  failed: ${entry.error}`);
      }
      entry.load[1] = loadavg()[0]!;
      log(`  ${size.toLocaleString('en')} done in ${Math.round((performance.now() - t0) / 1000)} s`);
      save();
    }
    if (only.has('cohort')) {
      log(`bench: the cohort view, ${cohortRuns} runs`);
      const load = loadavg()[0]!;
      const result = await measureCohort({ server, filesRoot, runs: cohortRuns, log });
      cohort = {
        ...result,
        measured: {
          date: new Date().toISOString(),
          commit: meta.commit,
          loadAverage: { start: load, end: loadavg()[0]! },
        },
        chunk: measureLazyChunk(dist, 'CohortScreen', initial),
      };
      log(`  ${cohortLine(cohort, ms)}`);
    }
  } finally {
    await server.close();
  }
  meta.loadAverage.end = loadavg()[0]!;
  const printed = [sizes.length ? render(meta, results) : '', cohort ? cohortLine(cohort, ms) : '']
    .filter(Boolean)
    .join('\n\n');
  save(sizes.length ? printed : undefined);
  console.log(printed);
  log(`bench: wrote ${out}`);
}

type Results = {
  size: number;
  /** One-minute load average when this size started and ended. */
  load: [number, number];
  files?: JournalFiles;
  result?: SizeResult;
  error?: string;
}[];

function summaries(results: Results): Map<number, Partial<Record<FigureName, Summary>>> {
  const map = new Map<number, Partial<Record<FigureName, Summary>>>();
  for (const { size, result } of results) {
    const bySize: Partial<Record<FigureName, Summary>> = {};
    if (result) for (const row of ROWS) bySize[row.figure] = summarise(result.runs, row.figure);
    map.set(size, bySize);
  }
  return map;
}

/** The printed output: the table, then the notes that say what was measured on what. */
function render(
  meta: {
    date: string;
    commit: string;
    chromium: string;
    cpus: string;
    loadAverage: { start: number; end: number };
    runs: Record<number, number>;
    initialLoad: { initialGzip: number };
  },
  results: Results,
): string {
  const medians = summaries(results);
  const header = ['figure', ...results.map((r) => `${sizeName(r.size)} (median of ${meta.runs[r.size]})`)];
  const rows = ROWS.map((row) => [
    row.label,
    ...results.map((r) => (r.error ? 'not measured' : cell(medians.get(r.size)?.[row.figure], row.kind))),
  ]);
  rows.push([
    'initial JS+CSS gzip (what index.html loads)',
    megabytes(meta.initialLoad.initialGzip),
    ...results.slice(1).map(() => ''),
  ]);
  const lines = [markdownTable(header, rows), ''];
  lines.push(
    `Measured ${meta.date.slice(0, 16).replace('T', ' ')} UTC on ${meta.commit}, ${meta.chromium}, ${meta.cpus}; load average ${meta.loadAverage.start.toFixed(1)} at the start, ${meta.loadAverage.end.toFixed(1)} at the end (a shared machine: single figures are noisy, the ratios to floors measured in the same run are what compare).`,
  );
  for (const { size, files, result, error, load } of results) {
    const name = sizeName(size);
    if (error) {
      lines.push(`- ${name}: not measured: ${error}`);
      continue;
    }
    if (!files || !result) continue;
    const c = files.journal.counts;
    const partnerFile = files.bytes['partner-1.json'] ?? 0;
    lines.push(
      `- ${name}: ${size.toLocaleString('en')} records — ${c.meeting} meetings (${files.journal.heldMeetings} held; the PDF lists them), ${c.agendaItem} agenda points, ${c.actionItem} action items, ${c.milestone} milestones (${BIG_GOAL_MILESTONES} on one goal), ${c.note} notes, ${c.story} stories, ${c.goal} goals and ${size - (c.meeting ?? 0) - (c.agendaItem ?? 0) - (c.actionItem ?? 0) - (c.milestone ?? 0) - (c.note ?? 0) - (c.story ?? 0) - (c.goal ?? 0)} others; backup ${megabytes(files.bytes['backup.json'] ?? 0)}, partner file ${megabytes(partnerFile)} (${files.partnerRecords.toLocaleString('en')} shared records, ${files.editedPerRun.toLocaleString('en')} edited per run); load average ${load[0].toFixed(1)} → ${load[1].toFixed(1)}.`,
    );
    if (result.setup.fallback) lines.push(`  Loading: ${result.setup.fallback}.`);
    const m = medians.get(size) ?? {};
    const search = [m.searchFirst?.detail, m.searchFirstAll?.detail, m.searchWarm?.detail]
      .filter(Boolean)
      .join(' / ');
    if (search) lines.push(`  Search: ${search}`);
    if (m.preview?.detail) lines.push(`  Import preview: ${m.preview.detail}`);
    for (const row of ROWS) {
      const errors = m[row.figure]?.errors;
      if (errors) lines.push(`  ${row.figure}: ${errors.join('; ')}`);
      const refused = m[row.figure]?.refused;
      if (refused && row.figure === 'preview') lines.push(`  Import refused: ${refused}`);
    }
    const restore = result.setup.steps.filter((s) => s.applyMs !== undefined);
    if (restore.length) {
      lines.push(
        `  Restore (once, not a median): ${restore.map((s) => `${s.what}: preview ${ms(s.previewMs ?? 0)}, restore ${ms(s.applyMs ?? 0)}`).join('; ')}.`,
      );
    }
  }
  return lines.join('\n');
}

function write(
  out: string,
  meta: object,
  results: Results,
  table: string | undefined,
  cohort: CohortResult | undefined,
) {
  const medians = summaries(results);
  const sizes = Object.fromEntries(
    results.map(({ size, files, result, error, load }) => [
      size,
      {
        error,
        loadAverage: { start: load[0], end: load[1] },
        journal: files && {
          counts: files.journal.counts,
          heldMeetings: files.journal.heldMeetings,
          bigGoalMilestones: BIG_GOAL_MILESTONES,
          fileBytes: files.bytes,
          partnerRecords: files.partnerRecords,
          editedPerRun: files.editedPerRun,
        },
        setup: result?.setup,
        medians: medians.get(size) ?? {},
        runs: result?.runs,
      },
    ]),
  );
  writeFileSync(out, `${JSON.stringify({ ...meta, table, sizes, cohort }, null, 2)}\n`);
}
