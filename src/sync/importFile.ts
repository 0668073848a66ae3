/**
 * One import flow for pair files and backups: file → open (parse, decrypt, verify, restore) →
 * merge → preview, then apply in one transaction. Nothing is written before `applyImportFile`.
 */

import { getDb, type MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import {
  type ApplyResult,
  applyImport,
  foreignRecordIds,
  type ImportBasis,
  type ImportSketch,
  readForPreview,
  readImportMarker,
  readImportSketch,
  recordsAfter,
  StaleBasisError,
  tooManyForDevice,
} from '../db/importTransaction';
import type { Role } from '../model/constants';
import { MAX_DRIFT_MS, parseStamp } from '../model/hlc';
import type { Journal } from '../model/journal';
import { MAX_FILE_RECORDS } from '../model/limits';
import { FileRefusedError } from './fileError';
import { countSameAsDevice, type ImportPlan, mergeRecords, planImport } from './merge';
import { leavesOutSame, type OpenedFile, timer } from './openFile';
import { openFileOffThread, startFileOpener, stopFileOpener } from './openFileOffThread';

/** The device's sketch read ahead while the person picks a file (`prepareImport`), for the next preview. */
let prepared: { db: MentoringDb; sketch: Promise<ImportSketch> } | undefined;

/**
 * Gets ready for a file while the person picks one: starts the worker that opens files (so its code
 * is loaded) and reads the device's keys and revisions (`readImportSketch`), which the next preview
 * uses if the device has not changed since.
 */
export function prepareImport(db: MentoringDb = getDb()): void {
  startFileOpener();
  const sketch = readImportSketch(db);
  sketch.catch(() => {});
  prepared = { db, sketch };
}

/** The import screen closed: the worker ends (unless a file is being opened) and the sketch is let go. */
export function endImport(): void {
  stopFileOpener();
  prepared = undefined;
}

/** The sketch read ahead, if it is of this database and still what the device holds; else a fresh one. */
function sketchFor(db: MentoringDb): Promise<ImportSketch> {
  const ahead = prepared?.db === db ? prepared.sketch : undefined;
  prepared = undefined;
  const fresh = () => readImportSketch(db);
  const sketch = ahead
    ? ahead.then(async (read) => ((await readImportMarker(db)) === read.marker ? read : fresh()), fresh)
    : fresh();
  sketch.catch(() => {});
  return sketch;
}

/** What an import would do, shown before anything is written. */
export interface ImportPreview {
  file: OpenedFile;
  plan: ImportPlan;
  /** Journals in the file that are not on this device yet. */
  newJournalIds: string[];
  /** Journals in the file that are on this device, with my role. */
  knownJournals: { journalId: string; role: Role }[];
  /** The pair's journal as it will be after the import (pair files; first journal of a backup). */
  journal?: Journal;
  /** How far the file's latest stamp is ahead of this device's clock, when more than a day. */
  clockAheadMs?: number;
  /** What the plan was made from, and my roles it was made with: the apply uses it if nothing changed since. */
  basis: ImportBasis & { roles: Partial<Record<string, Role>> };
  /** The file opened again whole (every record carried): the apply needs it if the device changed since. */
  reopen: () => Promise<OpenedFile>;
}

/**
 * Opens a file and computes, without writing, what importing it would do. While the file is opened
 * (in a worker), the device's keys and revisions are read; the file then carries only the records
 * whose revision this device lacks, and only those are read here whole (`readForPreview`).
 */
export async function previewImport(
  input: Uint8Array | string,
  options: { passphrase?: string; db?: MentoringDb; whole?: boolean } = {},
): Promise<ImportPreview> {
  const db = options.db ?? getDb();
  const { passphrase } = options;
  const mark = timer('preview');
  // The device's keys and revisions (read ahead, or now while the file is opened): the opener waits
  // for them once its envelope is checked, to leave out the records this device has as they are.
  const sketch = sketchFor(db);
  // The records the plan needs are read as soon as the opener knows which it will carry.
  let reading: Promise<ImportBasis | undefined> | undefined;
  const file = await openFileOffThread(input, passphrase, {
    journalIds: () => (options.whole ? undefined : sketch.then((read) => read.revs)),
    carrying: (what) => {
      reading = sketch.then((read) => readForPreview(db, read, what));
      reading.catch(() => {});
    },
  });
  mark('open');
  const basis = await (reading ??
    readForPreview(db, await sketch, {
      journalIds: file.journalIds,
      recordIds: file.records.map((r) => r.id),
      withdrawnIds: file.withdrawn.map((w) => w.id),
      leftOutSame: leavesOutSame(file),
    }));
  // The device changed while the file was opened without the records it had then: open it whole.
  if (!basis) return previewImport(input, { ...options, whole: true });
  const { local } = basis;
  const foreignIds = foreignRecordIds(basis, file.journalIds, incomingIds(file));
  const roleOf = new Map(basis.memberships.map((m) => [m.journalId, m.role]));
  mark('read');
  const roles = Object.fromEntries(roleOf);
  const plan = countSameAsDevice(
    planImport(local, file.records, file.withdrawn, { foreignIds, roles }),
    file.sameAsDevice,
  );
  mark('merge');
  const after = recordsAfter(basis, plan);
  if (after > MAX_FILE_RECORDS) throw new FileRefusedError('too-many-for-device', tooManyForDevice(after));
  const journalId = file.journalIds[0]!;
  const remoteJournal = file.records.find((r) => r.id === journalId && r.kind === 'journal');
  const localJournal = local.find((r) => r.id === journalId && r.kind === 'journal');
  const journal = remoteJournal ? mergeRecords(localJournal, remoteJournal).record : localJournal;
  const preview: ImportPreview = {
    file,
    plan,
    newJournalIds: file.journalIds.filter((id) => !roleOf.has(id)),
    knownJournals: file.journalIds.flatMap((id) =>
      roleOf.has(id) ? [{ journalId: id, role: roleOf.get(id)! }] : [],
    ),
    journal: journal as Journal | undefined,
    basis: { ...basis, roles },
    reopen: () => openFileOffThread(input, passphrase),
  };
  const ahead = parseStamp(file.maxStamp).millis - db.wallClock();
  if (ahead > MAX_DRIFT_MS) preview.clockAheadMs = ahead;
  if (file.kind === 'pair' && !roleOf.has(journalId) && !journal) {
    throw new FileRefusedError(
      'no-journal',
      'This pair file does not hold the journal’s shared facts, so it cannot start a journal on this device. Nothing was imported.',
    );
  }
  return preview;
}

/** The ids of the records and withdrawals a file brings. */
function incomingIds(file: OpenedFile): string[] {
  return [...file.records.map((r) => r.id), ...file.withdrawn.map((w) => w.id)];
}

/** The partner's name in a journal, seen from my role. */
export function partnerName(journal: Journal | undefined, myRole: Role | undefined): string | undefined {
  if (!journal || !myRole) return undefined;
  return (myRole === 'mentee' ? journal.mentorName : journal.menteeName) || undefined;
}

/** My role in the journals of a preview that are new here: my answer, or what a backup recorded. */
function rolesFor(preview: ImportPreview, role?: Role): Record<string, Role> {
  const roles: Record<string, Role> = {};
  for (const m of preview.file.memberships) roles[m.journalId] = m.role;
  for (const id of preview.newJournalIds) if (role && !roles[id]) roles[id] = role;
  return roles;
}

/**
 * Applies a previewed import in one transaction. An edit made while the preview was open is merged,
 * not overwritten: the transaction uses the preview's plan only if nothing on this device changed
 * since it was read (see `readForImport`), and plans again against what is there otherwise. A pair
 * file's journal becomes the current one. Returns what was written and, when the file's clock was
 * far ahead, by how much.
 */
export async function applyImportFile(
  preview: ImportPreview,
  options: { role?: Role; db?: MentoringDb; acceptClockAhead?: boolean } = {},
): Promise<ApplyResult<ImportPlan>> {
  const db = options.db ?? getDb();
  const { file, basis } = preview;
  const hasCurrent = Boolean(await new DeviceRepository(db).currentJournalId());
  const roles = rolesFor(preview, options.role);
  const myRoles: Partial<Record<string, Role>> = {
    ...roles,
    ...Object.fromEntries(preview.knownJournals.map((k) => [k.journalId, k.role])),
  };
  // My role decides only which of my records a withdrawal may remove: the preview's plan holds
  // while my role is the same in every journal that has records here.
  const sameRoles = [...basis.journalsWithRecords].every((id) => myRoles[id] === basis.roles[id]);
  const apply = (opened: OpenedFile, usePreview: boolean) =>
    applyImport(db, {
      journalIds: opened.journalIds,
      incomingIds: incomingIds(opened),
      plan: (local, foreignIds) =>
        planImport(local, opened.records, opened.withdrawn, { foreignIds, roles: myRoles }),
      basis: usePreview ? { ...basis, plan: preview.plan } : undefined,
      // A file that left out what this device had can only apply the preview's plan.
      onlyBasis: leavesOutSame(opened),
      acceptClockAhead: options.acceptClockAhead,
      roles,
      makeCurrent: opened.kind === 'pair' || !hasCurrent ? opened.journalIds[0] : undefined,
      maxStamp: opened.maxStamp,
      resetNodeId: opened.kind === 'backup',
      cohorts: opened.kind === 'backup' ? opened.cohorts : undefined,
    });
  if (!sameRoles && leavesOutSame(file)) return apply(await preview.reopen(), false);
  try {
    return await apply(file, sameRoles);
  } catch (error) {
    // Something changed on this device since the preview: plan again from the whole file.
    if (error instanceof StaleBasisError) return apply(await preview.reopen(), false);
    throw error;
  }
}
