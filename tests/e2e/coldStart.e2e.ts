// The cold start with Home kept (db/homeSnapshot.ts): Home as last seen shows at once, inert, before
// the app's code has run; the app's own Home takes over; the page's policy allows the one inline
// script; a change to what Home shows, or another day, starts without it.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { HOME_SNAPSHOT_KEY } from '../../src/db/homeSnapshot';
import { newContext, openPage, serveDuringFile, submitFirstRun, waitForAppShell } from './harness';

const server = serveDuringFile();
const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

/** What each page load shows before the app runs: whether the kept Home was put on screen, and what it said. */
const WATCH_START = () => {
  const seen = { snapshot: false, heading: '', beforeApp: false, violations: [] as string[] };
  (window as unknown as { __start: typeof seen }).__start = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(e.violatedDirective));
  new MutationObserver(() => {
    const kept = document.getElementById('home-snapshot');
    if (kept && !seen.snapshot) {
      seen.snapshot = true;
      seen.heading = kept.querySelector('h1')?.textContent ?? '';
      // Shown before any of the app's screen was drawn into its root.
      seen.beforeApp = (document.getElementById('app')?.childElementCount ?? 0) === 0;
    }
  }).observe(document, { childList: true, subtree: true });
};

const start = (page: Page) =>
  page.evaluate(() => (window as unknown as { __start: Record<string, unknown> }).__start);

/** Home, drawn by the app itself: the kept one gone, the app's root shown. */
async function liveHome(page: Page) {
  await page.waitForFunction(
    () => !document.getElementById('home-snapshot') && !document.getElementById('app')?.hidden,
  );
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/** A new journal on a fresh profile whose every page load is watched (WATCH_START), on its Home. */
async function newJournalWatched(who: { role: string; mentee: string; mentor: string }): Promise<Page> {
  const context = await newContext(null, { width: 390, height: 800 });
  await context.addInitScript(WATCH_START);
  const page = await openPage(context, server.url);
  await waitForAppShell(page);
  await submitFirstRun(page, who);
  await liveHome(page);
  return page;
}

/** The page just loaded showed the kept Home before the app drew, broke no policy, and the app took over. */
async function startedFromKeptHome(page: Page) {
  await liveHome(page);
  expect(await start(page)).toMatchObject({
    snapshot: true,
    heading: 'Home',
    beforeApp: true,
    violations: [],
  });
}

const keptHome = (page: Page) => page.evaluate((key) => localStorage.getItem(key), HOME_SNAPSHOT_KEY);

describe('a cold start with Home kept', () => {
  test('Home as last seen shows at once and the app takes over; a change to Home or another day starts without it', async () => {
    const page = await newJournalWatched({ role: 'mentee', mentee: 'Ana', mentor: 'Sam' });
    await expect.poll(() => keptHome(page), { timeout: 10_000 }).not.toBeNull();

    // Reopened: the kept Home is on screen before the app has drawn anything, and cannot be used.
    await page.reload();
    await startedFromKeptHome(page);
    // The app's Home works: a link on it opens its screen.
    await page.locator('.app-nav').getByRole('link', { name: 'Goals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();

    // A goal added changes Home: the next start reads Home afresh, and keeps it again.
    await page.getByLabel('New goal').fill('Lead a small project');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lead a small project' }).waitFor();
    expect(await keptHome(page)).toBeNull();
    await page.goto(url('/'));
    await liveHome(page);
    expect((await start(page)).snapshot).toBe(false);
    await expect.poll(() => keptHome(page), { timeout: 10_000 }).toContain('Lead a small project');

    // Kept yesterday: not shown today.
    await page.evaluate((key) => {
      const kept = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...kept, today: '2000-01-01' }));
    }, HOME_SNAPSHOT_KEY);
    await page.reload();
    await liveHome(page);
    expect((await start(page)).snapshot).toBe(false);

    // Only Home starts from it: another screen opened directly is never covered by it.
    await page.goto(url('/stories'));
    await page.getByRole('heading', { level: 1, name: 'Stories' }).waitFor();
    expect((await start(page)).snapshot).toBe(false);
    expect((await start(page)).violations).toEqual([]);
  });

  test('put away on another screen after a change, the app keeps Home again, and the next start shows it', async () => {
    const page = await newJournalWatched({ role: 'mentor', mentee: 'Bea', mentor: 'Ana' });
    await page.locator('.app-nav').getByRole('link', { name: 'Goals' }).click();
    await page.getByLabel('New goal').fill('Run the summer reading launch');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Run the summer reading launch' }).waitFor();
    expect(await keptHome(page)).toBeNull();

    // The phone is locked on the goal's page.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => keptHome(page), { timeout: 10_000 }).toContain('Run the summer reading launch');
    const kept = await page.evaluate((key) => {
      const box = document.createElement('div');
      box.innerHTML = JSON.parse(localStorage.getItem(key)!).html;
      return {
        heading: box.querySelector('#main h1')?.textContent,
        current: box.querySelector('.app-nav a[aria-current="page"]')?.getAttribute('href'),
      };
    }, HOME_SNAPSHOT_KEY);
    expect(kept).toEqual({ heading: 'Home', current: '/' });

    await page.goto(url('/'));
    await startedFromKeptHome(page);
    await page.getByText('Run the summer reading launch').first().waitFor();
  });

  test('after an import under Share, the app keeps Home without its being opened', async () => {
    const mentor = await newJournalWatched({ role: 'mentor', mentee: 'Cy', mentor: 'Dee' });
    await mentor.locator('.app-nav').getByRole('link', { name: 'Goals' }).click();
    await mentor.getByLabel('New goal').fill('Chair the storytime working group');
    await mentor.getByRole('button', { name: 'Add goal' }).click();
    await mentor.getByRole('heading', { level: 1, name: 'Chair the storytime working group' }).waitFor();
    await mentor.goto(url('/share'));
    const [download] = await Promise.all([
      mentor.waitForEvent('download'),
      mentor.getByRole('button', { name: 'Send to my partner' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');

    // The mentee joins from that file, then imports it again under Share, never opening Home between.
    const mentee = await newJournalWatched({ role: 'mentee', mentee: 'Eve', mentor: 'Fay' });
    await mentee.goto(url('/share'));
    await mentee.getByLabel('Choose a file to import').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await mentee.getByRole('heading', { name: 'Before importing: what this file holds' }).waitFor();
    await mentee.getByLabel('In this journal I am the').selectOption('mentee');
    await mentee.getByRole('button', { name: /^Add as a new journal/ }).click();
    await mentee.locator('.import-done').waitFor();
    await expect
      .poll(() => keptHome(mentee), { timeout: 10_000 })
      .toContain('Chair the storytime working group');
    await mentee.goto(url('/'));
    await startedFromKeptHome(mentee);
  });

  test('the first styles come inside the page: none is fetched, on Home or on a screen opened later, and they apply', async () => {
    const page = await newJournalWatched({ role: 'mentor', mentee: 'Ana', mentor: 'Sam' });
    const styles: string[] = [];
    // The page's own requests (the service worker fetches every file once, to keep it for offline use).
    page.context().on('request', (request) => {
      if (!request.serviceWorker() && request.url().endsWith('.css')) styles.push(request.url());
    });
    await page.reload();
    await liveHome(page);
    for (const [link, heading] of [
      ['Stories', 'Stories'],
      ['Goals', 'Goals'],
    ]) {
      await page.locator('.app-nav').getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.goto(url('/settings'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The stylesheet of the first load is not fetched again; a screen's own stylesheet may be.
    const first = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][disabled]')?.href,
    );
    expect(first).toMatch(/\/assets\/index-[\w-]+\.css$/);
    expect(styles).not.toContain(first);
    expect(styles.length).toBeGreaterThan(0);
    // The page is styled (the app's own font), and the policy allowed the inline styles.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/system-ui/);
    expect((await start(page)).violations).toEqual([]);
  });
});
