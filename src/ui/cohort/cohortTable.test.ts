import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pairSummary, summaryText } from '../../../tests/helpers/summaries';
import { formatDate } from '../components/labels';
import { addToCohort, type CohortFile } from './cohort';
import { COHORT_COLUMNS, cohortRows, openCohort, sortRows } from './cohortTable';

const TODAY = '2025-09-01';
const file = (name: string, text: string): CohortFile => ({ name, data: text });

/** A pair that needs nothing on TODAY. */
const calm = (journalId: string, mentee: string, extra: Partial<Parameters<typeof pairSummary>[0]> = {}) =>
  pairSummary({
    journalId,
    mentee,
    mentor: 'Sam Reid',
    meetings: ['2025-03-01', '2025-05-20', '2025-08-20'],
    checkIns: ['2025-07-01'],
    goals: [
      { title: 'Lead a project', targetDate: '2025-12-01', percent: 40 },
      { title: 'Speak at a conference', status: 'achieved' },
    ],
    milestones: [{ title: 'Plan', dueDate: '2025-06-01', status: 'done', doneDate: '2025-05-30' }],
    today: TODAY,
    ...extra,
  });

/** The cells of a row as { header: text }. */
const cellsOf = (row: { cells: string[] }) =>
  Object.fromEntries(COHORT_COLUMNS.map((c, i) => [c.header, row.cells[i]]));

describe('the cohort: one summary per pair', () => {
  test('a newer summary of a pair replaces the older one, and says so; an older one is not used', () => {
    const older = calm('j-1', 'Ana Kowalska', { generatedAt: '2025-09-01T09:00:00.000Z' });
    const newer = calm('j-1', 'Ana Kowalska', {
      generatedAt: '2025-09-01T15:00:00.000Z',
      meetings: ['2025-08-31'],
    });
    const change = addToCohort([], [file('a.json', summaryText(older)), file('b.json', summaryText(newer))]);
    expect(change.entries.map((e) => e.fileName)).toEqual(['b.json']);
    expect(change.added).toBe(1);
    expect(change.notices).toEqual([
      expect.objectContaining({ kind: 'replaced', pair: 'Ana Kowalska & Sam Reid', fileName: 'b.json' }),
    ]);

    const again = addToCohort(change.entries, [file('a-again.json', summaryText(older))]);
    expect(again.entries.map((e) => e.fileName)).toEqual(['b.json']);
    expect(again.notices.map((n) => n.kind)).toEqual(['older-ignored']);
    expect(
      addToCohort(again.entries, [file('b-copy.json', summaryText(newer))]).notices.map((n) => n.kind),
    ).toEqual(['same']);
  });

  test('two pairs with the same names but different journals stay two pairs', () => {
    const change = addToCohort(
      [],
      [file('1.json', summaryText(calm('j-1', 'Ana'))), file('2.json', summaryText(calm('j-2', 'Ana')))],
    );
    expect(change.entries).toHaveLength(2);
    expect(change.notices).toEqual([]);
  });

  test('files that cannot be read are listed with their reason and do not stop the others', () => {
    const change = addToCohort(
      [],
      [
        file('summary.pdf', '%PDF-1.7'),
        file('ana.json', summaryText(calm('j-1', 'Ana'))),
        file('pair.json', JSON.stringify({ format: 'mentoring-journal', kind: 'pair' })),
        file('bea.json', summaryText(calm('j-2', 'Bea'))),
      ],
    );
    expect(change.entries.map((e) => e.fileName)).toEqual(['ana.json', 'bea.json']);
    expect(change.refused).toEqual([
      { fileName: 'summary.pdf', reason: expect.stringMatching(/^This is a PDF\./) },
      { fileName: 'pair.json', reason: expect.stringMatching(/^This is a pair file, meant for the partner/) },
    ]);
  });

  test('an older (version-1) summary is known by its names, says it is older, and a newer one replaces it', () => {
    const v1 = readFileSync(join(process.cwd(), 'tests/fixtures/committee-summary-v1.json'), 'utf8');
    const v2 = readFileSync(join(process.cwd(), 'tests/fixtures/committee-summary-v2.json'), 'utf8');
    const change = addToCohort([], [file('old.json', v1), file('new.json', v2)]);
    expect(change.entries.map((e) => e.fileName)).toEqual(['new.json']);
    expect(change.notices.map((n) => n.kind)).toEqual(['older-format', 'replaced']);
  });
});

describe('the table', () => {
  test('shows each pair’s facts in words, as the CSV holds them', () => {
    const [row] = cohortRows(
      addToCohort([], [file('ana.json', summaryText(calm('j-1', 'Ana Kowalska')))]).entries,
    );
    expect(cellsOf(row!)).toEqual({
      Mentee: 'Ana Kowalska',
      Mentor: 'Sam Reid',
      Programme: 'Regional library mentoring',
      'Needs attention': 'No',
      Why: '',
      Month: 'Month 7 of 18',
      'Meetings held / expected': '3 of 2',
      'Days since last meeting': '12',
      'Goals achieved': '1 of 2',
      'Goal progress': '70%',
      'Milestones done': '1 of 1',
      'Milestones overdue': '0',
      'Latest check-in': formatDate('2025-07-01'),
      'Summary made': formatDate(TODAY),
    });
  });

  test('flags a pair that needs attention, with every reason, by the model rules', () => {
    const late = pairSummary({
      journalId: 'j-late',
      mentee: 'Bea',
      mentor: 'Kim',
      meetings: ['2025-02-01'],
      milestones: [{ title: 'Book the venue', dueDate: '2025-08-15' }],
      goals: [{ title: 'Run a workshop', targetDate: '2025-08-01' }],
      today: TODAY,
    });
    const [row] = cohortRows(addToCohort([], [file('bea.json', summaryText(late))]).entries);
    expect(row!.reasons.map((r) => r.kind)).toEqual([
      'no-meeting',
      'overdue-milestones',
      'no-check-in',
      'goal-past-target',
    ]);
    expect(cellsOf(row!)['Needs attention']).toBe('Yes');
    expect(cellsOf(row!).Why).toBe(
      'No meeting for 212 days (agreed: at least every 91 days); 1 milestone overdue; No check-in since the start (suggested every 6 months); A goal past its target date: “Run a workshop”',
    );
    expect(cellsOf(row!)['Goal progress']).toBe('Not logged');
    expect(cellsOf(row!)['Latest check-in']).toBe('None');
  });

  test('a version-1 and a version-2 summary of the same facts get the same flags', () => {
    const rows = (name: string) =>
      cohortRows(
        addToCohort([], [file(name, readFileSync(join(process.cwd(), 'tests/fixtures', name), 'utf8'))])
          .entries,
      );
    const [v1] = rows('committee-summary-v1.json');
    const [v2] = rows('committee-summary-v2.json');
    expect(v1!.reasons).toEqual(v2!.reasons);
    expect(v1!.reasons.map((r) => r.kind)).toEqual(['no-meeting', 'overdue-milestones', 'goal-past-target']);
    expect(cellsOf(v1!)['Summary made']).toBe(`${formatDate('2025-09-01')} (older summary)`);
    expect(cellsOf(v1!)['Goal progress']).toBe('Not in older summaries');
  });

  test('opens by need of attention, and sorts by any column either way with missing values last', () => {
    const pairs = [
      calm('j-1', 'Cleo', { meetings: ['2025-08-30'] }),
      calm('j-2', 'Ana', { meetings: [] }),
      calm('j-3', 'Bea', { meetings: ['2025-08-01'] }),
    ];
    const { rows } = openCohort(pairs.map((p, i) => file(`${i}.json`, summaryText(p))));
    expect(rows.map((r) => r.cells[0])).toEqual(['Ana', 'Bea', 'Cleo']);
    const byDays = (direction: 'ascending' | 'descending') =>
      sortRows(rows, { column: 'daysSince', direction }).map((r) => `${r.cells[0]} ${r.cells[7]}`);
    expect(byDays('ascending')).toEqual(['Cleo 2', 'Bea 31', 'Ana None held']);
    expect(byDays('descending')).toEqual(['Ana None held', 'Bea 31', 'Cleo 2']);
    expect(sortRows(rows, { column: 'mentee', direction: 'descending' }).map((r) => r.cells[0])).toEqual([
      'Cleo',
      'Bea',
      'Ana',
    ]);
    // No check-in date sorts last whichever the direction.
    const noCheckIn = openCohort([
      file('x', summaryText(calm('j-4', 'Dan', { checkIns: [] }))),
      file('y', summaryText(calm('j-5', 'Eve'))),
    ]).rows;
    for (const direction of ['ascending', 'descending'] as const)
      expect(sortRows(noCheckIn, { column: 'checkIn', direction }).map((r) => r.cells[0])).toEqual([
        'Eve',
        'Dan',
      ]);
  });
});
