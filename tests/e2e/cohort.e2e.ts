// Scene 3, the committee's side, in the built app: a committee member with no journal on this device
// opens the cohort view from the first run, offline (the server is stopped once the service worker
// controls the page), chooses 30 files at once — 28 pairs' summaries, a PDF and a pair file — and
// gets 28 rows with the right flags and the two files refused with what to ask for. A newer summary
// of one pair dropped on the drop zone replaces the older one (and the screen says so). The CSV
// download parses back (csv-parse) equal to the table. axe finds nothing at 360 and 1280 px, light
// and dark. The summaries are made with the app's own buildSummary.

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../../src/model/schedule';
import { type PairSpec, pairSummary, summaryText } from '../helpers/summaries';
import {
  expectNoAxeViolations,
  newContext,
  openPage,
  serveDuringFile,
  waitForAppShell,
  waitForServiceWorker,
} from './harness';

const server = serveDuringFile();

const TODAY = '2025-10-01';
/** Names with accents, commas, quotes and apostrophes: the CSV must bring them back as they are. */
const MENTEES = [
  'Zofia Łukasiewicz',
  'Smith, Jane',
  'Ana "Nia" Kowalska',
  'Siobhán O’Brien',
  'Ærøskøbing Øst',
  'Nguyễn Thị Hoa',
  'Émile Zola-Dupont',
];
const MENTORS = ['Grace Ọkafọ', "Pat O'Neill, MLS", 'Sam "Sunny" Reid', 'Jürgen Groß'];

/** The four kinds of pair, by i % 4: calm, no meeting for long, a milestone overdue, a goal past its target. */
function spec(i: number, generatedAt = `${TODAY}T09:00:00.000Z`): PairSpec {
  const pattern = i % 4;
  return {
    journalId: `journal-${String(i).padStart(2, '0')}`,
    mentee: `${MENTEES[i % MENTEES.length]} ${i + 1}`,
    mentor: MENTORS[i % MENTORS.length]!,
    programme: i % 2 ? 'Regional library mentoring' : 'Bibliothèques, Québec',
    startDate: '2025-01-15',
    meetings:
      pattern === 1 ? ['2025-03-01', '2025-05-01'] : ['2025-04-01', '2025-07-01', addDays(TODAY, -(i % 20))],
    checkIns: ['2025-08-01'],
    milestones:
      pattern === 2
        ? [{ title: 'Book the venue', dueDate: '2025-09-15' }]
        : [{ title: 'Write the plan', dueDate: '2025-06-01', status: 'done', doneDate: '2025-05-30' }],
    goals: [
      {
        title: 'Lead a project',
        targetDate: pattern === 3 ? '2025-09-01' : '2026-03-01',
        percent: 10 * (i % 10),
      },
    ],
    today: TODAY,
    generatedAt,
  };
}

const PAIRS = Array.from({ length: 28 }, (_, i) => spec(i));
/** Pair 1 had not met for long; its newer summary (later the same day) has a meeting the day before. */
const NEWER = pairSummary({ ...spec(1, `${TODAY}T17:30:00.000Z`), meetings: ['2025-05-01', '2025-09-30'] });
const WHY = [
  '',
  'No meeting for 153 days (agreed: at least every 91 days)',
  '1 milestone overdue',
  'A goal past its target date: “Lead a project”',
];

function files() {
  const json = (name: string, text: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const list = PAIRS.map((p, i) => json(`committee-summary-${i + 1}.json`, summaryText(pairSummary(p))));
  list.splice(5, 0, {
    name: 'summary-of-dan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n'),
  });
  list.splice(
    17,
    0,
    json(
      'pair-file-for-eve.json',
      JSON.stringify({ format: 'mentoring-journal', formatVersion: 2, kind: 'pair' }),
    ),
  );
  return list;
}

let context: BrowserContext;
let page: Page;

/** The table as shown: header texts, then each row's cell texts. */
function tableShown(): Promise<string[][]> {
  return page.evaluate(() => {
    const table = document.querySelector('table.cohort-table')!;
    const headers = [...table.querySelectorAll('thead th')].map(
      (th) => th.querySelector('button')?.firstChild?.textContent ?? '',
    );
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent ?? ''),
    );
    return [headers, ...rows];
  });
}

/** The "Needs attention" and "Why" of a mentee's row. */
async function flagsOf(mentee: string): Promise<[string, string]> {
  const [headers, ...rows] = await tableShown();
  const row = rows.find((r) => r[0] === mentee)!;
  return [row[headers!.indexOf('Needs attention')]!, row[headers!.indexOf('Why')]!];
}

beforeAll(async () => {
  context = await newContext(null, { width: 360, height: 740 });
  page = await openPage(context, server.url);
  await waitForAppShell(page);
  await waitForServiceWorker(page);
  await server.stop();
});

describe('a committee member with no journal, offline', () => {
  test('opens 30 files at once: 28 rows with the right flags, and the PDF and the pair file refused', async () => {
    await page.getByRole('link', { name: 'I’m on the programme committee' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohort view' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cohort');

    await page.getByLabel('Choose summary files').setInputFiles(files());
    await page.getByRole('table').waitFor();
    const [, ...rows] = await tableShown();
    expect(rows).toHaveLength(28);
    await expect
      .poll(() => page.locator('caption').textContent())
      .toMatch(/^Pairs in this cohort: 28, of which 21 need attention\./);
    for (const [i, p] of PAIRS.entries()) {
      expect(await flagsOf(p.mentee), p.mentee).toEqual([i % 4 ? 'Yes' : 'No', WHY[i % 4]]);
    }
    const opened = page.getByRole('region', { name: 'What was opened' });
    await expect
      .poll(() => opened.locator('p').first().textContent())
      .toBe('Opened 30 files: 28 pairs added; 2 files could not be read.');
    const refused = await opened.locator('.cohort-refused li').allTextContents();
    expect(refused).toEqual([
      'summary-of-dan.pdf: This is a PDF. Ask the pair for the JSON summary (Committee summary → Download summary (JSON)).',
      'pair-file-for-eve.json: This is a pair file, meant for the partner: it holds the journal itself, not a committee summary. Ask the pair for the JSON summary (Committee summary → Download summary (JSON)).',
    ]);
    // Nothing was stored: no kept cohort in the device-only table.
    const kept = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('mentoring-journal');
          open.onsuccess = () => {
            const keys = open.result.transaction('local').objectStore('local').getAllKeys();
            keys.onsuccess = () =>
              resolve((keys.result as string[]).filter((k) => k.startsWith('cohort:')).length);
          };
        }),
    );
    expect(kept).toBe(0);
  });

  test('a newer summary of a pair, dropped on the drop zone, replaces the older one and says so', async () => {
    expect(await flagsOf(PAIRS[1]!.mentee)).toEqual(['Yes', WHY[1]]);
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'committee-summary-2-evening.json', { type: 'application/json' }));
      return transfer;
    }, summaryText(NEWER));
    await page.dispatchEvent('.cohort-open fieldset', 'drop', { dataTransfer });
    const opened = page.getByRole('region', { name: 'What was opened' });
    await expect
      .poll(() => opened.locator('p').first().textContent())
      .toBe('Opened 1 file: 0 pairs added; 1 newer summary replaced an older one.');
    expect(await opened.locator('.cohort-notices li').allTextContents()).toEqual([
      expect.stringMatching(
        /^A newer summary of Smith, Jane 2 & Pat O'Neill, MLS \(made .*, committee-summary-2-evening\.json\) replaced the one made /,
      ),
    ]);
    const [, ...rows] = await tableShown();
    expect(rows).toHaveLength(28);
    expect(await flagsOf(PAIRS[1]!.mentee)).toEqual(['No', '']);
    expect(await page.locator('caption').textContent()).toMatch(
      /^Pairs in this cohort: 28, of which 20 need attention\./,
    );
  });

  test('sorts by a column from its header button, with aria-sort', async () => {
    const header = page.getByRole('columnheader', { name: /^Days since last meeting/ });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const [headers, first] = await tableShown();
    expect(first![headers!.indexOf('Days since last meeting')]).toBe('153');
    expect(
      await page.getByRole('columnheader', { name: /^Needs attention/ }).getAttribute('aria-sort'),
    ).toBeNull();
  });

  test('the CSV download parses back equal to the table', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Download the table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cohort-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8'), { bom: true, record_delimiter: '\r\n' });
    expect(records).toEqual(await tableShown());
  });

  test('at 360 px the table scrolls inside its own region, the mentee column staying in view', async () => {
    const region = page.getByRole('region', { name: /^Pairs in this cohort/ });
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await region.evaluate((el) => {
      el.scrollLeft = 600;
    });
    const regionBox = await region.boundingBox();
    const nameBox = await page.getByRole('rowheader').first().boundingBox();
    expect(Math.abs(nameBox!.x - regionBox!.x)).toBeLessThanOrEqual(2);
  });

  describe.for([
    { width: 360, colorScheme: 'light' },
    { width: 360, colorScheme: 'dark' },
    { width: 1280, colorScheme: 'light' },
    { width: 1280, colorScheme: 'dark' },
  ] as const)('at $width px, $colorScheme colour scheme', ({ width, colorScheme }) => {
    test('axe finds no WCAG 2.1 A/AA violations on the cohort view with its table', async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.getByRole('table').waitFor();
      await expectNoAxeViolations(page, `the cohort view at ${width} px, ${colorScheme}`);
    });
  });

  test('kept on this device, the cohort goes into a backup with no journal, and a new device restores it from the first screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: 'Keep this cohort on this device' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Back up this device' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mentoring-journal-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(backup.journalIds).toEqual([]);
    expect(backup.payload.cohorts).toHaveLength(1);

    // Another device: a fresh profile, nothing on it, the app served again for its first load.
    await server.restart();
    const other = await newContext(null, { width: 360, height: 740 });
    const fresh = await openPage(other, server.url);
    await waitForAppShell(fresh);
    await fresh.getByRole('button', { name: 'Restore a backup' }).click();
    await fresh.getByLabel('Choose the backup file').setInputFiles(await download.path());
    await fresh.getByText(/^A backup of 1 kept cohort \(no journal\), made on /).waitFor();
    await fresh.getByRole('button', { name: 'Restore this backup' }).click();
    await fresh
      .locator('p.import-done')
      .getByText(/^Backup restored: nothing new; 1 kept cohort\./)
      .waitFor();
    await fresh.getByRole('link', { name: 'Open the cohort view' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'Cohort view' }).waitFor();
    await fresh.getByRole('button', { name: /^Open / }).click();
    await fresh.getByRole('table').waitFor();
    await expect.poll(() => fresh.locator('table.cohort-table tbody tr').count()).toBe(28);
    await other.close();
  });
});
