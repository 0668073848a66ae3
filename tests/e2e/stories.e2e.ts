// Scene 1 in the built app: a mentee on a 360 px phone drafts an accomplishment story, and nothing
// typed is lost when the tab is killed, when the network is gone, or when a new version arrives.
// Also: the themes screen, and axe on every screen of the mentee's own work with data loaded.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  build,
  closeAll,
  expectNoAxeViolations,
  newContext,
  openPage,
  reopenWithWorkerStopped,
  type StaticServer,
  startServer,
  submitFirstRun,
  waitForAppShell,
  waitForServiceWorker,
  waitForStartPageKept,
} from './harness';

const WIDTH = 360;
const HEIGHT = 740;
/** How long after the last keystroke the tab is killed: the autosave promises at most ~300 ms. */
const KILL_AFTER_MS = 350;

const V1 = '1.0.0-stories-e2e';
const V2 = '2.0.0-stories-e2e';

let server: StaticServer;
let v2Dir: string;

beforeAll(async () => {
  // Private builds: others rebuild dist/ while this file runs, and the update test needs two versions.
  const [v1] = await Promise.all([
    build('dist-stories-v1', { APP_VERSION: V1 }),
    build('dist-stories-v2', { APP_VERSION: V2 }).then((dir) => {
      v2Dir = dir;
    }),
  ]);
  server = await startServer(v1);
}, 240_000);

afterAll(closeAll);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/** A phone with the app installed (service worker in control) and a journal where I am the mentee. */
async function phoneWithJournal(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(null, { width: WIDTH, height: HEIGHT });
  const page = await openPage(context, server.url);
  await waitForAppShell(page);
  await waitForServiceWorker(page);
  await submitFirstRun(page, { role: 'mentee', mentee: 'Ana', mentor: 'Ben' });
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  return { context, page };
}

/** Opens the story bank and starts a new story; returns the editor's address. */
async function newStory(page: Page): Promise<string> {
  await page.goto(`${server.url}stories`);
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByRole('heading', { level: 1, name: 'New story' }).waitFor();
  expect(page.url()).toMatch(/\/stories\/[0-9a-f-]{36}$/);
  return page.url();
}

/** Types like a person, key by key. */
async function type(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).pressSequentially(text, { delay: 15 });
}

/** The story's parts as the editor shows them. */
async function shownStory(page: Page) {
  return {
    title: await page.getByLabel('Title', { exact: true }).inputValue(),
    problem: await page.getByLabel('Problem', { exact: true }).inputValue(),
    action: await page.getByLabel('Action', { exact: true }).inputValue(),
    result: await page.getByLabel('Result', { exact: true }).inputValue(),
  };
}

/** Kills the renderer (CDP Page.crash) through a session opened beforehand, so the kill lands on time. */
async function crash(page: Page, cdp: CDPSession) {
  const crashed = page.waitForEvent('crash', { timeout: 10_000 }).catch(() => undefined);
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

const STORY = {
  title: 'Teen reading club',
  problem: 'Teens stopped coming after 5 pm; the room sat empty.',
  action: 'I asked ten teens what they wanted, then ran a weekly club with snacks & manga.',
  result: 'Within 3 months, 40 teens came each week (up from 4) — “best night of the week”.',
};

/** Types a whole story, killing the tab KILL_AFTER_MS after the last key; reopens it and returns what it shows. */
async function typeThenKill(context: BrowserContext, page: Page, url: string, killAfter = KILL_AFTER_MS) {
  const cdp = await context.newCDPSession(page);
  await type(page, 'Title', STORY.title);
  await type(page, 'Problem', STORY.problem);
  await type(page, 'Action', STORY.action);
  await type(page, 'Result', STORY.result);
  const lastKey = Date.now();
  await sleep(killAfter - (Date.now() - lastKey));
  const killedAfter = Date.now() - lastKey;
  await crash(page, cdp);
  await page.close().catch(() => undefined);
  const again = await context.newPage();
  // First, before any screen that writes recovered copies: what IndexedDB itself holds.
  await again.goto(server.url);
  await again.getByRole('heading', { level: 1 }).first().waitFor();
  const id = url.split('/').pop()!;
  const inIndexedDb = await again.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('mentoring-journal');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const story = await new Promise<Record<string, unknown> | undefined>((done) => {
      const request = db.transaction('stories').objectStore('stories').get(id);
      request.onsuccess = () => done(request.result);
      request.onerror = () => done(undefined);
    });
    db.close();
    return { title: story?.title, problem: story?.problem, action: story?.action, result: story?.result };
  }, id);
  await again.goto(url);
  await again.getByRole('heading', { level: 1, name: STORY.title }).waitFor();
  return { again, killedAfter, inIndexedDb, shown: await shownStory(again) };
}

describe('a story on a phone', () => {
  let context: BrowserContext;
  let page: Page;

  // Each test on its own phone (a fresh profile and journal), so any test runs alone.
  beforeEach(async () => {
    ({ context, page } = await phoneWithJournal());
  }, 120_000);
  afterEach(() => context.close());

  test('every character is there after the tab is killed 350 ms after the last keystroke', async () => {
    const url = await newStory(page);
    const { again, killedAfter, inIndexedDb, shown } = await typeThenKill(context, page, url);
    expect(killedAfter).toBeLessThan(KILL_AFTER_MS + 50);
    // The debounced write itself made it: every character was in IndexedDB when the tab died.
    expect(inIndexedDb).toEqual(STORY);
    expect(shown).toEqual(STORY);
    page = again;
  });

  test('even killed 30 ms after the last keystroke, before the autosave, nothing is lost', async () => {
    const url = await newStory(page);
    const { again, killedAfter, inIndexedDb, shown } = await typeThenKill(context, page, url, 30);
    expect(killedAfter).toBeLessThan(250);
    // IndexedDB missed the last keys; the synchronous copy brings them back when the story is opened.
    expect(inIndexedDb.result).not.toBe(STORY.result);
    expect(shown).toEqual(STORY);
    page = again;
  });

  test('the same offline: server stopped, the service worker serves the app, nothing typed is lost', async () => {
    await server.stop();
    try {
      const url = await newStory(page);
      const { again, inIndexedDb, shown } = await typeThenKill(context, page, url);
      expect(inIndexedDb).toEqual(STORY);
      expect(shown).toEqual(STORY);
      page = again;
      await page.goto(`${server.url}stories`);
      await page.getByRole('heading', { level: 3, name: STORY.title }).first().waitFor();
      // The bank lists it once: the copy written back on return made no second story.
      expect(await page.getByRole('heading', { level: 3, name: STORY.title }).count()).toBe(1);
    } finally {
      await server.restart();
    }
  });

  test('measures the autosave delay: last keystroke to the record in IndexedDB', async () => {
    const url = await newStory(page);
    const id = url.split('/').pop()!;
    const delays: number[] = [];
    for (let round = 0; round < 5; round++) {
      const word = ` round${round}`;
      await page.getByLabel('Problem', { exact: true }).focus();
      // Start polling IndexedDB in the page first; it resolves with ms since the last keydown.
      const measured = page.evaluate(
        async ({ id, expected }) => {
          const w = window as unknown as { lastKeyAt?: number };
          w.lastKeyAt = undefined;
          document.addEventListener('keydown', () => (w.lastKeyAt = performance.now()), { capture: true });
          const db = await new Promise<IDBDatabase>((done, fail) => {
            const open = indexedDB.open('mentoring-journal');
            open.onsuccess = () => done(open.result);
            open.onerror = () => fail(open.error);
          });
          const read = () =>
            new Promise<{ problem?: string } | undefined>((done) => {
              const request = db.transaction('stories').objectStore('stories').get(id);
              request.onsuccess = () => done(request.result);
              request.onerror = () => done(undefined);
            });
          const started = performance.now();
          while (performance.now() - started < 10_000) {
            const story = await read();
            if (story?.problem === expected && w.lastKeyAt !== undefined) {
              db.close();
              return performance.now() - w.lastKeyAt;
            }
            await new Promise((done) => setTimeout(done, 5));
          }
          db.close();
          return -1;
        },
        { id, expected: `${(await page.getByLabel('Problem', { exact: true }).inputValue()) + word}` },
      );
      await page.keyboard.type(word, { delay: 15 });
      delays.push(Math.round(await measured));
    }
    console.log(`autosave delay, last keystroke → record in IndexedDB (ms): ${delays.join(', ')}`);
    // 250 ms of debounce plus the write. Timing on a shared 2-core machine is noisy (a loaded renderer
    // fires the timer late), so this checks the debounce is respected and the best round is within
    // ~300 ms; the values are logged for the report. Durability does not depend on it: every change is
    // also copied synchronously to localStorage (see the kill tests).
    expect(delays.every((d) => d >= 250)).toBe(true);
    expect(Math.min(...delays)).toBeLessThanOrEqual(300);
  });

  /** Two stories sharing one skill, written differently ('Leadership', 'leadership '). */
  async function twoStoriesWithOneSkill() {
    for (const [title, skill] of [
      ['Budget rescue', 'Leadership'],
      ['Volunteer rota', 'leadership '],
    ] as const) {
      await newStory(page);
      await type(page, 'Title', title);
      await page.getByLabel('Add a skill', { exact: true }).fill(skill);
      await page.getByRole('button', { name: 'Add skill' }).click();
      await page.getByRole('button', { name: /^Remove / }).waitFor();
    }
  }

  test('the themes screen shows a skill used in two stories as a theme', async () => {
    await twoStoriesWithOneSkill();
    await page.goto(`${server.url}themes`);
    const themes = page.locator('.theme-card');
    await themes.first().waitFor();
    expect(await themes.count()).toBe(1);
    expect(await themes.getByRole('heading', { level: 3 }).textContent()).toBe('Leadership');
    expect(await themes.getByText('2 stories').textContent()).toBe('2 stories');
    expect(await themes.getByRole('link').allTextContents()).toEqual(['Budget rescue', 'Volunteer rota']);
    await themes.getByLabel('Jobs and places that use Leadership').fill('Branch manager; county library');
    // Reloaded at once, inside the autosave delay: the copy kept in localStorage is written on return.
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Jobs and places that use Leadership').inputValue())
      .toBe('Branch manager; county library');
  });

  test('axe finds nothing on the stories, editor, themes, reflection, networking and opportunities screens with data', async () => {
    // Data on every screen: two stories with a theme, a reflection answer, a sponsor with an
    // opportunity, an opportunity with a link.
    await twoStoriesWithOneSkill();
    await page.goto(`${server.url}reflection`);
    await page
      .getByRole('region', { name: 'Where do I want to do it?' })
      .getByLabel('My answer')
      .fill('A rural library');
    await page.getByText('Answered today').first().waitFor();
    await expectNoAxeViolations(page, 'reflection');

    await page.goto(`${server.url}networking`);
    await page.getByLabel('Name of someone you met').fill('Carla Diaz');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Carla Diaz' }).waitFor();
    await page.getByLabel('Role', { exact: true }).fill('Branch manager');
    await page.getByLabel('Follow up by').fill('2020-01-01');
    await page.getByLabel('Researched the organisation').check();
    await page.getByLabel('This person is a sponsor').check();
    await page.getByLabel('Opportunity they opened').fill('Conference panel');
    await page.getByRole('button', { name: 'Log opportunity' }).click();
    await page.getByRole('link', { name: 'Conference panel' }).waitFor();
    await expectNoAxeViolations(page, 'a contact');
    await page.goto(`${server.url}networking`);
    await page.getByRole('heading', { name: 'Follow-ups due' }).waitFor();
    await expectNoAxeViolations(page, 'networking');

    await page.goto(`${server.url}opportunities`);
    await page.getByRole('button', { name: 'Add opportunity' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Leadership institute');
    await page.getByLabel('Link', { exact: true }).fill('https://example.org/institute');
    await page.getByLabel('Takeaways').fill('Ask about budgets.');
    await expectNoAxeViolations(page, 'opportunities, editing one');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'https://example.org/institute' }).waitFor();
    await expectNoAxeViolations(page, 'opportunities');

    await page.goto(`${server.url}stories`);
    await page.getByText(/of 6 stories ready/).waitFor();
    await expectNoAxeViolations(page, 'story bank');
    await page.getByRole('link', { name: 'Budget rescue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Budget rescue' }).waitFor();
    // Refused: the story has no problem, action or result yet, and the editor says so.
    await page.getByRole('radio', { name: 'Ready to tell' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not ready yet' }).waitFor();
    await expectNoAxeViolations(page, 'story editor');
    await page.goto(`${server.url}themes`);
    await page.locator('.theme-card').first().waitFor();
    await expectNoAxeViolations(page, 'skills and themes');
  });
});

describe('a new version arrives while typing', () => {
  test('Reload on the update bar keeps every character typed, and the new version is running', async () => {
    const { context, page } = await phoneWithJournal();
    await page.goto(`${server.url}settings`);
    await page.getByTestId('app-version').waitFor();
    expect(await page.getByTestId('app-version').textContent()).toBe(V1);
    const url = await newStory(page);
    await type(page, 'Title', STORY.title);
    await type(page, 'Problem', STORY.problem);

    server.setDir(v2Dir);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    // Typing goes on while the new worker installs.
    await type(page, 'Action', STORY.action);
    await page.getByRole('button', { name: 'Reload' }).waitFor({ timeout: 30_000 });
    await type(page, 'Result', STORY.result);
    // Reload at once, well inside the autosave delay: the update bar must save first.
    const navigated = page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Reload' }).click();
    await navigated;
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: STORY.title }).waitFor();
    expect(await shownStory(page)).toEqual(STORY);

    await page.goto(`${server.url}settings`);
    await page.getByTestId('app-version').waitFor();
    expect(await page.getByTestId('app-version').textContent()).toBe(V2);

    // Reopened later, offline, its worker stopped: the start page the browser takes from the cache
    // by itself (public/start-routes.js) is the new version's, and everything it needs is there.
    await waitForStartPageKept(page);
    await server.stop();
    try {
      const { page: reopened, source } = await reopenWithWorkerStopped(context, server.url);
      await reopened.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      expect(source).toBe('cache');
      // The page is the new build's (its entry script), and so is the app it runs.
      const entry = (html: string) => /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
      const v2Entry = entry(readFileSync(join(v2Dir, 'index.html'), 'utf8'));
      expect(v2Entry).toBeTruthy();
      expect(
        await reopened.evaluate(() => document.querySelector('script[type="module"]')?.getAttribute('src')),
      ).toBe(v2Entry);
      await reopened.goto(`${server.url}settings`);
      await reopened.getByTestId('app-version').waitFor();
      expect(await reopened.getByTestId('app-version').textContent()).toBe(V2);
    } finally {
      await server.restart();
    }
    await context.close();
  });
});
