// The milestone timeline in the built app, at 360 and 1280 px, light and dark: the programme drawn
// as months with a mark per milestone (a crowded month as one mark), reached and followed with
// the keyboard alone, axe-clean, readable at 360 px without sideways scrolling. The sample journal
// (tests/fixtures/sampleJournal.ts) is joined as a pair would join it, seen on 15 Mar 2027.

import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, newContext, serveDuringFile } from './harness';
import { openSampleJournal } from './sample';

const server = serveDuringFile();

for (const width of [360, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`${width} px, ${colorScheme}`, () => {
      test('the timeline is drawn, axe-clean, and each mark is a keyboard link into the list', async () => {
        const context = await newContext(null, { width, height: 800, colorScheme });
        const page = await openSampleJournal(context, server.url);
        await page.goto(`${server.url}milestones`);
        const chart = page.getByRole('group', { name: 'Timeline of the programme' });
        await chart.waitFor();
        const months = await chart.locator('.month-label').allTextContents();
        expect(months[0]).toBe('Sep 2026');
        expect(months).toContain('Jan 2027');
        expect(months).toHaveLength(12);
        expect(await page.locator('#timeline-title + p').textContent()).toContain(
          '14 dated milestones (4 done, 1 missed, 3 overdue, 6 planned); 5 meetings held. Today is 15 Mar 2027.',
        );
        await chart.getByRole('link', { name: 'Book the community room: missed, due 15 Nov 2026' }).waitFor();
        await chart
          .getByRole('link', { name: 'Find two volunteer helpers: overdue, due 31 Jan 2027' })
          .waitFor();
        expect(await chart.getByText('Today', { exact: true }).count()).toBe(1);
        await expectNoAxeViolations(page, `milestones with the timeline, ${width} px ${colorScheme}`);
        if (width === 360) {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        }

        // Keyboard only: from the heading, Tab reaches the first mark, then on to March's group.
        await page.getByRole('heading', { level: 1, name: 'Milestones' }).evaluate((h1: HTMLElement) => {
          h1.tabIndex = -1;
          h1.focus();
        });
        await page.keyboard.press('Tab');
        const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
        expect(await focused()).toBe('Agree the workshop’s audience: done, due 30 Sep 2026');
        for (let i = 0; i < 10 && !(await focused()).startsWith('5 milestones'); i++)
          await page.keyboard.press('Tab');
        expect(await focused()).toBe(
          '5 milestones in March 2027 (1 done, 1 overdue, 3 planned): show the first in the list',
        );
        await page.keyboard.press('Enter');
        // "Print the flyers" is done, so not in the list's default view: the mark brings it in and focuses it.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.querySelector('h2')?.textContent))
          .toBe('Print the flyers');
        const item = await page.evaluate(() => {
          const r = document.activeElement!.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom };
        });
        expect(item.top).toBeGreaterThanOrEqual(0);
        expect(item.top).toBeLessThan(800);
      });
    });
  }
}
