// Issue 12, progress you can see: in the built app, a mentee sets up a goal with progress and a
// milestone, rates the partnership in two check-ins, and then sees it all — the goal's progress on
// the goals list, the trend chart on the check-ins screen (axe-clean at 360 and 1280 px, light and
// dark), and Home's "Needs attention" card, whose links lead to where each thing is done.

import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import {
  expectNoAxeViolations,
  newContext,
  openPage,
  serveDuringFile,
  submitFirstRun,
  waitForAppShell,
} from './harness';

const server = serveDuringFile();
const GOAL = 'Lead the library’s digital skills workshop';

let context: BrowserContext;
let page: Page;

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
  await vi.waitFor(
    async () =>
      expect((await readStore(store)).some(matches), `Not saved in ${store}: ${JSON.stringify(fields)}`).toBe(
        true,
      ),
    { timeout: 10_000, interval: 100 },
  );
}

/** Starts a check-in, dates it, answers the rating, and closes it. */
async function checkIn(date: string, rating: string) {
  await page.getByRole('button', { name: 'Start a check-in' }).click();
  await page.getByRole('heading', { name: 'My check-in' }).waitFor();
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('radiogroup', { name: 'How is the partnership working?' }).getByLabel(rating).check();
  await saved('checkIns', { date, rating: Number(rating[0]) });
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Start a check-in' }).waitFor();
}

beforeAll(async () => {
  context = await newContext(null, { width: 1280, height: 900 });
  page = await openPage(context, server.url);
  await waitForAppShell(page);
  await submitFirstRun(page, {
    role: 'mentee',
    mentee: 'Ana Kowalska',
    mentor: 'Sam Reid',
    startDate: day(-250),
  });
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

  // A goal past its target date, 40% of the way, with one milestone not done.
  await page.goto(`${server.url}goals`);
  await page.getByLabel('New goal').fill(GOAL);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { level: 1, name: GOAL }).waitFor();
  await page.getByLabel('Target date').fill(day(-5));
  await saved('goals', { title: GOAL, targetDate: day(-5) });
  await page.getByLabel('Percent done (optional)').fill('40');
  await page.getByLabel('Progress note').fill('Ran the first session');
  await page.getByRole('button', { name: 'Add progress' }).click();
  await saved('progressEntries', { percent: 40 });
  await page.getByLabel('New milestone').fill('Book the training room');
  await page.getByLabel('Due date').fill(day(-2));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await saved('milestones', { title: 'Book the training room' });

  // Two check-ins, rated.
  await page.goto(`${server.url}check-ins`);
  await page.getByRole('heading', { level: 1, name: 'Check-ins' }).waitFor();
  await checkIn(day(-200), '3 — Getting there');
  await checkIn(day(-20), '4 — Working well');
}, 120_000);

describe('progress you can see', () => {
  test('the goals list shows the goal’s latest progress, its milestones done and that it is past its target', async () => {
    await page.goto(`${server.url}goals`);
    const card = page.getByRole('list', { name: 'Goals' }).getByRole('listitem').filter({ hasText: GOAL });
    await expect
      .poll(() => card.locator('.goal-progress').textContent())
      .toMatch(/^Latest progress 40% \(.+\) · 0 of 1 milestone done Past its target date$/);
    await expect
      .poll(() => card.getByRole('progressbar', { name: `Latest progress of ${GOAL}: 40%` }).count())
      .toBe(1);
  });

  test('the check-in trend chart and its table show both ratings, axe-clean at 360 and 1280 px, light and dark', async () => {
    await page.goto(`${server.url}check-ins`);
    const trend = page.getByRole('region', { name: 'How the partnership is working' });
    const chart = trend.getByRole('img', { name: /How is the partnership working\?/ });
    await chart.waitFor();
    const rows = trend.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toMatch(/3 of 5, Getting there/);
    expect(await rows.nth(2).textContent()).toMatch(/4 of 5, Working well/);
    // The chart draws both points of the mentee's line.
    expect(await chart.locator('circle').count()).toBe(2);
    for (const width of [360, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await chart.waitFor();
        const box = await chart.boundingBox();
        expect(box && box.width > 0 && box.width <= width).toBe(true);
        await expectNoAxeViolations(page, `check-ins at ${width} px, ${colorScheme}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('Home’s Needs attention card lists what to act on, and each line leads there', async () => {
    await page.goto(server.url);
    const card = page.getByRole('region', { name: 'Needs attention' });
    const lines = card.getByRole('list', { name: 'Needs attention' }).getByRole('link');
    await expect.poll(() => lines.count()).toBe(4);
    expect(await lines.allTextContents()).toEqual([
      'No meeting for 250 days since the start (agreed: at least every 91 days)Plan a meeting',
      '1 milestone overdueOpen the milestones',
      `A goal past its target date: “${GOAL}”Review the goals`,
      'Never backed up: everything lives only on this deviceMake a backup',
    ]);
    await expectNoAxeViolations(page, 'Home with Needs attention');

    const go = async (name: RegExp, heading: string) => {
      await lines.filter({ hasText: name }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    };
    await go(/Plan a meeting/, 'Meetings');
    await go(/Open the milestones/, 'Milestones');
    await go(/Review the goals/, 'Goals');
    await go(/Make a backup/, 'Share and back up');

    // Home's Goals card shows the goal's progress too.
    const goals = page.getByRole('list', { name: 'Progress of the active goals' });
    await expect.poll(() => goals.textContent()).toContain('Past its target date');
  });
});
