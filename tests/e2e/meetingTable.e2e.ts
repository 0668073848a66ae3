// Meeting mode for two people at one screen, and the meeting screens' small defects (issue 11, 6–7):
// removing an agenda point with Undo, add forms that keep what is typed while a save runs, Done /
// Missed that show the choice at a glance, "Marked missed" said where it covers nothing, an action
// closed in the meeting read as done in the summary; at 1280 px every step on one screen, reached by
// Tab in reading order, writing the same records as the step flow on a phone.

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  closeAll,
  declinePlan,
  expectNoAxeViolations,
  newContext,
  openPage,
  type StaticServer,
  startServer,
  waitForAppShell,
  waitForServiceWorker,
} from './harness';

let server: StaticServer;
let page: Page;
let context: BrowserContext | undefined;

const STEPS = [
  'Agenda',
  'Milestones',
  'Action items from last time',
  'Notes',
  'New action items',
  'Next meeting',
  'Summary',
];

/** A calendar date `days` from today on this machine (the browser runs in the same time zone). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const EARLIER = day(-7);
const TODAY = day(0);
const NEXT = day(30);

function until(check: () => Promise<unknown>) {
  return vi.waitFor(check, { timeout: 10_000, interval: 100 });
}

/** A new device (own profile, service worker in control) with a journal where I am the mentee. */
async function freshJournal(width: number, height = 800) {
  await context?.close();
  context = await newContext(null, { width, height });
  page = await openPage(context, server.url);
  await waitForAppShell(page);
  await waitForServiceWorker(page);
  await page.getByLabel('The mentee — I am being mentored').check();
  await page.getByLabel('Mentee’s name').fill('Ana');
  await page.getByLabel('Mentor’s name').fill('Ben');
  await page.getByLabel('Start date').fill(day(-60));
  await page.getByRole('button', { name: 'Create journal' }).click();
  await declinePlan(page);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/** The records of one IndexedDB store, as the app wrote them. */
async function readStore(store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('mentoring-journal');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  }, store);
}

async function stored(store: string, fields: Record<string, unknown>) {
  const matches = (r: Record<string, unknown>) =>
    Object.entries(fields).every(([k, v]) => JSON.stringify(r[k]) === JSON.stringify(v));
  await until(async () => expect((await readStore(store)).some(matches)).toBe(true));
}

async function seedMilestone(title: string, dueDate: string) {
  // Written straight into IndexedDB (the milestones screen belongs to another part of the app).
  await page.evaluate(
    async ({ title, dueDate }) => {
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
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('milestones', 'readwrite');
        tx.objectStore('milestones').put({
          id: crypto.randomUUID(),
          journalId,
          kind: 'milestone',
          createdAt: new Date().toISOString(),
          author: 'mentee',
          visibility: 'pair',
          deleted: false,
          stamps: {},
          bases: {},
          title,
          dueDate,
          status: 'planned',
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { title, dueDate },
  );
}

async function planMeeting(date: string, time: string) {
  await page.goto(`${server.url}meetings`);
  await page.getByRole('button', { name: 'Plan a meeting' }).click();
  await page.getByLabel('Day').fill(date);
  await page.getByLabel('Time', { exact: true }).fill(time);
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await page.getByRole('heading', { level: 1, name: /^Meeting: / }).waitFor();
  return page.url();
}

/** The values of the item rows' text fields on the meeting page. */
function rowTexts() {
  return page
    .locator('.item-row input[type="text"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

async function addAgenda(text: string) {
  await page.getByLabel('New agenda point').fill(text);
  await page.getByRole('button', { name: 'Add to agenda' }).click();
  await until(async () => expect(await rowTexts()).toContain(text));
}

async function addAction(text: string, due: string) {
  const form = page.locator('form.add-item').filter({ has: page.getByLabel('New action item') });
  await form.getByLabel('New action item').fill(text);
  await form.getByLabel('Due by').fill(due);
  await form.getByRole('button', { name: 'Add action item' }).click();
  await until(async () => expect(await rowTexts()).toContain(text));
}

/**
 * A message of the screen's own (`selector`) covers nothing: it sits in the flow of the page (not
 * fixed or floating), its box meets no control of the screen, and once scrolled into view it is
 * itself on top where it is shown (nothing lies over it either).
 */
async function expectInFlowCoveringNothing(selector: string) {
  const problems = await page.evaluate((selector) => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const controls = [
      ...document.querySelectorAll('main :is(button, input, select, textarea, a[href], summary)'),
    ];
    const messages = [...document.querySelectorAll(selector)].filter(
      (m) => visible(m) && m.textContent?.trim(),
    );
    if (messages.length === 0) found.push(`no visible ${selector}`);
    for (const message of messages) {
      const text = message.textContent!.trim();
      for (let el: Element | null = message; el; el = el.parentElement) {
        const position = getComputedStyle(el).position;
        if (position === 'fixed' || position === 'absolute') found.push(`“${text}” is ${position}`);
      }
      message.scrollIntoView({ block: 'center' });
      const m = message.getBoundingClientRect();
      const top = document.elementFromPoint(m.left + 2, m.top + m.height / 2);
      if (!top || !message.contains(top)) found.push(`“${text}” lies under ${top?.outerHTML.slice(0, 60)}`);
      for (const control of controls) {
        if (message.contains(control) || !visible(control)) continue;
        const c = control.getBoundingClientRect();
        if (m.left < c.right && c.left < m.right && m.top < c.bottom && c.top < m.bottom)
          found.push(`“${text}” over ${control.outerHTML.slice(0, 80)}`);
      }
    }
    return found;
  }, selector);
  expect(problems).toEqual([]);
}

beforeAll(async () => {
  server = await startServer(process.env.E2E_DIST ?? 'dist');
});

afterAll(closeAll);

describe('the meeting page at 360 px', () => {
  test('removing an agenda point says so with an Undo that covers nothing, keeps focus in the list, and Undo brings the same point back', async () => {
    await freshJournal(360);
    await planMeeting(TODAY, '14:30');
    await addAgenda('Conference poster');
    await addAgenda('Budget for the book club');
    await addAgenda('Interview practice');
    const budget = (await readStore('agendaItems')).find((a) => a.text === 'Budget for the book club')!;

    const remove = page.getByRole('button', { name: 'Remove “Budget for the book club” from the agenda' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const notice = page.getByText('Removed “Budget for the book club” from the agenda —');
    await notice.waitFor();
    await until(async () => expect(await rowTexts()).not.toContain('Budget for the book club'));
    // Focus went to the next point's Remove button, not to the page.
    await until(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Remove “Interview practice” from the agenda',
      ),
    );
    await expectInFlowCoveringNothing('.removed-notice');
    await stored('agendaItems', { id: budget.id, deleted: true });

    // Undo, by keyboard: Shift+Tab from where focus is reaches it.
    const undo = page.getByRole('button', { name: 'Undo: bring back “Budget for the book club”' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await stored('agendaItems', {
      id: budget.id,
      deleted: false,
      text: 'Budget for the book club',
      order: budget.order,
    });
    await until(async () =>
      expect(await rowTexts()).toEqual([
        'Conference poster',
        'Budget for the book club',
        'Interview practice',
      ]),
    );
    await until(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Remove “Budget for the book club” from the agenda',
      ),
    );
    expect((await readStore('agendaItems')).filter((a) => !a.deleted)).toHaveLength(3);
    await expectNoAxeViolations(page, 'Meeting page after Undo');
  });

  test('what is typed in the add field while a point is being saved stays; only the saved text goes', async () => {
    await freshJournal(360);
    await planMeeting(TODAY, '14:30');
    await addAgenda('Conference poster');
    // Hold the agenda table with a transaction of our own, so the next save waits until released.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('mentoring-journal');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const store = db.transaction('agendaItems', 'readwrite').objectStore('agendaItems');
            const w = window as unknown as { releaseAgenda?: boolean };
            const spin = () => {
              if (w.releaseAgenda) db.close();
              else store.get('none').onsuccess = spin;
            };
            spin();
            resolve();
          };
        }),
    );
    const field = page.getByLabel('New agenda point');
    await field.fill('Budget');
    await field.press('Enter');
    await page.keyboard.type(' Interview practice');
    expect(await field.inputValue()).toBe('Budget Interview practice');
    await page.evaluate(() => {
      (window as unknown as { releaseAgenda?: boolean }).releaseAgenda = true;
    });
    await stored('agendaItems', { text: 'Budget' });
    await until(async () => expect(await field.inputValue()).toBe('Interview practice'));
    expect(await rowTexts()).toEqual(['Conference poster', 'Budget']);
  });
});

/** An earlier meeting with an action left open, a milestone due, today's meeting carrying the action. */
async function setupMeeting(width: number, height = 800): Promise<string> {
  await freshJournal(width, height);
  await planMeeting(EARLIER, '10:00');
  await addAction('Send the CV draft', day(-1));
  await seedMilestone('Submit the poster proposal', day(12));
  const url = await planMeeting(TODAY, '14:30');
  await until(async () => expect(await rowTexts()).toContain('Send the CV draft'));
  await addAgenda('Conference poster');
  await page.getByRole('link', { name: 'Start meeting mode' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meeting mode' }).waitFor();
  return url;
}

/** The same meeting, done the same way in either layout; `step` moves on (a no-op on one screen). */
async function holdMeeting(step: (name: string) => Promise<void>) {
  await page.getByRole('checkbox', { name: 'Conference poster' }).check();
  await step('Milestones');
  const done = page.getByRole('button', { name: 'Mark “Submit the poster proposal” done' });
  await done.click();
  await until(async () => expect(await done.getAttribute('aria-pressed')).toBe('true'));
  await step('Action items from last time');
  const cv = page.getByRole('group', { name: 'Send the CV draft' });
  await cv.getByLabel('Done').check();
  await until(async () => expect(await cv.getByLabel('Done').isChecked()).toBe(true));
  await step('Notes');
  await page.getByLabel('Shared notes').fill('We planned the poster together.');
  await page.getByLabel('Setting or reviewing goals').check();
  await stored('meetings', { date: TODAY, sharedNotes: 'We planned the poster together.' });
  await step('New action items');
  await addAction('Draft the poster abstract', day(14));
  // Closed in the meeting it was agreed in.
  const row = page.locator('.item-row').filter({ has: page.getByRole('textbox', { name: 'Action 1' }) });
  await row.getByLabel('Done').check();
  await stored('actionItems', { text: 'Draft the poster abstract', done: true });
  await step('Next meeting');
  await page.getByLabel('Day of the next meeting').fill(NEXT);
  await page.getByLabel('Topics for the next two meetings').fill('Poster feedback');
  await until(async () => expect(await page.getByText(/The next meeting is planned for/).count()).toBe(1));
  await step('Summary');
  await until(async () =>
    expect(await page.locator('.summary-list li').allTextContents()).toContain(
      'New action, already done: Draft the poster abstract (Mentee).',
    ),
  );
  const lines = await page.locator('.summary-list li').allTextContents();
  expect(lines.filter((l) => l.includes('Draft the poster abstract'))).toEqual([
    'New action, already done: Draft the poster abstract (Mentee).',
  ]);
  await page.getByRole('button', { name: 'Finish' }).click();
  // Finish saves everything in one transaction, then opens the meeting's page.
  await page.getByRole('heading', { level: 1, name: /^Meeting: / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
  return lines;
}

/** What the meeting wrote, with what differs between two devices anyway (ids, stamps, times) left out. */
async function meetingRecords() {
  const meetings = await readStore('meetings');
  const dateOf = new Map(meetings.map((m) => [m.id, m.date]));
  const strip = (r: Record<string, unknown>): Record<string, unknown> => {
    const {
      id: _id,
      journalId: _j,
      createdAt: _c,
      stamps: _s,
      bases: _b,
      elements: _e,
      meetingId,
      carriedFromId,
      ...rest
    } = r;
    return {
      ...Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('_'))),
      ...(meetingId ? { meeting: dateOf.get(meetingId) } : {}),
      ...(carriedFromId ? { carried: true } : {}),
    };
  };
  const sorted = (rows: Record<string, unknown>[]) =>
    rows
      .filter((r) => !r.deleted)
      .map(strip)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    meetings: sorted(meetings).sort((a, b) => String(a.date).localeCompare(String(b.date))),
    agendaItems: sorted(await readStore('agendaItems')),
    actionItems: sorted(await readStore('actionItems')),
    milestones: sorted(await readStore('milestones')),
  };
}

const written: Record<string, Awaited<ReturnType<typeof meetingRecords>>> = {};

describe('meeting mode on a phone (360 × 800): one step at a time', () => {
  test('Done / Missed show the choice at a glance, “Marked missed” covers nothing, the step bar is compact, and a full meeting is saved', async () => {
    await setupMeeting(360);
    const bar = page.getByRole('navigation', { name: 'Meeting steps' });
    const box = (await bar.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(56);
    // At the very bottom of the screen, however short the step; with the header, at most 15% of it.
    expect(box.y + box.height).toBeGreaterThan(800 - 8);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    const header = (await page.locator('header').first().boundingBox())!;
    expect(header.height + box.height).toBeLessThanOrEqual(800 * 0.15);

    await page.getByRole('button', { name: 'Next' }).click();
    const review = page.getByRole('group', { name: 'Submit the poster proposal' });
    const done = review.getByRole('button', { name: 'Mark “Submit the poster proposal” done' });
    const missed = review.getByRole('button', { name: 'Mark “Submit the poster proposal” missed' });
    await missed.click();
    await until(async () => expect(await missed.getAttribute('aria-pressed')).toBe('true'));
    // The choice in words and a tick, and a filled, bold button: not colour alone.
    expect(await missed.textContent()).toBe('✓ Missed');
    expect(await done.textContent()).toBe('Done');
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return { weight: Number(s.fontWeight), background: s.backgroundColor };
    };
    const [chosen, other] = [await missed.evaluate(look), await done.evaluate(look)];
    expect(chosen.weight).toBeGreaterThan(other.weight);
    expect(chosen.background).not.toBe(other.background);
    // Said beside the buttons, in the milestone's own card; nothing lies over the date field.
    await review.getByRole('status').getByText('Marked missed').waitFor();
    await expectInFlowCoveringNothing('.said');
    // …and said once: the app-wide live region does not carry it too.
    expect(
      await page
        .locator('div.status')
        .getByText(/marked missed/i)
        .count(),
    ).toBe(0);
    const date = review.getByLabel('New due date');
    const dateBox = (await date.boundingBox())!;
    expect(
      await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('type'), {
        x: dateBox.x + dateBox.width / 2,
        y: dateBox.y + dateBox.height / 2,
      }),
    ).toBe('date');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();

    await holdMeeting(async (name) => {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { level: 2, name }).waitFor();
    });
    written.steps = await meetingRecords();
  });
});

describe('meeting mode at 1280 × 800: one screen', () => {
  beforeAll(async () => {
    await setupMeeting(1280);
  });

  test('every step is on one screen, side by side, with no step buttons', async () => {
    const headings = page.locator('.mode-section > h2');
    await until(async () => expect(await headings.allTextContents()).toEqual(STEPS));
    expect(await page.getByRole('navigation', { name: 'Meeting steps' }).count()).toBe(0);
    const boxes = await page
      .locator('.mode-section')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    // The first three sit in one row, left to right, each at least 280 px wide.
    expect(boxes[1]!.top).toBe(boxes[0]!.top);
    expect(boxes[2]!.top).toBe(boxes[0]!.top);
    expect(boxes[0]!.right).toBeLessThanOrEqual(boxes[1]!.left);
    expect(boxes[1]!.right).toBeLessThanOrEqual(boxes[2]!.left);
    expect(Math.min(...boxes.slice(0, 6).map((b) => b.width))).toBeGreaterThanOrEqual(280);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  test('Tab reaches every section in the order they read, ending on Finish', async () => {
    await page.getByRole('link', { name: /Leave meeting mode/ }).focus();
    const visits: string[] = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        const section = el?.closest('.mode-section');
        return {
          section: section?.querySelector('h2')?.textContent ?? null,
          finish: el?.tagName === 'BUTTON' && el.textContent === 'Finish',
        };
      });
      if (where.section && visits.at(-1) !== where.section) visits.push(where.section);
      if (where.finish) break;
    }
    // Each section once, in reading order: Tab never jumps back.
    expect(visits).toEqual(STEPS);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing at 1280 and 360 px, ${colorScheme}`, async () => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.locator('.meeting-wide').waitFor();
      await expectNoAxeViolations(page, `meeting mode, one screen, 1280 px ${colorScheme}`);
      // Narrowed to a phone, the same meeting goes back to the step flow.
      await page.setViewportSize({ width: 360, height: 800 });
      await page.getByRole('navigation', { name: 'Meeting steps' }).waitFor();
      await expectNoAxeViolations(page, `meeting mode, steps, 360 px ${colorScheme}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.locator('.meeting-wide').waitFor();
    });
  }

  test('a full meeting on one screen writes the same records as the step flow on a phone', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await holdMeeting(async () => {});
    written.wide = await meetingRecords();
    expect(written.steps).toBeDefined();
    expect(written.wide).toEqual(written.steps);
    expect(written.wide.meetings.map((m) => [m.date, m.status])).toEqual([
      [EARLIER, 'planned'],
      [TODAY, 'held'],
      [NEXT, 'planned'],
    ]);
  });
});
