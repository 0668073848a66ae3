/** Pair files and backups: what goes in them, their names, and handing them to the person. */
import { cohortsForBackup } from '../db/cohorts';
import { getDb, type MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import { StorageError } from '../db/errors';
import { deviceMemberships, readJournalRecords } from '../db/importTransaction';
import { withAsideWrittenBack } from '../model/aside';
import type { Role } from '../model/constants';
import type { Journal } from '../model/journal';
import type { AnyRecord } from '../model/kinds';
import { encryptFile, type FileOptions, MAX_RECORDS, type PlainFile, writeFile } from './envelope';
import { withdrawalsOf } from './merge';
import { gzip, MAX_FILE_BYTES } from './parseJson';

const byId = (a: AnyRecord, b: AnyRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What a pair file carries from a journal: the shared facts and every pair or committee record,
 * tombstones included, plus a withdrawal marker (id only) for each record made private after it
 * was shared. Never a private record; device-only state is not in records at all.
 */
export function pairPayload(records: readonly AnyRecord[], myRole: Role) {
  return {
    records: records
      .filter((r) => r.visibility !== 'private')
      .map(withAsideWrittenBack)
      .sort(byId),
    withdrawn: withdrawalsOf(records, myRole),
  };
}

/** Lowercase words joined by dashes, letters only: "Ana Kowalska" → "ana-kowalska". */
export function slug(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** The file name says whose journal and when: `mentoring-journal-ana-kowalska-2026-11-22.json`. */
export function fileName(kind: 'pair' | 'backup', date: string, journal?: Journal): string {
  const day = date.slice(0, 10);
  if (kind === 'backup') return `mentoring-journal-backup-${day}.json`;
  const who = slug(journal?.menteeName) || slug(journal?.mentorName) || 'journal';
  return `mentoring-journal-${who}-${day}.json`;
}

/**
 * Files whose JSON is larger than this are written gzip-compressed (the app tells them apart by
 * their first bytes, whatever their name): a journal of tens of thousands of records then travels
 * as a tenth of its size. Smaller files stay plain JSON, readable by any version and by a person.
 */
export const COMPRESS_ABOVE_BYTES = 8 * 1024 * 1024;

export interface ExportedFile {
  name: string;
  /** The file's JSON text (for an encrypted file, its visible envelope with the ciphertext). */
  text: string;
  /** The file as it is handed over: `text` in UTF-8, or gzip-compressed when over COMPRESS_ABOVE_BYTES. */
  bytes: Uint8Array;
  /** Whether `bytes` (or, when encrypted, what is sealed inside) are gzip-compressed. */
  compressed: boolean;
  file: PlainFile;
}

/** A file the app could not read back is never written: one with more records than a file may hold is refused. */
function checkRecords(records: number): void {
  if (records > MAX_RECORDS) {
    throw new StorageError(
      `This file would hold ${records.toLocaleString('en')} records, more than one file can carry (${MAX_RECORDS.toLocaleString('en')}). Nothing was written.`,
    );
  }
}

/** …nor one larger than a file may be, as stored or unpacked. */
function checkBytes(bytes: number): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new StorageError(
      `This file would be ${Math.round(bytes / 2 ** 20)} MB, more than one file can carry (${MAX_FILE_BYTES / 2 ** 20} MB). Nothing was written. Delete long texts you no longer need, or remove a journal from this device after backing it up, then try again.`,
    );
  }
}

/** Writes a file's text and bytes: compressed when large, encrypted when a passphrase is given. */
async function seal(options: FileOptions, passphrase?: string): Promise<Omit<ExportedFile, 'name'>> {
  checkRecords(options.payload.records.length);
  const { file, text: plain } = await writeFile(options);
  const utf8 = new Blob([plain]);
  checkBytes(utf8.size);
  const packed = utf8.size > COMPRESS_ABOVE_BYTES ? await gzip(utf8) : undefined;
  const compressed = packed !== undefined;
  if (passphrase) {
    const text = JSON.stringify(await encryptFile(file, passphrase, undefined, packed ?? plain));
    checkBytes(text.length);
    return { text, bytes: new TextEncoder().encode(text), compressed, file };
  }
  const bytes = packed ?? new Uint8Array(await utf8.arrayBuffer());
  return { text: plain, bytes, compressed, file };
}

/** Makes the pair file of a journal and records the export date on this device. */
export async function exportPairFile(
  journalId: string,
  options: { passphrase?: string; db?: MentoringDb; appVersion?: string } = {},
): Promise<ExportedFile> {
  const db = options.db ?? getDb();
  const records = await readJournalRecords(db, [journalId]);
  const membership = await new DeviceRepository(db).membership(journalId);
  if (!membership)
    throw new StorageError('This journal is not on this device, so it cannot be shared from here.');
  const journal = records.find((r) => r.id === journalId && r.kind === 'journal') as Journal | undefined;
  const exportedAt = new Date(db.wallClock()).toISOString();
  const sealed = await seal(
    {
      kind: 'pair',
      appVersion: options.appVersion ?? __APP_VERSION__,
      exportedAt,
      journalIds: [journalId],
      payload: pairPayload(records, membership.role),
    },
    options.passphrase,
  );
  await new DeviceRepository(db).setMembership(journalId, { lastExportAt: exportedAt });
  return { name: fileName('pair', exportedAt, journal), ...sealed };
}

/**
 * Makes a backup of every journal on this device (private records and my roles included) and of
 * the cohorts kept here: a committee member with no journal backs up the kept cohorts alone.
 */
export async function exportBackupFile(
  options: { passphrase?: string; db?: MentoringDb; appVersion?: string } = {},
): Promise<ExportedFile> {
  const db = options.db ?? getDb();
  const memberships = await deviceMemberships(db);
  const journalIds = memberships.map((m) => m.journalId).sort();
  const records = (await readJournalRecords(db, journalIds)).map(withAsideWrittenBack).sort(byId);
  const cohorts = await cohortsForBackup(db);
  if (journalIds.length === 0 && cohorts.length === 0)
    throw new StorageError(
      'There is nothing to back up on this device yet: no journal and no kept cohort. Nothing was written.',
    );
  const exportedAt = new Date(db.wallClock()).toISOString();
  const sealed = await seal(
    {
      kind: 'backup',
      appVersion: options.appVersion ?? __APP_VERSION__,
      exportedAt,
      journalIds,
      payload: {
        records,
        memberships: memberships.map(({ journalId, role }) => ({ journalId, role })),
        // Kept cohorts (a committee member's) travel in this device's backup, never in a pair file.
        ...(cohorts.length > 0 && { cohorts }),
      },
    },
    options.passphrase,
  );
  const device = new DeviceRepository(db);
  for (const id of journalIds) await device.setMembership(id, { lastBackupAt: exportedAt });
  return { name: fileName('backup', exportedAt), ...sealed };
}

export { canShareFile, deliverFile } from './deliverFile';
