// The app as a newcomer sees it, for the README: Home, a goal, meeting mode, the story editor,
// Skills and themes and the committee summary of the sample journal (tests/fixtures/sampleJournal.ts,
// joined through first run as a pair would join it, seen on 15 Mar 2027), at 360 and 1280 px, light
// and dark, into docs/screenshots/<screen>-<width>-<scheme>.png. Run with `npm run screenshots`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { newContext, ROOT, serveDuringFile } from '../e2e/harness';
import { openSampleJournal } from '../e2e/sample';
import { SAMPLE_GOAL_ID, SAMPLE_PLANNED_MEETING_ID, SAMPLE_STORY_ID } from '../fixtures/sampleJournal';

const server = serveDuringFile();
const OUT = join(ROOT, 'docs/screenshots');

/** Each screen: its file name, its address and the heading that says it is shown. */
export const SCREENS = [
  { name: 'home', path: '', heading: 'Home' },
  { name: 'goal', path: `goals/${SAMPLE_GOAL_ID}`, heading: 'Lead the branch’s digital skills workshop' },
  { name: 'meeting-mode', path: `meetings/${SAMPLE_PLANNED_MEETING_ID}/run`, heading: 'Meeting mode' },
  { name: 'story-editor', path: `stories/${SAMPLE_STORY_ID}`, heading: undefined },
  { name: 'skills-and-themes', path: 'themes', heading: 'Skills and themes' },
  { name: 'committee-summary', path: 'summary', heading: 'Committee summary' },
] as const;

/** Waits until passing messages have gone, so no picture shows a toast. */
async function settled(page: Page) {
  await page
    .waitForFunction(() => !document.querySelector('.toast')?.textContent, undefined, { timeout: 10_000 })
    .catch(() => {});
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

for (const width of [360, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`${width} px, ${colorScheme}`, () => {
      test('every screen', async () => {
        mkdirSync(OUT, { recursive: true });
        const context = await newContext(null, { width, height: 800, colorScheme });
        const page = await openSampleJournal(context, server.url);
        for (const screen of SCREENS) {
          await page.goto(`${server.url}${screen.path}`);
          const h1 = page.locator('#main h1').first();
          await (screen.heading
            ? page.getByRole('heading', { level: 1, name: screen.heading }).first()
            : h1
          ).waitFor({ timeout: 20_000 });
          await settled(page);
          await page.screenshot({ path: join(OUT, `${screen.name}-${width}-${colorScheme}.png`) });
        }
        await context.close();
      });
    });
  }
}
