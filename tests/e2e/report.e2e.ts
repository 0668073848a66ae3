// Scene 3 in the built app: a pair exports a summary the committee reads — and nothing private in it.
// A mentee with a Unicode name sets up a journal through the screens (a committee-visible goal and
// story, a pair-only goal, a private meeting note with a unique marker), downloads the summary as PDF
// and JSON, and reads both back (pdftotext for the PDF). Then the server goes away and the PDF is
// made again offline: the PDF code and the font come from the service worker's precache.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import {
  expectNoAxeViolations,
  newContext,
  openPage,
  type RequestWatch,
  serveDuringFile,
  submitFirstRun,
  waitForAppShell,
  waitForServiceWorker,
  watchRequests,
} from './harness';

// Set E2E_DIST to test a private build (OUT_DIR=.tmp/report-dist npx vite build) while others rebuild dist/.
const server = serveDuringFile();

const WIDTH = 360;
const HEIGHT = 740;
const MENTEE = 'Zofia Łukasiewicz';
const MENTOR = 'Grace Ọkafọ';
const COMMITTEE_GOAL = 'Lead the branch’s digital skills workshop';
const PAIR_GOAL = 'Pairgoal Quietly Ask For A Raise';
const STORY = {
  title: 'Teen reading club',
  problem: 'Teens stopped coming after 5 pm.',
  action: 'I asked ten teens what they wanted and ran a weekly club.',
  result: 'Forty teens came each week within three months.',
};
const PRIVATE_MARKER = 'PRIVATE-MARKER-7f3a9c-nervous-about-interview';

let context: BrowserContext;
let page: Page;
let requests: RequestWatch;

/** Today in the browser's time zone, plus `days`, as YYYY-MM-DD. */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Every record of an IndexedDB store of the app. */
function readStore(store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('mentoring-journal');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all;
  }, store);
}

/** Waits until the store holds a record with these field values (the autosave has written it). */
async function saved(store: string, fields: Record<string, unknown>) {
  const matches = (r: Record<string, unknown>) => Object.entries(fields).every(([k, v]) => r[k] === v);
  // vi.waitFor, not expect.poll: this also runs in beforeAll, where expect.poll is refused.
  await vi.waitFor(
    async () =>
      expect((await readStore(store)).some(matches), `Not saved in ${store}: ${JSON.stringify(fields)}`).toBe(
        true,
      ),
    { timeout: 10_000, interval: 100 },
  );
}

async function addGoal(title: string, visibility?: string) {
  await page.goto(`${server.url}goals`);
  await page.getByLabel('New goal').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  if (visibility) await page.getByLabel('Who can see it').selectOption({ label: visibility });
  await saved('goals', { title, visibility: visibility ? 'committee' : 'pair' });
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(name: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name }).click(),
  ]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), bytes: readFileSync(path) };
}

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' });
}

beforeAll(async () => {
  context = await newContext(null, { width: WIDTH, height: HEIGHT });
  requests = watchRequests(context, server.origin);
  page = await openPage(context, server.url);
  await waitForAppShell(page);
  await waitForServiceWorker(page);
  await submitFirstRun(page, {
    role: 'mentee',
    mentee: MENTEE,
    mentor: MENTOR,
    programme: 'Regional library mentoring',
    startDate: day(-60),
  });
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

  // Through the screens: a goal for the committee, a goal for the pair only, a story for the committee.
  await addGoal(COMMITTEE_GOAL, 'Partner and programme committee');
  await addGoal(PAIR_GOAL);
  await page.goto(`${server.url}stories`);
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByRole('heading', { level: 1, name: 'New story' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(STORY.title);
  await page.getByLabel('Problem', { exact: true }).fill(STORY.problem);
  await page.getByLabel('Action', { exact: true }).fill(STORY.action);
  await page.getByLabel('Result', { exact: true }).fill(STORY.result);
  await page.getByLabel('Who can see it').selectOption({ label: 'Partner and programme committee' });
  await saved('stories', { title: STORY.title, result: STORY.result, visibility: 'committee' });

  // A meeting held today, with my private note on it.
  await page.goto(`${server.url}meetings`);
  await page.getByRole('button', { name: 'Plan a meeting' }).click();
  await page.getByLabel('Day').fill(day(0));
  await page.getByLabel('Time', { exact: true }).fill('10:00');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await page.getByRole('heading', { level: 1, name: /^Meeting: / }).waitFor();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Held' });
  await page.getByLabel('My private notes').fill(PRIVATE_MARKER);
  await saved('notes', { text: PRIVATE_MARKER, visibility: 'private' });
  await saved('meetings', { date: day(0), status: 'held' });
}, 120_000);

/** Opens the committee summary and waits for its preview (each test starts here, so any runs alone). */
async function openSummary() {
  await page.goto(`${server.url}summary`);
  await page.getByRole('heading', { level: 1, name: 'Committee summary' }).waitFor();
  await page.locator('.summary-preview').getByText(COMMITTEE_GOAL, { exact: true }).waitFor();
}

describe('committee summary', () => {
  test('the screen says what goes in and previews exactly that, axe clean at 360 px', async () => {
    await openSummary();
    const preview = page.locator('.summary-preview');
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain(STORY.title);
    expect(text).toContain(`${MENTEE} (mentee) and ${MENTOR} (mentor)`);
    expect(text).toContain('1 meeting held.');
    expect(text).not.toContain(PAIR_GOAL);
    expect(text).not.toContain(PRIVATE_MARKER);
    // Each item links to where its visibility can be changed.
    const goalLink = page.getByRole('link', { name: `Change who can see it: ${COMMITTEE_GOAL}` });
    expect(await goalLink.getAttribute('href')).toMatch(/^\/goals\/[0-9a-f-]{36}$/);
    // Left out, with a way to reach it.
    expect(await page.getByRole('link', { name: '1 goal' }).getAttribute('href')).toBe('/goals');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    // To look at it: REPORT_SHOT=.tmp/summary.png
    if (process.env.REPORT_SHOT) await page.screenshot({ path: process.env.REPORT_SHOT, fullPage: true });
    await expectNoAxeViolations(page, 'Committee summary');
  });

  test('the JSON holds the committee goal and story, and neither the pair goal nor the private note', async () => {
    await openSummary();
    const { fileName, bytes } = await download('Download summary (JSON)');
    expect(fileName).toBe(`committee-summary-zofia-łukasiewicz-${day(0)}.json`);
    const json = bytes.toString('utf8');
    const summary = JSON.parse(json);
    expect(summary.format).toBe('mentoring-journal-committee-summary');
    expect(summary.journal.menteeName).toBe(MENTEE);
    expect(summary.goals.map((g: { title: string }) => g.title)).toEqual([COMMITTEE_GOAL]);
    expect(summary.stories[0]).toMatchObject(STORY);
    expect(summary.meetings.heldCount).toBe(1);
    expect(summary.meetings.held[0].date).toBe(day(0));
    expect(json).toContain('Łukasiewicz');
    expect(json).not.toContain(PAIR_GOAL);
    expect(json).not.toContain(PRIVATE_MARKER);
  });

  test('the PDF reads back with the committee goal and “Łukasiewicz”, and neither the pair goal nor the private note', async () => {
    await openSummary();
    const { fileName, bytes } = await download('Download summary (PDF)');
    expect(fileName).toBe(`committee-summary-zofia-łukasiewicz-${day(0)}.pdf`);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Łukasiewicz');
    expect(text).toContain(MENTOR);
    expect(text).toContain(COMMITTEE_GOAL);
    expect(text).toContain(STORY.title);
    expect(text).not.toContain('Pairgoal');
    expect(text).not.toContain('PRIVATE-MARKER');
    // The font came from the app's own origin; nothing else was asked.
    expect(requests.all().some((url) => url.startsWith(`${server.origin}/assets/DejaVuSans-`))).toBe(true);
    expect(requests()).toEqual([]);
  });

  test('a long PDF: the paper the user picks, no heading alone at a page foot, and “(continued)” where a story runs on', async () => {
    const title = 'Moving the local history archive';
    const long =
      'We sorted, scanned and labelled every box of the archive with the volunteers, week by week. ';
    await page.goto(`${server.url}stories`);
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByRole('heading', { level: 1, name: 'New story' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Problem', { exact: true }).fill(long.repeat(30));
    await page.getByLabel('Action', { exact: true }).fill(long.repeat(30));
    await page.getByLabel('Result', { exact: true }).fill('The archive moved without a box lost.');
    await page.getByLabel('Who can see it').selectOption({ label: 'Partner and programme committee' });
    await saved('stories', { title, visibility: 'committee' });

    await openSummary();
    // The browser speaks en-US: the PDF is on US Letter unless the user picks A4.
    expect(await page.getByRole('radio', { name: 'US Letter' }).isChecked()).toBe(true);
    const letter = await download('Download summary (PDF)');
    expect((await PDFDocument.load(letter.bytes)).getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    await page.getByRole('radio', { name: 'A4' }).check();
    const a4 = await download('Download summary (PDF)');
    const pdf = await PDFDocument.load(a4.bytes);
    expect(pdf.getPages().map((p) => p.getSize())).toEqual(
      Array(pdf.getPageCount()).fill({ width: 595.28, height: 841.89 }),
    );

    const sections = ['The programme', 'Meetings held', 'Goals', 'Milestones', 'Accomplishment stories'];
    const headings = new Set([...sections, 'Partnership check-ins', COMMITTEE_GOAL, STORY.title, title]);
    for (const { bytes } of [letter, a4]) {
      const pages = pdfText(bytes)
        .split('\f')
        .map((text) => text.split('\n').filter((line) => line.trim()))
        .filter((lines) => lines.length);
      expect(pages.length).toBeGreaterThan(1);
      for (const [i, lines] of pages.entries()) {
        expect(lines.at(-1)).toContain(`page ${i + 1} of ${pages.length}`);
        const last = lines.at(-2)!;
        expect(headings.has(last) || last.endsWith('(continued)'), `page ${i + 1} ends with “${last}”`).toBe(
          false,
        );
      }
      // The long story runs onto the next page, which says what goes on.
      const runsOn = pages.findIndex((lines) => lines.includes(title));
      expect(pages[runsOn + 1]!.slice(0, 2)).toEqual([
        'Accomplishment stories (continued)',
        `${title} (continued)`,
      ]);
    }
  });

  test('offline, once the service worker controls the page, both downloads still work', async () => {
    await waitForServiceWorker(page);
    // The PDF code and the font are in the precache, not just in the HTTP cache.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.some((url) => /\/assets\/DejaVuSans-[\w-]+\.ttf/.test(url))).toBe(true);
    expect(cached.some((url) => /\/assets\/toPdf-[\w-]+\.js/.test(url))).toBe(true);

    await server.stop();
    try {
      // A fresh document: the PDF module and the font must come from the service worker.
      await page.reload();
      await openSummary();

      const pdf = await download('Download summary (PDF)');
      const text = pdfText(pdf.bytes);
      expect(text).toContain('Łukasiewicz');
      expect(text).toContain(COMMITTEE_GOAL);
      expect(text).not.toContain('Pairgoal');
      expect(text).not.toContain('PRIVATE-MARKER');

      const json = (await download('Download summary (JSON)')).bytes.toString('utf8');
      expect(json).toContain(COMMITTEE_GOAL);
      expect(json).not.toContain(PAIR_GOAL);
      expect(json).not.toContain(PRIVATE_MARKER);
    } finally {
      // The server back for whatever test runs next.
      await server.restart();
    }
  });
});
