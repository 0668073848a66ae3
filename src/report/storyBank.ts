/**
 * The story bank a mentee takes to an interview: the stories they chose, each with its problem,
 * action, result, "so what", its 90-second version and its skills — as Markdown here, as a PDF in
 * storyBankPdf.ts. It is the owner's own export, made on the device: private stories are in it when
 * the owner chose them. Pure: the day and the stories are passed in.
 */

import { formatDate } from '../model/dates';
import { STORY_CONTEXT_LABELS } from '../model/labels';
import type { Story } from '../model/story';
import { fileSlug } from './toJson';

/** One story as the bank shows it. */
export interface BankStory {
  id: string;
  title: string;
  /** "Work · 3 Mar 2025", or '' when the story has neither context nor date. */
  meta: string;
  /** The parts that hold text, in the order they are told, with their headings. */
  parts: { heading: string; text: string }[];
  /** Skills as written, "(enjoyed)" after the ones enjoyed. */
  skills: string[];
}

export interface StoryBank {
  /** Whose bank it is (the mentee's name), '' when unknown. */
  owner: string;
  madeOn: string;
  stories: BankStory[];
}

/** The headings of a story's parts, in the order they are told. */
export const BANK_PARTS = [
  ['problem', 'Problem'],
  ['action', 'Action'],
  ['result', 'Result'],
  ['soWhat', 'So what'],
  ['short', 'The 90-second version'],
] as const satisfies readonly (readonly [keyof Story, string])[];

/** A story's title as the bank shows it. */
function titleOf(story: Pick<Story, 'title'>): string {
  return story.title?.trim() || 'Untitled story';
}

/**
 * The bank of the chosen stories, in the order given (deleted ones never). `chosen` holds the ids
 * the owner ticked: nothing else goes in, private or not.
 */
export function buildStoryBank(
  stories: readonly Story[],
  chosen: ReadonlySet<string>,
  { owner, today }: { owner: string; today: string },
): StoryBank {
  return {
    owner: owner.trim(),
    madeOn: today,
    stories: stories
      .filter((s) => !s.deleted && chosen.has(s.id))
      .map((s) => ({
        id: s.id,
        title: titleOf(s),
        meta: [s.context && STORY_CONTEXT_LABELS[s.context], s.date ? formatDate(s.date) : s.period?.trim()]
          .filter(Boolean)
          .join(' · '),
        parts: BANK_PARTS.flatMap(([field, heading]) => {
          const text = s[field]?.trim();
          return text ? [{ heading, text }] : [];
        }),
        skills: (s.skills ?? [])
          .filter((k) => k.name.trim())
          .map((k) => `${k.name.trim()}${k.enjoyed ? ' (enjoyed)' : ''}`),
      })),
  };
}

/** "Story bank — Zofia Łukasiewicz", or "Story bank". */
export function bankTitle(bank: StoryBank): string {
  return bank.owner ? `Story bank — ${bank.owner}` : 'Story bank';
}

/** "Made on 2 Dec 2026 · 3 stories" */
export function bankMetaLine(bank: StoryBank): string {
  const n = bank.stories.length;
  return `Made on ${formatDate(bank.madeOn)} · ${n} ${n === 1 ? 'story' : 'stories'}`;
}

/** The file name of a bank: story-bank-<owner>-<date>.<ext> */
export function storyBankFileName(bank: StoryBank, ext: 'md' | 'pdf'): string {
  return `story-bank-${fileSlug(bank.owner)}-${bank.madeOn}.${ext}`;
}

/**
 * Text as Markdown shows it: characters that would start emphasis, links, code or HTML are
 * escaped, and so is anything at the start of a line that would make a heading, quote or list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+-]|\d+[.)])/gm, (_, space: string, mark: string) =>
      /\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
    );
}

/** The bank as a Markdown file (CommonMark), ending with a newline. */
export function storyBankMarkdown(bank: StoryBank): { fileName: string; text: string; type: string } {
  const lines: string[] = [`# ${escapeMarkdown(bankTitle(bank))}`, '', `${bankMetaLine(bank)}`, ''];
  if (!bank.stories.length) lines.push('No stories chosen.', '');
  for (const story of bank.stories) {
    lines.push(`## ${escapeMarkdown(story.title)}`, '');
    if (story.meta) lines.push(`*${escapeMarkdown(story.meta)}*`, '');
    if (story.skills.length) lines.push(`**Skills:** ${story.skills.map(escapeMarkdown).join(', ')}`, '');
    for (const part of story.parts) {
      // Paragraphs stay paragraphs; single line breaks are kept as hard breaks.
      const body = escapeMarkdown(part.text)
        .split(/\n{2,}/)
        .map((paragraph) => paragraph.split('\n').join('  \n'));
      lines.push(`### ${part.heading}`, '', ...body.flatMap((p) => [p, '']));
    }
  }
  return {
    fileName: storyBankFileName(bank, 'md'),
    text: `${lines.join('\n').replace(/\n+$/, '')}\n`,
    type: 'text/markdown',
  };
}
