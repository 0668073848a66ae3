/**
 * Drives the built app in Debian's Chromium the way a person does — files through the app's own
 * file input, taps on links and buttons, keys on the keyboard — and reads each figure from the
 * in-page instrument (bench/probe.js), so no Playwright round trip is counted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { HOME_SNAPSHOT_KEY } from '../src/db/homeSnapshot';
import { KIND_REGISTRY } from '../src/model/registry';
import { CHROME_ARGS, CHROME_PATH } from '../tests/e2e/serving';
import type { JournalFiles } from './files';
import { median } from './report';
import type { BenchServer } from './server';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

export { CHROME_PATH };

/** A phone: 390×844 CSS pixels. */
const VIEWPORT = { width: 390, height: 844 };

/** What one figure of one run came to. */
export interface Sample {
  /** Milliseconds, or bytes for the heap figures. */
  value?: number;
  /** The floor measured in the same run (same unit). */
  floor?: number;
  /** Size of the file made (exports). */
  bytes?: number;
  /** The app refused the action; its message. */
  refused?: string;
  /** The figure could not be measured; why. */
  error?: string;
  /** What the app said (results count, import totals). */
  detail?: string;
}

export type FigureName =
  | 'cold'
  | 'coldLive'
  | 'coldUnkept'
  | 'stories'
  | 'meetings'
  | 'milestones'
  | 'goal'
  | 'searchWarm'
  | 'searchFirst'
  | 'searchFirstAll'
  | 'heapLists'
  | 'heapSearch'
  | 'preview'
  | 'apply'
  | 'exportPair'
  | 'exportBackup'
  | 'summaryShown'
  | 'summaryJson'
  | 'summaryPdf'
  | 'autosave';

export type Run = Partial<Record<FigureName, Sample>>;

/** How the journal got onto the device, once per size (not a median). */
export interface Setup {
  /** Ms per step: join, restore (or each part), and whether the whole backup was refused. */
  steps: { what: string; previewMs?: number; applyMs?: number; refused?: string; detail?: string }[];
  /** Records on the device afterwards (all record tables). */
  records: number;
  /** How the data was loaded, in words, when the app refused the whole backup. */
  fallback?: string;
}

export interface SizeResult {
  size: number;
  setup: Setup;
  runs: Run[];
}

/** Blank page + app start pairs per run for the cold start figure (the median pair is kept). */
const COLD_PAIRS = 3;

/** Searches typed: the first of the page, then a warm one (ASCII: every character is a key). */
export const QUERIES = { first: 'bookmobile', warm: 'genealogy workshop' } as const;

const TABLES = Object.fromEntries(
  Object.entries(KIND_REGISTRY).map(([kind, info]) => [kind, { table: info.table, indexes: info.indexes }]),
);

/** Calls window.__bench.<method>(...args) in the page (undefined stays undefined). */
async function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const list = args.map((a) => (a === undefined ? 'undefined' : JSON.stringify(a))).join(', ');
  return (await page.evaluate(`window.__bench.${method}(${list})`)) as T;
}

/** The JS heap in use after two forced garbage collections (CDP), in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until the service worker is ready and controls the page (reloading, as a first visit is not controlled). */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    const timeout = new Promise<null>((done) => setTimeout(() => done(null), 30_000));
    if (!(await Promise.race([navigator.serviceWorker.ready, timeout]))) throw new Error('no service worker');
  });
  for (let reloads = 0; reloads < 4; reloads++) {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
  }
  throw new Error('the service worker never controlled the page');
}

/** Opens a new page (closing the others first): a fresh page, as after reopening the app. */
/** Waits (at most `timeout` ms) until the app has kept Home for the next cold start (db/homeSnapshot.ts). */
function homeKept(page: Page, timeout: number): Promise<unknown> {
  return page
    .waitForFunction((key) => localStorage.getItem(key) !== null, HOME_SNAPSHOT_KEY, { timeout })
    .catch(() => undefined);
}

async function freshPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  for (const other of context.pages()) if (other !== page) await other.close();
  return page;
}

/** Runs one step of a run; a failure is recorded on the figure and the run goes on. */
async function step(run: Run, names: FigureName[], work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
    for (const name of names) run[name] ??= { error: message };
    console.error(`  ${names.join(', ')}: ${message}`);
  }
}

/** Chooses a file in the page's file input and waits for the preview; then, unless refused, imports it. */
async function importThrough(page: Page, path: string, timeout: number) {
  await call(page, 'armPreview', timeout);
  await page.locator('input[type="file"]').setInputFiles(path);
  const preview = await call<{ ms: number; refused?: string; total?: string }>(page, 'previewed');
  if (preview.refused) return { preview };
  await call(page, 'settle');
  const applied = await call<{ ms: number; refused?: string; done?: string }>(page, 'apply', timeout);
  return { preview, applied };
}

export interface MeasureOptions {
  server: BenchServer;
  files: JournalFiles;
  /** Folder served under /__bench/files/ (the files' URLs are relative to it). */
  filesRoot: string;
  runs: number;
  log: (line: string) => void;
}

/** Loads one journal onto a fresh device and measures every figure `runs` times. */
export async function measureSize(options: MeasureOptions): Promise<SizeResult> {
  const { server, files, runs, log } = options;
  const { journal } = files;
  const profile = mkdtempSync(join(tmpdir(), 'mj-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: CHROME_ARGS,
    viewport: VIEWPORT,
    locale: 'en-US',
    colorScheme: 'light',
    serviceWorkers: 'allow',
    // Exports are timed to the moment the file is handed to the browser; saving 100 MB of them to
    // disk per run at 50k would only load the machine.
    acceptDownloads: false,
  });
  const big = journal.size >= 20_000;
  const slow = big ? 900_000 : 300_000;
  try {
    await context.addInitScript({ path: PROBE });

    // --- The device: first run, join from the partner's first file, then restore the backup.
    const setup: Setup = { steps: [], records: 0 };
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await call(page, 'shown', 'heading', 'Start a new journal', 60_000);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Join with my partner’s file' }).click();
    await call(page, 'armPreview', 60_000);
    await page.locator('input[type="file"]').setInputFiles(files.seed);
    const joined = await call<{ ms: number; refused?: string }>(page, 'previewed');
    if (joined.refused) throw new Error(`the app refused the seed pair file: ${joined.refused}`);
    await page.getByLabel('In this journal I am the').selectOption('mentee');
    await page.getByRole('button', { name: 'Join this journal' }).click();
    await call(page, 'shown', 'heading', 'Home', 60_000);
    setup.steps.push({ what: 'join (seed pair file)', previewMs: joined.ms });

    await call(page, 'go', '/share', 'heading', 'Share and back up');
    log(`  restoring the ${journal.size.toLocaleString('en')}-record backup through Share…`);
    const whole = await importThrough(page, files.backup, slow);
    setup.steps.push({
      what: `restore backup.json (${mb(files.bytes['backup.json']!)})`,
      previewMs: whole.preview.ms,
      applyMs: whole.applied?.ms,
      refused: whole.preview.refused ?? whole.applied?.refused,
      detail: whole.applied?.done,
    });
    if (whole.preview.refused || whole.applied?.refused) {
      const refusal = whole.preview.refused ?? whole.applied?.refused;
      log(`  the app refused the backup: ${refusal}`);
      if (!files.backupParts.length) throw new Error(`the app refused the backup: ${refusal}`);
      setup.fallback = `the app refused the ${mb(files.bytes['backup.json']!)} backup, so the same records were restored as ${files.backupParts.length} backups of the same journal, each under the limit, one after the other through Share`;
      for (const part of files.backupParts) {
        // A fresh Share screen for each file: the last file's message would read as this one's.
        await call(page, 'go', '/settings', 'heading', 'Settings');
        await call(page, 'go', '/share', 'heading', 'Share and back up');
        const name = relative(files.dir, part);
        log(`  restoring ${name}…`);
        const r = await importThrough(page, part, slow);
        const refused = r.preview.refused ?? r.applied?.refused;
        setup.steps.push({
          what: `restore ${name} (${mb(files.bytes[name]!)})`,
          previewMs: r.preview.ms,
          applyMs: r.applied?.ms,
          refused,
          detail: r.applied?.done,
        });
        if (refused) throw new Error(`the app refused ${name}: ${refused}`);
      }
    }
    setup.records = await page.evaluate(
      countRecords,
      Object.values(TABLES).map((t) => t.table),
    );
    if (setup.records !== journal.size) {
      throw new Error(`after the restore the device holds ${setup.records} records, not ${journal.size}`);
    }
    // As after every import, the app keeps Home again: the first run starts from it.
    await homeKept(page, 900_000);

    // --- The runs: each starts from a new page, as when the app is opened again.
    const results: Run[] = [];
    for (let r = 1; r <= runs; r++) {
      log(`  run ${r} of ${runs}`);
      const run: Run = {};
      results.push(run);
      await oneRun(context, run, r, options);
    }
    await freshPage(context);
    return { size: journal.size, setup, runs: results };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Every record in the record tables (a plain IndexedDB count, in the page). */
async function countRecords(tables: string[]): Promise<number> {
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const request = indexedDB.open('mentoring-journal');
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  try {
    let total = 0;
    for (const table of tables) {
      total += await new Promise<number>((done, fail) => {
        const count = db.transaction(table, 'readonly').objectStore(table).count();
        count.onsuccess = () => done(count.result);
        count.onerror = () => fail(count.error);
      });
    }
    return total;
  } finally {
    db.close();
  }
}

async function oneRun(context: BrowserContext, run: Run, r: number, options: MeasureOptions) {
  const { server, files } = options;
  const { journal } = files;
  const big = journal.size >= 20_000;
  const slow = big ? 900_000 : 300_000;

  // Cold start: a blank page from the same server (another origin: no service worker), then the app
  // in a new page, served by its (stopped, so restarting) service worker, until Home shows its data.
  const blankStart = async () => {
    const blank = await freshPage(context);
    await blank.goto(`${server.otherOrigin}__bench/blank.html`);
    await blank.waitForFunction(() => window.__bench?.state.loadAt !== undefined);
    return blank.evaluate(() => window.__bench.state.loadAt!);
  };
  /** A cold start in a new page, the worker asleep: ms to Home shown, and to the app's own Home. */
  const coldStart = async () => {
    const opened = await freshPage(context);
    // The worker asleep, as when the app is reopened after a while: it starts to serve the page.
    const cdp = await context.newCDPSession(opened);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await opened.goto(server.url);
    await opened.waitForFunction(() => window.__bench?.state.homeAt !== undefined, undefined, {
      timeout: 120_000,
    });
    const controlled = await opened.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!controlled) throw new Error('the page was not served by the service worker');
    // The app's own Home, whose controls work: the same moment when no kept Home was shown.
    await opened.waitForFunction(() => window.__bench?.state.liveHomeAt !== undefined, undefined, {
      timeout: 120_000,
    });
    const [shown, live] = await opened.evaluate(() => [
      window.__bench.state.homeAt!,
      window.__bench.state.liveHomeAt!,
    ]);
    return { page: opened, shown, live };
  };
  /** Of some (value, floor) pairs, the one whose ratio is the median. */
  const medianPair = (pairs: { value: number; floor: number }[]) =>
    [...pairs].sort((x, y) => x.value / x.floor - y.value / y.floor)[Math.floor(pairs.length / 2)]!;
  // First, the start after the last run's import, once the app has kept Home again (it does so
  // after every import): COLD_PAIRS blank pages each followed by a start of the app, the run's
  // figure being the pair with the median ratio (a single pair swings ×0.9–×3 on a busy machine).
  // Then the start when Home's drawing was not kept — the tab closed right after a change
  // elsewhere — where Home's kept facts are read and Home is drawn by the app.
  let page = undefined as unknown as Page;
  let floors: number[] = [];
  await step(run, ['cold', 'coldLive'], async () => {
    const starts: { floor: number; shown: number; live: number }[] = [];
    for (let i = 0; i < COLD_PAIRS; i++) {
      const floor = await blankStart();
      const start = await coldStart();
      page = start.page;
      starts.push({ floor, shown: start.shown, live: start.live });
    }
    floors = starts.map((s) => s.floor);
    run.cold = medianPair(starts.map((s) => ({ value: s.shown, floor: s.floor })));
    run.coldLive = medianPair(starts.map((s) => ({ value: s.live, floor: s.floor })));
  });
  await step(run, ['coldUnkept'], async () => {
    if (!page) throw new Error('no first start');
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(server.url).origin,
      storageTypes: 'local_storage',
    });
    await cdp.detach();
    const again = await coldStart();
    page = again.page;
    run.coldUnkept = { value: again.shown, floor: median(floors) };
  });
  if (run.cold?.error || !page) {
    // Without Home there is no app to measure in this run.
    for (const name of ['stories', 'meetings', 'milestones', 'goal'] as const)
      run[name] = { error: 'no Home' };
    return;
  }

  // Warm lists: each screen visited once (its code loaded), then measured from another screen
  // (Settings, which reads nothing) by a tap on a link, to the frame that shows the list's items.
  const lists = [
    { name: 'stories', path: '/stories', screen: 'stories' },
    { name: 'meetings', path: '/meetings', screen: 'meetings' },
    { name: 'milestones', path: '/milestones', screen: 'milestones' },
    { name: 'goal', path: `/goals/${journal.bigGoal.id}`, screen: 'goal', arg: journal.bigGoal.title },
  ] as const;
  const away = () => call(page, 'go', '/settings', 'heading', 'Settings').then(() => call(page, 'settle'));
  for (const list of lists) {
    await step(run, [list.name], async () => {
      await away();
      await call(page, 'go', list.path, list.screen, 'arg' in list ? list.arg : undefined, slow);
      await call(page, 'settle');
    });
  }
  for (const list of lists) {
    if (run[list.name]?.error) continue;
    await step(run, [list.name], async () => {
      await away();
      const ms = await call<number>(
        page,
        'go',
        list.path,
        list.screen,
        'arg' in list ? list.arg : undefined,
        slow,
      );
      run[list.name] = { value: ms };
      await call(page, 'settle');
    });
  }

  // JS heap after every list (and the other screens that list records), back on Home.
  await step(run, ['heapLists'], async () => {
    for (const [path, title] of [
      ['/goals', 'Goals'],
      ['/check-ins', 'Check-ins'],
      ['/networking', 'Networking'],
      ['/opportunities', 'Development opportunities'],
      ['/reflection', 'Reflection'],
      ['/themes', 'Skills and themes'],
    ] as const) {
      await call(page, 'go', path, 'heading', title, slow);
      await call(page, 'settle');
    }
    await call(page, 'go', '/', 'home', undefined, slow);
    await call(page, 'settle', 300);
    run.heapLists = { value: await heapAfterGc(page) };
  });

  // Search: the first search of the page, typed as soon as the box is there; then a warm one.
  await step(run, ['searchFirst', 'searchFirstAll', 'searchWarm', 'heapSearch'], async () => {
    // BENCH_PROFILE=<folder>: a CPU profile of opening Search and the first query, until every record is indexed.
    const profiles = process.env.BENCH_PROFILE;
    const prof = profiles ? await page.context().newCDPSession(page) : undefined;
    if (prof) {
      await prof.send('Profiler.enable');
      await prof.send('Profiler.setSamplingInterval', { interval: 200 });
      await prof.send('Profiler.start');
    }
    await call(page, 'go', '/search', 'searchBox');
    await page.locator('input[type="search"]').focus();
    await call(page, 'armSearch', QUERIES.first, slow);
    await page.keyboard.type(QUERIES.first);
    const first = await call<{ ms: number; text: string }>(page, 'searched');
    run.searchFirst = { value: first.ms, detail: first.text };
    const all = await call<{ ms: number; text: string }>(page, 'searchedAll');
    run.searchFirstAll = { value: all.ms, detail: all.text };
    if (prof) {
      const { profile } = await prof.send('Profiler.stop');
      writeFileSync(join(profiles!, `search-${journal.size}-${r}.cpuprofile`), JSON.stringify(profile));
      await prof.detach();
    }
    await call(page, 'settle', 300);
    await page.locator('input[type="search"]').fill('');
    await call(page, 'settle', 300);
    await call(page, 'armSearch', QUERIES.warm, slow);
    await page.keyboard.type(QUERIES.warm);
    const warm = await call<{ ms: number; text: string }>(page, 'searched');
    run.searchWarm = { value: warm.ms, detail: warm.text };
    await call(page, 'settle', 300);
    // A big journal is still being indexed after the first searches: the heap is taken with all of it indexed.
    await page.locator('.search-count[aria-busy="false"]').waitFor({ timeout: slow });
    run.heapSearch = { value: await heapAfterGc(page) };
  });

  // Autosave: keys typed at the end of a private story's Result; last key → the text in IndexedDB.
  await step(run, ['autosave'], async () => {
    await call(page, 'go', `/stories/${journal.autosaveStory}`, 'storyEditor', undefined, slow);
    await call(page, 'settle');
    const box = page.locator('textarea[name="result"]');
    await box.click();
    await page.keyboard.press('Control+End');
    const suffix = ` Benchmark edit ${r}.`;
    await call(page, 'armAutosave', journal.autosaveStory, 'result', suffix);
    await page.keyboard.type(suffix);
    run.autosave = { value: (await call<{ ms: number }>(page, 'autosaved')).ms };
    await call(page, 'settle', 400);
  });

  // Exports: pair file and backup under Share, then the committee summary as JSON and PDF.
  const exported = (name: FigureName, result: { ms: number; bytes: number | null }) => {
    run[name] = { value: result.ms, bytes: result.bytes ?? undefined };
  };
  await step(run, ['exportPair', 'exportBackup'], async () => {
    await call(page, 'go', '/share', 'heading', 'Share and back up');
    await call(page, 'settle');
    exported('exportPair', await call(page, 'download', '^Send to my partner$', slow));
    await call(page, 'settle', 300);
    exported('exportBackup', await call(page, 'download', '^Back up this device$', slow));
    await call(page, 'settle', 300);
  });
  await step(run, ['summaryShown', 'summaryJson', 'summaryPdf'], async () => {
    run.summaryShown = { value: await call<number>(page, 'go', '/summary', 'summary', undefined, slow) };
    await call(page, 'settle', 300);
    exported('summaryJson', await call(page, 'download', '^Download summary \\(JSON\\)', slow));
    await call(page, 'settle', 300);
    exported('summaryPdf', await call(page, 'download', '^Download summary \\(PDF\\)', slow));
    await call(page, 'settle', 300);
  });

  // Import of the partner's file (a further 10% of its records edited), vs raw bulkPut of its records.
  await step(run, ['preview', 'apply'], async () => {
    await call(page, 'go', '/share', 'heading', 'Share and back up');
    await call(page, 'settle');
    const path = files.partner[r - 1]!;
    const result = await importThrough(page, path, slow);
    const url = `${server.url}__bench/files/${relative(resolve(options.filesRoot), path)}`;
    await call(page, 'settle', 300);
    const bulk = await call<{ ms: number }>(page, 'bulkPut', url, TABLES);
    const name = relative(files.dir, path);
    if (result.preview.refused) {
      run.preview = { refused: result.preview.refused, floor: bulk.ms, bytes: files.bytes[name] };
      run.apply = { refused: 'preview refused', floor: bulk.ms };
      return;
    }
    run.preview = {
      value: result.preview.ms,
      floor: bulk.ms,
      bytes: files.bytes[name],
      detail: result.preview.total,
    };
    run.apply = result.applied?.refused
      ? { refused: result.applied.refused, floor: bulk.ms }
      : { value: result.applied?.ms, floor: bulk.ms, detail: result.applied?.done };
  });
  // The app keeps Home again after an import (its facts and its drawing): the next run starts from it.
  await homeKept(page, slow);
  await page.close();
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
