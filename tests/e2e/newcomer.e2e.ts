// A newcomer's first day, in the built app at phone widths: a backup restores from the first-run
// screen (its passphrase chosen twice), messages never lie over a control, the import preview fits
// 360 px and names what changes, a text both people changed is named in words and shown on the
// record and on Home, and a journal that started in the past asks when the pair last met.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  newContext,
  openPage,
  serveDuringFile,
  submitFirstRun,
  waitForAppShell,
} from './harness';

const server = serveDuringFile();
const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

/** A calendar date `days` from today on this machine (the browser runs in the same time zone). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function goTo(page: Page, path: string, heading: string | RegExp) {
  await page.goto(url(path));
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** A person with a new journal of their own, on a fresh profile. */
async function startJournal(
  width: number,
  who: { role: 'mentor' | 'mentee'; mentee: string; mentor: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(null, { width, height: 800 });
  const page = await openPage(context, server.url);
  await waitForAppShell(page);
  await submitFirstRun(page, who);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  return { context, page };
}

/** Adds a goal on the Goals screen; the app opens the new goal. */
async function addGoal(page: Page, title: string) {
  await goTo(page, '/goals', 'Goals');
  await page.getByLabel('New goal').fill(title);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Presses a button that makes a file and returns the downloaded file's name and text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

async function chooseFile(page: Page, label: string, name: string, text: string) {
  await page
    .getByLabel(label)
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/**
 * Every control whose centre is on screen (and not under the fixed header or bottom bar) that a tap
 * at its centre would not reach: `document.elementFromPoint` there is something else. Also returns
 * the messages on screen, so the caller can check one was showing.
 */
async function coveredControls(page: Page): Promise<{ covered: string[]; messages: string[] }> {
  return page.evaluate(() => {
    const chrome = [...document.querySelectorAll('.app-header, .app-nav')].map((e) =>
      e.getBoundingClientRect(),
    );
    const covered: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, a[href], summary',
    );
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width < 4 || box.height < 4 || !control.checkVisibility({ visibilityProperty: true })) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      const inChrome = control.closest('.app-header, .app-nav') !== null;
      if (!inChrome && chrome.some((c) => x >= c.left && x <= c.right && y >= c.top && y <= c.bottom))
        continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === control || control.contains(hit))) {
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.id;
        covered.push(`${control.tagName.toLowerCase()} “${name}” under ${hit?.className || hit?.tagName}`);
      }
    }
    const messages = [...document.querySelectorAll('[role="alert"], [role="status"]')]
      .map((m) => m.textContent?.trim() ?? '')
      .filter(Boolean);
    return { covered, messages };
  });
}

/** Scrolls a control to the bottom of the screen, where floating messages used to sit. */
async function toBottom(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).evaluate((b) => b.scrollIntoView({ block: 'end' }));
}

describe('a newcomer’s first day', () => {
  test('a backup made on one device, locked with a passphrase typed twice, restores whole from another device’s first-run screen', async () => {
    const { page: old } = await startJournal(390, {
      role: 'mentee',
      mentee: 'Ana Kowalska',
      mentor: 'Sam Reid',
    });
    await addGoal(old, 'Run a story time');

    // The passphrase is asked twice: typed once, or two ways, nothing is made.
    await goTo(old, '/share', 'Share and back up');
    await old.getByLabel('Passphrase (recommended)').fill('blue kettle');
    await old.getByRole('button', { name: 'Back up this device' }).click();
    const again = old.getByLabel('The same passphrase again');
    await old.getByText(/Type the passphrase a second time/).waitFor();
    await again.fill('blue kettel');
    await old.getByRole('button', { name: 'Back up this device' }).click();
    await old.getByText(/The two passphrases are not the same/).waitFor();
    await old.getByLabel('Show the passphrase').nth(1).check();
    expect(await again.getAttribute('type')).toBe('text');
    await again.fill('blue kettle');
    const backup = await download(old, 'Back up this device');

    // A new phone: nothing on it yet.
    const fresh = await newContext(null, { width: 390, height: 800 });
    const page = await openPage(fresh, server.url);
    await waitForAppShell(page);
    await page.getByRole('button', { name: 'Join with my partner’s file' }).click();
    await chooseFile(page, 'Choose my partner’s file or a backup', backup.name, backup.text);
    await page.getByLabel('Passphrase', { exact: true }).fill('blue kettel');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('#import-passphrase-error').waitFor({ timeout: 30_000 });

    // The wrong passphrase is said beside the field; nothing lies over Unlock or Cancel.
    await toBottom(page, 'Unlock');
    const afterWrong = await coveredControls(page);
    expect(afterWrong.messages.join(' ')).toMatch(/wrong passphrase/);
    expect(afterWrong.covered).toEqual([]);
    expect(await page.locator('.error-bar.shown').count()).toBe(0);

    await page.getByLabel('Passphrase', { exact: true }).fill('blue kettle');
    await page.getByRole('button', { name: 'Unlock' }).click();
    const preview = page.getByRole('region', { name: 'Before importing: what this file holds' });
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.textContent()).toMatch(/A backup of 1 journal/);
    expect(await preview.textContent()).not.toMatch(/already on this device/);
    await preview.getByRole('button', { name: 'Restore this backup' }).click();

    // The restored journal opens, with everything it held.
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    const switcher = page.getByRole('combobox', { name: 'Current journal' });
    expect(await switcher.locator('option:checked').textContent()).toBe('Ana Kowalska & Sam Reid');
    await goTo(page, '/goals', 'Goals');
    await page.getByRole('link', { name: 'Run a story time' }).waitFor();
  });

  test('a refused file’s message goes with the next file, and the preview of a partner’s file fits 360 px, naming what it brings', async () => {
    const { page: mentor } = await startJournal(1280, { role: 'mentor', mentee: 'Ana', mentor: 'Sam' });
    const titles = [
      'Present the reading programme to the library board with figures',
      'Run a story time',
      'Plan a display for the spring reading challenge',
      'Visit a branch library',
      'Lead a small project from start to finish',
    ];
    for (const title of titles) await addGoal(mentor, title);
    await goTo(mentor, '/share', 'Share and back up');
    const pairFile = await download(mentor, 'Send to my partner');

    const context = await newContext(null, { width: 360, height: 800 });
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    await page.getByRole('button', { name: 'Join with my partner’s file' }).click();
    const picker = 'Choose my partner’s file or a backup';
    await chooseFile(page, picker, 'notes.json', 'these are my notes, not a journal');
    const refused = page.locator('.import-error');
    await refused.waitFor();

    await chooseFile(page, picker, pairFile.name, pairFile.text);
    const preview = page.getByRole('region', { name: 'Before importing: what this file holds' });
    await preview.waitFor();
    expect(await refused.count()).toBe(0);
    await toBottom(page, 'Cancel');
    expect((await coveredControls(page)).covered).toEqual([]);

    // Per kind, what changes, naming the first few records; nothing scrolls sideways.
    const goals = preview.locator('[data-kind="goal"]');
    expect(await goals.textContent()).toMatch(/5 new: “[^”]+”, “[^”]+”, “[^”]+” and 2 more/);
    const fit = await page.evaluate(() => {
      const box = document.querySelector('.import-preview')!;
      const overflowing = [box, ...box.querySelectorAll('*')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline')
        .map((e) => e.className || e.tagName);
      return {
        page: document.documentElement.scrollWidth,
        viewport: innerWidth,
        right: box.getBoundingClientRect().right,
        overflowing,
      };
    });
    expect(fit.page).toBeLessThanOrEqual(fit.viewport);
    expect(fit.right).toBeLessThanOrEqual(fit.viewport);
    expect(fit.overflowing).toEqual([]);
    await expectNoAxeViolations(page, 'the import preview at 360 px');
  });

  test('on the story editor, “Saved” shows once; passing messages sit in the flow, beside what they are about, over no control', async () => {
    const { page } = await startJournal(390, { role: 'mentee', mentee: 'Ana', mentor: 'Sam' });
    await goTo(page, '/stories', 'Stories');
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByLabel('Title', { exact: true }).fill('The day the catalogue went down');
    await page.locator('.save-state[data-state="saved"]').waitFor();
    // The editor's own "✓ Saved" is the only one seen; the app-wide message is for screen readers.
    await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor({ state: 'attached' });
    const seenSaved = await page.evaluate(
      () =>
        [...document.querySelectorAll('body *')].filter(
          (e) =>
            [...e.childNodes].some(
              (n) => n.nodeType === Node.TEXT_NODE && /Saved/.test(n.textContent ?? ''),
            ) &&
            e.getBoundingClientRect().width > 2 &&
            !e.closest('.visually-hidden'),
        ).length,
    );
    expect(seenSaved).toBe(1);

    // A goal added opens its page, which says so at its top, in the page's flow.
    await addGoal(page, 'Lead a small project');
    const arrival = page.locator('main .arrival-note');
    expect(await arrival.textContent()).toBe('Goal added');
    // A milestone added there is said beside its button.
    await page.getByLabel('New milestone').fill('Draft the plan');
    const add = page.getByRole('button', { name: 'Add milestone' });
    await add.click();
    const said = page.locator('.row-actions').filter({ has: add }).getByRole('status');
    await said.getByText('Milestone added').waitFor();
    // Wherever the page is scrolled, no message lies over a control, and none floats.
    for (const block of ['end', 'center', 'start'] as const) {
      await add.evaluate((b, block) => b.scrollIntoView({ block }), block);
      const { covered, messages } = await coveredControls(page);
      expect(messages).toContain('Milestone added');
      expect(covered).toEqual([]);
    }
    const floating = await page.evaluate(() =>
      [...document.querySelectorAll('[role="status"], [role="alert"], .arrival-note')]
        .filter((m) => (m.textContent ?? '').trim() && !m.closest('.visually-hidden, .app-header'))
        .filter((m) => {
          for (let e: Element | null = m; e; e = e.parentElement)
            if (['fixed', 'sticky', 'absolute'].includes(getComputedStyle(e).position)) return true;
          return false;
        })
        .map((m) => m.textContent),
    );
    expect(floating).toEqual([]);
    // Leaving the goal's page leaves its message behind.
    await page.locator('.app-nav').getByRole('link', { name: 'Goals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();
    expect(await page.locator('main .arrival-note').count()).toBe(0);
  });

  test('a text both people changed is named by its goal and field, shown on the goal and on Home, and goes once chosen', async () => {
    const { page: mentor } = await startJournal(1280, { role: 'mentor', mentee: 'Ana', mentor: 'Sam' });
    await addGoal(mentor, 'Present to the board');
    await goTo(mentor, '/share', 'Share and back up');
    const first = await download(mentor, 'Send to my partner');

    const context = await newContext(null, { width: 390, height: 800 });
    const mentee = await openPage(context, server.url);
    await waitForAppShell(mentee);
    await mentee.getByRole('button', { name: 'Join with my partner’s file' }).click();
    await chooseFile(mentee, 'Choose my partner’s file or a backup', first.name, first.text);
    await mentee.getByLabel('In this journal I am the').selectOption('mentee');
    await mentee.getByRole('button', { name: 'Join this journal' }).click();
    await mentee.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    // Both change the success criteria, each on their own device.
    for (const [page, words] of [
      [mentor, 'Ten minutes, three figures'],
      [mentee, 'A clear ask at the end'],
    ] as const) {
      await goTo(page, '/goals', 'Goals');
      await page.getByRole('link', { name: 'Present to the board' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Present to the board' }).waitFor();
      await page.getByLabel('Success criteria').fill(words);
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    }
    await goTo(mentor, '/share', 'Share and back up');
    const second = await download(mentor, 'Send to my partner');
    await goTo(mentee, '/share', 'Share and back up');
    await chooseFile(mentee, 'Choose a file to import', second.name, second.text);
    await mentee.getByRole('button', { name: 'Import', exact: true }).click();
    const done = mentee.locator('.import-done');
    await done.filter({ hasText: 'choose what to keep' }).waitFor();

    const card = mentee.getByRole('heading', { name: 'The goal “Present to the board”: Success criteria' });
    await card.waitFor();
    expect(await mentee.locator('main').textContent()).not.toMatch(/successCriteria/);
    expect(await mentee.getByText('Undo last import').count()).toBe(1);

    // Home and the goal itself say a choice is waiting, and lead to it.
    await goTo(mentee, '/', 'Home');
    const home = mentee.getByRole('region', { name: 'Waiting for your choice' });
    expect(await home.textContent()).toMatch(/the goal “Present to the board”/);
    await expectNoAxeViolations(mentee, 'Home with a choice waiting');
    await goTo(mentee, '/goals', 'Goals');
    await mentee.getByRole('link', { name: 'Present to the board' }).first().click();
    const notice = mentee.getByRole('region', { name: 'A text waiting for your choice' });
    expect(await notice.textContent()).toMatch(/“Success criteria”/);
    await expectNoAxeViolations(mentee, 'a goal with a choice waiting');
    await notice.getByRole('link', { name: 'Choose what to keep' }).click();
    await mentee.getByRole('heading', { level: 1, name: 'Share and back up' }).waitFor();
    await card.waitFor();

    await mentee.getByRole('button', { name: 'Keep mine' }).click();
    await card.waitFor({ state: 'detached' });
    await goTo(mentee, '/', 'Home');
    await mentee.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await home.count()).toBe(0);
  });

  test('a journal that started half a year ago asks when the pair last met, and Home counts from that meeting', async () => {
    const context = await newContext(null, { width: 360, height: 800 });
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    expect(await page.getByLabel('When did you last meet?').count()).toBe(0);
    await page.getByLabel('Start date').fill(day(-184));
    await page.getByLabel('When did you last meet?').fill(day(-20));
    await expectNoAxeViolations(page, 'the first-run form asking when the pair last met');
    await submitFirstRun(page, { role: 'mentee', mentee: 'Ana', mentor: 'Sam' });
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    const home = page.locator('main');
    await home
      .getByText(/Due by/)
      .first()
      .waitFor();
    expect(await home.textContent()).not.toMatch(/Overdue:/);
    await goTo(page, '/meetings', 'Meetings');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Held/);
  });
});
