import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSummary } from './buildSummary';
import { partWords, readSummary, readSummaryValue } from './readSummary';
import { journalOf } from './testRecords';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures', name), 'utf8');
const V1 = fixture('committee-summary-v1.json');
const V2 = fixture('committee-summary-v2.json');
const bytes = (text: string) => new TextEncoder().encode(text);
const ASK = 'Ask the pair for the JSON summary (Committee summary → Download summary (JSON)).';

/** A summary file as parsed, open to any change a test makes. */
interface Editable {
  [part: string]: unknown;
  journal: Record<string, unknown>;
  meetings: { held: Record<string, unknown>[] };
  goals: Record<string, unknown>[];
}

/** A version-2 summary with one part changed. */
function changed(change: (file: Editable) => void): string {
  const file = JSON.parse(V2);
  change(file);
  return JSON.stringify(file);
}

function refusal(input: Uint8Array | string): string {
  const reading = readSummary(input);
  if (reading.ok) throw new Error('expected the file to be refused');
  return reading.reason;
}

describe('reading a version-2 summary', () => {
  test('gives the pair by its journal id, with its progress as the summary states it', () => {
    const reading = readSummary(bytes(V2));
    if (!reading.ok) throw new Error(reading.reason);
    const { summary } = reading;
    expect(summary.version).toBe(2);
    expect(summary.journalId).toBe('9b2e4c1a-5d6f-4e7a-8b9c-0d1e2f3a4b5c');
    expect(summary.pairKey).toBe('journal:9b2e4c1a-5d6f-4e7a-8b9c-0d1e2f3a4b5c');
    expect(summary.generatedAt).toBe('2025-09-01T14:32:05.120Z');
    expect(summary.journal.menteeName).toBe('Zofia Łukasiewicz');
    expect(summary.meetings).toEqual({
      heldCount: 2,
      expectedCount: 2,
      lastHeldOn: '2025-04-02',
      cadenceDays: 91,
    });
    expect(summary.goals.map((g) => [g.title, g.status, g.latestPercent])).toEqual([
      ['Present at the regional meeting', 'achieved', undefined],
      ['Lead a small project', 'active', 60],
    ]);
    expect(summary.milestoneCounts).toEqual({ total: 2, done: 1, onTime: 1, overdue: 1, missed: 0 });
    expect(summary.latestCheckInOn).toBe('2025-03-15');
    expect(summary.checkInsKnown).toBe(true);
  });

  test('every summary the app builds today is read, with a byte-order mark or without', () => {
    const built = buildSummary([], journalOf(), { today: '2025-09-01', role: 'mentor' });
    const text = JSON.stringify(built);
    for (const input of [text, `\uFEFF${text}`, bytes(`\uFEFF${text}`)])
      expect(readSummary(input).ok).toBe(true);
  });

  test('parts it does not know (from a newer minor change) are left aside, not refused', () => {
    const reading = readSummary(changed((f) => Object.assign(f, { mentorsBadge: 'gold' })));
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.summary.file).not.toHaveProperty('mentorsBadge');
  });

  test('a summary kept as parsed JSON is read the same way', () => {
    const reading = readSummaryValue(JSON.parse(V2));
    expect(reading.ok && reading.summary.pairKey).toBe('journal:9b2e4c1a-5d6f-4e7a-8b9c-0d1e2f3a4b5c');
  });
});

describe('reading a version-1 summary', () => {
  test('knows its pair by the names and programme, and counts what it lists on its own day', () => {
    const reading = readSummary(bytes(V1));
    if (!reading.ok) throw new Error(reading.reason);
    const { summary } = reading;
    expect(summary.version).toBe(1);
    expect(summary.journalId).toBeUndefined();
    expect(summary.generatedAt).toBeUndefined();
    expect(summary.pairKey).toBe('names:zofia łukasiewicz\u0000grace ọkafọ\u0000regional library mentoring');
    // Expected meetings and the last one held come from the start, the cadence and the list.
    expect(summary.meetings).toEqual({
      heldCount: 2,
      expectedCount: 2,
      lastHeldOn: '2025-04-02',
      cadenceDays: 91,
    });
    expect(summary.milestoneCounts).toEqual({ total: 2, done: 1, onTime: 1, overdue: 1, missed: 0 });
    expect(summary.goals.map((g) => [g.title, g.latestPercent])).toEqual([
      ['Present at the regional meeting', undefined],
      ['Lead a small project', undefined],
    ]);
    expect(summary.latestCheckInOn).toBe('2025-03-15');
    expect(summary.checkInsKnown).toBe(true);
  });

  test('the names match however they are spaced, composed or capitalised', () => {
    const file = JSON.parse(V1);
    file.journal.menteeName = '  ZOFIA   Łukasiewicz ';
    file.journal.mentorName = 'Grace O\u0323kafo\u0323';
    const reading = readSummary(JSON.stringify(file));
    const original = readSummary(V1);
    expect(reading.ok && original.ok && reading.summary.namesKey === original.summary.namesKey).toBe(true);
  });

  test('one that lists no check-in cannot tell the latest check-in', () => {
    const file = JSON.parse(V1);
    file.checkIns = [];
    const reading = readSummary(JSON.stringify(file));
    expect(reading.ok && reading.summary.checkInsKnown).toBe(false);
  });
});

describe('files that are not a committee summary are refused, saying what to ask for', () => {
  test('a PDF', () => {
    expect(refusal(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe(`This is a PDF. ${ASK}`);
  });

  test('an image, an archive, a file that is not text', () => {
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(
      `This is an image (PNG), not a committee summary. ${ASK}`,
    );
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toMatch(/^This is a ZIP archive/);
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toBe(
      `This file is not text, so it is not a committee summary. ${ASK}`,
    );
  });

  test('an empty file, a file too large to be a summary', () => {
    expect(refusal(new Uint8Array())).toBe(`This file is empty. ${ASK}`);
    expect(refusal('  \n')).toBe(`This file is empty. ${ASK}`);
    expect(refusal(new Uint8Array(11 * 1024 * 1024))).toMatch(
      /^This file is 11 MB; a committee summary is far smaller/,
    );
  });

  test('a pair file, and a backup', () => {
    const pair = JSON.stringify({ format: 'mentoring-journal', formatVersion: 2, kind: 'pair', payload: {} });
    expect(refusal(pair)).toBe(
      `This is a pair file, meant for the partner: it holds the journal itself, not a committee summary. ${ASK}`,
    );
    const backup = JSON.stringify({ format: 'mentoring-journal', formatVersion: 2, kind: 'backup' });
    expect(refusal(backup)).toMatch(
      /^This is a Mentoring Journal backup, meant only for its owner’s own devices/,
    );
  });

  test('a pair file or backup as the app writes it is told by its first bytes (a large one is not parsed whole)', () => {
    // Its start as the app writes it, then a body that is not JSON at all: still told apart, not “not JSON”.
    const head = '{"format":"mentoring-journal","formatVersion":3,"kind":';
    expect(refusal(bytes(`${head}"pair","payload":{"records":[ … `))).toMatch(/^This is a pair file/);
    expect(refusal(bytes(`\uFEFF${head}"backup","payload":`))).toMatch(/^This is a Mentoring Journal backup/);
    // Another start is read whole, as before.
    expect(refusal(bytes(`{"kind":"pair","format":"mentoring-journal"}`))).toMatch(/^This is a pair file/);
    expect(refusal(bytes(`${head}"summary"`))).toBe(
      `This is not a JSON file, so it is not a committee summary. ${ASK}`,
    );
  });

  test('text that is not JSON, and JSON of another kind', () => {
    expect(refusal('Dear committee, here is our summary.')).toBe(
      `This is not a JSON file, so it is not a committee summary. ${ASK}`,
    );
    for (const other of ['{}', '[1,2]', '"summary"', '{"format":"something-else"}'])
      expect(refusal(other)).toBe(`This JSON file is not a committee summary. ${ASK}`);
  });

  test('a summary from a newer version of the app', () => {
    const newer = changed((f) =>
      Object.assign(f, { formatVersion: 3, $schema: 'urn:mentoring-journal:committee-summary:3' }),
    );
    expect(refusal(newer)).toBe(
      'This summary was made by a newer version of Mentoring Journal (format version 3). Reload the app to update it, then open the file again.',
    );
  });
});

describe('a damaged summary is refused, naming the damaged part in words', () => {
  test.each([
    [
      'a name that is not text',
      (f: Editable) => (f.journal.menteeName = 42),
      'the mentee’s name must be text, but is a number',
    ],
    ['no journal id', (f: Editable) => delete f.journalId, 'the journal’s id is missing'],
    [
      'a meeting date that is no date',
      (f: Editable) => (f.meetings.held[1]!.date = 'last Tuesday'),
      'the date of meeting 2 must be a date (YYYY-MM-DD)',
    ],
    [
      'a goal status it does not know',
      (f: Editable) => (f.goals[0]!.status = 'finished'),
      'the status of goal 1 must be one of: active, achieved, paused, dropped',
    ],
    [
      'missing milestone counts',
      (f: Editable) => delete f.milestoneCounts,
      'the count of milestones is missing',
    ],
    ['no format version', (f: Editable) => delete f.formatVersion, 'its format version is missing'],
  ])('%s', (_name, change, words) => {
    expect(refusal(changed(change))).toBe(
      `This committee summary is damaged: ${words}. Ask the pair for a fresh copy.`,
    );
  });

  test('says how many more faults there are', () => {
    const reason = refusal(
      changed((f) => {
        f.generatedOn = 'soon';
        f.generatedBy = 'committee';
      }),
    );
    expect(reason).toBe(
      'This committee summary is damaged: the day it was made must be a date (YYYY-MM-DD) (and 1 more fault). Ask the pair for a fresh copy.',
    );
  });
});

describe('parts of a summary in words', () => {
  test.each([
    [['journal', 'programme'], 'the programme’s name'],
    [['checkIns', 0, 'answers', 1, 'answer'], 'the answer of answer 2 of check-in 1'],
    [['goals', 2], 'goal 3'],
    [['meetings', 'gapsOverCadence', 0, 'days'], 'the days of long stretch without a meeting 1'],
    [['journal', 'nickName'], 'the part “journal › nick name”'],
    [[], 'the file'],
  ] as const)('%j → %s', (path, words) => {
    expect(partWords(path)).toBe(words);
  });
});
