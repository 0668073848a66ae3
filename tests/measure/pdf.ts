/**
 * The committee PDF of a journal with 50 meetings held (1,000 realistic records), made in Node:
 * median of 5 runs, and how the time grows with twice and four times the text.
 * Run: node tests/measure/run.mjs tests/measure/pdf.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Journal } from '../../src/model/journal';
import { buildSummary } from '../../src/report/buildSummary';
import { toPdf } from '../../src/report/toPdf';
import { realisticJournal } from '../../src/sync/testing';

const require = createRequire(import.meta.url);
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(records: number, runs = 5) {
  const all = realisticJournal(records);
  const journal = all[0] as Journal;
  const summary = buildSummary(all, journal, { today: '2028-12-31', role: 'mentee' });
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const pdf = await toPdf(summary, FONT);
    times.push(performance.now() - start);
    bytes = pdf.bytes.length;
  }
  return {
    records,
    meetings: summary.meetings.heldCount,
    ms: Math.round(median(times)),
    kb: Math.round(bytes / 1024),
  };
}

export async function main() {
  for (const records of [1_000, 2_000, 4_000]) console.log(JSON.stringify(await time(records)));
}
