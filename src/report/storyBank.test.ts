import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Story } from '../model/story';
import { buildStoryBank, escapeMarkdown, storyBankMarkdown } from './storyBank';
import { storyBankPdf } from './storyBankPdf';
import { record } from './testRecords';

const require = createRequire(import.meta.url);
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

const teenClub = record('story', 'pair', {
  title: 'Rebuilt the teen reading club',
  problem: 'Attendance had fallen to two.',
  action: 'I asked the teens what they wanted.\nThen I moved it to Fridays.',
  result: 'Twenty-two came to the first Friday.',
  soWhat: 'I listen before I plan.',
  short: 'When I took over the teen club…',
  context: 'work',
  date: '2025-03-04',
  skills: [
    { name: 'Listening', enjoyed: true },
    { name: 'Planning', enjoyed: false },
  ],
}) as Story;
const privateOne = record('story', 'private', {
  title: 'Łukasz’s *secret* budget',
  problem: 'No money for prizes.',
  period: 'spring 2024',
  skills: [{ name: 'Fundraising', enjoyed: false }],
}) as Story;
const unchosen = record('story', 'pair', {
  title: 'Not for this interview',
  problem: 'Left behind.',
}) as Story;
const deleted = record('story', 'pair', { title: 'Deleted one' }, { deleted: true }) as Story;

const ALL = [teenClub, privateOne, unchosen, deleted];

describe('the story bank', () => {
  it('holds exactly the chosen stories, private ones too when chosen, and never a deleted one', () => {
    const bank = buildStoryBank(ALL, new Set([teenClub.id, privateOne.id, deleted.id]), {
      owner: ' Zofia Łukasiewicz ',
      today: '2026-12-02',
    });
    expect(bank.owner).toBe('Zofia Łukasiewicz');
    expect(bank.stories.map((s) => s.title)).toEqual([
      'Rebuilt the teen reading club',
      'Łukasz’s *secret* budget',
    ]);
    expect(bank.stories[0]).toMatchObject({
      meta: 'Work · 4 Mar 2025',
      skills: ['Listening (enjoyed)', 'Planning'],
      parts: [
        { heading: 'Problem', text: 'Attendance had fallen to two.' },
        { heading: 'Action', text: 'I asked the teens what they wanted.\nThen I moved it to Fridays.' },
        { heading: 'Result', text: 'Twenty-two came to the first Friday.' },
        { heading: 'So what', text: 'I listen before I plan.' },
        { heading: 'The 90-second version', text: 'When I took over the teen club…' },
      ],
    });
    expect(bank.stories[1]!.meta).toBe('spring 2024');
  });
});

describe('the story bank as Markdown', () => {
  const bank = buildStoryBank(ALL, new Set([teenClub.id, privateOne.id]), {
    owner: 'Zofia Łukasiewicz',
    today: '2026-12-02',
  });
  const { fileName, text, type } = storyBankMarkdown(bank);

  it('is named after the owner and the day', () => {
    expect(fileName).toBe('story-bank-zofia-łukasiewicz-2026-12-02.md');
    expect(type).toBe('text/markdown');
  });

  it('gives each chosen story a heading, its skills and every part under its own heading', () => {
    expect(text).toBe(
      [
        '# Story bank — Zofia Łukasiewicz',
        '',
        'Made on 2 Dec 2026 · 2 stories',
        '',
        '## Rebuilt the teen reading club',
        '',
        '*Work · 4 Mar 2025*',
        '',
        '**Skills:** Listening (enjoyed), Planning',
        '',
        '### Problem',
        '',
        'Attendance had fallen to two.',
        '',
        '### Action',
        '',
        'I asked the teens what they wanted.  ',
        'Then I moved it to Fridays.',
        '',
        '### Result',
        '',
        'Twenty-two came to the first Friday.',
        '',
        '### So what',
        '',
        'I listen before I plan.',
        '',
        '### The 90-second version',
        '',
        'When I took over the teen club…',
        '',
        '## Łukasz’s \\*secret\\* budget',
        '',
        '*spring 2024*',
        '',
        '**Skills:** Fundraising',
        '',
        '### Problem',
        '',
        'No money for prizes.',
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('Not for this interview');
  });

  it('escapes what Markdown would read as formatting, so the story reads as written', () => {
    expect(escapeMarkdown('# not a heading\n- not a list\n2. not a number\n<b>not html</b> a_b [c](d)')).toBe(
      '\\# not a heading\n\\- not a list\n2\\. not a number\n\\<b\\>not html\\</b\\> a\\_b \\[c\\](d)',
    );
  });

  it('says so when no story was chosen', () => {
    const empty = storyBankMarkdown(buildStoryBank(ALL, new Set(), { owner: '', today: '2026-12-02' }));
    expect(empty.fileName).toBe('story-bank-journal-2026-12-02.md');
    expect(empty.text).toBe('# Story bank\n\nMade on 2 Dec 2026 · 0 stories\n\nNo stories chosen.\n');
  });
});

describe('the story bank as a PDF', () => {
  it('holds every chosen story’s text, Unicode names as written, and no unchosen story (read back with pdftotext)', async () => {
    const bank = buildStoryBank(ALL, new Set([teenClub.id, privateOne.id]), {
      owner: 'Zofia Łukasiewicz',
      today: '2026-12-02',
    });
    const pdf = await storyBankPdf(bank, FONT);
    expect(pdf.fileName).toBe('story-bank-zofia-łukasiewicz-2026-12-02.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: pdf.bytes,
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    for (const expected of [
      'Story bank — Zofia Łukasiewicz',
      'Rebuilt the teen reading club',
      'Skills: Listening (enjoyed), Planning',
      'Attendance had fallen to two.',
      'Then I moved it to Fridays.',
      'So what',
      'I listen before I plan.',
      'The 90-second version',
      'When I took over the teen club…',
      'Łukasz’s *secret* budget',
      'No money for prizes.',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Not for this interview');
    expect(text).not.toContain('Left behind.');
  });
});
