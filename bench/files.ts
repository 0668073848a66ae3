/**
 * The files the bench loads through the app's own file input, made with the app's own export code
 * (src/sync: pairPayload, buildFile — so counts and checksums are the real ones):
 *
 * - seed.json: the mentor's first pair file (the journal's shared facts and duties), joined on
 *   first run ("Join with my partner’s file");
 * - backup.json: a backup of the mentee's device holding the whole journal, private records
 *   included, restored under Share;
 * - backup-part-N.json: the same backup split into parts under the app's file limit, used only
 *   when the app refuses backup.json (today at 50k: "never larger than 50 MB");
 * - partner-R.json: for run R, the mentor's pair file: every shared record, of which a further
 *   10% carry an edit the mentor made since the last exchange (run R's file holds the edits of
 *   runs 1…R, so each run's import changes a fresh 10%; a sequential edit, not a conflict).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatStamp } from '../src/model/hlc';
import type { AnyRecord } from '../src/model/kinds';
import { validateRecord } from '../src/model/validate';
import { buildFile, fileText, type PlainFile } from '../src/sync/envelope';
import { pairPayload } from '../src/sync/exportFile';
import { openFile } from '../src/sync/openFile';
import { MAX_FILE_BYTES } from '../src/sync/parseJson';
import { type BenchRecord, editedField, type Journal, makeJournal } from './journal';
import { Random, sentence } from './text';

/** Bump when the journals or files change, so cached files are made again. */
const GENERATOR_VERSION = 4;

export interface JournalFiles {
  dir: string;
  journal: Omit<Journal, 'records'>;
  seed: string;
  backup: string;
  /** The backup in parts, each under the app's file limit. */
  backupParts: string[];
  /** One pair file from the partner per run, 1-based order. */
  partner: string[];
  /** Bytes per file name. */
  bytes: Record<string, number>;
  /** Records in each partner file, and how many of them each run's file changes. */
  partnerRecords: number;
  editedPerRun: number;
}

const APP_VERSION = 'bench';

/** Writes a file's text exactly as the app writes it (its payload last, canonical: `fileText`). */
async function writeFile(dir: string, name: string, file: PlainFile): Promise<number> {
  const text = fileText(file);
  writeFileSync(join(dir, name), text);
  return Buffer.byteLength(text);
}

/** Splits records into groups whose JSON stays under `limit` characters (the journal record first). */
function split(records: readonly AnyRecord[], limit: number): AnyRecord[][] {
  const parts: AnyRecord[][] = [[]];
  let size = 0;
  for (const record of records) {
    const length = JSON.stringify(record).length + 1;
    if (size + length > limit && parts[parts.length - 1]!.length) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1]!.push(record);
    size += length;
  }
  return parts;
}

/**
 * A partner's edit of one record: the kind's first long text (or its text) gains a sentence,
 * stamped by the partner's clock, with the replaced value's stamp as its base (the way
 * src/db/repository writes a local edit), so the import sees it as a sequential change.
 */
function partnerEdit(record: BenchRecord, field: string, stamp: string, random: Random, mentorNode: string) {
  const before = record[field];
  const value =
    field === 'text'
      ? `${String(before ?? '').slice(0, 400)} (updated)`
      : `${before ?? ''} ${sentence(random)}`.trim();
  const replaced = record.stamps[field];
  const bases = { ...record.bases };
  if (replaced) {
    const own = replaced.slice(-16) === mentorNode;
    bases[field] = own && record.bases[field] ? record.bases[field] : replaced;
  }
  const next = { ...record, [field]: value, stamps: { ...record.stamps, [field]: stamp }, bases };
  validateRecord(record.kind, next);
  return next as BenchRecord;
}

/**
 * Makes (or reuses, when made today for the same size with enough runs) the files for a journal
 * of `size` records in `root`/v<generator version>/<size>/.
 */
export async function journalFiles(root: string, size: number, runs: number): Promise<JournalFiles> {
  const dir = join(root, `v${GENERATOR_VERSION}`, String(size));
  mkdirSync(dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const now = Date.now();
  try {
    const cached = JSON.parse(readFileSync(manifestPath, 'utf8')) as JournalFiles & { version: number };
    const fresh =
      cached.version === GENERATOR_VERSION &&
      cached.journal.today === makeJournalDay(now) &&
      cached.partner.length >= runs &&
      [cached.seed, cached.backup, ...cached.backupParts, ...cached.partner].every((f) =>
        statSync(f).isFile(),
      );
    if (fresh) return cached;
  } catch {
    // No usable cache: make the files.
  }

  const journal = makeJournal(size, now);
  const { records, ...about } = journal;
  const exportedAt = new Date(now).toISOString();
  const bytes: Record<string, number> = {};
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as AnyRecord[];

  const seedRecords = sorted.filter((r) => r.kind === 'journal' || r.kind === 'duty');
  const seed = await buildFile({
    kind: 'pair',
    appVersion: APP_VERSION,
    exportedAt,
    journalIds: [journal.journalId],
    payload: pairPayload(seedRecords, 'mentor'),
  });
  bytes['seed.json'] = await writeFile(dir, 'seed.json', seed);

  const memberships = [{ journalId: journal.journalId, role: 'mentee' as const }];
  const backup = await buildFile({
    kind: 'backup',
    appVersion: APP_VERSION,
    exportedAt,
    journalIds: [journal.journalId],
    payload: { records: sorted, memberships },
  });
  bytes['backup.json'] = await writeFile(dir, 'backup.json', backup);

  const backupParts: string[] = [];
  if (bytes['backup.json'] > MAX_FILE_BYTES * 0.9) {
    const parts = split(sorted, Math.floor(MAX_FILE_BYTES * 0.8));
    for (const [i, part] of parts.entries()) {
      const name = `backup-part-${i + 1}.json`;
      const file = await buildFile({
        kind: 'backup',
        appVersion: APP_VERSION,
        exportedAt,
        journalIds: [journal.journalId],
        payload: { records: part, memberships },
      });
      bytes[name] = await writeFile(dir, name, file);
      backupParts.push(join(dir, name));
    }
  }

  // The partner's files: every shared record; run R's file carries the edits of runs 1…R.
  const random = new Random(size * 7 + 1);
  let working = sorted.filter((r) => r.visibility !== 'private') as BenchRecord[];
  const editable = working.map((r, i) => ({ i, field: editedField(r.kind) })).filter((e) => e.field);
  const partner: string[] = [];
  let counter = 0;
  let editedPerRun = 0;
  for (let run = 1; run <= runs; run++) {
    const millis = now - 30_000 + run * 100;
    working = [...working];
    const subset = editable.filter((_, k) => k % 10 === (run - 1) % 10);
    editedPerRun = subset.length;
    for (const { i, field } of subset) {
      const stamp = formatStamp({ millis, counter: counter++ & 0xffff, node: journal.mentorNode });
      working[i] = partnerEdit(working[i]!, field!, stamp, random, journal.mentorNode);
    }
    const file = await buildFile({
      kind: 'pair',
      appVersion: APP_VERSION,
      exportedAt: new Date(millis + 1000).toISOString(),
      journalIds: [journal.journalId],
      payload: pairPayload(working as AnyRecord[], 'mentor'),
    });
    const name = `partner-${run}.json`;
    bytes[name] = await writeFile(dir, name, file);
    partner.push(join(dir, name));
  }

  const files: JournalFiles = {
    dir,
    journal: about,
    seed: join(dir, 'seed.json'),
    backup: join(dir, 'backup.json'),
    backupParts,
    partner,
    bytes,
    partnerRecords: working.length,
    editedPerRun,
  };
  await selfCheck(files);
  writeFileSync(manifestPath, JSON.stringify({ version: GENERATOR_VERSION, ...files }, null, 2));
  return files;
}

function makeJournalDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The app's own openFile must accept every file it will be given whole (those under its limit),
 * dropping no record: the bench measures real imports, not refusals of a broken file.
 */
async function selfCheck(files: JournalFiles) {
  for (const path of [files.seed, files.backup, ...files.backupParts, files.partner[0]!]) {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_FILE_BYTES) continue;
    const opened = await openFile(new Uint8Array(bytes));
    if (opened.dropped.length || opened.aside.length) {
      const first = opened.dropped[0] ?? opened.aside[0];
      throw new Error(`bench: the app drops records of ${path}: ${JSON.stringify(first)}`);
    }
  }
}

/** A short fingerprint of a file (for results.json: which files a run measured). */
export function fingerprint(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
}
