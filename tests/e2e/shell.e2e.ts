// The app shell in real Chromium against the production build: first run, journals that survive a
// reload, several journals, offline with the server gone, installability, no foreign requests,
// axe on every screen (360 and 1280 px, light and dark, with data, dialogs open), a quota failure,
// and another tab upgrading the database.
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { SCREENS } from '../../src/app/routes';
import { initialClock, now } from '../../src/model/hlc';
import { newNodeId } from '../../src/model/ids';
import type { KindName } from '../../src/model/kind';
import { KIND_INFO } from '../../src/model/tables';
import { validateRecord } from '../../src/model/validate';
import {
  getInstallabilityErrors,
  launchBrowser,
  newContext,
  openPage,
  overrideQuota,
  serveDuringFile,
  submitFirstRun,
  waitForAppShell,
  waitForServiceWorker,
  watchRequests,
} from './harness';

const server = serveDuringFile();

// ---------------------------------------------------------------------------------------------------
// Helpers

const FIRST = {
  role: 'mentee',
  mentee: 'Ana Kowalska',
  mentor: 'Sam Reid',
  title: 'Ana Kowalska & Sam Reid',
};
const SECOND = {
  role: 'mentor',
  mentee: 'Bea Lind',
  mentor: 'Ana Kowalska',
  title: 'Bea Lind & Ana Kowalska',
};

const switcher = (page: Page) => page.getByRole('combobox', { name: /^Current journal/ });
const selectedJournal = (page: Page) =>
  switcher(page).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');

/** Fills the "Start a new journal" form and submits it. */
async function startJournal(
  page: Page,
  who: typeof FIRST,
  programme = 'Library Leadership Institute',
  plan: 'not-now' | 'stay' = 'not-now',
) {
  await page.getByRole('heading', { level: 1, name: 'Start a new journal' }).waitFor();
  await submitFirstRun(page, { ...who, programme, startDate: '2026-01-15', plan });
}

/** Waits for the shell (navigation and switcher) with `title` as the current journal. */
async function expectCurrentJournal(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await expect.poll(() => selectedJournal(page)).toBe(title);
}

/** Opens a path inside the app and waits for its screen's heading. */
async function openScreen(page: Page, path: string) {
  await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
  await page.locator('#main h1').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until the screen shows no "Loading…" placeholder: its live queries have answered. */
async function screenLoaded(page: Page) {
  await page.waitForFunction(
    () => ![...document.querySelectorAll('#main p')].some((p) => /^Loading\b/.test(p.textContent ?? '')),
  );
}

/** The ids of the records seedJournal() writes, for the detail routes. */
interface Seeded {
  goal: string;
  meeting: string;
  story: string;
  contact: string;
}

/**
 * Writes a journal's worth of records (valid by the app's own schemas) straight into the page's
 * IndexedDB, then reloads so every screen has data to show.
 */
async function seedJournal(page: Page): Promise<Seeded> {
  const { journalId, author } = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('mentoring-journal');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const read = (key: string) =>
      new Promise<{ value: unknown } | undefined>((done, fail) => {
        const request = db.transaction('local').objectStore('local').get(key);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
    const current = (await read('currentJournalId'))?.value as string;
    const membership = (await read(`membership:${current}`))?.value as { role: string };
    db.close();
    return { journalId: current, author: membership.role };
  });

  let clock = initialClock(newNodeId());
  const rows: Record<string, unknown[]> = {};
  const make = <K extends KindName>(
    kind: K,
    content: Record<string, unknown>,
    visibility: 'private' | 'pair' | 'committee' = 'pair',
  ): string => {
    const next = now(clock, Date.now());
    clock = next.state;
    const stamps: Record<string, string> = { visibility: next.stamp, deleted: next.stamp };
    for (const field of Object.keys(content)) stamps[field] = next.stamp;
    const id = crypto.randomUUID();
    const record = validateRecord(kind, {
      ...content,
      id,
      journalId,
      kind,
      createdAt: new Date().toISOString(),
      author,
      visibility,
      deleted: false,
      stamps,
      bases: {},
    });
    const table = KIND_INFO[kind].table;
    rows[table] ??= [];
    rows[table].push(record);
    return id;
  };

  const goal = make('goal', {
    title: 'Lead a team project',
    description: 'Plan and run the autumn reading programme with two colleagues.',
    status: 'active',
    targetDate: '2026-10-31',
  });
  make('milestone', {
    title: 'Draft the project plan',
    goalId: goal,
    dueDate: '2026-03-01',
    status: 'planned',
  });
  make('progressEntry', { goalId: goal, date: '2026-02-01', note: 'Met the branch manager.', percent: 20 });
  const meeting = make('meeting', {
    date: '2026-02-10',
    time: '14:00',
    durationMinutes: 60,
    mode: 'video',
    status: 'held',
    sharedNotes: 'Talked about the project plan and about networking at the state conference.',
  });
  make('agendaItem', {
    meetingId: meeting,
    text: 'Project plan',
    raisedBy: 'mentee',
    discussed: true,
    order: 0,
  });
  make('actionItem', {
    meetingId: meeting,
    text: 'Send the draft plan',
    owner: 'mentee',
    dueDate: '2026-02-24',
    done: false,
    order: 0,
  });
  make(
    'note',
    { parentKind: 'meeting', parentId: meeting, text: 'I felt nervous about presenting.' },
    'private',
  );
  const story = make('story', {
    title: 'Rescued the summer reading launch',
    problem: 'The vendor cancelled a week before launch.',
    action: 'Organised volunteers and a paper sign-up.',
    result: 'Sign-ups rose by a fifth over last year.',
    context: 'work',
    status: 'ready',
  });
  const contact = make(
    'contact',
    { name: 'Jo Park', role: 'Branch manager', organisation: 'City Library', howFound: 'referral' },
    'private',
  );
  make('opportunity', { title: 'Leadership webinar series', type: 'webinar', status: 'interested' });
  make('checkIn', { date: '2026-02-11', howItIsGoing: 'Well: we meet as planned.' });

  await page.evaluate(async (byTable) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('mentoring-journal');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const tx = db.transaction(Object.keys(byTable), 'readwrite');
    for (const [table, records] of Object.entries(byTable)) {
      for (const record of records) tx.objectStore(table).put(record);
    }
    await new Promise<void>((done, fail) => {
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, rows);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { goal, meeting, story, contact };
}

/** Every route of the app with its `:id` filled from the seeded records. */
function routesOf(ids: Seeded): { name: string; path: string }[] {
  const fill: Record<string, string> = {
    '/goals/:id': `/goals/${ids.goal}`,
    '/meetings/:id': `/meetings/${ids.meeting}`,
    '/meetings/:id/run': `/meetings/${ids.meeting}/run`,
    '/stories/:id': `/stories/${ids.story}`,
    '/networking/:id': `/networking/${ids.contact}`,
    '/reviews/:stage': '/reviews/mid-point',
  };
  return SCREENS.map((s) => {
    const path = fill[s.path] ?? s.path;
    if (path.includes(':'))
      throw new Error(`routesOf: no record to open ${s.path}; add one to seedJournal()`);
    return { name: s.name, path };
  });
}

/** Checks the Settings screen shows the first journal's facts. */
async function expectFirstJournalFacts(page: Page) {
  await openScreen(page, '/settings');
  const facts = page.locator('dl.facts');
  await expect.poll(() => facts.textContent()).toContain(FIRST.mentee);
  const text = (await facts.textContent()) ?? '';
  expect(text).toContain(FIRST.mentor);
  expect(text).toContain('Library Leadership Institute');
  expect(text).toContain('My role on this deviceMentee');
}

// ---------------------------------------------------------------------------------------------------
// One person's device, from first run to offline

describe('one device, from first run to offline', () => {
  let context: BrowserContext;
  let page: Page;
  let foreign: ReturnType<typeof watchRequests>;
  let seeded: Seeded;

  beforeAll(async () => {
    context = await newContext(null, { width: 360, height: 740 });
    foreign = watchRequests(context, server.origin);
    page = await openPage(context, server.url);
    await waitForAppShell(page);
  });

  // Each test brings the device to the state it needs when the tests before it have not run, so
  // any one of them runs alone (`-t`).
  let started = false;
  let secondStarted = false;
  async function ensureFirstJournal() {
    if (started) return;
    await page.getByRole('heading', { level: 1, name: 'Start a new journal' }).waitFor();
    await startJournal(page, FIRST);
    await expectCurrentJournal(page, FIRST.title);
    started = true;
  }
  async function ensureSeeded() {
    await ensureFirstJournal();
    seeded ??= await seedJournal(page);
  }
  async function startSecondJournal() {
    await openScreen(page, '/');
    await switcher(page).selectOption({ label: '+ Start a new journal…' });
    await startJournal(page, SECOND, '');
    await expectCurrentJournal(page, SECOND.title);
    secondStarted = true;
  }

  test('first run: an empty form shows messages at the fields and focuses the first; a filled one creates the journal', async () => {
    await page.getByRole('heading', { level: 1, name: 'Start a new journal' }).waitFor();
    await page.getByRole('button', { name: 'Create journal' }).click();
    await page.getByText('Choose whether you are the mentee or the mentor in this partnership.').waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement)?.name))
      .toBe('role');
    expect(await page.getByLabel('Mentee’s name').getAttribute('aria-invalid')).toBe('true');

    await startJournal(page, FIRST);
    await expectCurrentJournal(page, FIRST.title);
    started = true;
    expect(await page.locator('#main h1').textContent()).toBeTruthy();
  });

  test('the journal and its records survive a reload', async () => {
    await ensureSeeded();
    await page.reload();
    await expectCurrentJournal(page, FIRST.title);
    await expectFirstJournalFacts(page);
  });

  test('the bottom bar has five entries at 360 px, and every More screen is two taps away', async () => {
    await ensureFirstJournal();
    await openScreen(page, '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const entries = nav.locator(':scope > ul > li > a, :scope > ul > li > details > summary');
    expect(await entries.allTextContents()).toEqual(['Home', 'Goals', 'Meetings', 'Stories', 'More']);
    for (const box of await entries.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
      expect(box).toBeGreaterThanOrEqual(44);
    }
    const moreNames = SCREENS.filter((s) => 'nav' in s && s.nav === 'more').map((s) => s.name);
    for (const name of moreNames) {
      await nav.getByText('More', { exact: true }).click();
      await nav.getByRole('link', { name, exact: true }).click();
      // The menu is closed now, so its links are hidden from the accessibility tree.
      const link = nav.getByRole('link', { name, exact: true, includeHidden: true });
      await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
      // The menu closed after navigating, and focus went to the new screen's heading.
      expect(await nav.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    }
    // Search is one tap from every screen, in the header.
    await page.getByRole('banner').getByRole('link', { name: 'Search' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/search');
  });

  test('Chromium deems the app installable once the service worker is active', async () => {
    await ensureFirstJournal();
    await waitForServiceWorker(page);
    await expect.poll(() => getInstallabilityErrors(page), { timeout: 15_000 }).toEqual([]);
  });

  test('with the server stopped, the app reloads with its data, every screen opens, and Offline shows when the browser is offline', async () => {
    await ensureSeeded();
    await waitForServiceWorker(page);
    await server.stop();
    try {
      await page.reload();
      await expectCurrentJournal(page, FIRST.title);
      await expectFirstJournalFacts(page);
      const failures: string[] = [];
      for (const route of routesOf(seeded)) {
        try {
          await openScreen(page, route.path);
          const heading = (await page.locator('#main h1').first().textContent()) ?? '';
          if (/Page not found|could not be shown/.test(heading)) failures.push(`${route.path}: "${heading}"`);
        } catch (error) {
          failures.push(`${route.path}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      expect(failures).toEqual([]);

      // When the browser knows it is offline, the header says so (in a live region).
      await openScreen(page, '/');
      const badge = page.getByRole('banner').getByRole('status').getByText('Offline', { exact: true });
      expect(await badge.count()).toBe(0);
      await context.setOffline(true);
      await badge.waitFor();
      await context.setOffline(false);
      await badge.waitFor({ state: 'detached' });
    } finally {
      await server.restart();
    }
  });

  test('a second journal is created from the switcher, and switching changes the current journal', async () => {
    await ensureFirstJournal();
    await startSecondJournal();
    await openScreen(page, '/settings');
    await expect.poll(() => page.locator('dl.facts').textContent()).toContain('My role on this deviceMentor');

    await switcher(page).selectOption({ label: FIRST.title });
    await expectCurrentJournal(page, FIRST.title);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.reload();
    await expectCurrentJournal(page, FIRST.title);
    expect(
      await switcher(page).evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent)),
    ).toEqual([FIRST.title, SECOND.title, '+ Start a new journal…']);
  });

  test('deleting a journal offers a backup first (a file downloads), then goes to the next journal', async () => {
    await ensureFirstJournal();
    if (!secondStarted) await startSecondJournal();
    await switcher(page).selectOption({ label: FIRST.title });
    await expectCurrentJournal(page, FIRST.title);
    await openScreen(page, '/settings');
    await page.getByRole('button', { name: 'Delete this journal from this device…' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${FIRST.title} from this device?` });
    await dialog.waitFor();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Back up this device first' }).click();
    expect((await download).suggestedFilename()).toMatch(/^mentoring-journal-.*\.json$/);
    await dialog.getByText(/^Backup saved as mentoring-journal-/).waitFor();

    await dialog.getByRole('button', { name: 'Delete from this device' }).click();
    await expectCurrentJournal(page, SECOND.title);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(
      await switcher(page).evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent)),
    ).toEqual([SECOND.title, '+ Start a new journal…']);
  });

  test('no request left 127.0.0.1, service-worker requests included', async () => {
    await ensureFirstJournal();
    expect(foreign.all().length).toBeGreaterThan(0);
    expect(foreign()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Storage full

test('a write refused for lack of space shows the message, keeps what was typed, and half-writes nothing', async () => {
  // Chromium 156 enforces an overridden quota on a database's first real growth, but lets small
  // writes into an already-grown database through (its store reuses space): so the refused write
  // here is the first journal on a new device. Its text does not compress, like real text in bulk.
  const context = await newContext(null, { width: 360 });
  const page = await openPage(context, server.url);
  await waitForAppShell(page);
  const letters = (n: number) =>
    Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');
  const who = { role: 'mentee', mentee: `Cy ${letters(480)}`, mentor: `Dee ${letters(480)}`, title: '' };
  who.title = `${who.mentee} & ${who.mentor}`;

  await overrideQuota(page, 1);
  try {
    // The create is refused, so no plan is offered.
    await startJournal(page, who, letters(490), 'stay');
    const alert = page.getByRole('alert').filter({ hasText: /no room left/ });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('Nothing was changed');
    // What was typed is still in the form, to try again.
    expect(await page.getByLabel('Mentee’s name').inputValue()).toBe(who.mentee);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Start a new journal');
  } finally {
    await overrideQuota(page, null);
  }
  // Nothing half-made was left behind: no journal, no duties.
  const counts = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('mentoring-journal');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const count = (table: string) =>
      new Promise<number>((done) => {
        const request = db.transaction(table).objectStore(table).count();
        request.onsuccess = () => done(request.result);
      });
    const result = [await count('journals'), await count('duties')];
    db.close();
    return result;
  });
  expect(counts).toEqual([0, 0]);

  // With room again, the same click saves what was typed; it survives a reload.
  await page.getByRole('button', { name: 'Create journal' }).click();
  await expectCurrentJournal(page, who.title);
  await page.reload();
  await expectCurrentJournal(page, who.title);
  await context.close();
});

// ---------------------------------------------------------------------------------------------------
// Another tab upgrades the database

test('when another tab upgrades the database, this tab says so and offers Reload', async () => {
  const browser = await launchBrowser();
  const context = await newContext(browser, { width: 360 });
  const page = await openPage(context, server.url);
  await startJournal(page, FIRST);
  await expectCurrentJournal(page, FIRST.title);

  const other = await context.newPage();
  await other.goto(server.url);
  await other.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('mentoring-journal', 10_000);
        request.onsuccess = () => {
          request.result.close();
          done();
        };
        request.onerror = () => fail(request.error);
      }),
  );
  await page.getByText('Mentoring Journal was updated in another tab').first().waitFor({ timeout: 10_000 });
  expect(await page.locator('.closed-bar').getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
  await context.close();
});

// ---------------------------------------------------------------------------------------------------
// Accessibility of every screen

/** axe-core's source, evaluated once per page load (page.evaluate is not subject to the page's CSP). */
const AXE_SOURCE = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The same check as the harness's expectNoAxeViolations (WCAG 2.0/2.1 A and AA), without injecting
 * axe again for each of the four variants of one screen: it returns a readable list of violations.
 */
async function axeViolations(page: Page, label: string): Promise<string | undefined> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: {
        id: string;
        impact?: string;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(
        (n) =>
          `${n.target.map(String).join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`,
      ),
    }));
  }, AXE_TAGS);
  if (violations.length === 0) return undefined;
  const lines = violations.map(
    (v) => `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `      ${n}`).join('\n')}`,
  );
  return `axe found ${violations.length} violation(s) on ${label}:\n${lines.join('\n')}`;
}

const VARIANTS = [
  { width: 360, colorScheme: 'light' },
  { width: 360, colorScheme: 'dark' },
  { width: 1280, colorScheme: 'light' },
  { width: 1280, colorScheme: 'dark' },
] as const;

test('axe finds no WCAG 2.1 A/AA violations on any screen at 360 and 1280 px, light and dark, with data, the More menu and the delete dialog open', async () => {
  const browser = await launchBrowser();
  const context = await newContext(browser, { width: 360, height: 800 });
  const foreign = watchRequests(context, server.origin);
  const page = await openPage(context, server.url);
  const failures: string[] = [];
  /** Runs axe on the page as it is, in each width and colour scheme. */
  const check = async (label: string, prepare?: () => Promise<void>) => {
    for (const { width, colorScheme } of VARIANTS) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      if (prepare) await prepare();
      const found = await axeViolations(page, `${label} at ${width} px, ${colorScheme}`);
      if (found) failures.push(found);
    }
  };

  // First run, with its validation messages showing.
  await page.getByRole('heading', { level: 1, name: 'Start a new journal' }).waitFor();
  await page.getByRole('button', { name: 'Create journal' }).click();
  await page.getByText('Choose whether you are the mentee or the mentor in this partnership.').waitFor();
  await check('the first-run form with messages');

  await page.setViewportSize({ width: 360, height: 800 });
  await startJournal(page, FIRST);
  await expectCurrentJournal(page, FIRST.title);
  const ids = await seedJournal(page);

  for (const route of routesOf(ids)) {
    try {
      await openScreen(page, route.path);
    } catch (error) {
      failures.push(`${route.path} did not open: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    // Let live queries fill the screen: every screen says "Loading…" until its data is there.
    await screenLoaded(page);
    await check(`${route.name} (${route.path})`);
  }

  await openScreen(page, '/');
  await check('the More menu open', async () => {
    const details = page.locator('nav details');
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) {
      await page.getByRole('navigation', { name: 'Main' }).getByText('More', { exact: true }).click();
    }
    await page.getByRole('link', { name: 'Settings', exact: true }).waitFor({ state: 'visible' });
  });

  await openScreen(page, '/settings');
  await page.getByRole('button', { name: /Delete this journal from this device/ }).click();
  await page.getByRole('dialog').waitFor();
  await check('the delete-journal dialog');

  expect(foreign()).toEqual([]);
  expect(failures, failures.join('\n\n')).toEqual([]);
  await context.close();
}, 240_000);
