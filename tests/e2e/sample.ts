// The sample journal (tests/fixtures/sampleJournal.ts) in a browser, opened as a pair would open it:
// first run → "Join with my partner's file" → the sample pair file → Join this journal. The page's
// clock is fixed to the sample's day (timers keep running), so "today", "overdue" and the timeline's
// marker read the same on every run. Used by browser tests and `npm run screenshots`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SAMPLE_JOURNAL_PATH, SAMPLE_TODAY } from '../fixtures/sampleJournal';

/** The repository's root folder (this file sits in tests/e2e). */
const ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');

/** Opens `url` in `context` with the clock at noon of SAMPLE_TODAY and joins the sample as its mentee. */
export async function openSampleJournal(context: BrowserContext, url: string): Promise<Page> {
  await context.clock.setFixedTime(new Date(`${SAMPLE_TODAY}T12:00:00`));
  const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
  await page.goto(url);
  await page.getByRole('button', { name: 'Join with my partner’s file' }).click();
  await page.getByLabel('Choose my partner’s file').setInputFiles({
    name: 'mentoring-journal-sample.json',
    mimeType: 'application/json',
    buffer: readFileSync(join(ROOT, SAMPLE_JOURNAL_PATH)),
  });
  await page.getByLabel('In this journal I am the').selectOption('mentee');
  await page.getByRole('button', { name: 'Join this journal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor({ timeout: 30_000 });
  return page;
}
