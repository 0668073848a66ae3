/**
 * The committee summary as a PDF (A4 or US Letter), with DejaVu Sans embedded as a subset so every name —
 * "Zofia Łukasiewicz", "Grace Ọkafọ" — prints as written. Loaded only when someone asks for the
 * PDF: pdf-lib and fontkit stay out of the app's first load. The font's bytes are passed in, so
 * this module never fetches anything (the screen loads the font from the app's own origin).
 */
import { PDFDocument, type PDFFont, PDFHexString, type PDFPage, rgb } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { formatDate } from '../model/dates';
import { GOAL_STATUS_LABELS, MODE_LABELS } from '../model/labels';
import type { CommitteeSummary } from './buildSummary';
import { PAGE_SIZES, type PageSize } from './pageSize';
import {
  agreementLines,
  cadenceLine,
  checkInLine,
  checkInRatingLine,
  gapLine,
  goalProgressLine,
  meetingsCountLine,
  meetingsProgressLine,
  milestoneCountsLine,
  milestoneMeta,
  pairLine,
  periodLine,
  progressLines,
  ratingTrendLine,
} from './summaryText';
import { summaryFileName } from './toJson';

const MARGIN = { top: 56, bottom: 64, side: 56 };
export const SIZE = { title: 20, h2: 14, h3: 12.5, body: 10.5, small: 9 };
const LEADING = 1.4;
const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.35, 0.36, 0.4);
const ACCENT = rgb(0.12, 0.31, 0.37);
const RULE = rgb(0.75, 0.76, 0.78);

/** Text safe to draw: no control characters but line breaks; tabs become spaces. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/g, '')
  );
}

/**
 * Text whose shaping adds up word by word: scripts whose letters do not change shape with their
 * neighbours across a space (Latin, Greek, Cyrillic, Armenian and their extensions, punctuation and
 * symbols). Other text (Arabic, Hebrew, Indic, CJK, emoji…) is measured and shaped a whole line at
 * a time, as before.
 */
const ADDITIVE = /^[\u0020-\u058F\u1E00-\u1FFF\u2000-\u2BFF]*$/;
/** A character of a script of its own: the first one in a line decides how the line is shaped. */
const STRONG = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/**
 * The line's script, as one letter that stands for it: fontkit shapes a whole text by the script
 * of its first strong character (so "fi" may become a ligature in a Latin line and not in a Greek
 * one), and a word measured on its own must be shaped the same way. '' when there is none.
 */
function scriptLetter(text: string): string {
  const strong = STRONG.exec(text)?.[0];
  if (strong === undefined) return '';
  if (/\p{Script=Latin}/u.test(strong)) return 'a';
  if (/\p{Script=Greek}/u.test(strong)) return 'α';
  if (/\p{Script=Cyrillic}/u.test(strong)) return 'а';
  return strong;
}

/**
 * A word's width (in the font's units: its width at size 1000) and glyph codes as it comes out in a
 * line of a given script, each word shaped once per script: shaped after the script's letter and a
 * space, less what those two make. Widths are sums of glyph advances, exact in binary for a font
 * whose units per em are a power of two (DejaVu Sans: 2048).
 */
class WordShapes {
  private readonly widths = new Map<string, number>();
  private readonly codes = new Map<string, string>();
  private readonly prefixes = new Map<string, number>();

  constructor(private readonly font: PDFFont) {}

  /** `word`'s width in a line whose script letter is `script`. */
  units(script: string, word: string): number {
    const key = `${script}\u0000${word}`;
    let units = this.widths.get(key);
    if (units === undefined) {
      units = this.unitsOfText(script, word);
      this.widths.set(key, units);
    }
    return units;
  }

  /** The width of any text in a line whose script letter is `script` (the text's own is not remembered). */
  unitsOfText(script: string, text: string): number {
    if (!script) return this.font.widthOfTextAtSize(text, 1000);
    let prefix = this.prefixes.get(script);
    if (prefix === undefined) {
      prefix = this.font.widthOfTextAtSize(`${script} `, 1000);
      this.prefixes.set(script, prefix);
    }
    return this.font.widthOfTextAtSize(`${script} ${text}`, 1000) - prefix;
  }

  /** `word`'s glyph codes (hex) in a line whose script letter is `script`; undefined if they cannot be told apart. */
  code(script: string, word: string): string | undefined {
    const key = `${script}\u0000${word}`;
    let hex = this.codes.get(key);
    if (hex === undefined) {
      if (!script) hex = this.font.encodeText(word).asString();
      else {
        const prefix = this.font.encodeText(`${script} `).asString();
        const whole = this.font.encodeText(`${script} ${word}`).asString();
        if (!whole.startsWith(prefix)) return undefined;
        hex = whole.slice(prefix.length);
      }
      this.codes.set(key, hex);
    }
    return hex;
  }
}

const SHAPES = new WeakMap<PDFFont, WordShapes>();

function shapesOf(font: PDFFont): WordShapes {
  let shapes = SHAPES.get(font);
  if (!shapes) {
    shapes = new WordShapes(font);
    SHAPES.set(font, shapes);
  }
  return shapes;
}

/**
 * Splits text into lines no wider than `width` at `size`: at spaces, and inside words too long for a
 * line. Each word is shaped once (per script) and a line's width is the sum of its words' and
 * spaces', so wrapping grows linearly with the text. The lines are those of measuring every
 * candidate line whole, as this did before: a width within a hair of the limit is measured whole
 * to be sure, and text that is not additive (see ADDITIVE) is always measured whole.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (s: string) => font.widthOfTextAtSize(s, size);
  const shapes = shapesOf(font);
  const scale = size / 1000;
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    const words = paragraph.split(/ +/).filter((w, i) => w !== '' || i === 0);
    const additive = ADDITIVE.test(paragraph);
    /** Is this word, alone on a line, wider than the line? */
    const wider = (word: string) => {
      if (!additive) return measure(word) > width;
      const estimate = shapes.units(scriptLetter(word), word) * scale;
      return Math.abs(estimate - width) > 1e-6 * width ? estimate > width : measure(word) > width;
    };
    let line = '';
    let lineUnits = 0;
    let lineScript = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      let fits: boolean;
      let units = 0;
      let script = lineScript;
      if (additive) {
        script ||= scriptLetter(word);
        // The line's first strong letter decides its shaping: the words before it are measured again.
        const before = !line ? 0 : script === lineScript ? lineUnits : shapes.unitsOfText(script, line);
        units = (line ? before + shapes.units(script, ' ') : 0) + shapes.units(script, word);
        const estimate = units * scale;
        fits = Math.abs(estimate - width) > 1e-6 * width ? estimate <= width : measure(candidate) <= width;
      } else fits = measure(candidate) <= width;
      if (fits) {
        line = candidate;
        lineUnits = units;
        lineScript = script;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than a line is cut, character by character (whole code points).
      let rest = word;
      while (wider(rest)) {
        const chars = Array.from(rest);
        let fit = 1;
        while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= width) fit++;
        lines.push(chars.slice(0, fit).join(''));
        rest = chars.slice(fit).join('');
      }
      line = rest;
      lineScript = additive ? scriptLetter(rest) : '';
      lineUnits = additive ? shapes.units(lineScript, rest) : 0;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The font as drawing sees it, with each word's glyph codes remembered: a line of additive text
 * (see ADDITIVE) is encoded as its words' codes and spaces joined, as shaping the line whole gives
 * them, instead of shaping the whole line again. Other lines are shaped whole. Everything else is
 * the font itself.
 */
export function withWordEncoding(font: PDFFont): PDFFont {
  const shapes = shapesOf(font);
  const encodeText = (line: string) => {
    if (!ADDITIVE.test(line)) return font.encodeText(line);
    const script = scriptLetter(line);
    let hex = '';
    for (const [index, word] of line.split(' ').entries()) {
      const space = index ? shapes.code(script, ' ') : '';
      const code = shapes.code(script, word);
      if (space === undefined || code === undefined) return font.encodeText(line);
      hex += space + code;
    }
    return PDFHexString.of(hex);
  };
  return Object.create(font, { encodeText: { value: encodeText } }) as PDFFont;
}

/** A heading waiting to be drawn together with the first lines of what follows it. */
interface Heading {
  text: string;
  level: 1 | 2 | 3;
  lines: string[];
  size: number;
  /** Space above it, left out at the top of a page. */
  before: number;
  /** Its own height: its lines, and for a section the rule and the space under it. */
  height: number;
}

/**
 * Writes top to bottom, starting a new page when the next block does not fit. A heading is held
 * back until what follows it is written, and goes on whichever page that starts on, so a heading
 * never stands alone at a page foot. A section (and an item in it) that runs onto a new page
 * repeats its heading there with "(continued)". The story bank PDF uses it too.
 */
export class Writer {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  /** The font lines are drawn with: each word shaped once (see withWordEncoding). */
  private readonly drawFont: PDFFont;
  readonly contentWidth: number;
  private pending: Heading[] = [];
  /** The section (a level-2 heading) and the item in it (level 3) being written. */
  private section: string | undefined;
  private item: string | undefined;
  private atTop = true;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly size: { width: number; height: number },
  ) {
    this.drawFont = withWordEncoding(font);
    this.contentWidth = size.width - 2 * MARGIN.side;
    this.page = this.addPage();
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([this.size.width, this.size.height]);
    this.pages.push(page);
    this.y = this.size.height - MARGIN.top;
    this.atTop = true;
    return page;
  }

  /**
   * A new page. When what comes next goes on in the section (and the item) written so far, their
   * headings come first, with "(continued)"; a heading waiting to be drawn starts its own.
   */
  private newPage() {
    this.page = this.addPage();
    const startsSection = this.pending.some((h) => h.level <= 2);
    const startsItem = this.pending.length > 0;
    if (this.section && !startsSection) this.draw(this.headingOf(`${this.section} (continued)`, 2));
    if (this.item && !startsSection && !startsItem) this.draw(this.headingOf(`${this.item} (continued)`, 3));
  }

  /** Makes room for `height` points, on a new page if this one is too full. */
  private ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  /** Makes room for the waiting headings and `following` points of what follows them, and draws the headings. */
  private begin(following: number) {
    if (!this.pending.length) return this.ensure(following);
    const headings = this.pending.reduce(
      (sum, h, i) => sum + (i || !this.atTop ? h.before : 0) + h.height,
      0,
    );
    this.ensure(headings + following);
    for (const h of this.pending) {
      if (!this.atTop) this.y -= h.before;
      this.draw(h);
      if (h.level === 1) this.section = this.item = undefined;
      else if (h.level === 2) [this.section, this.item] = [h.text, undefined];
      else this.item = h.text;
    }
    this.pending = [];
  }

  space(points: number) {
    this.y -= points;
  }

  private line(line: string, size: number, indent: number, color: ReturnType<typeof rgb>) {
    const lineHeight = size * LEADING;
    this.y -= lineHeight;
    this.atTop = false;
    if (line)
      this.page.drawText(line, {
        x: MARGIN.side + indent,
        y: this.y + size * 0.3,
        size,
        font: this.drawFont,
        color,
      });
  }

  /** Wrapped text; after its first lines, each line moves to a new page on its own if needed. */
  text(
    text: string,
    { size = SIZE.body, indent = 0, color = INK, keepWithNext = 0 } = {} as {
      size?: number;
      indent?: number;
      color?: ReturnType<typeof rgb>;
      keepWithNext?: number;
    },
  ) {
    const lineHeight = size * LEADING;
    const lines = wrapText(text, this.font, size, this.contentWidth - indent);
    // Keep at least the first two lines (and what must follow) together, with any heading above them.
    this.begin(Math.min(lines.length, 2) * lineHeight + keepWithNext);
    for (const line of lines) {
      this.ensure(lineHeight);
      this.line(line, size, indent, color);
    }
  }

  private headingOf(text: string, level: 1 | 2 | 3): Heading {
    const size = level === 1 ? SIZE.title : level === 2 ? SIZE.h2 : SIZE.h3;
    const lines = wrapText(text, this.font, size, this.contentWidth);
    return {
      text,
      level,
      lines,
      size,
      before: level === 1 ? 0 : level === 2 ? 14 : 8,
      height: lines.length * size * LEADING + (level === 2 ? 8 : 0),
    };
  }

  private draw(h: Heading) {
    for (const line of h.lines) this.line(line, h.size, 0, h.level === 3 ? INK : ACCENT);
    if (h.level === 2) {
      this.page.drawLine({
        start: { x: MARGIN.side, y: this.y - 3 },
        end: { x: this.size.width - MARGIN.side, y: this.y - 3 },
        thickness: 0.6,
        color: RULE,
      });
      this.space(8);
    }
  }

  /** A heading, drawn with the first lines of what follows it (see begin). */
  heading(text: string, level: 1 | 2 | 3) {
    this.pending.push(this.headingOf(text, level));
  }

  /** A two-column table with a header row, repeated on each new page. */
  table(header: [string, string], rows: [string, string][], firstWidth: number) {
    const size = SIZE.body;
    const lineHeight = size * LEADING;
    const drawRow = (cells: [string, string], color = INK) => {
      const a = wrapText(cells[0], this.font, size, firstWidth - 8);
      const b = wrapText(cells[1], this.font, size, this.contentWidth - firstWidth - 8);
      const height = Math.max(a.length, b.length) * lineHeight + 4;
      const top = this.y;
      a.forEach((line, i) => {
        this.page.drawText(line, {
          x: MARGIN.side,
          y: top - (i + 1) * lineHeight + size * 0.3,
          size,
          font: this.drawFont,
          color,
        });
      });
      b.forEach((line, i) => {
        this.page.drawText(line, {
          x: MARGIN.side + firstWidth,
          y: top - (i + 1) * lineHeight + size * 0.3,
          size,
          font: this.drawFont,
          color,
        });
      });
      this.y -= height;
      this.atTop = false;
      this.page.drawLine({
        start: { x: MARGIN.side, y: this.y + 2 },
        end: { x: this.size.width - MARGIN.side, y: this.y + 2 },
        thickness: 0.4,
        color: RULE,
      });
    };
    const rowHeight = (cells: [string, string]) =>
      Math.max(
        wrapText(cells[0], this.font, size, firstWidth - 8).length,
        wrapText(cells[1], this.font, size, this.contentWidth - firstWidth - 8).length,
      ) *
        lineHeight +
      4;
    this.begin(rowHeight(header) + (rows[0] ? rowHeight(rows[0]) : 0));
    drawRow(header, MUTED);
    for (const row of rows) {
      const height = rowHeight(row);
      if (this.y - height < MARGIN.bottom) {
        this.ensure(height + rowHeight(header));
        drawRow(header, MUTED);
      }
      drawRow(row);
    }
  }

  /** "Committee summary — <mentee> — page 2 of 3" at the foot of every page. */
  footers(label: string) {
    this.begin(0);
    this.pages.forEach((page, i) => {
      const text = `${label} — page ${i + 1} of ${this.pages.length}`;
      page.drawText(cleanText(text), {
        x: MARGIN.side,
        y: MARGIN.bottom / 2,
        size: SIZE.small,
        font: this.drawFont,
        color: MUTED,
      });
    });
  }
}

interface EncodeStream {
  on(event: string, listener: (value?: unknown) => void): EncodeStream;
}
interface FontkitSubset {
  encode(stream?: unknown): unknown;
  encodeStream(): EncodeStream;
}
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * @pdf-lib/fontkit with subsets @cantoo/pdf-lib can encode. @cantoo/pdf-lib 2.11 calls
 * `subset.encode()` with no stream whenever that method exists (the API of fontkit 2), but
 * @pdf-lib/fontkit's `encode(stream)` needs one — it throws on "stream.pos". So each subset gets an
 * `encode()` that, called without a stream, collects `encodeStream()` into bytes.
 */
export function compatibleFontkit(kit: Fontkit): Fontkit {
  const create = kit.create.bind(kit);
  return {
    ...kit,
    create: ((data: Uint8Array, postscriptName?: string) => {
      const font = create(data, postscriptName) as unknown as { createSubset(): FontkitSubset };
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => {
        const subset = createSubset();
        const encodeInto = Object.getPrototypeOf(subset).encode as (stream: unknown) => unknown;
        subset.encode = function (this: FontkitSubset, stream?: unknown) {
          if (stream !== undefined) return encodeInto.call(this, stream);
          return new Promise<Uint8Array>((resolve, reject) => {
            const parts: Uint8Array[] = [];
            this.encodeStream()
              .on('data', (chunk) => parts.push(chunk as Uint8Array))
              .on('end', () => {
                const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
                let at = 0;
                for (const part of parts) {
                  bytes.set(part, at);
                  at += part.length;
                }
                resolve(bytes);
              })
              .on('error', reject);
          });
        };
        return subset;
      };
      return font;
    }) as Fontkit['create'],
  };
}

export interface PdfFile {
  fileName: string;
  bytes: Uint8Array;
  type: 'application/pdf';
}

/**
 * The committee summary as a PDF file on A4 or US Letter paper; `fontBytes` is a TrueType font
 * (DejaVu Sans), embedded as a subset.
 */
export async function toPdf(
  summary: CommitteeSummary,
  fontBytes: ArrayBuffer | Uint8Array,
  { pageSize = 'a4' }: { pageSize?: PageSize } = {},
): Promise<PdfFile> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(compatibleFontkit(fontkit));
  const font = await doc.embedFont(fontBytes, { subset: true });
  const j = summary.journal;
  doc.setTitle(`Committee summary: ${j.menteeName || 'mentoring pair'}`);
  doc.setSubject('Mentoring journal — summary for the programme committee');
  doc.setCreator('Mentoring Journal');
  doc.setProducer('Mentoring Journal');
  doc.setLanguage('en');
  const made = new Date(`${summary.generatedOn}T12:00:00Z`);
  if (!Number.isNaN(made.getTime())) {
    doc.setCreationDate(made);
    doc.setModificationDate(made);
  }

  const w = new Writer(doc, font, PAGE_SIZES[pageSize]);
  w.heading('Committee summary', 1);
  w.text(pairLine(summary), { size: SIZE.h3 });
  w.text(`Made on ${formatDate(summary.generatedOn)} by the ${summary.generatedBy}. ${periodLine(summary)}`, {
    color: MUTED,
  });
  w.text(
    'Only what the pair marked “Partner and programme committee” is shown in full, with the dates and ways of their meetings. Private and pair-only entries are left out.',
    { size: SIZE.small, color: MUTED },
  );

  w.heading('The programme', 2);
  for (const line of progressLines(summary)) w.text(line);
  w.space(4);
  for (const line of agreementLines(summary)) w.text(line);

  w.heading('Meetings held', 2);
  w.text(meetingsCountLine(summary));
  w.text(meetingsProgressLine(summary));
  w.text(cadenceLine(summary));
  for (const gap of summary.meetings.gapsOverCadence) w.text(`• ${gapLine(gap)}`, { indent: 12 });
  if (summary.meetings.held.length) {
    w.space(6);
    w.table(
      ['Date', 'Way of meeting'],
      summary.meetings.held.map((m) => [formatDate(m.date), m.mode ? MODE_LABELS[m.mode] : 'Not recorded']),
      140,
    );
  }

  w.heading('Goals', 2);
  if (!summary.goals.length) w.text('No goals marked for the committee.', { color: MUTED });
  for (const g of summary.goals) {
    w.heading(g.title, 3);
    w.text(
      [
        GOAL_STATUS_LABELS[g.status] ?? g.status,
        g.targetDate ? `target ${formatDate(g.targetDate)}` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      { color: MUTED },
    );
    const progress = goalProgressLine(g);
    if (progress) w.text(progress);
    if (g.successCriteria) w.text(`Success criteria: ${g.successCriteria}`);
  }

  w.heading('Milestones', 2);
  w.text(milestoneCountsLine(summary));
  if (!summary.milestones.length) w.text('No milestones marked for the committee.', { color: MUTED });
  for (const m of summary.milestones) {
    w.heading(m.title, 3);
    w.text(milestoneMeta(m), { color: MUTED });
  }

  w.heading('Accomplishment stories', 2);
  if (!summary.stories.length) w.text('No stories marked for the committee.', { color: MUTED });
  for (const s of summary.stories) {
    w.heading(s.title, 3);
    for (const [label, part] of [
      ['Problem', s.problem],
      ['Action', s.action],
      ['Result', s.result],
    ] as const)
      if (part) w.text(`${label}: ${part}`);
  }

  w.heading('Partnership check-ins', 2);
  w.text(checkInLine(summary));
  const trend = ratingTrendLine(summary);
  if (trend) w.text(trend);
  if (!summary.checkIns.length) w.text('No check-ins marked for the committee.', { color: MUTED });
  for (const c of summary.checkIns) {
    w.heading(`Check-in${c.date ? ` of ${formatDate(c.date)}` : ''} by the ${c.author}`, 3);
    const rating = checkInRatingLine(c);
    if (rating) w.text(rating);
    for (const a of c.answers) {
      w.text(a.question, { color: MUTED, keepWithNext: SIZE.body * LEADING });
      w.text(a.answer, { indent: 12 });
    }
  }

  if (summary.opportunities.length) {
    w.heading('Development opportunities', 2);
    for (const o of summary.opportunities) {
      w.heading(o.title, 3);
      if (o.endDate) w.text(`Finished ${formatDate(o.endDate)}`, { color: MUTED });
      if (o.takeaways) w.text(`What I took away: ${o.takeaways}`);
    }
  }

  if (summary.reflections.length) {
    w.heading('Reflections', 2);
    for (const r of summary.reflections) {
      w.heading(r.question, 3);
      w.text(r.answer);
    }
  }

  if (summary.notes.length) {
    w.heading('Notes', 2);
    for (const n of summary.notes) w.text(`• ${n.text}`, { indent: 0 });
  }

  w.footers(`Committee summary — ${j.menteeName || 'mentoring pair'} — ${formatDate(summary.generatedOn)}`);
  const bytes = await doc.save();
  return { fileName: summaryFileName(summary, 'pdf'), bytes, type: 'application/pdf' };
}
