/**
 * A cohort: the pairs whose committee summaries are open in the cohort view, one summary per pair.
 * Adding files is a pure step: each file is read, a newer summary of a pair already open replaces
 * the older one, and a file that cannot be read is listed with its reason without stopping the rest.
 */
import { journalTitle } from '../../model/labels';
import { type PairSummary, readSummary } from '../../report/readSummary';

/** A file to add: its name and its bytes (or text). */
export interface CohortFile {
  name: string;
  data: Uint8Array | string;
}

/** One pair in the cohort, with the file its summary came from. */
export interface CohortEntry {
  summary: PairSummary;
  fileName: string;
}

/** What happened to a file that found its pair already open. */
export type CohortNotice =
  | { kind: 'replaced'; pair: string; fileName: string; newer: PairSummary; older: PairSummary }
  | { kind: 'older-ignored'; pair: string; fileName: string; kept: PairSummary; ignored: PairSummary }
  | { kind: 'same'; pair: string; fileName: string }
  | { kind: 'older-format'; pair: string; fileName: string };

/** A file that was not read, with the reason in words. */
export interface RefusedFile {
  fileName: string;
  reason: string;
}

/** What adding a batch of files gave. */
export interface CohortChange {
  entries: CohortEntry[];
  /** How many files were added as new pairs. */
  added: number;
  notices: CohortNotice[];
  refused: RefusedFile[];
}

/** The pair's names as the app writes them everywhere: "Ana Kowalska & Sam Reid". */
export function pairName(summary: PairSummary): string {
  return journalTitle(summary);
}

/** Which of two summaries is newer: by the moment made; a version-1 summary has only its day. */
function stamp(summary: PairSummary): string {
  return summary.generatedAt ?? summary.generatedOn;
}

/**
 * Whether two summaries are of one pair: the same journal id; or, when either is an older
 * (version-1) summary without one, the same mentee, mentor and programme.
 */
export function samePair(a: PairSummary, b: PairSummary): boolean {
  if (a.journalId && b.journalId) return a.journalId === b.journalId;
  return a.namesKey === b.namesKey;
}

/** Adds files to the cohort, in order. Pure: reads no clock and no storage. */
export function addToCohort(entries: readonly CohortEntry[], files: readonly CohortFile[]): CohortChange {
  const next = [...entries];
  const notices: CohortNotice[] = [];
  const refused: RefusedFile[] = [];
  let added = 0;
  for (const file of files) {
    const reading = readSummary(file.data);
    if (!reading.ok) {
      refused.push({ fileName: file.name, reason: reading.reason });
      continue;
    }
    added += addSummary(next, notices, reading.summary, file.name);
  }
  return { entries: next, added, notices, refused };
}

/** Adds one summary read already (from a kept cohort); returns 1 when it is a new pair. */
export function addSummary(
  entries: CohortEntry[],
  notices: CohortNotice[],
  summary: PairSummary,
  fileName: string,
): number {
  const pair = pairName(summary);
  if (summary.version === 1) notices.push({ kind: 'older-format', pair, fileName });
  const at = entries.findIndex((e) => samePair(e.summary, summary));
  if (at < 0) {
    entries.push({ summary, fileName });
    return 1;
  }
  const current = entries[at]!.summary;
  const [mine, theirs] = [stamp(summary), stamp(current)];
  if (mine > theirs) {
    entries[at] = { summary, fileName };
    notices.push({ kind: 'replaced', pair, fileName, newer: summary, older: current });
  } else if (mine === theirs) {
    notices.push({ kind: 'same', pair, fileName });
  } else {
    notices.push({ kind: 'older-ignored', pair, fileName, kept: current, ignored: summary });
  }
  return 0;
}
