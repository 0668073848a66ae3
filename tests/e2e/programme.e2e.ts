// The programme's arc in the built app, two people on two Chromium profiles: the mentor starts a
// journal and accepts the plan offered next (its milestones appear on the timeline); both do the
// mid-point review on their own devices, exchanging pair files; the mentor closes the journal
// from the closing review — read-only on both devices, and the committee summary says completed.

import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  newContext,
  openPage,
  serveDuringFile,
  submitFirstRun,
  waitForAppShell,
} from './harness';

const server = serveDuringFile();
let mentorContext: BrowserContext;
let menteeContext: BrowserContext;
let mentor: Page;
let mentee: Page;

beforeAll(async () => {
  [mentorContext, menteeContext] = await Promise.all([newContext(), newContext()]);
});

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

/** "Send to my partner" on the Share screen; returns the file's name and text. */
async function sendPairFile(page: Page): Promise<{ name: string; text: string }> {
  await goTo(page, '/share', 'Share and back up');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Send to my partner' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

async function importOnShare(page: Page, file: { name: string; text: string }) {
  await goTo(page, '/share', 'Share and back up');
  await page.getByLabel('Choose a file to import').setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: Buffer.from(file.text),
  });
  await page.getByRole('heading', { name: 'Before importing: what this file holds' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.import-done').waitFor();
}

/** Waits until a review answer with `text` is in this device's IndexedDB (its autosave has landed). */
async function waitForAnswer(page: Page, text: string) {
  await expect
    .poll(
      () =>
        page.evaluate(async (wanted) => {
          const db = await new Promise<IDBDatabase>((ok, fail) => {
            const r = indexedDB.open('mentoring-journal');
            r.onsuccess = () => ok(r.result);
            r.onerror = () => fail(r.error);
          });
          const rows = await new Promise<{ answer?: string }[]>((ok) => {
            const r = db.transaction('reviews').objectStore('reviews').getAll();
            r.onsuccess = () => ok(r.result);
          });
          db.close();
          return rows.some((row) => row.answer === wanted);
        }, text),
      { timeout: 10_000, message: `waiting for the answer “${text}” to be saved` },
    )
    .toBe(true);
}

const PLAN_TITLES = [
  /^First meeting/,
  /^Agreement confirmed by both/,
  /^Goals agreed/,
  /^Mid-point review/,
  /^Closing review/,
];

describe('the programme’s arc, from the plan to the close', () => {
  test('a new journal is offered the plan; accepting it puts the milestones on the timeline', async () => {
    mentor = await openPage(mentorContext, server.url);
    await waitForAppShell(mentor);
    // Nine months into an 18-month programme: the mid-point review is due.
    await submitFirstRun(mentor, {
      role: 'mentor',
      mentee: 'Ana Kowalska',
      mentor: 'Sam Reid',
      startDate: day(-270),
      plan: 'stay',
    });
    await mentor.getByRole('heading', { level: 1, name: 'Plan the programme' }).waitFor();
    await expectNoAxeViolations(mentor, 'the plan offer');
    await mentor.getByRole('button', { name: 'Add 5 milestones' }).click();
    await mentor.getByRole('heading', { level: 1, name: 'Milestones' }).waitFor();
    for (const title of PLAN_TITLES) await mentor.getByRole('heading', { level: 2, name: title }).waitFor();

    // Home says the mid-point review is due.
    await goTo(mentor, '/', 'Home');
    await mentor.getByRole('heading', { name: 'Mid-point review due' }).waitFor();
  });

  test('the mid-point review is done by both through pair files', async () => {
    // A goal to review, and the mentee joins from the mentor's file.
    await goTo(mentor, '/goals', 'Goals');
    await mentor.getByLabel('New goal').fill('Lead the reading club');
    await mentor.getByRole('button', { name: 'Add goal' }).click();
    await mentor.getByRole('heading', { level: 1, name: 'Lead the reading club' }).waitFor();
    const first = await sendPairFile(mentor);
    mentee = await openPage(menteeContext, server.url);
    await waitForAppShell(mentee);
    await mentee.getByRole('button', { name: 'Join with my partner’s file' }).click();
    await mentee.getByLabel('Choose my partner’s file').setInputFiles({
      name: first.name,
      mimeType: 'application/json',
      buffer: Buffer.from(first.text),
    });
    await mentee.getByLabel('In this journal I am the').selectOption('mentee');
    await mentee.getByRole('button', { name: 'Join this journal' }).click();
    await mentee.getByRole('navigation', { name: 'Main' }).waitFor();

    // The mentor answers and finishes first.
    await goTo(mentor, '/reviews/mid-point', 'Mid-point review');
    const goal = mentor.getByRole('region', { name: 'Lead the reading club' });
    await goal.getByLabel('What has this goal achieved so far?').fill('Ana chairs the club with confidence');
    await mentor.getByLabel('What has worked well in our partnership?').fill('Short, regular calls');
    await waitForAnswer(mentor, 'Ana chairs the club with confidence');
    await waitForAnswer(mentor, 'Short, regular calls');
    await mentor.getByRole('button', { name: 'Finish my part' }).click();
    await mentor.getByText(/^You finished your part on/).waitFor();
    await expectNoAxeViolations(mentor, 'the mid-point review');
    await importOnShare(mentee, await sendPairFile(mentor));

    // The mentee sees the mentor's shared answer, answers, and finishes.
    await goTo(mentee, '/reviews/mid-point', 'Mid-point review');
    await mentee.getByText('Ana chairs the club with confidence').waitFor();
    await mentee.getByText(/^Sam Reid finished their part on/).waitFor();
    await mentee
      .getByRole('region', { name: 'Lead the reading club' })
      .getByLabel('What has this goal achieved so far?')
      .fill('Four sessions run');
    await waitForAnswer(mentee, 'Four sessions run');
    await mentee.getByRole('button', { name: 'Finish my part' }).click();
    await mentee.getByText(/^Done by both on/).waitFor();
    await importOnShare(mentor, await sendPairFile(mentee));

    await goTo(mentor, '/reviews/mid-point', 'Mid-point review');
    await mentor.getByText(/^Done by both on/).waitFor();
    await mentor.getByText('Four sessions run').waitFor();
    // Home no longer asks for it, and the plan's step is done on the timeline.
    await goTo(mentor, '/', 'Home');
    await mentor.getByRole('heading', { name: 'Next meeting' }).waitFor();
    expect(await mentor.getByRole('heading', { name: 'Mid-point review due' }).count()).toBe(0);
    await goTo(mentor, '/milestones', 'Milestones');
    await mentor.getByRole('radio', { name: /^All/ }).check();
    expect(await mentor.getByLabel(/^Status of Mid-point review/).inputValue()).toBe('done');
    expect(await mentor.getByLabel(/^Status of First meeting/).inputValue()).toBe('planned');
  });

  test('closing the journal makes it read-only on both devices, and the summary says completed', async () => {
    await goTo(mentor, '/reviews/closing', 'Closing review');
    await mentor.getByRole('button', { name: 'Close the journal…' }).click();
    await mentor.getByRole('button', { name: 'Close the journal', exact: true }).click();
    await mentor
      .getByText(/^Partnership completed/)
      .first()
      .waitFor();

    await goTo(mentor, '/goals', 'Goals');
    expect(await mentor.getByLabel('New goal').isDisabled()).toBe(true);
    await goTo(mentor, '/', 'Home');
    await mentor.getByRole('heading', { name: 'Partnership completed' }).waitFor();
    await goTo(mentor, '/summary', 'Committee summary');
    await mentor.getByText(/Partnership completed: closed on/).waitFor();

    // The close reaches the mentee with the pair file (the Share screen still works).
    await importOnShare(mentee, await sendPairFile(mentor));
    await goTo(mentee, '/goals', 'Goals');
    await mentee
      .getByText(/^Partnership completed/)
      .first()
      .waitFor();
    expect(await mentee.getByLabel('New goal').isDisabled()).toBe(true);

    // Either person may reopen it.
    await mentee.getByRole('button', { name: 'Reopen the journal' }).click();
    await expect.poll(() => mentee.getByLabel('New goal').isDisabled()).toBe(false);
  });
});
