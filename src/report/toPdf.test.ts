import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, type PDFFont, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSummary, type CommitteeSummary } from './buildSummary';
import { journalOf, record } from './testRecords';
import { cleanText, compatibleFontkit, toPdf, withWordEncoding, wrapText } from './toPdf';

const require = createRequire(import.meta.url);
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const PDFTOTEXT = '/usr/bin/pdftotext';

/** The embedded fonts of a PDF: name and size of the font program. */
function embeddedFonts(pdf: PDFDocument): { name: string; bytes: number }[] {
  const fonts: { name: string; bytes: number }[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = object.lookup(PDFName.of('FontFile2'));
    const name = object.get(PDFName.of('FontName'))?.toString() ?? '';
    fonts.push({ name, bytes: file instanceof PDFRawStream ? file.getContents().length : 0 });
  }
  return fonts;
}

/** The PDF's text as pdftotext reads it. */
function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'summary-pdf-'));
  try {
    const file = join(dir, 'summary.pdf');
    writeFileSync(file, bytes);
    return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function smallSummary(): CommitteeSummary {
  return buildSummary(
    [
      record('goal', 'committee', {
        title: 'Lead a small project',
        status: 'active',
        targetDate: '2025-12-01',
        successCriteria: 'Delivered on time',
      }),
      record('goal', 'pair', { title: 'Pair-only goal' }),
      record('story', 'committee', {
        title: 'Teen reading club',
        problem: 'Teens stopped coming',
        action: 'Asked them',
        result: '40 a week',
      }),
      record('meeting', 'pair', { date: '2025-02-10', status: 'held', mode: 'video' }),
    ],
    journalOf(),
    { today: '2025-09-01', role: 'mentee' },
  );
}

describe('toPdf', () => {
  let small: Uint8Array;
  beforeAll(async () => {
    small = (await toPdf(smallSummary(), FONT)).bytes;
    if (process.env.SUMMARY_PDF_OUT) writeFileSync(`${process.env.SUMMARY_PDF_OUT}.small.pdf`, small);
  });

  test('is a PDF that pdf-lib reads back: one A4 page with its title and a file name after the mentee', async () => {
    const file = await toPdf(smallSummary(), FONT);
    expect(file.fileName).toBe('committee-summary-zofia-łukasiewicz-2025-09-01.pdf');
    expect(file.type).toBe('application/pdf');
    const pdf = await PDFDocument.load(small);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(pdf.getTitle()).toBe('Committee summary: Zofia Łukasiewicz');
  });

  test('says what the preview says: progress, finished opportunities and chosen reflections, read back with pdftotext', async () => {
    const goal = record('goal', 'committee', {
      title: 'Run the book club',
      status: 'active',
      targetDate: '2025-06-01',
    });
    const summary = buildSummary(
      [
        goal,
        record('progressEntry', 'pair', { goalId: goal.id, date: '2025-05-01', percent: 70 }),
        record('milestone', 'pair', {
          title: 'Book a room',
          dueDate: '2025-03-01',
          status: 'done',
          doneDate: '2025-02-20',
        }),
        record('meeting', 'pair', { date: '2025-02-10', status: 'held' }),
        record('checkIn', 'private', { date: '2025-04-02' }),
        record('checkIn', 'committee', { date: '2025-03-20', rating: 5 }, { author: 'mentor' }),
        record('opportunity', 'committee', {
          title: 'Leadership webinar',
          status: 'done',
          takeaways: 'Delegate more',
        }),
        record('reflection', 'committee', { promptId: 'none', answer: 'Towards management' }),
      ],
      journalOf(),
      { today: '2025-09-01', role: 'mentee' },
    );
    const text = pdfText((await toPdf(summary, FONT)).bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Covers the whole programme so far.');
    expect(text).toContain('Latest progress 70% (1 May 2025) · past its target date');
    expect(text).toContain('1 milestone: 1 done (1 on time), 0 overdue, 0 missed.');
    expect(text).toContain('The agreed cadence asks for 2 by now');
    expect(text).toContain('Latest partnership check-in: 2 Apr 2025.');
    expect(text).toContain('Partnership ratings (1–5) over time: the mentor 5 (20 Mar 2025).');
    expect(text).toContain('How is the partnership working? 5 of 5 (Working very well).');
    expect(text).toContain('Leadership webinar');
    expect(text).toContain('What I took away: Delegate more');
    expect(text).toContain('Towards management');
  });

  test('embeds DejaVu Sans as a subset, far smaller than the whole font', async () => {
    const fonts = embeddedFonts(await PDFDocument.load(small));
    expect(fonts).toHaveLength(1);
    expect(fonts[0]!.name).toMatch(/^\/DejaVuSans\b/);
    console.info(`embedded font subset: ${fonts[0]!.bytes} bytes (whole font ${FONT.length})`);
    expect(fonts[0]!.bytes).toBeGreaterThan(1000);
    expect(fonts[0]!.bytes).toBeLessThan(FONT.length / 5);
  });

  test.skipIf(!existsSync(PDFTOTEXT))(
    'the text reads back with every name as written, and nothing pair-only',
    () => {
      const text = pdfText(small);
      expect(text).toContain('Zofia Łukasiewicz (mentee) and Grace Ọkafọ (mentor)');
      expect(text).toContain('Lead a small project');
      expect(text).toContain('Problem: Teens stopped coming');
      expect(text).toContain('10 Feb 2025');
      expect(text).toContain('Video call');
      expect(text).not.toContain('Pair-only goal');
    },
  );

  test('long content flows onto more pages, with long words cut and every page numbered', async () => {
    const long = 'A long paragraph about the reading club that goes on and on. '.repeat(12);
    const records = Array.from({ length: 12 }, (_, i) =>
      record('story', 'committee', {
        title: `Story ${String(i + 1).padStart(2, '0')}`,
        problem: long,
        action: `Line one\nLine two\t tabbed ${'x'.repeat(300)}`,
        result: 'Done 🎉 — 完了 — ok',
      }),
    );
    const meetings = Array.from({ length: 60 }, (_, i) =>
      record('meeting', 'pair', {
        date: `20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`,
        status: 'held',
      }),
    );
    const summary = buildSummary(
      [...records, ...meetings],
      journalOf({ startDate: '2010-01-01', lengthMonths: 120 }),
      {
        today: '2016-01-01',
        role: 'mentor',
      },
    );
    const bytes = (await toPdf(summary, FONT)).bytes;
    // To look at it: SUMMARY_PDF_OUT=.tmp/long.pdf npx vitest run src/report/toPdf.test.ts
    if (process.env.SUMMARY_PDF_OUT) writeFileSync(process.env.SUMMARY_PDF_OUT, bytes);
    const pdf = await PDFDocument.load(bytes);
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThan(5);
    if (existsSync(PDFTOTEXT)) {
      const text = pdfText(await pdf.save());
      expect(text).toContain(`page ${pages} of ${pages}`);
      expect(text).toContain('Story 12');
      expect(text).toContain('Not recorded');
    }
  });

  test('prints on US Letter when asked, and on A4 by default', async () => {
    const letter = await PDFDocument.load((await toPdf(smallSummary(), FONT, { pageSize: 'letter' })).bytes);
    expect(letter.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    const a4 = await PDFDocument.load((await toPdf(smallSummary(), FONT, { pageSize: 'a4' })).bytes);
    expect(a4.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });

  test.each(['a4', 'letter'] as const)(
    'on %s no page ends with a heading, and a section that runs on repeats its heading with “(continued)”',
    async (pageSize) => {
      // Goals whose success criteria grow by a word from one to the next, in summaries that start
      // them a line further down each time: every heading lands at every height, the page foot included.
      for (let shift = 0; shift < 6; shift++) {
        const goals = Array.from({ length: 24 }, (_, i) =>
          record('goal', 'committee', {
            title: `Goal heading ${i + 1}`,
            status: 'active',
            successCriteria: 'criteria '.repeat(6 * i + shift * 13),
          }),
        );
        const milestones = Array.from({ length: 8 }, (_, i) =>
          record('milestone', 'committee', { title: `Milestone heading ${i + 1}`, dueDate: '2025-06-01' }),
        );
        const checkIn = record('checkIn', 'committee', {
          date: '2025-07-01',
          howItIsGoing: 'Going well, week after week. '.repeat(40 + shift * 7),
          changes: 'Meet monthly in the branch. '.repeat(30),
        });
        const summary = buildSummary([...goals, ...milestones, checkIn], journalOf(), {
          today: '2025-09-01',
          role: 'mentee',
        });
        const text = pdfText((await toPdf(summary, FONT, { pageSize })).bytes);
        const sections = new Set([
          'The programme',
          'Meetings held',
          'Goals',
          'Milestones',
          'Accomplishment stories',
          'Partnership check-ins',
        ]);
        const items = new Set([
          'Check-in of 1 Jul 2025 by the mentee',
          ...goals.map((g) => (g as { title: string }).title),
          ...milestones.map((m) => (m as { title: string }).title),
        ]);
        const isHeading = (line: string) =>
          sections.has(line) || items.has(line) || line.endsWith('(continued)');
        const pages = text
          .split('\f')
          .map((page) => page.split('\n').filter((line) => line.trim()))
          .filter((lines) => lines.length);
        expect(pages.length).toBeGreaterThan(3);
        let section: string | undefined;
        let item: string | undefined;
        for (const [i, lines] of pages.entries()) {
          const beforeFooter = lines.at(-2)!;
          expect(lines.at(-1)).toContain(`page ${i + 1} of ${pages.length}`);
          expect(isHeading(beforeFooter), `page ${i + 1} ends with the heading “${beforeFooter}”`).toBe(
            false,
          );
          if (i > 0 && section) {
            // A later page starts a section, or says which one goes on — and which item in it.
            const [first, second] = lines as [string, string];
            if (first === `${section} (continued)`) {
              if (item)
                expect(second === `${item} (continued)` || items.has(second), `page ${i + 1}`).toBe(true);
            } else expect(sections.has(first), `page ${i + 1} starts with “${first}”`).toBe(true);
          }
          for (const line of lines) {
            if (sections.has(line)) [section, item] = [line, undefined];
            else if (items.has(line)) item = line;
          }
        }
      }
    },
  );

  test('a check-in whose answers run onto the next page repeats the section and the check-in there', async () => {
    const summary = buildSummary(
      [
        record('checkIn', 'committee', {
          date: '2025-07-01',
          howItIsGoing: 'Going well, week after week. '.repeat(160),
          changes: 'Meet monthly in the branch.',
        }),
      ],
      journalOf(),
      { today: '2025-09-01', role: 'mentee' },
    );
    const pages = pdfText((await toPdf(summary, FONT)).bytes)
      .split('\f')
      .map((page) => page.split('\n').filter((line) => line.trim()));
    expect(pages[1]!.slice(0, 2)).toEqual([
      'Partnership check-ins (continued)',
      'Check-in of 1 Jul 2025 by the mentee (continued)',
    ]);
  });

  test('cleanText drops control characters and keeps line breaks', () => {
    expect(cleanText('a\u0000b\r\nc\td\u2028')).toBe('ab\nc    d');
  });
});

/** Wrapping as it was before widths were cached: every candidate line measured whole. */
function wrapMeasuringWholeLines(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    const words = paragraph.split(/ +/).filter((w, i) => w !== '' || i === 0);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (measure(rest) > width) {
        const chars = Array.from(rest);
        let fit = 1;
        while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= width) fit++;
        lines.push(chars.slice(0, fit).join(''));
        rest = chars.slice(fit).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

describe('wrapping', () => {
  let font: PDFFont;
  beforeAll(async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(compatibleFontkit(fontkit));
    font = await doc.embedFont(FONT, { subset: true });
  });

  const WORDS = [
    'Zofia',
    'Łukasiewicz',
    'Grzegorz',
    'Brzęczyszczykiewicz',
    'źdźbło',
    'żółć',
    'Ελένη',
    'Παπαδοπούλου',
    'Αθηνά',
    'ωραία',
    'Ирина',
    'Соколова',
    'Grace',
    'Ọkafọ',
    'Nguyễn',
    'Thị',
    'library',
    'reading',
    'club,',
    'met;',
    '“teen',
    'night”',
    '—',
    '40',
    'a',
    'week.',
    'fiﬂ',
    'naïve',
    'café',
    'Straße',
    '(draft)',
    'https://example.org/a/very/long/path/that/goes/on',
  ];

  /** A paragraph of `count` words picked by a small deterministic generator. */
  function paragraph(seed: number, count: number, extra: readonly string[] = []): string {
    const pool = [...WORDS, ...extra];
    let state = seed;
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      out.push(pool[(state >>> 16) % pool.length]!);
    }
    return out.join((state >>> 16) % 3 === 0 ? '  ' : ' ');
  }

  test('a long paragraph of Polish, Greek and other names wraps into the same lines as measuring each line whole', () => {
    const text = Array.from({ length: 8 }, (_, i) => paragraph(i + 1, 60 + i * 25)).join('\n');
    for (const [size, width] of [
      [10.5, 483.28],
      [10.5, 132],
      [12.5, 483.28],
      [9, 200],
      [14, 61],
    ] as const) {
      const lines = wrapText(text, font, size, width);
      expect(lines).toEqual(wrapMeasuringWholeLines(text, font, size, width));
      expect(lines.length).toBeGreaterThan(12);
    }
  });

  test('text in scripts that change shape (Arabic, CJK, emoji) and words longer than a line wrap as before too', () => {
    const extra = ['مرحبا', 'بالعالم', 'שלום', '完了', '図書館', '🎉', '👩🏽‍💼', 'x'.repeat(300)];
    const text = Array.from({ length: 4 }, (_, i) => paragraph(i + 100, 60, extra)).join('\n');
    for (const [size, width] of [
      [10.5, 483.28],
      [9, 150],
    ] as const) {
      expect(wrapText(text, font, size, width)).toEqual(wrapMeasuringWholeLines(text, font, size, width));
    }
  });

  test('a line is drawn with the glyphs of shaping it whole, words joined in reading order', () => {
    const encoding = withWordEncoding(font);
    const text = [paragraph(7, 200), paragraph(8, 60, ['مرحبا', '完了', '🎉'])].join('\n');
    for (const line of wrapText(text, font, 10.5, 300)) {
      expect(encoding.encodeText(line).asString()).toBe(font.encodeText(line).asString());
    }
    expect(encoding.encodeText('a  b ').asString()).toBe(font.encodeText('a  b ').asString());
  });

  test.skipIf(!existsSync(PDFTOTEXT))(
    'the PDF shows a long paragraph of Polish and Greek names in the lines of measuring each line whole',
    async () => {
      const problem = paragraph(3, 400);
      const summary = buildSummary([record('story', 'committee', { title: 'Names', problem })], journalOf(), {
        today: '2025-09-01',
        role: 'mentee',
      });
      const text = pdfText((await toPdf(summary, FONT)).bytes);
      // The lines as printed, less the page footers and the headings repeated on the next page.
      const printed = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('Committee summary —') && !line.endsWith('(continued)'));
      const expected = wrapMeasuringWholeLines(`Problem: ${problem}`, font, 10.5, 595.28 - 2 * 56);
      expect(expected.length).toBeGreaterThan(20);
      const first = printed.indexOf(expected[0]!.trim());
      expect(first).toBeGreaterThan(0);
      expect(printed.slice(first, first + expected.length)).toEqual(expected.map((line) => line.trim()));
    },
  );

  test('a line ends exactly where the next word would pass the width', () => {
    const lines = wrapText(
      'Zofia Łukasiewicz and Ελένη Παπαδοπούλου met at the library again',
      font,
      10.5,
      120,
    );
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10.5)).toBeLessThanOrEqual(120);
    for (const [i, line] of lines.slice(0, -1).entries()) {
      const next = lines[i + 1]!.split(' ')[0]!;
      expect(font.widthOfTextAtSize(`${line} ${next}`, 10.5)).toBeGreaterThan(120);
    }
  });
});
