// The pair's workspace in the built app: goals, milestones, progress, Home, agreement and check-ins,
// kept across a reload, axe-clean at 360 px and 1280 px, and the milestone timeline with 2,000 milestones.

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  closeAll,
  declinePlan,
  expectNoAxeViolations,
  newContext,
  openPage,
  type StaticServer,
  startServer,
  waitForAppShell,
} from './harness';

let server: StaticServer;
let page: Page;

/** A calendar date `days` from today on this machine (the browser runs in the same time zone). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function go(path: string, heading: string | RegExp) {
  await page.goto(`${server.url}${path.replace(/^\//, '')}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Waits until autosave has written (the status region says "Saved"). */
async function saved() {
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
});

// Each test starts on its own device (a fresh profile) with a new journal and adds what it needs
// through the screens, so any test runs alone (`-t "<name>"`) or in any order.
let context: BrowserContext | undefined;

/** A new device with a journal where I am the mentee, started 200 days ago; ends on Home. */
async function freshJournal() {
  await context?.close();
  context = await newContext(null, { width: 1280, height: 800 });
  page = await openPage(context, server.url);
  await waitForAppShell(page);
  await page.getByLabel('The mentee — I am being mentored').check();
  await page.getByLabel('Mentee’s name').fill('Ana');
  await page.getByLabel('Mentor’s name').fill('Ben');
  await page.getByLabel('Start date').fill(day(-200));
  await page.getByRole('button', { name: 'Create journal' }).click();
  await declinePlan(page);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/** A goal with where I am now, one progress entry and two milestones (one overdue), from its screen. */
async function addGoalWithMilestones() {
  await go('/goals', 'Goals');
  await page.getByLabel('New goal').fill('Lead a weeding project');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lead a weeding project' }).waitFor();

  await page.getByLabel('Where I am now').fill('Helped once, never led');
  await saved();

  await page.getByLabel('Percent done (optional)').fill('30');
  await page.getByLabel('Progress note').fill('Plan agreed with the branch head');
  await page.getByRole('button', { name: 'Add progress' }).click();
  await page.getByText('Plan agreed with the branch head').waitFor();

  for (const [title, due] of [
    ['Draft the plan', day(-3)],
    ['Present to the board', day(10)],
  ] as const) {
    await page.getByLabel('New milestone').fill(title);
    await page.getByLabel('Due date', { exact: true }).fill(due);
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  }
}

/** On the milestones screen (milestones already there): adds one from the form opened on request. */
async function addMilestoneFromTimeline(title: string, due: string) {
  await go('/milestones', 'Milestones');
  await page.getByText('Add a milestone').click();
  await page.getByLabel('Milestone title').fill(title);
  await page.getByLabel('Due date', { exact: true }).fill(due);
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page
    .getByRole('list', { name: 'Milestone timeline, by due date' })
    .getByRole('heading', { name: title })
    .waitFor();
}

/** A finished check-in with one answer. */
async function addCheckIn() {
  await go('/check-ins', 'Check-ins');
  await page.getByRole('button', { name: 'Start a check-in' }).click();
  await page.getByLabel('What is working well?').fill('We always meet when planned');
  await saved();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await page.getByRole('list', { name: 'Past check-ins' }).getByRole('heading').first().waitFor();
}

afterAll(closeAll);

describe('workspace', () => {
  test('a goal with progress and milestones, a one-tap status change, all still there after a reload, and Home shows what is due', async () => {
    await freshJournal();
    await addGoalWithMilestones();

    await go('/milestones', 'Milestones');
    // With milestones already there, the timeline leads and the form opens on request.
    expect(await page.getByLabel('Milestone title').isVisible()).toBe(false);
    await page.getByText('Add a milestone').click();
    await page.getByLabel('Milestone title').fill('Book the meeting room');
    await page.getByLabel('Due date', { exact: true }).fill(day(-5));
    await page.getByRole('button', { name: 'Add milestone' }).click();
    const timeline = page.getByRole('list', { name: 'Milestone timeline, by due date' });
    await timeline.getByRole('heading', { name: 'Book the meeting room' }).waitFor();
    expect(await timeline.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Book the meeting room',
      'Draft the plan',
      'Present to the board',
    ]);
    const draftItem = timeline.getByRole('listitem').filter({ hasText: 'Draft the plan' });
    expect(await draftItem.getByText('Overdue', { exact: true }).isVisible()).toBe(true);

    // One tap: the status select of the milestone.
    await page.getByLabel('Status of Draft the plan').selectOption('done');
    await expect.poll(() => draftItem.getByText('Overdue', { exact: true }).count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'Draft the plan: Done' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Milestones' }).waitFor();
    await page.getByLabel(/^All \(3\)$/).check();
    expect(await page.getByLabel('Status of Draft the plan').inputValue()).toBe('done');
    expect(await page.getByLabel('Status of Book the meeting room').inputValue()).toBe('planned');

    await go('/goals', 'Goals');
    await page.getByRole('link', { name: 'Lead a weeding project' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lead a weeding project' }).waitFor();
    expect(await page.getByLabel('Where I am now').inputValue()).toBe('Helped once, never led');
    const progress = page.getByRole('list', { name: 'Progress entries' });
    expect(await progress.textContent()).toContain('30%');
    expect(await progress.textContent()).toContain('Plan agreed with the branch head');
    const goalMilestones = page.getByRole('list', { name: 'Milestones of this goal' });
    expect(await goalMilestones.getByRole('heading').allTextContents()).toEqual([
      'Draft the plan',
      'Present to the board',
    ]);

    await go('/', 'Home');
    const overdue = page.getByRole('list', { name: 'Overdue milestones' });
    await overdue.waitFor();
    expect(await overdue.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Book the meeting room'),
    ]);
    const soon = page.getByRole('list', { name: 'Milestones due in the next 30 days' });
    expect(await soon.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Present to the board'),
    ]);
    // No meeting yet, and the start was 200 days ago: a meeting (every 91 days) is overdue.
    expect(await page.getByText('Overdue:').isVisible()).toBe(true);
    expect(await page.getByText(/^Month 6 of 18$/).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Active: 1' }).isVisible()).toBe(true);
  });

  test('agreement changes are kept with their date; a check-in is saved per role', async () => {
    await freshJournal();
    await go('/agreement', 'Partnership agreement');
    await page.getByLabel('Length in months').fill('24');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const history = page.getByRole('list', { name: 'Changes to the agreement' });
    await history.waitFor();
    expect(await history.textContent()).toContain('Length in months: 18 → 24');
    await page.getByRole('checkbox', { name: 'Prepare questions before we meet' }).check();
    await page.getByText(/^Ticked by the mentee on /).waitFor();
    await page.getByRole('button', { name: 'I confirm this agreement (as mentee)' }).click();
    await page.getByText(/You confirmed this agreement on/).waitFor();

    await go('/check-ins', 'Check-ins');
    await page.getByRole('button', { name: 'Start a check-in' }).click();
    await page.getByLabel('What is working well?').fill('We always meet when planned');
    await saved();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    const past = page.getByRole('list', { name: 'Past check-ins' });
    await past.waitFor();
    expect(await past.getByRole('heading').allTextContents()).toEqual([
      expect.stringMatching(/— Mentee \(me\)$/),
    ]);
    // Home counts months of the longer programme.
    await go('/', 'Home');
    expect(await page.getByText(/^Month 6 of 24$/).isVisible()).toBe(true);
  });

  test('Home, Goals, a goal, Milestones, Agreement and Check-ins are axe-clean with data at 360 px and 1280 px', async () => {
    await freshJournal();
    await addGoalWithMilestones();
    await addMilestoneFromTimeline('Book the meeting room', day(-5));
    await addCheckIn();
    await go('/goals', 'Goals');
    const goalHref = await page.getByRole('link', { name: 'Lead a weeding project' }).getAttribute('href');
    const screens: [string, string | RegExp][] = [
      ['/', 'Home'],
      ['/goals', 'Goals'],
      [goalHref!, 'Lead a weeding project'],
      ['/milestones', 'Milestones'],
      ['/agreement', 'Partnership agreement'],
      ['/check-ins', 'Check-ins'],
    ];
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [path, heading] of screens) {
        await go(path, heading);
        if (path === '/milestones') {
          await page.getByRole('button', { name: 'Edit Book the meeting room' }).click();
          await page.getByLabel('Evidence and notes').waitFor();
        }
        if (path === '/check-ins') await page.getByText('Read the answers').click();
        await expectNoAxeViolations(page, `${path} at ${width} px`);
        // Nothing wider than the screen at 360 px.
        if (width === 360) {
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
        }
      }
    }
  });

  test('the milestone timeline stays quick with 2,000 milestones', async () => {
    await freshJournal();
    await page.setViewportSize({ width: 1280, height: 800 });
    await go('/milestones', 'Milestones');
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('mentoring-journal');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const read = <T>(store: string, key: string) =>
        new Promise<T>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).get(key);
          r.onsuccess = () => resolve(r.result as T);
          r.onerror = () => reject(r.error);
        });
      const journalId = (await read<{ value: string }>('local', 'currentJournalId')).value;
      const statuses = ['planned', 'in-progress', 'done', 'missed', 'dropped'];
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('milestones', 'readwrite');
        const store = tx.objectStore('milestones');
        const start = Date.UTC(2025, 0, 1);
        for (let i = 0; i < 2000; i++) {
          store.put({
            id: `bulk-${i}`,
            journalId,
            kind: 'milestone',
            createdAt: new Date().toISOString(),
            author: 'mentee',
            visibility: 'pair',
            deleted: false,
            stamps: {},
            bases: {},
            title: `Bulk milestone ${i}`,
            dueDate: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
            status: statuses[i % 5],
            evidence: 'Some evidence text for this milestone',
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });

    // From the Home screen to a rendered timeline, as a person would navigate.
    await go('/', 'Home');
    const started = Date.now();
    await page.getByRole('link', { name: 'All milestones' }).click();
    const timeline = page.getByRole('list', { name: 'Milestone timeline, by due date' });
    await timeline.getByRole('listitem').nth(49).waitFor();
    const openMs = Date.now() - started;

    await page.getByLabel(/^All \(\d+\)$/).check();
    const allStarted = Date.now();
    await page.getByRole('button', { name: /^Show 50 more milestones/ }).waitFor();
    const allMs = Date.now() - allStarted;

    const first = timeline.getByRole('listitem').first();
    const title = (await first.getByRole('heading').textContent())!;
    const changeStarted = Date.now();
    await page.getByLabel(`Status of ${title}`).selectOption('missed');
    await page
      .getByRole('status')
      .filter({ hasText: `${title}: Missed` })
      .waitFor();
    const changeMs = Date.now() - changeStarted;

    console.info(
      `2,000 milestones: open timeline ${openMs} ms, switch to All ${allMs} ms, one status change ${changeMs} ms`,
    );

    // The next page, from the keyboard: focus lands on its first milestone, and axe finds nothing.
    expect(await timeline.getByRole('listitem').count()).toBe(50);
    await page.getByRole('button', { name: /^Show 50 more milestones/ }).focus();
    await page.keyboard.press('Enter');
    await timeline.getByRole('listitem').nth(99).waitFor();
    const focused = await page.evaluate(() => {
      const item = document.activeElement;
      const items = [...(item?.parentElement?.children ?? [])];
      return { tag: item?.tagName, index: items.indexOf(item as Element) };
    });
    expect(focused).toEqual({ tag: 'LI', index: 50 });
    await expectNoAxeViolations(page, '/milestones, second page shown');
    // Speed is measured by `npm run bench`; the times above are logged for information only.
  });
});

describe('lists kept between visits', () => {
  /** A tap on a link to `path`, as the bottom bar's links do: a client-side navigation, no reload. */
  async function tapTo(p: Page, path: string, heading: string) {
    await p.evaluate((to) => {
      const link = document.createElement('a');
      link.href = to;
      document.body.append(link);
      link.click();
      link.remove();
    }, path);
    await p.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  test('going back to a list shows what another tab changed while it was closed', async () => {
    await freshJournal();
    await addGoalWithMilestones();
    const goalPath = new URL(page.url()).pathname;
    // This tab shows the timeline and the goal's page once, then leaves both for Goals (their rows are kept).
    await go('/milestones', 'Milestones');
    const timeline = page.getByRole('list', { name: 'Milestone timeline, by due date' });
    await timeline.getByRole('heading', { name: 'Draft the plan' }).waitFor();
    await tapTo(page, goalPath, 'Lead a weeding project');
    const ofGoal = page.getByRole('list', { name: 'Milestones of this goal' });
    await ofGoal.getByRole('heading', { name: 'Draft the plan' }).waitFor();
    await tapTo(page, '/goals', 'Goals');

    // Another tab of the same app renames a milestone.
    const other = await context!.newPage();
    await other.goto(`${server.url}milestones`);
    await other.getByRole('button', { name: 'Edit Draft the plan' }).click();
    await other.getByLabel('Title', { exact: true }).fill('Draft the weeding plan');
    await other.getByRole('button', { name: 'Done editing' }).click();
    await other.getByRole('heading', { name: 'Draft the weeding plan' }).waitFor();
    await other.close();

    await tapTo(page, '/milestones', 'Milestones');
    await timeline.getByRole('heading', { name: 'Draft the weeding plan' }).waitFor();
    expect(await timeline.getByRole('heading', { name: 'Draft the plan', exact: true }).count()).toBe(0);
    await tapTo(page, goalPath, 'Lead a weeding project');
    await ofGoal.getByRole('heading', { name: 'Draft the weeding plan' }).waitFor();
    expect(await ofGoal.getByRole('heading', { name: 'Draft the plan', exact: true }).count()).toBe(0);
  });
});

describe('calendar dates across time zones', () => {
  test('a due date entered far east or far west of UTC is the same calendar date after a reload', async () => {
    for (const timezoneId of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const zoned = await newContext(null, { width: 360, height: 740, timezoneId });
      const p = await openPage(zoned, server.url);
      await waitForAppShell(p);
      await p.getByLabel('The mentor — I am mentoring someone').check();
      await p.getByLabel('Mentee’s name').fill('Ana');
      await p.getByLabel('Mentor’s name').fill('Ben');
      await p.getByRole('button', { name: 'Create journal' }).click();
      await declinePlan(p);
      await p.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await p.goto(`${server.url}milestones`);
      await p.getByLabel('Milestone title').fill('Across the date line');
      // The night the clocks change in Europe: no shift allowed.
      await p.getByLabel('Due date', { exact: true }).fill('2030-03-31');
      await p.getByRole('button', { name: 'Add milestone' }).click();
      await p.getByRole('heading', { name: 'Across the date line' }).waitFor();
      await p.reload();
      const item = p.getByRole('listitem').filter({ hasText: 'Across the date line' });
      await item.waitFor();
      expect(await item.textContent(), timezoneId).toContain('Due 31 Mar 2030');
      await p.getByRole('button', { name: 'Edit Across the date line' }).click();
      await expect
        .poll(() => p.getByLabel('Due date', { exact: true }).last().inputValue(), { message: timezoneId })
        .toBe('2030-03-31');
      await zoned.close();
    }
  });
});
