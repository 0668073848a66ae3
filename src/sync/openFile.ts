import * as z from 'zod/mini';
import { asideOf } from '../model/aside';
import { fieldWords, recordName } from '../model/describe';
import { ZERO_STAMP } from '../model/hlc';
import { KIND_NAMES, type KindName } from '../model/kind';
import type { AnyRecord } from '../model/kinds';
import { type DeviceRevs, recordRev } from '../model/rev';
import { elementsOf, setFieldsOf } from '../model/sets';
import { describeIssue } from '../model/validate';
import { sha256Hex } from './canonical';
import { decryptBytes } from './crypto';
import {
  type BackupCohort,
  type BackupMembership,
  encryptedFileSchema,
  FILE_KINDS,
  type FileKind,
  FORMAT_NAME,
  FORMAT_VERSION,
  headerText,
  MAX_RECORDS,
  payloadChecksum,
  payloadText,
  plainFileSchema,
  type Withdrawal,
} from './envelope';
import { FileRefusedError, NEWER_VERSION } from './fileError';
import { type DecodedFile, decodeFile, isObject, parseJson } from './parseJson';
import { type AsideNote, type DroppedRecord, restoreRecords } from './restore';

/** A file that passed every file-level check, its records restored one by one. */
export interface OpenedFile {
  kind: FileKind;
  appVersion: string;
  exportedAt: string;
  journalIds: string[];
  records: AnyRecord[];
  withdrawn: Withdrawal[];
  memberships: BackupMembership[];
  /** Cohorts a committee member kept on the device (a backup only; a pair file never carries them). */
  cohorts: BackupCohort[];
  /** Records left out, each with its reason. */
  dropped: DroppedRecord[];
  /** Values this version could not use, kept aside with their records (the rest of each record is kept). */
  aside: AsideNote[];
  /** Top-level parts of the file this version does not know (a newer minor change): ignored. */
  ignoredParts: string[];
  /** The latest stamp in the file: the clock receives it after the import commits. */
  maxStamp: string;
  encrypted: boolean;
  /**
   * Records of the file this device already has as they are (same revision, src/model/rev.ts),
   * per kind: counted here, not carried in `records`. Empty unless the opener was told this
   * device's revisions (`OpenNotify`).
   */
  sameAsDevice: Partial<Record<KindName, number>>;
}

export interface OpenNotify {
  /**
   * Told the file's journals as soon as its envelope is checked, before its records are restored.
   * It may answer with this device's revisions: a record of one of those journals whose revision
   * is the device's is then counted in `sameAsDevice` instead of carried.
   */
  journalIds?: (ids: string[]) => Promise<DeviceRevs | undefined> | undefined;
  /** Told, before the records are restored, which of them the file will carry (see `Carrying`). */
  carrying?: (what: Carrying) => void;
}

/** The ids of what an opened file will carry: a superset of its records' (restoring may drop some). */
export interface Carrying {
  journalIds: string[];
  recordIds: string[];
  withdrawnIds: string[];
  /** Whether records this device has as they are were left out. */
  leftOutSame: boolean;
}

/** Whether some of a file's records were left out as already on this device (see `sameAsDevice`). */
export const leavesOutSame = (file: Pick<OpenedFile, 'sameAsDevice'>): boolean =>
  Object.keys(file.sameAsDevice).length > 0;

/**
 * Migrations from each older format version to the next: `MIGRATIONS[n]` turns a version-n file
 * into a version-(n+1) file. Each works on the file as parsed (before any record is restored), so
 * it must accept anything and change only what it understands.
 */
export const MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {
  /** 1 → 2: every list that now merges as a set gets its element map, each element stamped with the list's stamp. */
  1: (file) => {
    const payload = file.payload;
    if (!isObject(payload) || !Array.isArray(payload.records)) return file;
    const records = payload.records.map((raw) => {
      if (
        !isObject(raw) ||
        typeof raw.kind !== 'string' ||
        !KIND_SET.has(raw.kind) ||
        !isObject(raw.stamps)
      ) {
        return raw;
      }
      const record = raw as Record<string, unknown> & { stamps: Record<string, string> };
      const elements: Record<string, unknown> = {};
      for (const [field, keyProperty] of Object.entries(setFieldsOf(raw.kind as KindName))) {
        if (Array.isArray(record[field]) && typeof record.stamps[field] === 'string') {
          elements[field] = elementsOf(record, field, keyProperty);
        }
      }
      return Object.keys(elements).length ? { ...record, elements } : record;
    });
    return { ...file, payload: { ...payload, records } };
  },
};

const KIND_SET: ReadonlySet<string> = new Set(KIND_NAMES);

/** The top-level parts of a plain file this version reads; any other is ignored and listed. */
const KNOWN_PARTS = new Set(Object.keys(plainFileSchema.def.shape));

const WRONG_SHAPE = 'This is not a Mentoring Journal file: it does not have the parts such a file has.';

function wrongShape(detail?: string): FileRefusedError {
  return new FileRefusedError(
    'wrong-shape',
    `${WRONG_SHAPE}${detail ? ` (${detail})` : ''} Nothing was imported.`,
  );
}

/** What is wrong with a file's envelope, in words: "the part “journal ids” is missing". */
function issuePath(error: z.core.$ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const words = fieldWords(issue.path);
  const where = !issue.path.length
    ? 'the file'
    : words.startsWith('its ')
      ? `the part “${words.slice(4)}”`
      : words;
  return `${where} ${describeIssue(issue, input)}`;
}

/**
 * Records how long each step of opening a file takes as User Timing measures
 * ("mj:open:parse"…), visible in the browser's performance tools and read by the browser test.
 */
export function timer(prefix: string): (step: string) => void {
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    performance.measure?.(`mj:${prefix}:${step}`, { start: last, end: now });
    last = now;
  };
}

/** Brings an older file up to the current format, one version at a time; refuses a newer one. */
export function migrate(file: Record<string, unknown>): Record<string, unknown> {
  let current = file;
  let version = current.formatVersion as number;
  if (version > FORMAT_VERSION) throw new FileRefusedError('newer-version', NEWER_VERSION);
  while (version < FORMAT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw wrongShape(`format version ${version} is unknown`);
    current = step(current);
    version += 1;
    current.formatVersion = version;
  }
  return current;
}

/** Checks the parts every file has before looking further: format name, version and kind. */
function checkHeader(value: unknown): Record<string, unknown> {
  if (!isObject(value) || value.format !== FORMAT_NAME) throw wrongShape();
  const version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw wrongShape('its format version is missing');
  }
  if (version > FORMAT_VERSION) throw new FileRefusedError('newer-version', NEWER_VERSION);
  if (!(FILE_KINDS as readonly unknown[]).includes(value.kind)) {
    throw new FileRefusedError(
      'unknown-kind',
      `This file is a kind of Mentoring Journal file this version does not know (“${String(value.kind).slice(0, 40)}”). Nothing was imported.`,
    );
  }
  return value;
}

/**
 * The SHA-256 of a file's payload exactly as it stands in the file, when the file is laid out as
 * the app writes it (payload last, canonical: see `writeFile`). Taken over the file's own bytes
 * where there are some, before the text is parsed, so no second copy of the payload is ever made.
 */
async function payloadHashAsWritten({ text, bytes }: DecodedFile): Promise<string | undefined> {
  const where = payloadText(text);
  if (!where) return undefined;
  if (!bytes) return sha256Hex(text.slice(where.start, where.end));
  // Byte offsets: the envelope before the payload and the closing brace after it are short.
  const encoder = new TextEncoder();
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const start = bom + encoder.encode(text.slice(0, where.start)).byteLength;
  const end = bytes.byteLength - encoder.encode(text.slice(where.end)).byteLength;
  if (end < start) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', bytes.subarray(start, end) as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Opens a file: decodes (unpacking a compressed one), parses safely, decrypts if needed, migrates,
 * checks the envelope and the checksum, then restores each record. Any file-level fault throws a
 * FileRefusedError whose message says what is wrong; record-level faults only drop the faulty
 * records (listed in `dropped`). Pure apart from WebCrypto and compression streams: it reads no
 * clock and no database.
 */
export async function openFile(
  input: Uint8Array | string,
  passphrase?: string,
  notify: OpenNotify = {},
): Promise<OpenedFile> {
  const mark = timer('open');
  let decoded: DecodedFile | undefined = await decodeFile(input);
  mark('decode');
  let asWritten = await payloadHashAsWritten(decoded);
  mark('hash');
  let parsed = checkHeader(parseJson(decoded.text));
  decoded = undefined;
  mark('parse');
  let encrypted = false;
  if ('encryption' in parsed || 'ciphertext' in parsed) {
    const sealed = z.safeParse(encryptedFileSchema, parsed);
    if (!sealed.success) throw wrongShape(issuePath(sealed.error, parsed));
    if (passphrase === undefined || passphrase === '') {
      throw new FileRefusedError(
        'needs-passphrase',
        'This file is locked with a passphrase. Enter it to open the file.',
      );
    }
    const inner = await decryptBytes(
      sealed.data.encryption,
      sealed.data.ciphertext,
      passphrase,
      headerText(sealed.data),
    );
    decoded = await decodeFile(inner);
    asWritten = await payloadHashAsWritten(decoded);
    parsed = checkHeader(parseJson(decoded.text));
    decoded = undefined;
    if ('encryption' in parsed) throw wrongShape('it is encrypted twice');
    if (parsed.kind !== sealed.data.kind) throw wrongShape('its inside does not match its outside');
    encrypted = true;
  }
  // The checksum covers the file as it was written, so it is checked before any migration.
  const payload = parsed.payload;
  if (isObject(payload) && Array.isArray(payload.records) && payload.records.length > MAX_RECORDS) {
    throw new FileRefusedError(
      'too-many-records',
      `This file holds ${payload.records.length.toLocaleString('en')} records; a journal file never holds more than ${MAX_RECORDS.toLocaleString('en')}. Nothing was imported.`,
    );
  }
  const written = z.safeParse(plainFileSchema, parsed);
  if (!written.success) throw wrongShape(issuePath(written.error, parsed));
  const device: Promise<DeviceRevs | undefined> = Promise.resolve(
    notify.journalIds?.(written.data.journalIds) ?? undefined,
  ).catch(() => undefined);
  mark('envelope');
  // A file laid out as the app writes it is checked over its own text; any other is written canonically first.
  const checksum =
    asWritten === written.data.sha256 ? asWritten : await payloadChecksum(written.data.payload);
  mark('checksum');
  if (checksum !== written.data.sha256) {
    throw new FileRefusedError(
      'checksum',
      'This file was changed or damaged after it was saved (its checksum does not match). Ask for a fresh copy. Nothing was imported.',
    );
  }
  const migrated = migrate(parsed);
  const checked = z.safeParse(plainFileSchema, migrated);
  if (!checked.success) throw wrongShape(issuePath(checked.error, migrated));
  const file = checked.data;
  const ignoredParts = Object.keys(migrated)
    .filter((key) => !KNOWN_PARTS.has(key))
    .map((key) => key.slice(0, 40))
    .slice(0, 20);
  const seen = new Set<string>();
  for (const raw of file.payload.records) {
    const id = isObject(raw) ? raw.id : undefined;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) {
      throw new FileRefusedError(
        'duplicate-ids',
        `This file lists the same record twice (id ${id.slice(0, 40)}), so it cannot be trusted. Nothing was imported.`,
      );
    }
    seen.add(id);
  }
  if (file.kind === 'pair' && file.journalIds.length !== 1) throw wrongShape('a pair file holds one journal');
  if (file.kind === 'backup' && file.journalIds.length === 0 && !file.payload.cohorts?.length)
    throw wrongShape('a backup holds a journal or a kept cohort');

  const journals = new Set(file.journalIds);
  // Records this device has as they are are counted, not restored: they will not be written.
  const { rest, sameAsDevice } = leaveOutSame(file.payload.records, journals, await device);
  const withdrawn = (file.payload.withdrawn ?? []).filter((w) => !seen.has(w.id));
  notify.carrying?.({
    journalIds: file.journalIds,
    recordIds: rest.flatMap((raw) => (isObject(raw) && typeof raw.id === 'string' ? [raw.id] : [])),
    withdrawnIds: withdrawn.map((w) => w.id),
    leftOutSame: leavesOutSame({ sameAsDevice }),
  });
  mark('same');
  const { records: restored, dropped, aside } = restoreRecords(rest);
  mark('restore');
  const records: AnyRecord[] = [];
  let maxStamp = ZERO_STAMP;
  for (const record of restored) {
    if (!journals.has(record.journalId)) {
      dropped.push({
        id: record.id,
        name: recordName(record.kind, record),
        reason: 'it belongs to a journal this file does not list',
      });
      continue;
    }
    if (file.kind === 'pair' && record.visibility === 'private') {
      dropped.push({
        id: record.id,
        name: recordName(record.kind, record),
        reason: 'it is marked private, and a pair file never carries private records',
      });
      continue;
    }
    for (const stamp of Object.values(record.stamps)) if (stamp > maxStamp) maxStamp = stamp;
    for (const { stamp } of Object.values(asideOf(record))) if (stamp && stamp > maxStamp) maxStamp = stamp;
    records.push(record);
  }
  const kept = new Set(records.map((r) => r.id));
  for (const w of withdrawn) if (w.at > maxStamp) maxStamp = w.at;
  return {
    kind: file.kind,
    appVersion: file.appVersion,
    exportedAt: file.exportedAt,
    journalIds: file.journalIds,
    records,
    withdrawn,
    // Device-only state comes only from this device's own backup: a pair file's is never read.
    memberships:
      file.kind === 'backup' ? (file.payload.memberships ?? []).filter((m) => journals.has(m.journalId)) : [],
    cohorts: file.kind === 'backup' ? (file.payload.cohorts ?? []) : [],
    dropped,
    aside: aside.filter((note) => kept.has(note.id)),
    ignoredParts,
    maxStamp,
    encrypted,
    sameAsDevice,
  };
}

/**
 * Of a file's records as written (before they are restored), those whose revision differs from this
 * device's (or that it lacks, or that are not records at all: restoring them says why), and how many
 * of each kind of the file's journals it has as they are.
 */
function leaveOutSame(
  raws: readonly unknown[],
  journals: ReadonlySet<string>,
  device: DeviceRevs | undefined,
): { rest: unknown[]; sameAsDevice: Partial<Record<KindName, number>> } {
  const sameAsDevice: Partial<Record<KindName, number>> = {};
  if (!device?.size) return { rest: [...raws], sameAsDevice };
  const rest: unknown[] = [];
  for (const raw of raws) {
    const here = isObject(raw) && typeof raw.id === 'string' ? device.get(raw.id) : undefined;
    if (
      here !== undefined &&
      isObject(raw) &&
      typeof raw.kind === 'string' &&
      KIND_SET.has(raw.kind) &&
      typeof raw.journalId === 'string' &&
      journals.has(raw.journalId) &&
      isObject(raw.stamps) &&
      here === recordRev(raw as Parameters<typeof recordRev>[0])
    ) {
      const kind = raw.kind as KindName;
      sameAsDevice[kind] = (sameAsDevice[kind] ?? 0) + 1;
    } else rest.push(raw);
  }
  return { rest, sameAsDevice };
}
