/**
 * The cohort table as a CSV file, written by papaparse: RFC 4180 (fields with commas, quotes or
 * line breaks quoted, quotes doubled), CRLF line ends, UTF-8 with a byte-order mark so spreadsheet
 * programs open accented names intact. A cell a spreadsheet would run as a formula (starting with
 * =, +, -, @, a tab or a carriage return) is written with a leading apostrophe.
 */
import Papa from 'papaparse';
import { COHORT_COLUMNS, type CohortRow } from './cohortTable';

/** Cells that spreadsheet programs would read as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The CSV text of the table: a header row, then one row per pair, as shown. */
export function cohortCsv(rows: readonly CohortRow[]): string {
  const csv = Papa.unparse(
    { fields: COHORT_COLUMNS.map((c) => c.header), data: rows.map((r) => r.cells) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${csv}\r\n`;
}

/** The CSV file's name: cohort-<day>.csv */
export function cohortCsvName(day: string): string {
  return `cohort-${day}.csv`;
}
