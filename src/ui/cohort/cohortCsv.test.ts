import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { pairSummary, summaryText } from '../../../tests/helpers/summaries';
import { cohortCsv } from './cohortCsv';
import { COHORT_COLUMNS, openCohort } from './cohortTable';

/** Pairs whose names and programmes hold every character CSV must take care of. */
const HARD_NAMES = [
  { mentee: 'Zofia Łukasiewicz', mentor: 'Grace Ọkafọ', programme: 'Bibliothèques de Québec' },
  { mentee: 'Smith, Jane', mentor: 'O’Brien, Pat', programme: 'North, South & East' },
  { mentee: 'Ana "Nia" Kowalska', mentor: 'Sam ""Two"" Reid', programme: '"Quoted" programme' },
  { mentee: 'Line\nBreak', mentor: 'Carriage\r\nReturn', programme: 'Two\nlines' },
  { mentee: '  spaced  ', mentor: 'Ærøskøbing Øst', programme: '日本語の図書館' },
];

function table() {
  const files = HARD_NAMES.map((names, i) => ({
    name: `${i}.json`,
    data: summaryText(
      pairSummary({
        journalId: `j-${i}`,
        ...names,
        meetings: ['2025-03-01'],
        goals: [{ title: 'A goal, “quoted”, with a comma', targetDate: '2025-05-01' }],
        today: '2025-09-01',
      }),
    ),
  }));
  return openCohort(files).rows;
}

describe('the cohort table as CSV', () => {
  test('parses back, with an independent RFC 4180 parser, equal to the table — accents, commas, quotes and line breaks included', () => {
    const rows = table();
    const records = parse(cohortCsv(rows), {
      bom: true,
      record_delimiter: '\r\n',
      relax_column_count: false,
    });
    expect(records).toEqual([COHORT_COLUMNS.map((c) => c.header), ...rows.map((r) => r.cells)]);
    expect(records.slice(1).map((r: string[]) => r[0])).toEqual(
      rows.map((r) => r.summary.journal.menteeName),
    );
  });

  test('is UTF-8 with a byte-order mark, and every record ends with CRLF', () => {
    const csv = cohortCsv(table());
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, no line ends without a carriage return.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
    expect(unquoted.split('\r\n')).toHaveLength(HARD_NAMES.length + 2);
  });

  test('a name a spreadsheet would run as a formula is written with a leading apostrophe', () => {
    const rows = openCohort([
      {
        name: 'x.json',
        data: summaryText(
          pairSummary({
            journalId: 'j',
            mentee: '=HYPERLINK("http://x")',
            mentor: '+1\nline',
            today: '2025-09-01',
          }),
        ),
      },
    ]).rows;
    const [, record] = parse(cohortCsv(rows), { bom: true }) as string[][];
    expect(record?.slice(0, 2)).toEqual(['\'=HYPERLINK("http://x")', "'+1\nline"]);
  });
});
