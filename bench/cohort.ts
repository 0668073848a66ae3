/**
 * The cohort view's figure: a committee member opens 500 committee summaries at once through the
 * cohort view's file input in the built app, timed from the files chosen (the input's change event)
 * to the frame that shows the table with 500 rows. The target: ≤ 2 s.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { LazyChunk } from '../scripts/size-report.mjs';
import { CHROME_ARGS, CHROME_PATH } from '../tests/e2e/serving';
import { pairSummary, summaryText } from '../tests/helpers/summaries';
import { median } from './report';
import type { BenchServer } from './server';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/** How many summaries are opened at once, and the time they must open in. */
export const COHORT_PAIRS = 500;
export const COHORT_TARGET_MS = 2000;

const FIRST = ['Ana', 'Bea', 'Cleo', 'Dorota', 'Eleni', 'Grace', 'Jan', 'Łucja', 'Nguyễn', 'Zofia'];
const LAST = ['Kowalska', 'Nowak', 'Dupont', 'Παπαδοπούλου', 'Ọkafọ', 'Łukasiewicz', 'Soto', 'Reid'];

function day(base: string, days: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes `count` valid committee summaries of different pairs (built with the app's own
 * buildSummary): meetings, check-ins, milestones and goals varied so that some pairs are flagged.
 * Returns their paths and total size.
 */
export function cohortFiles(dir: string, count = COHORT_PAIRS): { paths: string[]; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const today = '2026-11-20';
  const paths: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const meetings = Array.from({ length: 2 + (i % 9) }, (_, m) =>
      day('2025-12-01', m * (30 + (i % 5) * 15)),
    );
    const summary = pairSummary({
      journalId: `bench-pair-${String(i).padStart(4, '0')}`,
      mentee: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]} ${i}`,
      mentor: `${FIRST[(i + 3) % FIRST.length]} ${LAST[(i + 5) % LAST.length]}`,
      programme: i % 3 ? 'Regional library mentoring' : 'Digital skills mentoring',
      startDate: '2025-12-01',
      lengthMonths: 18,
      cadenceDays: i % 4 ? 91 : 30,
      meetings: meetings.filter((d) => d <= today),
      checkIns: i % 7 ? [day('2026-01-01', i % 200)] : [],
      milestones: Array.from({ length: i % 6 }, (_, m) => ({
        title: `Milestone ${m + 1}`,
        dueDate: day('2026-03-01', m * 40 + (i % 30)),
        ...(m % 2 ? { status: 'done', doneDate: day('2026-03-01', m * 40) } : {}),
      })),
      goals: Array.from({ length: 1 + (i % 4) }, (_, g) => ({
        title: `Goal ${g + 1} of pair ${i}`,
        targetDate: day('2026-06-01', g * 90),
        percent: (i * 7 + g * 20) % 101,
      })),
      today,
    });
    const path = join(dir, `committee-summary-${String(i).padStart(4, '0')}.json`);
    writeFileSync(path, summaryText(summary));
    bytes += statSync(path).size;
    paths.push(path);
  }
  return { paths, bytes };
}

export interface CohortResult {
  pairs: number;
  targetMs: number;
  fileBytes: number;
  /** Ms per run: files chosen → the frame that shows every row. */
  runs: { value?: number; error?: string }[];
  median?: number;
  /** When, on what and under what load it was measured (set by bench/main.ts). */
  measured?: { date: string; commit: string; loadAverage: { start: number; end: number } };
  /** The cohort view's chunk, gzipped (scripts/size-report.mjs). */
  chunk?: LazyChunk;
}

/** Opens the summaries `runs` times, each in a new page of the cohort view (nothing is kept between runs). */
export async function measureCohort(options: {
  server: BenchServer;
  filesRoot: string;
  runs: number;
  log: (line: string) => void;
}): Promise<CohortResult> {
  const { server, runs, log } = options;
  log(`  making ${COHORT_PAIRS} committee summaries…`);
  const files = cohortFiles(join(options.filesRoot, 'cohort'));
  const profile = mkdtempSync(join(tmpdir(), 'mj-bench-cohort-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: CHROME_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    colorScheme: 'light',
    serviceWorkers: 'allow',
  });
  const result: CohortResult = {
    pairs: COHORT_PAIRS,
    targetMs: COHORT_TARGET_MS,
    fileBytes: files.bytes,
    runs: [],
  };
  try {
    await context.addInitScript({ path: PROBE });
    for (let r = 1; r <= runs; r++) {
      log(`  run ${r} of ${runs}`);
      const page = await context.newPage();
      for (const other of context.pages()) if (other !== page) await other.close();
      try {
        await page.goto(`${server.url}cohort`);
        await page.evaluate(`window.__bench.shown('heading', 'Cohort view', 60000)`);
        // The cohort view's code has loaded; the table waits for the files.
        await page.evaluate(`window.__bench.armCohort(${COHORT_PAIRS}, 120000)`);
        await page.locator('input[type="file"][multiple]').setInputFiles(files.paths);
        const opened = (await page.evaluate('window.__bench.cohortOpened()')) as { ms: number };
        result.runs.push({ value: opened.ms });
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
        result.runs.push({ error: message.slice(0, 300) });
        log(`  failed: ${message}`);
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
  result.median = median(result.runs.flatMap((r) => (r.value === undefined ? [] : [r.value])));
  return result;
}

/** The printed line: "cohort view: 500 summaries open in 812 ms (median of 5) — target ≤ 2 s". */
export function cohortLine(result: CohortResult, ms: (value: number) => string): string {
  const figure = result.median === undefined ? 'not measured' : ms(result.median);
  const verdict =
    result.median === undefined ? '' : result.median <= result.targetMs ? ' (met)' : ' (missed)';
  const chunk = result.chunk
    ? `; its chunk ${(result.chunk.chunkGzip / 1024).toFixed(1)} KB gzip (${(result.chunk.withImportsGzip / 1024).toFixed(1)} KB with what it loads beyond the first load)`
    : '';
  return `cohort view: ${result.pairs} committee summaries (${(result.fileBytes / 2 ** 20).toFixed(1)} MB) chosen → table with ${result.pairs} rows: ${figure} (median of ${result.runs.length}) — target ≤ ${result.targetMs / 1000} s${verdict}${chunk}`;
}
