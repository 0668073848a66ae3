// Defect 9 of issue 11 in the built app: one date form everywhere (day, month as a word, year, in
// the user's language) — on a screen, in the committee summary and in its PDF — one wording for
// autosave, and a wrapped story title on Skills and themes that keeps its bullet on its first line.
// The sample journal (tests/fixtures/sampleJournal.ts) is joined as a pair would join it.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { SAMPLE_LONG_STORY } from '../fixtures/sampleJournal';
import { newContext, serveDuringFile } from './harness';
import { openSampleJournal } from './sample';

const server = serveDuringFile();

async function phone(locale: string): Promise<Page> {
  const context = await newContext(null, { width: 360, height: 800, locale });
  return openSampleJournal(context, server.url);
}

describe('one date form everywhere', () => {
  test('in English: a goal’s target, the summary and its PDF all read "30 Jun 2027"', async () => {
    const page = await phone('en-US');
    await page.goto(`${server.url}goals`);
    await page.getByText('Target 30 Jun 2027', { exact: false }).waitFor();
    expect(await page.getByText(/Jun 30, 2027/).count()).toBe(0);

    await page.goto(`${server.url}summary`);
    const main = page.locator('main');
    await main.getByText('as of 15 Mar 2027', { exact: false }).waitFor();
    expect(await main.textContent()).toContain('Started 1 Sep 2026; 12 months, ending 1 Sep 2027.');
    expect(await main.textContent()).not.toMatch(
      /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/,
    );

    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Download summary (PDF)' }).click(),
    ]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: readFileSync(await file.path()),
      encoding: 'utf8',
    });
    expect(text).toContain('Made on 15 Mar 2027');
    expect(text).toContain('Started 1 Sep 2026');
  });

  test('in German: the month is a German word, still day, month, year', async () => {
    const page = await phone('de-DE');
    await page.goto(`${server.url}goals`);
    await page.getByText('Target 30 Juni 2027', { exact: false }).waitFor();
    await page.goto(`${server.url}summary`);
    await page.locator('main').getByText('as of 15 März 2027', { exact: false }).waitFor();
  });
});

test('autosaving editors say it one way', async () => {
  const page = await phone('en-US');
  await page.goto(`${server.url}goals`);
  await page.getByRole('link', { name: /Lead the branch/ }).click();
  await page.getByText('Changes are saved as you type.').waitFor();
  await page.goto(`${server.url}stories`);
  await page.getByRole('link', { name: /Ran the summer reading challenge/ }).click();
  await page.getByText('Changes are saved as you type.').waitFor();
  expect(await page.getByText('Changes save by themselves').count()).toBe(0);
});

test('on Skills and themes at 360 px a wrapped story title keeps its bullet beside its first line', async () => {
  const page = await phone('en-US');
  await page.goto(`${server.url}themes`);
  const card = page.locator('.theme-card').filter({ has: page.getByRole('heading', { name: 'Leadership' }) });
  const link = card.getByRole('link', { name: SAMPLE_LONG_STORY });
  await link.waitFor();
  // Where the bullet is drawn: the list item's ::marker box, as Chromium lays it out.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { nodeId } = await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: '.theme-card .story-links li:has(a[href="/stories/44444444-4444-4444-8444-000000000001"])',
  });
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1 });
  const marker = node.pseudoElements?.find((p) => p.pseudoType === 'marker');
  expect(marker, 'the story link’s list item has a bullet').toBeDefined();
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: marker!.backendNodeId });
  const bulletTop = model.content[1]!;
  const bulletBottom = model.content[5]!;
  const lines = await link.evaluate((a) => {
    const range = document.createRange();
    range.selectNodeContents(a);
    return [...range.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom }));
  });
  expect(lines.length, 'the title wraps at 360 px').toBeGreaterThan(1);
  const first = lines[0]!;
  expect(bulletBottom).toBeGreaterThan(first.top);
  expect(bulletTop).toBeLessThan(first.bottom);
});
