/**
 * Reads a committee summary file — format version 2 (src/report/summarySchema.ts) or the older
 * version 1 — for the cohort view, checked with zod. Every refusal says in plain words what the file
 * is and what to ask the pair for instead. Pure: bytes or text in, a reading out.
 */
import * as z from 'zod/mini';
import { measuredUntil } from '../model/attention';
import { dateSchema, roleSchema } from '../model/common';
import { expectedMeetings, milestoneCounts } from '../model/progressRules';
import { isCalendarDate } from '../model/schedule';
import { describeIssue } from '../model/validate';
import {
  type CommitteeSummary,
  committeeSummarySchema,
  SUMMARY_FORMAT,
  SUMMARY_SECTIONS,
  SUMMARY_VERSION,
  type SummaryJournal,
  type SummaryMilestoneCounts,
  type SummarySection,
  summaryAgreementSchema,
  summaryCheckInSchema,
  summaryGapSchema,
  summaryGoalSchema,
  summaryJournalSchema,
  summaryMeetingSchema,
  summaryMilestoneSchema,
  summaryNoteSchema,
  summaryStorySchema,
} from './summarySchema';

/** The largest summary file read: a real one is a few kilobytes, a long one a few hundred. */
export const MAX_SUMMARY_BYTES = 10 * 1024 * 1024;

/** Where the pair makes the file the cohort view reads. */
const ASK_FOR_JSON = 'Ask the pair for the JSON summary (Committee summary → Download summary (JSON)).';

/** The pair file's format name (src/sync/envelope.ts); report does not import sync. */
const PAIR_FORMAT = 'mentoring-journal';

/** Version 1 of the summary (until format 2): `version`, no `$schema`, journal id, time or progress. */
export const summaryV1Schema = z.object({
  format: z.literal(SUMMARY_FORMAT),
  version: z.literal(1),
  generatedOn: dateSchema,
  generatedBy: roleSchema,
  journal: summaryJournalSchema,
  agreement: summaryAgreementSchema,
  meetings: z.object({
    heldCount: z.number(),
    held: z.array(summaryMeetingSchema),
    cadenceDays: z.number(),
    cadenceKept: z.boolean(),
    gapsOverCadence: z.array(summaryGapSchema),
  }),
  goals: z.array(
    z.omit(summaryGoalSchema, { pastTarget: true, latestPercent: true, latestProgressOn: true }),
  ),
  milestones: z.array(summaryMilestoneSchema),
  stories: z.array(summaryStorySchema),
  checkIns: z.array(summaryCheckInSchema),
  notes: z.array(summaryNoteSchema),
});
export type CommitteeSummaryV1 = z.infer<typeof summaryV1Schema>;

/** What the cohort view shows of one pair, the same for either version. */
export interface PairSummary {
  version: 1 | 2;
  /** How two summaries of one pair are known: the journal's id, or (version 1) the names. */
  pairKey: string;
  /** Mentee, mentor and programme, as compared to tell a version-1 summary's pair. */
  namesKey: string;
  journalId?: string;
  generatedOn: string;
  /** The moment it was made (version 2 only). */
  generatedAt?: string;
  journal: SummaryJournal;
  meetings: { heldCount: number; expectedCount: number; lastHeldOn?: string; cadenceDays: number };
  /** Goals shown to the committee (none when the pair left them out). */
  goals: { title: string; status: string; targetDate?: string; latestPercent?: number }[];
  milestoneCounts: SummaryMilestoneCounts;
  latestCheckInOn?: string;
  /** False when the summary cannot tell the latest check-in (version 1, none shown to the committee). */
  checkInsKnown: boolean;
  leftOut: SummarySection[];
  /** The file as checked, in its own format (unknown parts dropped): what a kept cohort stores. */
  file: CommitteeSummary | CommitteeSummaryV1;
}

/** Why a file was not read. */
export type RefusalKind =
  | 'empty'
  | 'too-big'
  | 'pdf'
  | 'binary'
  | 'not-text'
  | 'not-json'
  | 'pair-file'
  | 'backup'
  | 'not-summary'
  | 'newer-version'
  | 'damaged';

export type SummaryReading =
  | { ok: true; summary: PairSummary }
  | { ok: false; kind: RefusalKind; reason: string };

/** First bytes of files people send by mistake. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image (PNG)' },
  { bytes: [0xff, 0xd8, 0xff], what: 'an image (JPEG)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'an image (GIF)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an office document' },
];
const PDF = [0x25, 0x50, 0x44, 0x46];

const refuse = (kind: RefusalKind, reason: string): SummaryReading => ({ ok: false, kind, reason });

/** The start of a pair file or backup as the app writes it (src/sync/envelope.ts: format, version, kind first). */
const JOURNAL_FILE_HEAD = new RegExp(
  `^\\uFEFF?\\{"format":"${PAIR_FORMAT}","formatVersion":\\d+,"kind":"(pair|backup)"`,
);

/** Why a pair file or a backup is not read as a committee summary. */
function journalFileRefusal(kind: unknown): SummaryReading {
  return kind === 'backup'
    ? refuse(
        'backup',
        `This is a Mentoring Journal backup, meant only for its owner’s own devices (it holds their private notes), not a committee summary. ${ASK_FOR_JSON}`,
      )
    : refuse(
        'pair-file',
        `This is a pair file, meant for the partner: it holds the journal itself, not a committee summary. ${ASK_FOR_JSON}`,
      );
}

/** Reads one summary file (its bytes, or text already decoded). */
export function readSummary(input: Uint8Array | string): SummaryReading {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (input.byteLength === 0) return refuse('empty', `This file is empty. ${ASK_FOR_JSON}`);
    if (input.byteLength > MAX_SUMMARY_BYTES) {
      return refuse(
        'too-big',
        `This file is ${Math.round(input.byteLength / (1024 * 1024))} MB; a committee summary is far smaller, so it was not opened. ${ASK_FOR_JSON}`,
      );
    }
    if (PDF.every((b, i) => input[i] === b)) return refuse('pdf', `This is a PDF. ${ASK_FOR_JSON}`);
    for (const { bytes, what } of SIGNATURES) {
      if (bytes.every((b, i) => input[i] === b))
        return refuse('binary', `This is ${what}, not a committee summary. ${ASK_FOR_JSON}`);
    }
    // A pair file or backup as the app writes it is told by its first bytes, not parsed whole.
    const head = JOURNAL_FILE_HEAD.exec(new TextDecoder().decode(input.subarray(0, 120)));
    if (head) return journalFileRefusal(head[1]);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return refuse('not-text', `This file is not text, so it is not a committee summary. ${ASK_FOR_JSON}`);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return refuse('empty', `This file is empty. ${ASK_FOR_JSON}`);
  if (text.startsWith('%PDF')) return refuse('pdf', `This is a PDF. ${ASK_FOR_JSON}`);

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('not-json', `This is not a JSON file, so it is not a committee summary. ${ASK_FOR_JSON}`);
  }
  return readSummaryValue(parsed);
}

/** Reads a summary already parsed from JSON (a kept cohort's, say), with the same checks and words. */
export function readSummaryValue(parsed: unknown): SummaryReading {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('not-summary', `This JSON file is not a committee summary. ${ASK_FOR_JSON}`);
  }
  const file = parsed as Record<string, unknown>;
  if (file.format === PAIR_FORMAT) return journalFileRefusal(file.kind);
  if (file.format !== SUMMARY_FORMAT) {
    return refuse('not-summary', `This JSON file is not a committee summary. ${ASK_FOR_JSON}`);
  }

  const version = file.formatVersion ?? file.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SUMMARY_VERSION) {
    return refuse(
      'newer-version',
      `This summary was made by a newer version of Mentoring Journal (format version ${version}). Reload the app to update it, then open the file again.`,
    );
  }
  if (file.formatVersion === SUMMARY_VERSION) {
    const checked = z.safeParse(committeeSummarySchema, file);
    if (!checked.success) return damaged(checked.error, file);
    return { ok: true, summary: fromVersion2(checked.data) };
  }
  if (file.formatVersion === undefined && file.version === 1) {
    const checked = z.safeParse(summaryV1Schema, file);
    if (!checked.success) return damaged(checked.error, file);
    return { ok: true, summary: fromVersion1(checked.data) };
  }
  return refuse(
    'damaged',
    'This committee summary is damaged: its format version is missing. Ask the pair for a fresh copy.',
  );
}

function damaged(error: z.core.$ZodError, input: unknown): SummaryReading {
  const issue = error.issues[0]!;
  const more = error.issues.length - 1;
  return refuse(
    'damaged',
    `This committee summary is damaged: ${partWords(issue.path)} ${describeIssue(issue, input)}${
      more > 0 ? ` (and ${more} more fault${more === 1 ? '' : 's'})` : ''
    }. Ask the pair for a fresh copy.`,
  );
}

/** Words for the parts of a summary a reader may find damaged. */
const PART_WORDS: Record<string, string> = {
  $schema: 'the schema it names',
  format: 'what kind of file it is',
  formatVersion: 'its format version',
  version: 'its format version',
  journalId: 'the journal’s id',
  generatedOn: 'the day it was made',
  generatedAt: 'the time it was made',
  generatedBy: 'who made it',
  period: 'the period it covers',
  'period.from': 'the first day of the period it covers',
  'period.to': 'the last day of the period it covers',
  leftOut: 'the list of sections left out',
  journal: 'the pair’s details',
  'journal.menteeName': 'the mentee’s name',
  'journal.mentorName': 'the mentor’s name',
  'journal.programme': 'the programme’s name',
  'journal.startDate': 'the programme’s start date',
  'journal.lengthMonths': 'the programme’s length in months',
  'journal.endDate': 'the programme’s end date',
  'journal.monthsElapsed': 'the months elapsed',
  'journal.percentElapsed': 'the share of the programme elapsed',
  'journal.phase': 'where the programme stands',
  'journal.closedDate': 'the day the partnership was closed',
  'journal.completed': 'whether the partnership was completed',
  reviews: 'the reviews done',
  'reviews.midPointDoneOn': 'the day the mid-point review was done',
  'reviews.closingDoneOn': 'the day the closing review was done',
  agreement: 'the agreement',
  'agreement.menteeConfirmedOn': 'the day the mentee confirmed the agreement',
  'agreement.mentorConfirmedOn': 'the day the mentor confirmed the agreement',
  meetings: 'the meetings',
  'meetings.heldCount': 'the number of meetings held',
  'meetings.expectedCount': 'the number of meetings expected',
  'meetings.lastHeldOn': 'the date of the latest meeting',
  'meetings.longestGapDays': 'the longest stretch without a meeting',
  'meetings.held': 'the list of meetings held',
  'meetings.cadenceDays': 'how often the pair agreed to meet',
  'meetings.cadenceKept': 'whether the pair met as often as agreed',
  'meetings.gapsOverCadence': 'the list of long stretches without a meeting',
  milestoneCounts: 'the count of milestones',
  'milestoneCounts.total': 'the number of milestones',
  'milestoneCounts.done': 'the number of milestones done',
  'milestoneCounts.onTime': 'the number of milestones done on time',
  'milestoneCounts.overdue': 'the number of overdue milestones',
  'milestoneCounts.missed': 'the number of missed milestones',
  latestCheckInOn: 'the date of the latest check-in',
  goals: 'the list of goals',
  milestones: 'the list of milestones',
  stories: 'the list of stories',
  checkIns: 'the list of check-ins',
  opportunities: 'the list of opportunities',
  reflections: 'the list of reflections',
  notes: 'the list of notes',
};

/** What one item of a list is called: item 3 of `goals` is "goal 3". */
const ITEM_WORDS: Record<string, string> = {
  goals: 'goal',
  milestones: 'milestone',
  stories: 'story',
  checkIns: 'check-in',
  opportunities: 'opportunity',
  reflections: 'reflection',
  notes: 'note',
  held: 'meeting',
  gapsOverCadence: 'long stretch without a meeting',
  answers: 'answer',
  leftOut: 'section left out',
};

const camelWords = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A part of the summary in words: `journal.menteeName` → "the mentee’s name",
 * `goals[2].status` → "the status of goal 3", `meetings.held[0].date` → "the date of meeting 1".
 */
export function partWords(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  const lastIndex = path.findLastIndex((p) => typeof p === 'number');
  if (lastIndex < 0) {
    const key = path.map(String).join('.');
    return PART_WORDS[key] ?? `the part “${path.map(String).map(camelWords).join(' › ')}”`;
  }
  const items: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const index = path[i + 1];
    if (typeof index === 'number') items.unshift(`${ITEM_WORDS[String(path[i])] ?? 'item'} ${index + 1}`);
  }
  const leaf = path
    .slice(lastIndex + 1)
    .map((p) => camelWords(String(p)))
    .join(' ');
  return `${leaf ? `the ${leaf} of ` : ''}${items.join(' of ')}`;
}

/** Names compared the way people write them: composed, trimmed, spaces collapsed, any case. */
function nameKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

function namesKeyOf(journal: SummaryJournal): string {
  return [journal.menteeName, journal.mentorName, journal.programme].map(nameKey).join('\u0000');
}

function fromVersion2(file: CommitteeSummary): PairSummary {
  return {
    version: 2,
    pairKey: `journal:${file.journalId}`,
    namesKey: namesKeyOf(file.journal),
    journalId: file.journalId,
    generatedOn: file.generatedOn,
    generatedAt: file.generatedAt,
    journal: file.journal,
    meetings: {
      heldCount: file.meetings.heldCount,
      expectedCount: file.meetings.expectedCount,
      lastHeldOn: file.meetings.lastHeldOn,
      cadenceDays: file.meetings.cadenceDays,
    },
    goals: file.goals.map((g) => ({
      title: g.title,
      status: g.status,
      targetDate: g.targetDate,
      latestPercent: g.latestPercent,
    })),
    milestoneCounts: file.milestoneCounts,
    latestCheckInOn: file.latestCheckInOn,
    // Version 2 gives the latest check-in's date whoever it was kept for, left out or not.
    checkInsKnown: true,
    leftOut: SUMMARY_SECTIONS.filter((s) => file.leftOut?.includes(s)),
    file,
  };
}

/**
 * A version-1 summary, read with today's rules: meetings expected and milestones overdue are
 * counted from what it lists, on its own day; its check-ins are only those shown to the committee.
 */
function fromVersion1(file: CommitteeSummaryV1): PairSummary {
  const { journal, meetings } = file;
  const until = measuredUntil({
    on: file.generatedOn,
    endDate: journal.endDate,
    closedDate: journal.closedDate,
  });
  const checkInDates = file.checkIns
    .map((c) => c.date)
    .filter(isCalendarDate)
    .sort();
  const namesKey = namesKeyOf(journal);
  return {
    version: 1,
    pairKey: `names:${namesKey}`,
    namesKey,
    generatedOn: file.generatedOn,
    journal,
    meetings: {
      heldCount: meetings.heldCount,
      expectedCount: expectedMeetings(journal.startDate, meetings.cadenceDays, until),
      lastHeldOn: meetings.held
        .map((m) => m.date)
        .filter(isCalendarDate)
        .sort()
        .at(-1),
      cadenceDays: meetings.cadenceDays,
    },
    goals: file.goals.map((g) => ({ title: g.title, status: g.status, targetDate: g.targetDate })),
    milestoneCounts: milestoneCounts(file.milestones, file.generatedOn),
    latestCheckInOn: checkInDates.at(-1),
    checkInsKnown: checkInDates.length > 0,
    leftOut: [],
    file,
  };
}
