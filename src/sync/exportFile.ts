/** Pair files and backups: what goes in them, their names, and handing them to the person. */
import { getDb, type MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import { StorageError } from '../db/errors';
import { deviceMemberships, readJournalRecords } from '../db/importTransaction';
import { withAsideWrittenBack } from '../model/aside';
import type { Role } from '../model/constants';
import type { Journal } from '../model/journal';
import type { AnyRecord } from '../model/kinds';
import { buildFile, encryptFile, type PlainFile } from './envelope';
import { withdrawalsOf } from './merge';

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

export interface ExportedFile {
  name: string;
  text: string;
  file: PlainFile;
}

async function seal(file: PlainFile, passphrase?: string): Promise<string> {
  return JSON.stringify(passphrase ? await encryptFile(file, passphrase) : file);
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
  const file = await buildFile({
    kind: 'pair',
    appVersion: options.appVersion ?? __APP_VERSION__,
    exportedAt,
    journalIds: [journalId],
    payload: pairPayload(records, membership.role),
  });
  const text = await seal(file, options.passphrase);
  await new DeviceRepository(db).setMembership(journalId, { lastExportAt: exportedAt });
  return { name: fileName('pair', exportedAt, journal), text, file };
}

/** Makes a backup of every journal on this device (private records and my roles included). */
export async function exportBackupFile(
  options: { passphrase?: string; db?: MentoringDb; appVersion?: string } = {},
): Promise<ExportedFile> {
  const db = options.db ?? getDb();
  const memberships = await deviceMemberships(db);
  const journalIds = memberships.map((m) => m.journalId).sort();
  const records = (await readJournalRecords(db, journalIds)).map(withAsideWrittenBack).sort(byId);
  const exportedAt = new Date(db.wallClock()).toISOString();
  const file = await buildFile({
    kind: 'backup',
    appVersion: options.appVersion ?? __APP_VERSION__,
    exportedAt,
    journalIds,
    payload: {
      records,
      memberships: memberships.map(({ journalId, role }) => ({ journalId, role })),
    },
  });
  const text = await seal(file, options.passphrase);
  const device = new DeviceRepository(db);
  for (const id of journalIds) await device.setMembership(id, { lastBackupAt: exportedAt });
  return { name: fileName('backup', exportedAt), text, file };
}

/**
 * Hands a file to the person: the share sheet where the browser can share files (phones),
 * otherwise a download. Returns what happened.
 */
export async function deliverFile(
  { name, text }: { name: string; text: string },
  nav: Navigator = navigator,
): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const file = new File([text], name, { type: 'application/json' });
  if (typeof nav.canShare === 'function' && nav.canShare({ files: [file] })) {
    try {
      await nav.share({ files: [file], title: name });
      return 'shared';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return 'cancelled';
      // Sharing failed for another reason (not allowed here): fall back to a download.
    }
  }
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}
