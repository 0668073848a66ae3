// Defect 8 of issue 11 in the built app: on an 800 px high phone the header and the bottom bar leave
// the screen to the screen. The header is at most 64 px; header and bottom bar together at most 15 %
// of the height; in meeting mode the bottom bar is gone and the header with meeting mode's Back /
// Next bar keeps within the same 15 %. A long journal title is cut short on screen, never wrapped,
// and its full name stays in the switcher's accessible name. Measured in light and dark.

import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { SAMPLE_MENTEE, SAMPLE_MENTOR, SAMPLE_PLANNED_MEETING_ID } from '../fixtures/sampleJournal';
import { newContext, serveDuringFile } from './harness';
import { openSampleJournal } from './sample';

const server = serveDuringFile();
const HEIGHT = 800;
const FULL_TITLE = `${SAMPLE_MENTEE} & ${SAMPLE_MENTOR}`;

type Box = { top: number; bottom: number; height: number };

async function box(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element || getComputedStyle(element).display === 'none') return null;
    const r = element.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height };
  }, selector);
}

/** The bar that holds meeting mode's Back button: its nearest ancestor pinned to the screen. */
async function backNextBar(page: Page): Promise<Box> {
  const back = page.getByRole('button', { name: 'Back', exact: true });
  await back.waitFor();
  return back.evaluate((button) => {
    let element: Element | null = button;
    while (element && !['sticky', 'fixed'].includes(getComputedStyle(element).position)) {
      element = element.parentElement;
    }
    const r = (element ?? button).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height };
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`a 360 × 800 phone, ${colorScheme}`, () => {
    test('header ≤ 64 px, header and bottom bar ≤ 15 % of the screen, a long title cut short', async () => {
      const context = await newContext(null, { width: 360, height: HEIGHT, colorScheme });
      const page = await openSampleJournal(context, server.url);
      const header = (await box(page, 'header.app-header'))!;
      const bar = (await box(page, 'nav.app-nav'))!;
      expect(header.height).toBeLessThanOrEqual(64);
      expect(bar.bottom).toBe(HEIGHT);
      expect(header.height + bar.height).toBeLessThanOrEqual(0.15 * HEIGHT);

      // The title is longer than the switcher: cut short on one line with an ellipsis, Search beside it.
      const switcher = page.getByRole('combobox', { name: `Current journal: ${FULL_TITLE}` });
      const shown = await switcher.evaluate((select: HTMLSelectElement) => ({
        overflows: (() => {
          const pen = document.createElement('canvas').getContext('2d')!;
          pen.font = getComputedStyle(select).font;
          return pen.measureText(select.selectedOptions[0]?.textContent ?? '').width > select.clientWidth;
        })(),
        ellipsis: getComputedStyle(select).textOverflow,
        selected: select.selectedOptions[0]?.textContent,
        top: select.getBoundingClientRect().top,
      }));
      expect(shown).toMatchObject({ overflows: true, ellipsis: 'ellipsis', selected: FULL_TITLE });
      const search = await page.getByRole('banner').getByRole('link', { name: 'Search' }).boundingBox();
      expect(search!.y + search!.height).toBeLessThanOrEqual(header.bottom);
      expect(Math.abs(search!.y - shown.top)).toBeLessThan(4);
    });

    test('in meeting mode the bottom bar is hidden and header plus Back / Next ≤ 15 %', async () => {
      const context = await newContext(null, { width: 360, height: HEIGHT, colorScheme });
      const page = await openSampleJournal(context, server.url);
      await page.goto(`${server.url}meetings/${SAMPLE_PLANNED_MEETING_ID}/run`);
      const steps = await backNextBar(page);
      expect(await box(page, 'nav.app-nav')).toBeNull();
      const header = (await box(page, 'header.app-header'))!;
      expect(header.height).toBeLessThanOrEqual(64);
      expect(header.height + steps.height).toBeLessThanOrEqual(0.15 * HEIGHT);
      // Nothing left of the bottom bar covers the steps' buttons.
      const next = page.getByRole('button', { name: /^(Next|Finish)$/ }).first();
      const at = (await next.boundingBox())!;
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent,
        [at.x + at.width / 2, at.y + at.height / 2],
      );
      expect(hit).toMatch(/^(Next|Finish)$/);
    });
  });
}
