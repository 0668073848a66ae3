/** The committee summary as a JSON file: pretty-printed, named after the mentee and the day. */
import type { CommitteeSummary } from './buildSummary';

/** A name made safe for a file name: letters and digits kept (any script), the rest joined by '-'. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'journal';
}

/** The file name of a summary: committee-summary-<mentee>-<date>.<ext> */
export function summaryFileName(summary: CommitteeSummary, ext: 'json' | 'pdf'): string {
  return `committee-summary-${fileSlug(summary.journal.menteeName)}-${summary.generatedOn}.${ext}`;
}

/** The summary as the text of a JSON file (two-space indent, ending with a newline). */
export function toJson(summary: CommitteeSummary): { fileName: string; text: string; type: string } {
  return {
    fileName: summaryFileName(summary, 'json'),
    text: `${JSON.stringify(summary, null, 2)}\n`,
    type: 'application/json',
  };
}
