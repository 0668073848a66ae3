// The story bank a mentee takes to an interview, in the built app: the stories screen exports the
// chosen stories as a PDF (read back with pdftotext: every chosen story's text, no unchosen one, the
// private one only once ticked) and as Markdown; the interview-practice screen shows the stories per
// question and marks the gaps, and axe finds nothing on it at 360 and 1280 px, light and dark.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  newContext,
  openPage,
  serveDuringFile,
  submitFirstRun,
  userDataDirOf,
  waitForAppShell,
} from './harness';

const server = serveDuringFile();

interface StoryText {
  title: string;
  problem: string;
  action: string;
  result: string;
  soWhat: string;
  short: string;
  skill: string;
  private?: boolean;
}

const STORIES: StoryText[] = [
  {
    title: 'Rebuilt the teen reading club',
    problem: 'Only two teens came on Tuesdays.',
    action: 'I asked twenty teens what they wanted and moved the club to Fridays.',
    result: 'Twenty-two teens came to the first Friday session.',
    soWhat: 'I listen before I plan.',
    short: 'When I took over the teen club, attendance had collapsed…',
    skill: 'Conflict resolution',
  },
  {
    title: 'Łukasz’s summer budget',
    problem: 'The summer programme had no money for prizes.',
    action: 'I wrote to six local shops for donated prizes.',
    result: 'Five shops gave prizes worth 400 złoty.',
    soWhat: 'I find resources where there seem to be none.',
    short: 'Our summer reading had no budget, so I…',
    skill: 'Fundraising',
    private: true,
  },
  {
    title: 'Catalogue clean-up nobody asked for',
    problem: 'Three thousand records had broken subject headings.',
    action: 'I fixed them in batches every Monday.',
    result: 'Search found forty per cent more books.',
    soWhat: 'I notice what slows people down.',
    short: 'Every Monday for a term I…',
    skill: 'Cataloguing',
  },
];

/** Writes a story in the editor (opened with the New story shortcut route) and waits until it is saved. */
async function writeStory(page: Page, story: StoryText) {
  await page.goto(`${server.url}stories/new`);
  await page.waitForURL(/\/stories\/(?!new)[\w-]+$/);
  for (const [label, text] of [
    ['Title', story.title],
    ['Problem', story.problem],
    ['Action', story.action],
    ['Result', story.result],
    ['So what?', story.soWhat],
    ['The 90-second version', story.short],
  ] as const)
    await page.getByLabel(label, { exact: true }).fill(text);
  await page.getByLabel('Add a skill').fill(story.skill);
  await page.getByRole('button', { name: 'Add skill' }).click();
  if (story.private) await page.getByLabel('Who can see it').selectOption('private');
  await page.locator('.save-state[data-state="saved"]').waitFor();
}

let profile: string;

beforeAll(async () => {
  // One profile with the three stories, reopened by every test.
  const context = await newContext(null, { width: 1280, height: 800 });
  const page = await openPage(context, server.url);
  await waitForAppShell(page);
  await submitFirstRun(page, { role: 'mentee', mentee: 'Zofia Łukasiewicz', mentor: 'Grace Okafor' });
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  for (const story of STORIES) await writeStory(page, story);
  profile = userDataDirOf(context);
  await context.close();
}, 120_000);

async function reopen(options: { width: number; colorScheme?: 'light' | 'dark' }): Promise<BrowserContext> {
  return newContext(null, { ...options, height: 800, userDataDir: profile });
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page: Page, name: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name }).click(),
  ]);
  return { fileName: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

const storyText = (s: StoryText) => [s.title, s.problem, s.action, s.result, s.soWhat, s.short, s.skill];

describe('exporting the story bank', () => {
  test('the PDF holds every chosen story’s text and no other; the private story goes in only when ticked', async () => {
    const context = await reopen({ width: 1280 });
    const page = await openPage(context, `${server.url}stories`);
    await page.getByRole('button', { name: 'Export the story bank…' }).click();
    // Untouched: the shared stories are ticked, the private one is not. Untick the catalogue one.
    expect(await page.getByRole('checkbox', { name: 'Łukasz’s summer budget (only me)' }).isChecked()).toBe(
      false,
    );
    await page.getByRole('checkbox', { name: STORIES[2]!.title }).uncheck();
    await expectNoAxeViolations(page, 'the stories screen with the story bank export open');

    const first = await download(page, 'Download story bank (PDF)');
    expect(first.fileName).toMatch(/^story-bank-zofia-łukasiewicz-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(first.bytes);
    expect(text).toContain('Story bank — Zofia Łukasiewicz');
    for (const part of storyText(STORIES[0]!)) expect(text).toContain(part);
    for (const part of [...storyText(STORIES[1]!), ...storyText(STORIES[2]!)])
      expect(text).not.toContain(part);

    await page.getByRole('checkbox', { name: 'Łukasz’s summer budget (only me)' }).check();
    const second = pdfText((await download(page, 'Download story bank (PDF)')).bytes);
    for (const part of [...storyText(STORIES[0]!), ...storyText(STORIES[1]!)]) expect(second).toContain(part);
    for (const part of storyText(STORIES[2]!)) expect(second).not.toContain(part);

    const markdown = (await download(page, 'Download story bank (Markdown)')).bytes.toString('utf8');
    expect(markdown).toMatch(/^# Story bank — Zofia Łukasiewicz\n/);
    expect(markdown).toContain(`## ${STORIES[1]!.title}`);
    expect(markdown).toContain('### The 90-second version');
    expect(markdown).not.toContain(STORIES[2]!.title);
    await context.close();
  });
});

describe('interview practice', () => {
  test('shows the stories that answer each question and marks the gaps', async () => {
    const context = await reopen({ width: 1280 });
    const page = await openPage(context, `${server.url}stories`);
    await page.getByRole('link', { name: 'Interview practice' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview practice' }).waitFor();
    const disagreement = page.locator('li.practice-card', {
      has: page.getByRole('heading', { name: /disagreed with a colleague/ }),
    });
    await disagreement.getByRole('link', { name: STORIES[0]!.title }).waitFor();
    expect(await disagreement.getByText('Gap: no story yet').count()).toBe(0);
    const budget = page.locator('li.practice-card', {
      has: page.getByRole('heading', { name: /too little money, time or help/ }),
    });
    await budget.getByRole('link', { name: STORIES[1]!.title }).waitFor();
    const pressure = page.locator('li.practice-card', {
      has: page.getByRole('heading', { name: /things went wrong/ }),
    });
    await pressure.getByText('Gap: no story yet').waitFor();
    await context.close();
  });

  describe.for([
    { width: 360, colorScheme: 'light' },
    { width: 360, colorScheme: 'dark' },
    { width: 1280, colorScheme: 'light' },
    { width: 1280, colorScheme: 'dark' },
  ] as const)('at $width px, $colorScheme', ({ width, colorScheme }) => {
    test('axe finds no WCAG 2.1 A/AA violations on the practice screen', async () => {
      const context = await reopen({ width, colorScheme });
      const page = await openPage(context, `${server.url}stories/practice`);
      await page.getByText(/questions have a story/).waitFor();
      await expectNoAxeViolations(page, `interview practice at ${width} px, ${colorScheme}`);
      await context.close();
    });
  });
});
